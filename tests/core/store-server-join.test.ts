/**
 * Issue 12, section 1: a till joins a store server, for real, on throwaway PostgreSQL servers.
 *
 * - The connection test tells apart what failed: nothing listening (unreachable), a wrong
 *   password (authentication), TLS (not offered, or a certificate from another CA), a database
 *   that does not exist; and passes with verify-full against the CA that signed the server.
 * - Two new tills join at once under one name: one gets it, the other is told TILL_NAME_TAKEN
 *   and stays on its own file. The first till migrates; the later ones find it done.
 * - The join reopens the till on the server under its claimed name; a restart finds the server
 *   again from the till's file, whose password is sealed (not in the file's text, and another
 *   computer's keychain cannot open it: safe mode, saying why).
 * - Once set up, first-run joining is closed (SETUP_ALREADY_DONE); an admin changes the
 *   connection in Settings with re-authentication, tested first, and only to a server that holds
 *   this till.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, callerFor, resultCode, tempDir, turnOffTwoFactorPolicy } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { createMug, mugSale, setUpStore, tillIn, type StoreTill } from '../helpers/store-server';
import { makeTestCertificates } from '../helpers/test-certificates';

const bin = findPostgres();

describe.skipIf(!bin)('a till joins a store server (issue 12, section 1)', () => {
  let pg: PgServer;
  let plain: PgServer;
  let n = 0;
  /** A connection to `database` on the TLS-capable server, as the join form sends it. */
  const to = (database: string, extra: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port: pg.port,
    database,
    user: 'kassa',
    password: 'unused with trust',
    tls: 'disable',
    ...extra,
  });
  const fresh = async () => {
    n += 1;
    const name = `join_${n}`;
    await createDatabase(pg, name);
    return name;
  };

  beforeAll(async () => {
    pg = await startPostgres(bin!, {
      tls: true,
      hba: [
        'host all pw_user 127.0.0.1/32 scram-sha-256',
        'hostnossl all tls_user 127.0.0.1/32 reject',
      ],
    });
    plain = await startPostgres(bin!);
    await sqlOn(pg.url, "CREATE ROLE pw_user LOGIN PASSWORD 'right horse'");
    await sqlOn(pg.url, 'CREATE ROLE tls_user LOGIN');
  }, 60_000);
  afterAll(() => {
    pg?.stop();
    plain?.stop();
  });

  it('says exactly what failed, and passes verify-full with the right CA', async () => {
    const till = await tillIn(tempDir(), 'Till 1');
    try {
      const test = (c: Record<string, unknown>) => till.must('storeServer:test', { connection: c });
      expect(await test(to('postgres'))).toMatchObject({ ok: true });
      expect(await test({ ...to('postgres'), port: plain.port + 1 })).toMatchObject({
        ok: false,
        problem: 'unreachable',
      });
      const wrong = await test(to('postgres', { user: 'pw_user', password: 'wrong horse' }));
      expect(wrong).toMatchObject({ ok: false, problem: 'authentication' });
      expect(JSON.stringify(wrong)).not.toContain('wrong horse');
      expect(
        await test(to('postgres', { user: 'pw_user', password: 'right horse' })),
      ).toMatchObject({ ok: true });
      expect(await test(to('no_such_db'))).toMatchObject({ ok: false, problem: 'database' });
      // TLS: the server refuses this user without it; a server without TLS; a stranger's CA.
      expect(await test(to('postgres', { user: 'tls_user' }))).toMatchObject({
        ok: false,
        problem: 'tls',
      });
      expect(await test(to('postgres', { user: 'tls_user', tls: 'require' }))).toMatchObject({
        ok: true,
      });
      expect(await test({ ...to('postgres'), port: plain.port, tls: 'require' })).toMatchObject({
        ok: false,
        problem: 'tls',
      });
      const stranger = makeTestCertificates(tempDir()).ca;
      expect(await test(to('postgres', { tls: 'verify-full', ca: stranger }))).toMatchObject({
        ok: false,
        problem: 'tls',
      });
      expect(await test(to('postgres', { tls: 'verify-full', ca: pg.ca }))).toMatchObject({
        ok: true,
        serverVersion: expect.stringMatching(/^1[4-9]/),
      });
      // verify-full without a CA is bad input: refused by the schema, nothing tried.
      const noCa = await till.invoke(
        'storeServer:test',
        { connection: to('postgres', { tls: 'verify-full' }) },
        callerFor(1),
      );
      expect(resultCode(noCa)).toBe('VALIDATION_FAILED');
      expect((await till.must('app:status')).database).toBe('local');
    } finally {
      await till.close();
    }
  }, 60_000);

  it('two tills claim one name at once: one joins, the other is told and stays local', async () => {
    const db = await fresh();
    const [a, b] = await Promise.all([tillIn(tempDir(), 'A'), tillIn(tempDir(), 'B')]);
    try {
      const answers = await Promise.all(
        [a, b].map((t) =>
          t.invoke('storeServer:join', { connection: to(db), tillName: 'Front' }, callerFor(1)),
        ),
      );
      expect(answers.map(resultCode).sort()).toEqual(['TILL_NAME_TAKEN', 'ok']);
      const [winner, loser] = answers[0]!.ok ? [a, b] : [b, a];
      expect(await winner.must('app:status')).toMatchObject({
        database: 'server',
        terminalName: 'Front',
        setupRequired: true,
      });
      expect((await loser.must('app:status')).database).toBe('local');
      expect(() => readFileSync(join(loser.dir, 'store-server.json'))).toThrow();
      const tills = await sqlOn(pg.url.replace(/postgres$/, db), 'SELECT name FROM tills');
      expect(tills).toEqual([{ name: 'Front' }]);
      // The other till joins under its own name and finds the migrations done.
      expect(
        await loser.must('storeServer:join', { connection: to(db), tillName: 'Back' }),
      ).toEqual({ tillName: 'Back' });
      expect((await loser.must('app:status')).terminalName).toBe('Back');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it('sells on the server after a join, and finds it again after a restart', async () => {
    const db = await fresh();
    const url = pg.url.replace(/postgres$/, db);
    const secret = to(db, { user: 'pw_user', password: 'right horse' });
    await sqlOn(pg.url, `GRANT ALL ON DATABASE ${db} TO pw_user`);
    await sqlOn(url, 'GRANT ALL ON SCHEMA public TO pw_user');
    const one = await tillIn(tempDir(), 'one');
    const twoDir = tempDir();
    let two: StoreTill | null = await tillIn(twoDir, 'two');
    try {
      await one.must('storeServer:join', { connection: secret, tillName: 'Till 1' });
      await setUpStore(one, url);
      const mug = await createMug(one);
      await one.must('sales:checkout', mugSale(mug));
      // Once the store has staff, first-run joining is closed on every till.
      const again = await one.invoke(
        'storeServer:join',
        { connection: secret, tillName: 'Till 9' },
        callerFor(2),
      );
      expect(resultCode(again)).toBe('SETUP_ALREADY_DONE');

      await two.must('storeServer:join', { connection: secret, tillName: 'Till 2' });
      const file = readFileSync(join(twoDir, 'store-server.json'), 'utf8');
      expect(file).not.toContain('right horse');
      expect(JSON.parse(file)).toMatchObject({ host: '127.0.0.1', user: 'pw_user' });
      expect(await two.must('app:status')).toMatchObject({ setupRequired: false });
      await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      await two.must('sales:checkout', mugSale(mug, 2));

      // A restart finds the server from the file, under the claimed name.
      await two.close();
      two = await tillIn(twoDir, 'two');
      expect(await two.must('app:status')).toMatchObject({
        database: 'server',
        terminalName: 'Till 2',
        safeMode: false,
      });
      // Its chain on the server is its own, sealed there: not its first-run SQLite chain's seal
      // "removed" (the set-up marker forgot that one at the join).
      expect((await two.must('app:status')).integrity.auditChain).toMatchObject({
        state: 'ok',
      });
      await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      const list = await two.must('sales:list', {});
      expect(list.items).toHaveLength(2);
      await two.close();
      // Another computer's keychain cannot open the sealed password: safe mode, saying why.
      two = await tillIn(twoDir, 'a stranger');
      const status = await two.must('app:status');
      expect(status.safeMode).toBe(true);
      expect(status.integrity.safeModeReason).toMatch(/store server settings could not be read/);
    } finally {
      await one.close();
      await two?.close();
    }
  }, 90_000);

  it('Settings changes the connection only with re-authentication, tested, to this store', async () => {
    const db = await fresh();
    const url = pg.url.replace(/postgres$/, db);
    const dir = tempDir();
    const till = await tillIn(dir, 'Till 1');
    try {
      await till.must('storeServer:join', { connection: to(db), tillName: 'Till 1' });
      await setUpStore(till, url);
      expect(await till.must('storeServer:connection')).toEqual({
        kind: 'server',
        host: '127.0.0.1',
        port: pg.port,
        database: db,
        user: 'kassa',
        tls: 'disable',
        tillName: 'Till 1',
      });
      const file = () => readFileSync(join(dir, 'store-server.json'), 'utf8');
      const before = file();
      const change = (c: Record<string, unknown>) =>
        till.invoke('storeServer:change', { connection: c }, callerFor(1));
      // Signed in by set-up minutes ago: re-authentication is still fresh. A bad connection
      // changes nothing.
      const refused = await change(to(db, { user: 'pw_user', password: 'wrong horse' }));
      expect(resultCode(refused)).toBe('STORE_SERVER_REFUSED');
      expect(refused.ok ? '' : refused.error.message).toMatch(/refused that user or password/);
      const other = await fresh();
      expect(resultCode(await change(to(other)))).toBe('NOT_FOUND');
      expect(file()).toBe(before);
      // Now with TLS checked against the CA: saved, and the till reopened on it.
      const ok = await change(to(db, { tls: 'verify-full', ca: pg.ca }));
      expect(ok).toEqual({ ok: true, data: { tillName: 'Till 1' } });
      expect(JSON.parse(file())).toMatchObject({ tls: 'verify-full' });
      await till.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      expect(await till.must('storeServer:connection')).toMatchObject({ tls: 'verify-full' });
      const audit = await sqlOn(
        url,
        "SELECT action, actor_name FROM audit_events WHERE action LIKE 'store\\_server.%' ORDER BY id",
      );
      expect(audit).toEqual([
        { action: 'store_server.join', actor_name: null },
        { action: 'store_server.change', actor_name: ADMIN.username },
      ]);
    } finally {
      await till.close();
    }
  }, 90_000);

  it('a till on its own file has no server to change; a set-up local till cannot join', async () => {
    const till = await tillIn(tempDir(), 'Solo');
    try {
      await turnOffTwoFactorPolicy(join(till.dir, 'till.sqlite'));
      await till.must('setup:createAdmin', ADMIN);
      expect(await till.must('storeServer:connection')).toEqual({ kind: 'local' });
      const change = await till.invoke(
        'storeServer:change',
        { connection: to('postgres') },
        callerFor(1),
      );
      expect(resultCode(change)).toBe('CONFLICT');
      const test = await till.invoke(
        'storeServer:test',
        { connection: to('postgres') },
        callerFor(2),
      );
      expect(resultCode(test)).toBe('SETUP_ALREADY_DONE');
    } finally {
      await till.close();
    }
  });
});

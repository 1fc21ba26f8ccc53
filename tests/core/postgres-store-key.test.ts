/**
 * Issue 12: the secrets a store's tills share (TOTP seeds, the SMTP password, the one-time codes'
 * key) open on every till of a store server, and on no server alone (electron/core/secrets/
 * store-key.ts, migration 1790000018000).
 *
 * Before, each till sealed them with its own keychain's key: a member who enrolled 2FA on till 1
 * could not sign in on till 2 (KEYCHAIN_UNAVAILABLE), and e-mail set up on one till failed on the
 * others. Here, on a throwaway server, with a real SMTP server that demands the password:
 * - 2FA enrolled on till 1 signs in on till 2, and mail saved on till 2 sends from till 1;
 * - a password-reset code mailed from till 1 is taken on till 2 (the codes' HMAC key);
 * - a till that joins while no other runs answers STORE_KEY_PENDING, then gets the key as soon as
 *   another till starts;
 * - two tills starting at once on a new store make one key;
 * - a wrapped key moved onto another till's row does not open;
 * - a till whose keychain is replaced while another till wraps the key for its old key pair is
 *   not left with a key it cannot open (that wrap is dropped, and the next round wraps again);
 * - a till's own file, with 2FA and mail set up, copied to a server: both work there, and on the
 *   next till.
 */
import { join } from 'node:path';
import pgDriver from 'pg';
import { URI, type TOTP } from 'otpauth';
import { createMemorySecretStore, KeychainUnavailableError } from '../../electron/core/secrets';
import { ADMIN, callerFor, resultCode, tempDir } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { setUpStore, storeTill, tillIn, type StoreTill } from '../helpers/store-server';

const bin = findPostgres();
const SMTP = { user: 'shop@shop.test', pass: 'Sm7p-shared-by-every-till' };
const SIGN_IN = { identifier: ADMIN.username, password: ADMIN.password };

/** The code an authenticator shows for `uri`, `steps` 30-second steps from now (±1 is accepted). */
const codeFor = (uri: string, steps: number) =>
  (URI.parse(uri) as TOTP).generate({ timestamp: Date.now() + steps * 30_000 });

/** Waits until every till of the store at `url` holds the store key (wrapped for it). */
async function keysShared(url: string, tills: number) {
  await expect
    .poll(async () => (await sqlOn(url, 'SELECT till_id FROM store_keys')).length, {
      timeout: 15_000,
      interval: 200,
    })
    .toBe(tills);
}

describe.skipIf(!bin)('the store key on a store server (issue 12)', () => {
  let pg: PgServer;
  let smtp: TestSmtpServer;
  const open: StoreTill[] = [];
  const till = async (url: string, name: string) => {
    const t = await storeTill(url, name);
    open.push(t);
    return t;
  };
  const mail = () => ({
    host: smtp.host,
    port: smtp.port,
    tls: 'none' as const,
    user: SMTP.user,
    password: SMTP.pass,
    from: 'till@shop.test',
  });

  beforeAll(async () => {
    pg = await startPostgres(bin!);
    smtp = await startSmtpServer({ credentials: SMTP });
  }, 60_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });
  afterAll(async () => {
    await smtp?.close();
    pg?.stop();
  });

  it('2FA enrolled on till 1 signs in on till 2, and mail saved on till 2 sends from till 1', async () => {
    const url = await createDatabase(pg, 'shared');
    const one = await till(url, 'till-1');
    await setUpStore(one, url);
    const two = await till(url, 'till-2');
    await keysShared(url, 2);

    const started = await one.must('twoFactor:startEnrolment');
    await one.must('twoFactor:confirmEnrolment', { code: codeFor(started.uri, -1) });
    expect(await two.must('auth:login', SIGN_IN)).toMatchObject({ secondFactor: 'totp' });
    const session = await two.must('twoFactor:signIn', { code: codeFor(started.uri, 0) });
    expect(session.staff.username).toBe(ADMIN.username);

    await two.must('mail:updateSettings', mail());
    const sent = smtp.messages.length;
    await one.must('mail:sendTest', { to: 'owner@shop.test' });
    expect((await smtp.waitFor(sent + 1)).to).toEqual(['owner@shop.test']);
    expect(smtp.refusedLogins).toBe(0);

    // The server holds the key only wrapped, once per till, each differently.
    const rows = await sqlOn(url, 'SELECT till_id, wrapped FROM store_keys ORDER BY till_id');
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.wrapped)).size).toBe(2);
  });

  it('a password-reset code mailed from till 1 is taken on till 2', async () => {
    const url = await createDatabase(pg, 'reset');
    const one = await till(url, 'till-1');
    await setUpStore(one, url);
    await one.must('mail:updateSettings', mail());
    const two = await till(url, 'till-2');
    await keysShared(url, 2);
    const sent = smtp.messages.length;
    await one.must('reset:request', { identifier: ADMIN.username }, 5);
    const text = (await smtp.waitFor(sent + 1)).text;
    const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(text)![1]!;
    const newPassword = 'copper lantern over 7 hills';
    await two.must('reset:complete', { identifier: ADMIN.username, code, newPassword }, 5);
    await one.must('auth:login', { identifier: ADMIN.username, password: newPassword }, 6);
  });

  it('a till that joins while no other runs waits for the key, then has it once another starts', async () => {
    const url = await createDatabase(pg, 'pending');
    const one = await till(url, 'till-1');
    await setUpStore(one, url);
    await one.must('mail:updateSettings', mail());
    await one.close();
    open.splice(open.indexOf(one), 1);

    const three = await till(url, 'till-3');
    await three.must('auth:login', SIGN_IN);
    // Settings says so before anyone tries (the status changes nothing).
    expect(await three.must('secrets:status')).toEqual({ keychain: 'os', storeKey: 'pending' });
    const sent = smtp.messages.length;
    const early = await three.invoke('mail:sendTest', { to: 'a@shop.test' }, callerFor(1));
    expect(resultCode(early)).toBe('STORE_KEY_PENDING');
    // Saving would seal with no key: refused the same way, and the settings stay as they were.
    const [before] = await sqlOn(url, "SELECT value FROM settings WHERE key = 'mail_smtp'");
    const save = await three.invoke('mail:updateSettings', mail(), callerFor(1));
    expect(resultCode(save)).toBe('STORE_KEY_PENDING');
    expect(await sqlOn(url, "SELECT value FROM settings WHERE key = 'mail_smtp'")).toEqual([
      before,
    ]);
    expect(smtp.messages.length).toBe(sent);

    // Till 1 starts again: it wraps the key for till 3 at its start.
    await till(url, 'till-1');
    await keysShared(url, 2);
    expect(await three.must('secrets:status')).toEqual({ keychain: 'os', storeKey: 'held' });
    await three.must('mail:sendTest', { to: 'b@shop.test' });
    expect((await smtp.waitFor(sent + 1)).to).toEqual(['b@shop.test']);
  });

  it('two tills starting at once on a new store make one key between them', async () => {
    const url = await createDatabase(pg, 'together');
    const [a, b] = await Promise.all([till(url, 'till-a'), till(url, 'till-b')]);
    await setUpStore(a, url);
    await b.must('auth:login', SIGN_IN);
    await keysShared(url, 2);
    await a.must('mail:updateSettings', mail());
    const sent = smtp.messages.length;
    await b.must('mail:sendTest', { to: 'together@shop.test' });
    expect((await smtp.waitFor(sent + 1)).to).toEqual(['together@shop.test']);
  });

  it("a wrapped key moved onto another till's row does not open there", async () => {
    const url = await createDatabase(pg, 'moved');
    const one = await till(url, 'till-1');
    await setUpStore(one, url);
    const two = await till(url, 'till-2');
    await two.must('auth:login', SIGN_IN);
    await keysShared(url, 2);
    await one.must('mail:updateSettings', mail());
    const swap = (a: string, b: string) =>
      sqlOn(
        url,
        `UPDATE store_keys SET wrapped = CASE till_id
           WHEN ${a} THEN (SELECT wrapped FROM store_keys WHERE till_id = ${b})
           ELSE (SELECT wrapped FROM store_keys WHERE till_id = ${a}) END`,
      );
    const ids = (await sqlOn(url, 'SELECT till_id FROM store_keys ORDER BY till_id')).map((r) =>
      String(r.till_id),
    );
    await swap(ids[0]!, ids[1]!);
    expect(await two.must('secrets:status')).toEqual({ keychain: 'os', storeKey: 'unavailable' });
    for (const t of [one, two]) {
      const r = await t.invoke('mail:sendTest', { to: 'x@shop.test' }, callerFor(1));
      expect(r.ok ? null : [r.error.code, r.error.message]).toEqual([
        'KEYCHAIN_UNAVAILABLE',
        expect.stringMatching(/store's key held for this till does not open/),
      ]);
    }
    await swap(ids[0]!, ids[1]!);
    expect(await two.must('secrets:status')).toEqual({ keychain: 'os', storeKey: 'held' });
    await two.must('mail:sendTest', { to: 'back@shop.test' });
  });

  it('a till whose keychain was replaced gets the key again from another till', async () => {
    const url = await createDatabase(pg, 'replaced');
    const one = await till(url, 'till-1');
    await setUpStore(one, url);
    let two = await till(url, 'till-2');
    await keysShared(url, 2);
    await one.must('mail:updateSettings', mail());
    const wrappedFor = async (name: string) =>
      (
        await sqlOn(
          url,
          `SELECT k.wrapped FROM store_keys k JOIN tills t ON t.id = k.till_id WHERE t.name = '${name}'`,
        )
      )[0]?.wrapped;
    const before = await wrappedFor('till-2');

    // Till 2's computer gets a new keychain: a new key pair, published at its start, and the key
    // wrapped for its old one dropped; till 1 wraps the key again for the new one.
    await two.close();
    open.splice(open.indexOf(two), 1);
    two = await storeTill(
      url,
      'till-2',
      { mode: 'disable' },
      { secretStore: createMemorySecretStore() },
    );
    open.push(two);
    // The key wrapped for its old key pair is gone (till 1's round may have wrapped it anew).
    expect(await wrappedFor('till-2')).not.toBe(before);
    await keysShared(url, 2);
    expect(await wrappedFor('till-2')).not.toBe(before);
    await two.must('auth:login', SIGN_IN);
    const sent = smtp.messages.length;
    await two.must('mail:sendTest', { to: 'new-keychain@shop.test' });
    expect((await smtp.waitFor(sent + 1)).to).toEqual(['new-keychain@shop.test']);
  });

  it('a till that gets a new key pair while another wraps for its old one is wrapped for again', async () => {
    const url = await createDatabase(pg, 'rewrap_race');
    let one = await till(url, 'till-1');
    await setUpStore(one, url);
    await one.must('mail:updateSettings', mail());
    await one.close();
    open.splice(open.indexOf(one), 1);
    // Till 2 joins while no other till runs: it publishes a key pair and holds no key yet.
    const first = await storeTill(url, 'till-2');
    await first.close();
    const twoId = Number((await sqlOn(url, "SELECT id FROM tills WHERE name = 'till-2'"))[0]!.id);

    // A third till's wrap for till 2 is in flight (its row written, not committed), so till 1,
    // starting now, reads till 2's public key, wraps for it, and waits at its insert.
    const third = new pgDriver.Client({ connectionString: url });
    await third.connect();
    let two: StoreTill;
    try {
      await third.query('BEGIN');
      await third.query(
        `INSERT INTO store_keys (till_id, wrapped, created_at)
         VALUES (${twoId}, 'v1.x.y', '2026-12-05T00:00:00.000Z')`,
      );
      const starting = storeTill(url, 'till-1');
      // (Asked on a connection of its own: a transaction sees one snapshot of pg_stat_activity.)
      const waiting = `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
        AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO store_keys%'`;
      await expect
        .poll(async () => (await sqlOn(url, waiting)).length, { timeout: 15_000, interval: 50 })
        .toBe(1);
      // Meanwhile till 2 restarts with a new keychain: a new key pair, published and committed.
      two = await storeTill(url, 'till-2', undefined, { secretStore: createMemorySecretStore() });
      open.push(two);
      await third.query('ROLLBACK');
      one = await starting;
      open.push(one);
    } finally {
      await third.end();
    }
    // Till 1's wrap was for the key pair till 2 no longer has: it is not kept, and the next round
    // wraps for the new one. Kept, it would never open, and no round would replace it.
    expect(await sqlOn(url, `SELECT 1 FROM store_keys WHERE till_id = ${twoId}`)).toEqual([]);
    await keysShared(url, 2);
    await two.must('auth:login', SIGN_IN);
    const sent = smtp.messages.length;
    await two.must('mail:sendTest', { to: 'rewrapped@shop.test' });
    expect((await smtp.waitFor(sent + 1)).to).toEqual(['rewrapped@shop.test']);
  });

  it("a till's key-file opt-in stays that till's, and the key file then holds the store key too", async () => {
    const url = await createDatabase(pg, 'key_file');
    const one = await till(url, 'till-1');
    await setUpStore(one, url);
    // Till 2's OS keychain does not answer (a kiosk Linux): its admin opts it in to a key file.
    const noKeychain = {
      get: () => Promise.reject(new KeychainUnavailableError('get', 'no keychain')),
      set: () => Promise.reject(new KeychainUnavailableError('set', 'no keychain')),
      delete: () => Promise.reject(new KeychainUnavailableError('delete', 'no keychain')),
    };
    const two = await storeTill(url, 'till-2', { mode: 'disable' }, { secretStore: noKeychain });
    open.push(two);
    await two.must('auth:login', SIGN_IN);
    expect(await two.must('secrets:status')).toEqual({ keychain: 'none', storeKey: 'unavailable' });
    // Its key pair is published at once; till 1 wraps the key for it at its next round.
    expect(await two.must('secrets:useKeyFile', {})).toEqual({
      keychain: 'keyFile',
      storeKey: expect.stringMatching(/^(pending|held)$/),
    });

    // Till 1 starts again: its OS keychain still keeps its secrets, not a key file.
    await one.close();
    open.splice(open.indexOf(one), 1);
    const again = await till(url, 'till-1');
    await again.must('auth:login', SIGN_IN);
    expect(await again.must('secrets:status')).toEqual({ keychain: 'os', storeKey: 'held' });
    expect(
      (await sqlOn(url, "SELECT key FROM settings WHERE key LIKE 'secrets_key_file%'")).map(
        (r) => r.key,
      ),
    ).toEqual([
      `secrets_key_file.${(await sqlOn(url, "SELECT id FROM tills WHERE name = 'till-2'"))[0]!.id}`,
    ]);

    // Till 2, with its key file, receives the store key and sends what till 1 set up.
    await again.must('mail:updateSettings', mail());
    await keysShared(url, 2);
    const sent = smtp.messages.length;
    await two.must('mail:sendTest', { to: 'kiosk@shop.test' });
    expect((await smtp.waitFor(sent + 1)).to).toEqual(['kiosk@shop.test']);
  });

  it("a till's own file with 2FA and mail set up, copied to a server, keeps both, and so does the next till", async () => {
    const solo = await tillIn(tempDir(), 'solo');
    open.push(solo);
    await solo.must('setup:createAdmin', ADMIN);
    const started = await solo.must('twoFactor:startEnrolment');
    await solo.must('twoFactor:confirmEnrolment', { code: codeFor(started.uri, -1) });
    await solo.must('mail:updateSettings', mail());
    const sealedHere = await sqlOnFile(join(solo.dir, 'till.sqlite'));

    const url = await createDatabase(pg, 'copied');
    await solo.must('storeServer:copy', {
      connection: {
        host: '127.0.0.1',
        port: pg.port,
        database: 'copied',
        user: 'kassa',
        password: 'unused with trust',
        tls: 'disable',
      },
      tillName: 'Till 1',
    });
    // Re-sealed with the store key at the till's first start on the server.
    const [sealedThere] = await sqlOn(url, 'SELECT seed FROM staff_totp');
    expect(sealedThere!.seed).not.toBe(sealedHere);
    expect(await solo.must('auth:login', SIGN_IN)).toMatchObject({ secondFactor: 'totp' });
    await solo.must('twoFactor:signIn', { code: codeFor(started.uri, 0) });
    const sent = smtp.messages.length;
    await solo.must('mail:sendTest', { to: 'copied@shop.test' });
    await smtp.waitFor(sent + 1);

    const next = await till(url, 'Till 2');
    await keysShared(url, 2);
    expect(await next.must('auth:login', SIGN_IN)).toMatchObject({ secondFactor: 'totp' });
    await next.must('twoFactor:signIn', { code: codeFor(started.uri, 1) });
    await next.must('mail:sendTest', { to: 'next@shop.test' });
    expect((await smtp.waitFor(sent + 2)).to).toEqual(['next@shop.test']);
  });
});

/** The admin's sealed TOTP seed in a till's SQLite file. */
async function sqlOnFile(file: string): Promise<string> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(file, { readonly: true });
  try {
    return (db.prepare('SELECT seed FROM staff_totp').get() as { seed: string }).seed;
  } finally {
    db.close();
  }
}

/**
 * Issue 12: the tills of a store server, as Settings → Store server lists them
 * (`storeServer:tills`; electron/core/store-server/store-tills.ts, migration 1790000019000). On a
 * throwaway server with real tills:
 * - each till records at its start that it is running (`tills.last_seen_at`);
 * - the list puts this till first, then the others by name, with whether each is running, holds
 *   the store key, and its open shift (since when, by whom);
 * - a till switched off is off at once (it records its close), and runs again at its next start;
 * - a till whose computer died ten minutes ago (no close recorded), and one that never recorded
 *   itself, are not running;
 * - a manager closes from another till the shift a till left open once it is off (not while it
 *   runs, and not as a cashier); the Z report is that till's next, and so is its next one;
 * - an admin retires a till that is off with no shift open (not this till, not one running, not
 *   one with a shift open, not twice): its share of the store key goes; started again it stays
 *   closed, answering TILL_RETIRED to all but app:status, and publishes no key; a till running
 *   when it was retired finds out at its next record;
 * - a till on its own SQLite file has no store: CONFLICT, and nothing is written;
 * - carts parked on one till are listed on the others, with their till's name, and taken there:
 *   of two tills resuming (or discarding) the same ten carts at once, exactly one gets each.
 */
import Database from 'better-sqlite3';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { createPostgresDataSource } from '../../electron/core/db/data-source';
import { Database as CoreDatabase } from '../../electron/core/db/database';
import { StoreKey } from '../../electron/core/secrets/store-key';
import { StoreTills } from '../../electron/core/store-server/store-tills';
import { systemClock } from '../../electron/core/types';
import {
  ADMIN,
  MEMBER,
  approvedMember,
  callerFor,
  keychainOf,
  makeTestCore,
  resultCode,
  silentLogger,
  tempDir,
} from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { countOf } from '../helpers/shifts';
import {
  createMug,
  mugSale,
  setUpStore,
  storeTill,
  tillIn,
  type StoreTill,
} from '../helpers/store-server';

const bin = findPostgres();
const SIGN_IN = { identifier: ADMIN.username, password: ADMIN.password };

describe.skipIf(!bin)("a store server's tills (issue 12)", () => {
  let pg: PgServer;
  const open: StoreTill[] = [];
  const till = async (url: string, name: string) => {
    const t = await storeTill(url, name);
    open.push(t);
    return t;
  };

  /** Front sets up the store; Back joins, signs the admin in, and both hold the store key. */
  const frontAndBack = async (url: string) => {
    const front = await till(url, 'Front');
    await setUpStore(front, url);
    const back = await till(url, 'Back');
    await back.must('auth:login', SIGN_IN);
    await expect
      .poll(async () => (await sqlOn(url, 'SELECT till_id FROM store_keys')).length, {
        timeout: 15_000,
      })
      .toBe(2);
    return { front, back };
  };

  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });
  afterAll(() => pg?.stop());

  it('lists each till with whether it runs, holds the store key, and its open shift', async () => {
    const url = await createDatabase(pg, 'tills');
    const started = Date.now();
    const { front, back } = await frontAndBack(url);
    const shift = await back.must('shifts:open', { floatCount: countOf(10_000) });

    // Each till recorded itself at its start.
    const seen = await sqlOn(url, 'SELECT name, last_seen_at FROM tills ORDER BY name');
    for (const row of seen)
      expect(Date.parse(String(row.last_seen_at))).toBeGreaterThanOrEqual(started - 1_000);

    const fromFront = (await front.must('storeServer:tills')).items;
    expect(fromFront).toEqual([
      {
        id: expect.any(Number),
        name: 'Front',
        thisTill: true,
        running: true,
        lastSeenAt: expect.any(String),
        retiredAt: null,
        storeKey: true,
        openShift: null,
      },
      {
        id: expect.any(Number),
        name: 'Back',
        thisTill: false,
        running: true,
        lastSeenAt: expect.any(String),
        retiredAt: null,
        storeKey: true,
        openShift: { id: shift.id, openedAt: shift.openedAt, openedBy: ADMIN.displayName },
      },
    ]);
    // From the other till, it comes first.
    expect(
      (await back.must('storeServer:tills')).items.map((t: { name: string }) => t.name),
    ).toEqual(['Back', 'Front']);

    // The back till is switched off, its shift still open: off at once, since its close.
    const closing = Date.now();
    await back.close();
    open.splice(open.indexOf(back), 1);
    const off = (await front.must('storeServer:tills')).items[1];
    expect(off).toMatchObject({
      name: 'Back',
      running: false,
      openShift: { openedBy: ADMIN.displayName },
    });
    expect(Date.parse(off.lastSeenAt)).toBeGreaterThanOrEqual(closing - 1_000);

    // Started again, it runs; its close is forgotten.
    const again = await till(url, 'Back');
    expect((await front.must('storeServer:tills')).items[1]).toMatchObject({ running: true });
    expect(await sqlOn(url, "SELECT stopped_at FROM tills WHERE name = 'Back'")).toEqual([
      { stopped_at: null },
    ]);

    // A till whose computer died ten minutes ago never said it stopped: off once its last
    // record is old. A till of an older version never recorded itself.
    await again.close();
    open.splice(open.indexOf(again), 1);
    const tenMinutesAgo = new Date(Date.now() - 600_000).toISOString();
    await sqlOn(
      url,
      `UPDATE tills SET last_seen_at = '${tenMinutesAgo}', stopped_at = NULL WHERE name = 'Back'`,
    );
    await sqlOn(
      url,
      `INSERT INTO tills (name, next_receipt_no, created_at) VALUES ('Old', 1, '${tenMinutesAgo}')`,
    );
    const later = (await front.must('storeServer:tills')).items;
    expect(later.map((t: { name: string; running: boolean }) => [t.name, t.running])).toEqual([
      ['Front', true],
      ['Back', false],
      ['Old', false],
    ]);
    expect(later[1]).toMatchObject({
      lastSeenAt: tenMinutesAgo,
      openShift: { openedBy: ADMIN.displayName },
    });
    expect(later[2]).toMatchObject({ lastSeenAt: null, storeKey: false, openShift: null });
  });

  it('a manager closes the shift a till left open from another till, once that till is off', async () => {
    const url = await createDatabase(pg, 'remote_close');
    const front = await till(url, 'Front');
    await setUpStore(front, url);
    const mug = await createMug(front);
    const back = await till(url, 'Back');
    await back.must('auth:login', SIGN_IN);
    const count = (amount: number) => ({
      countedCash: countOf(amount),
      countedOther: [],
      note: null,
    });
    // Back's first shift is closed there: its Z 1.
    const first = await back.must('shifts:open', { floatCount: countOf(10_000) });
    await back.must('sales:checkout', mugSale(mug, 2));
    expect(await back.must('shifts:close', { shiftId: first.id, ...count(10_500) })).toMatchObject({
      zNo: 1,
    });
    // Its second shift is left open, with a sale in it.
    const second = await back.must('shifts:open', { floatCount: countOf(10_000) });
    await back.must('sales:checkout', mugSale(mug, 3));
    const close = { shiftId: second.id, ...count(10_750) };
    const zRows = () => sqlOn(url, `SELECT z_no FROM z_reports ORDER BY z_no`);

    // While Back runs, its shift is closed there, where its drawer is.
    const running = await front.invoke('shifts:close', close, callerFor(1));
    expect(running.ok ? null : [running.error.code, running.error.message]).toEqual([
      'CONFLICT',
      'Back is running: close its shift there, where its drawer is.',
    ]);
    expect(await zRows()).toEqual([{ z_no: 1 }]);

    // Back is switched off. A cashier on Front may close shifts, but not another till's blind.
    await back.close();
    open.splice(open.indexOf(back), 1);
    await approvedMember(front as unknown as Parameters<typeof approvedMember>[0]);
    await front.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 4);
    expect(resultCode(await front.invoke('shifts:close', close, callerFor(4)))).toBe('FORBIDDEN');
    expect(await zRows()).toEqual([{ z_no: 1 }]);

    // The admin on Front reads Back's shift, then closes it: Back's Z 2, audited from Front.
    const x = await front.must('shifts:xReport', { shiftId: second.id });
    expect(x).toMatchObject({ tillName: 'Back', salesCount: 1, expectedCash: 10_750 });
    const z = await front.must('shifts:close', close);
    expect(z).toMatchObject({ zNo: 2, tillName: 'Back', overShort: 0, net: 750 });
    expect(await zRows()).toEqual([{ z_no: 1 }, { z_no: 2 }]);
    const [audit] = await sqlOn(
      url,
      "SELECT detail FROM audit_events WHERE action = 'shift.close' ORDER BY id DESC LIMIT 1",
    );
    expect(String(audit!.detail)).toMatch(/^Z Back-2; .*; closed on Front, that till being off$/);
    expect(resultCode(await front.invoke('shifts:close', close, callerFor(1)))).toBe(
      'SHIFT_NOT_OPEN',
    );

    // Back starts again with no shift open; its next Z is 3.
    const again = await till(url, 'Back');
    await again.must('auth:login', SIGN_IN);
    expect(await again.must('shifts:current')).toBeNull();
    const third = await again.must('shifts:open', { floatCount: countOf(10_000) });
    expect(await again.must('shifts:close', { shiftId: third.id, ...count(10_000) })).toMatchObject(
      { zNo: 3, tillName: 'Back' },
    );
  });

  it('an admin retires a till that is off: it opens no more and loses its share of the store key', async () => {
    const url = await createDatabase(pg, 'retire');
    const { front, back } = await frontAndBack(url);
    const shift = await back.must('shifts:open', { floatCount: countOf(10_000) });
    const [{ id: backId }] = (await sqlOn(url, "SELECT id FROM tills WHERE name = 'Back'")) as [
      { id: number },
    ];
    const [{ id: frontId }] = (await sqlOn(url, "SELECT id FROM tills WHERE name = 'Front'")) as [
      { id: number },
    ];
    const retire = async (tillId: number) => {
      const r = await front.invoke('storeServer:retireTill', { tillId }, callerFor(1));
      return r.ok ? 'ok' : [r.error.code, r.error.message];
    };
    const state = () =>
      sqlOn(
        url,
        `SELECT t.name, t.retired_at, t.retired_by, t.public_key IS NOT NULL AS published,
           (SELECT COUNT(*)::int FROM store_keys k WHERE k.till_id = t.id) AS keys
         FROM tills t ORDER BY t.id`,
      );
    const before = await state();
    expect(before).toEqual([
      { name: 'Front', retired_at: null, retired_by: null, published: true, keys: 1 },
      { name: 'Back', retired_at: null, retired_by: null, published: true, keys: 1 },
    ]);

    // Refused, nothing written: this till, no such till, a till running, a shift open.
    expect(await retire(frontId)).toEqual([
      'CONFLICT',
      'A till cannot retire itself: retire it from another till.',
    ]);
    expect(await retire(9_999)).toEqual(['NOT_FOUND', 'There is no such till in this store.']);
    expect(await retire(backId)).toEqual([
      'CONFLICT',
      'Back is running: switch it off first, or wait until it shows as off.',
    ]);
    await back.close();
    open.splice(open.indexOf(back), 1);
    expect(await retire(backId)).toEqual([
      'CONFLICT',
      'Back has a shift open: close its shift first, so its drawer is counted.',
    ]);
    expect(await state()).toEqual(before);

    // Its shift closed from Front, Back is retired: its key share goes, audited.
    await front.must('shifts:close', {
      shiftId: shift.id,
      countedCash: countOf(10_000),
      countedOther: [],
      note: null,
    });
    const retired = await front.must('storeServer:retireTill', { tillId: backId });
    expect(retired).toEqual({ name: 'Back', retiredAt: expect.any(String) });
    const afterRetiring = [
      before[0],
      { name: 'Back', retired_at: retired.retiredAt, retired_by: 1, published: false, keys: 0 },
    ];
    expect(await state()).toEqual(afterRetiring);
    const [audit] = await sqlOn(
      url,
      "SELECT actor_id, target_id, detail FROM audit_events WHERE action = 'till.retire'",
    );
    expect(audit).toEqual({
      actor_id: 1,
      target_id: 'Back',
      detail: `retired Back (till ${backId}); its share of the store key removed`,
    });
    expect((await front.must('storeServer:tills')).items[1]).toMatchObject({
      name: 'Back',
      running: false,
      retiredAt: retired.retiredAt,
      storeKey: false,
      openShift: null,
    });
    expect(await retire(backId)).toEqual(['CONFLICT', 'Back is already retired.']);

    // Back started again stays closed: only app:status answers, and it publishes no key, so no
    // till wraps the store key for it.
    const again = await till(url, 'Back');
    expect(await again.must('app:status')).toMatchObject({
      setupRequired: false,
      retired: { at: retired.retiredAt, by: ADMIN.displayName },
    });
    expect(resultCode(await again.invoke('auth:login', SIGN_IN, callerFor(1)))).toBe(
      'TILL_RETIRED',
    );
    expect(await state()).toEqual(afterRetiring);
    const [start] = await sqlOn(
      url,
      "SELECT outcome, detail FROM audit_events WHERE action = 'app.start' ORDER BY id DESC LIMIT 1",
    );
    expect(start).toEqual({
      outcome: 'failure',
      detail: `this till was retired at ${retired.retiredAt}: it stays closed`,
    });

    // Its computer, its Kassa folder moved aside, starts as a new till: first run joins the
    // store, but only under a new name.
    const renewed = await tillIn(tempDir(), 'Back');
    open.push(renewed);
    const connection = {
      host: '127.0.0.1',
      port: pg.port,
      database: 'retire',
      user: 'kassa',
      password: 'unused with trust',
      tls: 'disable',
    };
    const rejoin = (tillName: string) =>
      renewed.invoke('storeServer:join', { connection, tillName }, callerFor(1));
    expect(resultCode(await rejoin('Back'))).toBe('TILL_NAME_TAKEN');
    expect(resultCode(await rejoin('Back 2'))).toBe('ok');
    expect(await renewed.must('app:status')).not.toHaveProperty('retired');
    await renewed.must('auth:login', SIGN_IN);

    // A till running, whose records stopped (its network was out): retired meanwhile, its next
    // record tells it, and writes nothing.
    await till(url, 'Kiosk');
    const [{ id: kioskId }] = (await sqlOn(url, "SELECT id FROM tills WHERE name = 'Kiosk'")) as [
      { id: number },
    ];
    const old = new Date(Date.now() - 600_000).toISOString();
    await sqlOn(url, `UPDATE tills SET last_seen_at = '${old}' WHERE id = ${kioskId}`);
    await front.must('storeServer:retireTill', { tillId: kioskId });
    const ds = createPostgresDataSource(url);
    await ds.initialize();
    try {
      const told: string[] = [];
      const db = new CoreDatabase(ds, silentLogger);
      const records = new StoreTills({
        db,
        audit: new AuditLog(systemClock, 'Kiosk'),
        clock: systemClock,
        logger: silentLogger,
        tillId: kioskId,
        onServer: true,
        onRetired: () => told.push('retired'),
      });
      await records.seen();
      expect(told).toEqual(['retired']);
      // Nor does its round of the store key publish its key pair again before it closes.
      const key = new StoreKey({
        db,
        secrets: keychainOf('Kiosk'),
        tillId: kioskId,
        clock: systemClock,
        logger: silentLogger,
        reseal: async () => {},
      });
      expect(await key.share()).toBe(0);
      expect(
        await sqlOn(
          url,
          `SELECT last_seen_at, public_key,
             (SELECT COUNT(*)::int FROM store_keys WHERE till_id = ${kioskId}) AS keys
           FROM tills WHERE id = ${kioskId}`,
        ),
      ).toEqual([{ last_seen_at: old, public_key: null, keys: 0 }]);
    } finally {
      await ds.destroy();
    }
  });

  it('carts parked on one till are taken at another; two tills racing for ten get each once', async () => {
    const url = await createDatabase(pg, 'parked');
    const { front, back } = await frontAndBack(url);
    const mug = await createMug(front);
    const cartOf = (n: number) => ({ lines: [{ productId: mug, quantity: n }], customerId: null });
    const park = async (count: number) => {
      const ids: number[] = [];
      for (let n = 1; n <= count; n++)
        ids.push((await front.must('sales:park', { label: `Cart ${n}`, cart: cartOf(n) })).id);
      return ids;
    };
    const ids = await park(10);
    const seenFrom = async (t: StoreTill) =>
      (
        (await t.must('sales:parkedList', {})) as {
          label: string;
          till: string;
          thisTill: boolean;
        }[]
      ).map((p) => [p.label, p.till, p.thisTill]);
    expect(await seenFrom(back)).toEqual(ids.map((_, i) => [`Cart ${i + 1}`, 'Front', false]));
    expect(await seenFrom(front)).toEqual(ids.map((_, i) => [`Cart ${i + 1}`, 'Front', true]));

    // Both tills take all ten at once: each cart comes back exactly once, as it was parked.
    const race = (channel: string, list: number[]) =>
      Promise.all(
        list.flatMap((id) => [front, back].map((t) => t.invoke(channel, { id }, callerFor(1)))),
      );
    const resumed = await race('sales:resume', ids);
    const taken = resumed.filter((r) => r.ok).map((r) => (r.ok ? r.data : null));
    expect(taken).toHaveLength(10);
    expect(resumed.filter((r) => !r.ok).map(resultCode)).toEqual(Array(10).fill('NOT_FOUND'));
    expect(
      taken
        .map((r) => (r as { cart: { lines: { quantity: number }[] } }).cart.lines[0]!.quantity)
        .sort((a, b) => a - b),
    ).toEqual(ids.map((_, i) => i + 1));
    expect(await seenFrom(back)).toEqual([]);

    // Discarding races the same way.
    const discarded = await race('sales:discardParked', await park(5));
    expect(discarded.filter((r) => r.ok)).toHaveLength(5);
    expect(discarded.filter((r) => !r.ok).map(resultCode)).toEqual(Array(5).fill('NOT_FOUND'));
    expect(await sqlOn(url, 'SELECT id FROM parked_sales')).toEqual([]);
  });

  it("refuses on a till with its own file: it has no store's tills to list or retire, nor another till's shift", async () => {
    const t = await makeTestCore();
    try {
      await t.must('setup:createAdmin', ADMIN);
      await t.must('auth:login', SIGN_IN);
      const before = t.raw().prepare('SELECT name, last_seen_at FROM tills').all();
      expect(resultCode(await t.call('storeServer:tills'))).toBe('CONFLICT');
      expect(resultCode(await t.call('storeServer:retireTill', { tillId: 1 }))).toBe('CONFLICT');
      expect(before).toEqual([{ name: expect.any(String), last_seen_at: null }]);
      expect(t.raw().prepare('SELECT name, last_seen_at FROM tills').all()).toEqual(before);

      // A renamed computer's old till row, with a shift left open: not closed from here.
      const raw = new Database(t.dbPath);
      const old = raw
        .prepare(
          "INSERT INTO tills (name, next_receipt_no, created_at) VALUES ('old-name', 1, '2026-12-01T00:00:00.000Z')",
        )
        .run().lastInsertRowid;
      const shiftId = Number(
        raw
          .prepare(
            "INSERT INTO shifts (till_id, status, opened_by, opened_at, float_amount) VALUES (?, 'open', 1, '2026-12-01T08:00:00.000Z', 0)",
          )
          .run(old).lastInsertRowid,
      );
      const close = { shiftId, countedCash: countOf(0), countedOther: [], note: null };
      expect(resultCode(await t.call('shifts:close', close))).toBe('SHIFT_NOT_OPEN');
      expect(raw.prepare('SELECT COUNT(*) AS n FROM z_reports').get()).toEqual({ n: 0 });
      raw.close();
    } finally {
      await t.close();
    }
  });
});

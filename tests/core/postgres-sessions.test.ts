/**
 * Issue 12: sessions stay in each till's memory but follow the staff row on the store server
 * (A8). Two tills share one PostgreSQL database; the admin works on till 1, a cashier is signed in
 * on till 2. Proved here:
 *   - a role change made on till 1 (another role for the cashier, then that role's permissions
 *     edited) is what the cashier's very next call on till 2 is allowed or refused by, and their
 *     session shows the new role;
 *   - settings changed on till 1 (store name, idle-lock minutes) are what till 2 answers and locks
 *     by at its next call: no till keeps its own copy;
 *   - a disable on till 1 ends the cashier's session on till 2 at their next call
 *     (UNAUTHENTICATED, "Your session has ended"), and the session is gone;
 *   - a sale the cashier started on till 2 before the disable, still running when the disable is
 *     made, commits before the disable does, never after it (every write holds `staff`'s ROW SHARE
 *     lock, and the disable waits for it in EXCLUSIVE mode); sales fired at the same moment as the
 *     disable either succeed before it commits or are refused after it. The order the answers
 *     arrive in stands for the order of the commits: each call answers right after its own.
 */
import { DataSource } from 'typeorm';
import { callerFor, MEMBER, resultCode } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { createMug, mugSale, setUpStore, storeTill, type StoreTill } from '../helpers/store-server';
import { sleep } from '../helpers/waits';

const bin = findPostgres();

describe.skipIf(!bin)('sessions follow the staff row on every till (issue 12, A8)', () => {
  let pg: PgServer;
  let url: string;
  let till1: StoreTill;
  let till2: StoreTill;
  let mug: number;
  let cashier: number;
  /** The cashier's calls on till 2 (window 1). */
  const asCashier = (channel: string, input?: unknown) =>
    till2.invoke(channel, input, callerFor(1));

  beforeAll(async () => {
    pg = await startPostgres(bin!);
    url = await createDatabase(pg, 'store');
    till1 = await storeTill(url, 'till-1');
    await setUpStore(till1, url);
    mug = await createMug(till1);
    await till1.must('auth:requestAccess', MEMBER, 9);
    const pending = await till1.must('staff:list', { status: 'pending', search: MEMBER.username });
    cashier = pending.items[0].id;
    await till1.must('staff:approve', { id: cashier });
    till2 = await storeTill(url, 'till-2');
    await till2.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password });
  });

  afterAll(async () => {
    await Promise.all([till1, till2].filter(Boolean).map((t) => t.close()));
    pg?.stop();
  });

  it('a role changed on till 1 applies to the cashier on till 2 at their next call', async () => {
    const signIn = () =>
      till2.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password });
    expect(resultCode(await asCashier('staff:pendingCount'))).toBe('FORBIDDEN');
    // Another role ends their sessions everywhere; they sign in again with its rights.
    await till1.must('staff:setRole', { id: cashier, role: 'manager' });
    expect(resultCode(await asCashier('staff:pendingCount'))).toBe('UNAUTHENTICATED');
    expect((await till2.must('auth:session')).session).toBeNull();
    await signIn();
    expect(resultCode(await asCashier('staff:pendingCount'))).toBe('ok');
    expect((await till2.must('auth:session')).session.staff.roleName).toBe('Manager');

    // Their role's permissions edited: the live session takes them at its next call.
    const manager = (await till1.must('roles:list')).find(
      (r: { id: string }) => r.id === 'manager',
    );
    await till1.must('roles:update', {
      id: 'manager',
      name: 'Supervisor',
      permissions: manager.permissions.filter((p: string) => p !== 'staff.view'),
    });
    expect(resultCode(await asCashier('staff:pendingCount'))).toBe('FORBIDDEN');
    const { session } = await till2.must('auth:session');
    expect(session.staff.roleName).toBe('Supervisor');
    expect(session.permissions).not.toContain('staff.view');
    await till1.must('roles:update', { id: 'manager', permissions: manager.permissions });
    expect(resultCode(await asCashier('staff:pendingCount'))).toBe('ok');

    await till1.must('staff:setRole', { id: cashier, role: 'cashier' });
    await signIn();
    expect((await till2.must('auth:session')).session.staff.roleName).toBe('Cashier');
    expect(resultCode(await asCashier('sales:checkout', mugSale(mug)))).toBe('ok');
  });

  it('settings changed on till 1 are the ones till 2 answers and locks by', async () => {
    await till1.must('settings:update', { storeName: 'Corner Shop', idleLockMinutes: 2 });
    const seen = await till2.must('settings:get');
    expect(seen).toMatchObject({ storeName: 'Corner Shop', idleLockMinutes: 2 });
    expect((await till2.must('auth:session')).session.idleLockMinutes).toBe(2);
    const { idleLocksAt } = await till2.must('auth:activity');
    const idle = Date.parse(idleLocksAt) - Date.now();
    expect(idle).toBeGreaterThan(60_000);
    expect(idle).toBeLessThanOrEqual(120_000);
    await till1.must('settings:update', { idleLockMinutes: 5 });
  });

  it('a disable on till 1 ends the session on till 2: a sale running then commits first, later calls are refused', async () => {
    // Hold the mug's row from outside, so the cashier's sale stops after its staff-row check.
    const outside = new DataSource({ type: 'postgres', url, logging: false });
    await outside.initialize();
    const holder = outside.createQueryRunner();
    const order: string[] = [];
    try {
      await holder.connect();
      await holder.startTransaction();
      await holder.query('SELECT id FROM products WHERE id = $1 FOR UPDATE', [mug]);
      const sale = asCashier('sales:checkout', mugSale(mug)).then((r) => {
        order.push(`sale ${resultCode(r)}`);
      });
      await sleep(300);
      const disable = till1.invoke('staff:disable', { id: cashier }, callerFor(1)).then((r) => {
        order.push(`disable ${resultCode(r)}`);
      });
      await sleep(500);
      await holder.commitTransaction();
      await Promise.all([sale, disable]);
    } finally {
      await holder.release();
      await outside.destroy();
    }
    // The sale read an active cashier; the disable came while it ran: the sale commits first.
    expect(order).toEqual(['sale ok', 'disable ok']);

    const next = await asCashier('sales:checkout', mugSale(mug));
    expect(next).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/session has ended/) },
    });
    expect((await till2.must('auth:session')).session).toBeNull();
  });

  it('sales fired with a disable either commit before it or are refused after it', async () => {
    await till1.must('staff:enable', { id: cashier });
    await till2.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password });
    const events: Array<{ what: string; ok: boolean; id?: string }> = [];
    const sales = Array.from({ length: 8 }, () => mugSale(mug));
    const fired = sales.map((sale) =>
      asCashier('sales:checkout', sale).then((r) => {
        events.push({ what: 'sale', ok: r.ok, id: sale.id });
        if (!r.ok) expect(r.error.code).toBe('UNAUTHENTICATED');
      }),
    );
    const disable = till1.invoke('staff:disable', { id: cashier }, callerFor(1)).then((r) => {
      events.push({ what: 'disable', ok: r.ok });
    });
    await Promise.all([...fired, disable]);
    const at = events.findIndex((e) => e.what === 'disable');
    expect(events[at]!.ok).toBe(true);
    // Every sale answered after the disable was refused; every one answered before it committed.
    expect(events.slice(at + 1).filter((e) => e.ok)).toEqual([]);
    expect(events.slice(0, at).filter((e) => !e.ok)).toEqual([]);
    const ids = sales.map((s) => `'${s.id}'`).join(', ');
    const rows = await sqlOn(url, `SELECT uuid FROM sales WHERE uuid IN (${ids})`);
    expect(rows.map((r) => String(r.uuid)).sort()).toEqual(
      events
        .filter((e) => e.what === 'sale' && e.ok)
        .map((e) => e.id)
        .sort(),
    );
    console.info(
      `[sessions] ${at} of ${sales.length} sales committed before the disable, the rest refused`,
    );
  });
});

/**
 * Issue 12, sections 2–3: how long a till waits on the store server for another session's locks,
 * and how long the server lets a session that went silent in mid-transaction hold them.
 *
 * A till that goes silent in the middle of a sale (its computer frozen, its power or its network
 * gone, its connection not yet closed) holds up the store's other tills for one lock wait at a
 * time, and for no longer than the server's idle-in-transaction limit in all. Till 2's COMMIT is
 * withheld once its sale has locked the mug's row and taken the staff table's share lock: the
 * server then sees what it would see of a frozen till, a session idle in a transaction. The
 * limits are shortened here (lock wait 1 s, idle in a transaction 4 s; a till's own are 5 s and
 * 15 s, which the first test reads back from the server).
 * - Till 1's sale of the mug answers BUSY after one lock wait; nothing of it is saved.
 * - An admin's disable on till 1 answers BUSY after one lock wait, and a sale on till 3 that had
 *   queued behind the disable goes through then. Without the limit the disable would wait for the
 *   frozen till, and every till's every sale would queue behind the disable.
 * - The server ends till 2's session once the limit has passed: till 1's same sale completes.
 * - Till 2, thawed, is told its sale was not saved (whether it reads the server's notice before
 *   or after its COMMIT); rung up again with the same id, it is recorded once. Receipts stay
 *   gapless per till, and the mug's on-hand equals its stock ledger.
 * A till that starts while another migrates waits for it past the lock limit, and starts.
 */
import { randomUUID } from 'node:crypto';
import pgDriver from 'pg';
import { MIGRATIONS } from '../../migrations';
import { createPostgresDataSource, sessionName } from '../../electron/core/db/data-source';
import { MIGRATION_LOCK, migrateStoreServer } from '../../electron/core/db/server-migrations';
import { ADMIN, callerFor, MEMBER, resultCode } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { onClientQuery } from '../helpers/pg-statements';
import {
  createMug,
  deploymentSql,
  mugSale,
  setUpStore,
  storeTill,
  type StoreTill,
} from '../helpers/store-server';
import { within } from '../helpers/waits';

const bin = findPostgres();
/** docs/deployment.md's query for which till's session holds what, as written there. */
const WHO_HOLDS_WHAT = deploymentSql("so the server's own view says which till holds what:");
const LOCK_WAIT_MS = 1_000;
const IDLE_IN_TRANSACTION_MS = 4_000;
const WAITS = { lockWaitMs: LOCK_WAIT_MS, idleInTransactionMs: IDLE_IN_TRANSACTION_MS };

/**
 * Freezes till `name` once, until `thaw`: `mid-sale` holds the answer of its sale's last
 * statement before the COMMIT (the on-hand UPDATE, with the stock movements riding it), so its
 * code stops between two statements; `before COMMIT` withholds the COMMIT itself. `frozen`
 * resolves once it is frozen. `thaw(until)` first blocks this whole process until that time (ms
 * since the epoch), then goes on in the same turn: a till thawed after the limit whose own code
 * runs before it reads what the server sent meanwhile.
 */
function freezeTill(name: string, where: 'mid-sale' | 'before COMMIT') {
  let held!: () => void;
  const frozen = new Promise<void>((resolve) => (held = resolve));
  let thaw!: (until?: number) => void;
  const thawed = new Promise<number | undefined>((resolve) => (thaw = resolve)).then((until) => {
    const late = (until ?? 0) - Date.now();
    if (late > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, late);
  });
  let armed = true;
  const restore = onClientQuery(({ text, session }, send) => {
    if (!armed || session !== sessionName(name)) return send();
    if (where === 'before COMMIT' && text === 'COMMIT') {
      armed = false;
      held();
      return thawed.then(send);
    }
    if (where === 'mid-sale' && text.startsWith('WITH recorded AS')) {
      armed = false;
      return (send() as Promise<unknown>).then(async (answer) => {
        held();
        await thawed;
        return answer;
      });
    }
    return send();
  });
  return { frozen, thaw, restore };
}

describe.skipIf(!bin)("the store server's lock limits (issue 12)", () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterAll(() => pg?.stop());

  it("a till's sessions on the server carry its name and its limits: 5 s for a lock, 15 s idle", async () => {
    const url = await createDatabase(pg, 'limits');
    const till = await storeTill(url, 'Till 1 – by the door');
    const ds = createPostgresDataSource(url, undefined, { till: 'Till 1 – by the door' });
    await ds.initialize();
    try {
      await setUpStore(till, url);
      const [own] = await ds.query(
        `SELECT current_setting('lock_timeout') AS lock, current_setting('application_name') AS name,
           current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      expect(own).toEqual({ lock: '5s', idle: '15s', name: 'kassa: Till 1 ? by the door' });
      // The till's own sessions, as docs/deployment.md has an admin list them.
      const sessions = await sqlOn(url, WHO_HOLDS_WHAT);
      expect([...new Set(sessions.map((r) => r.application_name))].sort()).toEqual([
        'kassa: Till 1 ? by the door',
        'kassa: Till 1 ? by the door (listen)',
      ]);
    } finally {
      await ds.destroy();
      await till.close();
    }
  });

  it('a till frozen in mid-sale holds the others up one lock wait at a time, until the limit', async () => {
    const url = await createDatabase(pg, 'frozen');
    const open = (name: string) => storeTill(url, name, undefined, { serverWaits: WAITS });
    const [one, two, three] = [await open('till-1'), await open('till-2'), await open('till-3')];
    let freeze: ReturnType<typeof freezeTill> | undefined;
    try {
      await setUpStore(one, url);
      for (const till of [two, three])
        await till.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      const mug = await createMug(one);
      const pen = await one.must('products:create', {
        sku: 'PEN',
        name: 'Pen',
        price: 250,
        taxRateBps: 2000,
      });
      await one.must('auth:requestAccess', MEMBER, 9);
      const [member] = (await one.must('staff:list', { status: 'pending' })).items;
      await one.must('staff:approve', { id: member.id });
      const receipts: Record<string, number[]> = { one: [], two: [], three: [] };
      const sell = async (till: StoreTill, key: string, sale = mugSale(mug)) =>
        receipts[key]!.push((await till.must('sales:checkout', sale)).receiptNo);
      await sell(one, 'one');
      await sell(two, 'two');

      // Till 2 freezes between two statements of its sale, with its locks held.
      freeze = freezeTill('till-2', 'mid-sale');
      const frozenSale = mugSale(mug);
      const thawedAnswer = two.invoke('sales:checkout', frozenSale, callerFor(1));
      await freeze.frozen;
      const frozenAt = Date.now();
      expect(
        await sqlOn(
          url,
          `SELECT state FROM pg_stat_activity WHERE application_name = 'kassa: till-2'
            AND state = 'idle in transaction'`,
        ),
      ).toHaveLength(1);

      // Till 1's sale of the mug waits one lock wait, then answers BUSY, saving nothing.
      const blockedSale = mugSale(mug);
      let started = Date.now();
      const blocked = await within(
        3 * LOCK_WAIT_MS,
        'the sale',
        one.invoke('sales:checkout', blockedSale, callerFor(1)),
      );
      expect(blocked).toMatchObject({ ok: false, error: { code: 'BUSY' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 50);

      // A disable on till 1 waits one lock wait; a sale on till 3 queued behind it goes through.
      started = Date.now();
      const disable = one.invoke('staff:disable', { id: member.id }, callerFor(1));
      await new Promise((r) => setTimeout(r, LOCK_WAIT_MS / 4));
      const penSale = three.invoke(
        'sales:checkout',
        {
          id: randomUUID(),
          lines: [{ productId: pen.id, quantity: 1 }],
          tenders: [{ type: 'cash', amount: 250 }],
        },
        callerFor(1),
      );
      expect(resultCode(await within(3 * LOCK_WAIT_MS, 'the disable', disable))).toBe('BUSY');
      const pens = await within(3 * LOCK_WAIT_MS, 'the sale on till 3', penSale);
      expect(pens).toMatchObject({ ok: true, data: { receiptNo: 1 } });
      receipts.three!.push(1);
      expect(Date.now() - started).toBeLessThan(3 * LOCK_WAIT_MS);

      // Till 1 tries its sale again until the server has ended till 2's session: then it sells.
      let again = await one.invoke('sales:checkout', blockedSale, callerFor(1));
      while (
        !again.ok &&
        resultCode(again) === 'BUSY' &&
        Date.now() - frozenAt < 3 * IDLE_IN_TRANSACTION_MS
      )
        again = await one.invoke('sales:checkout', blockedSale, callerFor(1));
      expect(again).toMatchObject({ ok: true });
      receipts.one!.push((again as { data: { receiptNo: number } }).data.receiptNo);
      const freed = Date.now() - frozenAt;
      expect(freed).toBeGreaterThanOrEqual(IDLE_IN_TRANSACTION_MS - 100);
      expect(freed).toBeLessThan(IDLE_IN_TRANSACTION_MS + 3 * LOCK_WAIT_MS);
      await one.must('staff:disable', { id: member.id });

      // Till 2 thaws: its sale was not saved, and says so; rung up again, it is recorded once.
      freeze.thaw();
      expect(resultCode(await thawedAnswer)).toBe('SERVER_UNREACHABLE');
      expect(await sqlOn(url, `SELECT id FROM sales WHERE uuid = '${frozenSale.id}'`)).toEqual([]);
      await sell(two, 'two', frozenSale);
      // The cashier's second press of the same sale answers it again, and records nothing more.
      const pressedAgain = await two.must('sales:checkout', frozenSale);
      expect(pressedAgain.receiptNo).toBe(2);

      // Frozen again, and thawed after the limit with its own code first: its COMMIT meets the
      // server's notice that it ended the session (SQLSTATE 25P03), and the sale is not saved.
      freeze.restore();
      freeze = freezeTill('till-2', 'before COMMIT');
      const secondSale = mugSale(mug);
      const secondAnswer = two.invoke('sales:checkout', secondSale, callerFor(1));
      await freeze.frozen;
      freeze.thaw(Date.now() + IDLE_IN_TRANSACTION_MS + 2_000);
      expect(await secondAnswer).toMatchObject({
        ok: false,
        error: { code: 'SERVER_UNREACHABLE', message: expect.stringMatching(/nothing was saved/) },
      });
      expect(await sqlOn(url, `SELECT id FROM sales WHERE uuid = '${secondSale.id}'`)).toEqual([]);
      await sell(two, 'two', secondSale);
      for (let i = 0; i < 3; i++) {
        await sell(one, 'one');
        await sell(two, 'two');
        await sell(three, 'three');
      }
      console.info(
        `[frozen till] till 1 answered BUSY after a ${LOCK_WAIT_MS} ms wait and sold again ${freed} ms after till 2 froze`,
      );

      expect(receipts).toEqual({
        one: [1, 2, 3, 4, 5],
        two: [1, 2, 3, 4, 5, 6],
        three: [1, 2, 3, 4],
      });
      expect(
        await sqlOn(url, `SELECT COUNT(*)::int AS n FROM sales WHERE uuid = '${frozenSale.id}'`),
      ).toEqual([{ n: 1 }]);
      expect(
        await sqlOn(
          url,
          `SELECT p.on_hand, (SELECT SUM(m.quantity)::int FROM stock_movements m
             WHERE m.product_id = p.id) AS ledger FROM products p WHERE p.id = ${mug}`,
        ),
      ).toEqual([{ on_hand: -14, ledger: -14 }]);
    } finally {
      freeze?.thaw();
      freeze?.restore();
      await Promise.all([one, two, three].map((till) => till.close()));
    }
  }, 60_000);
  it('a till that starts while another migrates waits for it past the lock limit', async () => {
    const url = await createDatabase(pg, 'migrating');
    // Another till migrating: the advisory lock held for three lock waits, then let go.
    const other = new pgDriver.Client({ connectionString: url });
    await other.connect();
    await other.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    const started = Date.now();
    const release = new Promise((r) => setTimeout(r, 3 * LOCK_WAIT_MS)).then(() =>
      other.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`),
    );
    try {
      const till = await storeTill(url, 'till-1', undefined, { serverWaits: WAITS });
      try {
        expect(Date.now() - started).toBeGreaterThanOrEqual(3 * LOCK_WAIT_MS - 50);
        expect(till.safeMode).toBe(false);
        await setUpStore(till, url);
        expect(await sqlOn(url, 'SELECT COUNT(*)::int AS n FROM migrations')).toEqual([
          { n: MIGRATIONS.length },
        ]);
      } finally {
        await till.close();
      }
    } finally {
      await release;
      await other.end();
    }
  });
  it('the connection that migrated goes back to the pool with the lock limit it had', async () => {
    const url = await createDatabase(pg, 'reset');
    const ds = createPostgresDataSource(url, undefined, { lockWaitMs: LOCK_WAIT_MS });
    // One connection, so the one that migrated is the one asked afterwards.
    ds.setOptions({ extra: { ...(ds.options.extra as object), min: 1, max: 1 } });
    await ds.initialize();
    try {
      await migrateStoreServer(ds);
      await migrateStoreServer(ds); // nothing left to do: the lock taken and let go all the same
      expect(await ds.query(`SELECT current_setting('lock_timeout') AS lock`)).toEqual([
        { lock: '1s' },
      ]);
    } finally {
      await ds.destroy();
    }
  });
});

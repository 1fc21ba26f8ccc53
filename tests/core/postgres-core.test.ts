/**
 * Issue 12, sections 1–2: whole cores on a PostgreSQL store server, through their channels, against
 * the throwaway server of tests/helpers/postgres.ts (one per file, a new database per test).
 * - Two tills start together on an empty server: the migrations run once, under the advisory lock;
 *   both sell, each with its own receipt numbers, and each sees the other's sale.
 * - The full check reads the server: the guard triggers and the whole audit chain (D6, D9, L2).
 * - Start-up refuses a server whose guard trigger was dropped (safe mode, naming it).
 * - Backups are the server's: the till's backup channels refuse and write no file.
 */
import { randomUUID } from 'node:crypto';
import pgDriver from 'pg';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../migrations';
import { createCore } from '../../electron/core';
import { localFolder } from '../../electron/core/backups/backup-folders';
import { createPostgresDataSource } from '../../electron/core/db/data-source';
import type { EntityManager } from 'typeorm';
import { HEAD_AND_SEAL_SQL } from '../../electron/core/audit/audit-log';
import { Database, type Isolation } from '../../electron/core/db/database';
import { AppError } from '../../shared/errors';
import { APP_ORIGIN } from '../../shared/csp';
import {
  ADMIN,
  callerFor,
  memorySecrets,
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
import {
  createMug,
  deploymentSql,
  mugSale,
  setUpStore,
  storeTill,
  type StoreTill,
} from '../helpers/store-server';
import { recordStatements } from '../helpers/pg-statements';

const bin = findPostgres();

/** The grants docs/deployment.md gives the tills' role, as written there. */
const GRANTS = deploymentSql(
  '-- as kassa_owner, in the kassa database, after the first start has migrated it',
);
describe.skipIf(!bin)('cores on a store server (issue 12)', () => {
  let pg: PgServer;
  let n = 0;
  const freshDatabase = () => createDatabase(pg, `store_${++n}`);
  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterAll(() => pg?.stop());

  it('two tills start together: one migrates under the lock, both sell and see each other', async () => {
    const url = await freshDatabase();
    const [one, two] = await Promise.all([storeTill(url, 'till-1'), storeTill(url, 'till-2')]);
    try {
      expect([one.safeMode, two.safeMode]).toEqual([false, false]);
      const migrations = await sqlOn(url, 'SELECT name FROM migrations');
      expect(migrations).toHaveLength(MIGRATIONS.length);
      await setUpStore(one, url);
      await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      const mug = await createMug(one);
      const sell = (core: StoreTill) => core.must('sales:checkout', mugSale(mug));
      const sales = [];
      for (let i = 0; i < 3; i++) sales.push(await sell(one), await sell(two));
      expect(sales.map((s) => s.receiptNo)).toEqual([1, 1, 2, 2, 3, 3]);
      const listed = await two.must('sales:list', { limit: 50 });
      expect(listed.items).toHaveLength(6);
      // Each till wrote only to its own chain, numbered by its till row, and sealed it.
      const chains = await sqlOn(
        url,
        `SELECT t.name, COUNT(*) AS n FROM audit_events a JOIN tills t ON t.id = a.chain
         GROUP BY t.name ORDER BY t.name`,
      );
      expect(chains.map((c) => c.name)).toEqual(['till-1', 'till-2']);
      expect(await sqlOn(url, 'SELECT COUNT(*) AS n FROM audit_seal')).toEqual([{ n: '2' }]);
      for (const core of [one, two])
        expect(await core.checkIntegrity()).toMatchObject({
          ok: true,
          integrity: 'ok',
          auditChain: { state: 'ok' },
        });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);

  it('two tills selling at the same moment: one chain each, no fork, no lost or doubled receipt', async () => {
    const url = await freshDatabase();
    const one = await storeTill(url, 'till-1');
    const two = await storeTill(url, 'till-2');
    try {
      await setUpStore(one, url);
      await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      const mug = await createMug(one);
      const sell = (core: StoreTill) => core.must('sales:checkout', mugSale(mug));
      const SALES = 15;
      const run = async (core: StoreTill) => {
        const receipts: number[] = [];
        for (let i = 0; i < SALES; i++) receipts.push((await sell(core)).receiptNo);
        return receipts;
      };
      const [first, second] = await Promise.all([run(one), run(two)]);
      const expected = Array.from({ length: SALES }, (_, i) => i + 1);
      expect([first, second]).toEqual([expected, expected]);
      const byTill = await sqlOn(
        url,
        `SELECT t.name, COUNT(*) AS n, MAX(s.receipt_no) AS last FROM sales s
         JOIN tills t ON t.id = s.till_id GROUP BY t.name ORDER BY t.name`,
      );
      expect(byTill).toEqual([
        { name: 'till-1', n: String(SALES), last: SALES },
        { name: 'till-2', n: String(SALES), last: SALES },
      ]);
      for (const core of [one, two])
        expect(await core.checkIntegrity()).toMatchObject({
          ok: true,
          auditChain: { state: 'ok' },
        });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);

  it('two tills selling the last unit at once: one sells it, the other is refused (row lock)', async () => {
    const url = await freshDatabase();
    const one = await storeTill(url, 'till-1');
    const two = await storeTill(url, 'till-2');
    try {
      await setUpStore(one, url);
      await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      await one.must('auth:reauthenticate', { password: ADMIN.password });
      await one.must('stock:updateSettings', { negativeStock: 'refuse' });
      const mug = await createMug(one);
      const ROUNDS = 6;
      const outcomes: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await one.must('stock:adjust', { productId: mug, quantity: 1, reason: 'found' });
        const answers = await Promise.all(
          [one, two].map((core) => core.invoke('sales:checkout', mugSale(mug), callerFor(1))),
        );
        outcomes.push(answers.map(resultCode).sort().join(' '));
      }
      expect(outcomes).toEqual(Array(ROUNDS).fill('INSUFFICIENT_STOCK ok'));
      const [stock] = await sqlOn(url, `SELECT on_hand FROM products WHERE id = ${mug}`);
      expect(stock).toEqual({ on_hand: 0 });
      expect(await sqlOn(url, 'SELECT COUNT(*) AS n FROM sales')).toEqual([{ n: String(ROUNDS) }]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);

  it('refunds and voids on a store server: each answer reads back what its own write did', async () => {
    const url = await freshDatabase();
    const core = await storeTill(url, 'till-1');
    try {
      await setUpStore(core, url);
      const mug = await createMug(core);
      const sell = () => core.must('sales:checkout', mugSale(mug, 2));
      const [first, second] = [await sell(), await sell()];
      await core.must('auth:reauthenticate', { password: ADMIN.password });
      const refund = await core.must('sales:refund', {
        saleId: first.id,
        refundId: randomUUID(),
        lines: [{ lineId: first.lines[0].id, quantity: 1 }],
        tender: 'cash',
        reason: 'chipped',
      });
      expect(refund).toMatchObject({ kind: 'refund', receiptNo: 3, total: -250 });
      const voided = await core.must('sales:void', { id: second.id, reason: 'rang twice' });
      expect(voided).toMatchObject({ id: second.id, status: 'voided' });
      expect(await core.must('sales:get', { id: first.id })).toMatchObject({
        lines: [{ refundedQuantity: 1 }],
      });
    } finally {
      await core.close();
    }
  }, 60_000);

  it('the full check reads the server: a rewritten audit row and a dropped trigger are found', async () => {
    const url = await freshDatabase();
    const core = await storeTill(url, 'till-1');
    try {
      await setUpStore(core, url);
      expect(await core.checkIntegrity()).toMatchObject({ ok: true, integrity: 'ok' });
      // Rewritten from outside, past the triggers (a replica session does not fire them).
      await sqlOn(
        url,
        "SET session_replication_role = replica; UPDATE audit_events SET detail = 'nothing happened' WHERE id = 2",
      );
      const chain = await core.checkIntegrity();
      expect(chain).toMatchObject({ ok: false, integrity: 'ok' });
      expect(chain.auditChain).toMatchObject({ state: 'broken' });
      expect(chain.auditChain.detail).toContain('event 2');
      await sqlOn(url, 'DROP TRIGGER stock_movements_append_only ON stock_movements');
      const triggers = await core.checkIntegrity();
      expect(triggers.integrity).toContain('stock_movements (UPDATE), stock_movements (DELETE)');
      expect(core.safeMode).toBe(true);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('a till will not start on a server whose guard trigger was dropped', async () => {
    const url = await freshDatabase();
    await (await storeTill(url, 'till-1')).close();
    await sqlOn(url, 'DROP TRIGGER sale_lines_append_only ON sale_lines');
    const core = await storeTill(url, 'till-1');
    try {
      expect(core.safeMode).toBe(true);
      const status = await core.must('app:status');
      expect(status.integrity.safeModeReason).toContain('sale_lines (UPDATE), sale_lines (DELETE)');
    } finally {
      await core.close();
    }
  }, 60_000);

  it('backups are the server’s: the till refuses to make or restore one and writes no file', async () => {
    const url = await freshDatabase();
    const core = await storeTill(url, 'till-1');
    try {
      await setUpStore(core, url);
      const run = await core.invoke('backups:run', {}, callerFor(1));
      expect(resultCode(run)).toBe('STORE_SERVER_BACKUPS');
      expect(await core.backupNow('daily')).toMatchObject({
        ok: false,
        errorCode: 'STORE_SERVER_BACKUPS',
      });
      expect(existsSync(localFolder(join(core.dir, 'till.sqlite')))).toBe(false);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('asks for TLS when told to: a server without it is refused, not used in the clear', async () => {
    const url = await freshDatabase();
    const core = await storeTill(url, 'till-1', { mode: 'require' });
    try {
      expect(core.safeMode).toBe(true);
      const status = await core.must('app:status');
      expect(status.integrity.safeModeReason).toMatch(/store server could not be opened.*SSL/);
    } finally {
      await core.close();
    }
  });

  it("the tills' role of docs/deployment.md sells, but can neither migrate nor drop a trigger", async () => {
    const url = await freshDatabase();
    await sqlOn(pg.url, `CREATE ROLE till_${n} LOGIN`);
    const tillUrl = url.replace('kassa@', `till_${n}@`);
    const early = await storeTill(tillUrl, 'till-1');
    try {
      expect(early.safeMode).toBe(true);
      const status = await early.must('app:status');
      expect(status.integrity.safeModeReason).toMatch(/could not be opened.*permission denied/);
    } finally {
      await early.close();
    }
    const owner = await storeTill(url, 'till-0');
    await setUpStore(owner, url);
    await sqlOn(url, GRANTS.replaceAll('kassa_till', `till_${n}`));
    const daily = await storeTill(tillUrl, 'till-1');
    try {
      expect(daily.safeMode).toBe(false);
      await daily.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      const mug = await createMug(daily);
      const sale = await daily.must('sales:checkout', mugSale(mug));
      expect(sale.receiptNo).toBe(1);
      // The joined search text's trigger (1790000016000) runs for the tills' role too.
      await daily.must('customers:create', { name: 'Inês Duarte', email: 'ines.d@shop.test' });
      for (const fragment of ['es du', 's.d@s'])
        expect(
          (await daily.must('customers:search', { search: fragment })).items.map(
            (c: { name: string }) => c.name,
          ),
        ).toEqual(['Inês Duarte']);
      await expect(
        sqlOn(tillUrl, 'DROP TRIGGER sale_lines_append_only ON sale_lines'),
      ).rejects.toThrow(/must be owner/);
      await expect(sqlOn(tillUrl, 'UPDATE sale_lines SET quantity = 2')).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await Promise.all([daily.close(), owner.close()]);
    }
  }, 60_000);

  it('a write starts at its isolation level in one statement, and a failed one leaves nothing', async () => {
    const ds = createPostgresDataSource(await freshDatabase());
    await ds.initialize();
    const db = new Database(ds, silentLogger);
    const watch = recordStatements();
    const sent = () => watch.sent.map((q) => q.text);
    try {
      const level = (isolation?: Isolation) =>
        db.write(async (em) => {
          const [row] = (await em.query('SHOW transaction_isolation')) as Array<{
            transaction_isolation: string;
          }>;
          return row!.transaction_isolation;
        }, isolation);
      expect(await level()).toBe('serializable');
      expect(sent()).toEqual([
        'START TRANSACTION ISOLATION LEVEL SERIALIZABLE',
        'SHOW transaction_isolation',
        'COMMIT',
      ]);
      expect(await level('readCommitted')).toBe('read committed');
      await ds.query('CREATE TABLE probe (n integer)');
      watch.sent.length = 0;
      await expect(
        db.write(async (em) => {
          await em.query('INSERT INTO probe VALUES (1)');
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(sent().at(-1)).toBe('ROLLBACK');
      expect(await ds.query('SELECT COUNT(*)::int AS n FROM probe')).toEqual([{ n: 0 }]);
    } finally {
      watch.restore();
      await ds.destroy();
    }
  });

  it('a sale on a server is one round trip per step: the staff lock rides START, no RELEASE', async () => {
    const url = await freshDatabase();
    const till = await storeTill(url, 'till-1');
    let restore = () => {};
    try {
      await setUpStore(till, url);
      const mug = await createMug(till);
      await till.must('sales:checkout', mugSale(mug));
      const watch = recordStatements();
      restore = watch.restore;
      const sales = [];
      for (let i = 0; i < 3; i++) sales.push(await till.must('sales:checkout', mugSale(mug)));
      expect(sales.map((s) => s.receiptNo)).toEqual([2, 3, 4]);
      // The third sale's transaction, statement by statement (each a round trip): a SELECT by the
      // first table it reads, any other by its first three words.
      const start = watch.sent.findLastIndex((q) => q.text.startsWith('START TRANSACTION'));
      const first = watch.sent[start]!;
      // Its connection's statements only: the till's background round may query meanwhile.
      const own = watch.sent
        .slice(start)
        .filter((q) => q.client === first.client)
        .map((q) => q.text);
      const steps = own
        .slice(0, own.indexOf('COMMIT') + 1)
        .map((q) =>
          q.startsWith('SELECT')
            ? `SELECT FROM ${/\bFROM ([a-z_]+)/.exec(q)?.[1]}`
            : q.split(' ').slice(0, 3).join(' '),
        );
      expect(steps).toEqual([
        'START TRANSACTION ISOLATION',
        'SELECT FROM staff',
        'SAVEPOINT kassa_sp_1',
        'SELECT FROM sales',
        'SELECT FROM settings',
        'SELECT FROM products',
        'UPDATE shifts SET',
        'UPDATE tills SET',
        'INSERT INTO sales',
        'WITH tendered AS',
        'WITH r0 AS',
        'UPDATE till_carts SET',
        'SELECT FROM audit_events',
        'INSERT INTO audit_events',
        'INSERT INTO audit_seal',
        'WITH recorded AS',
        'COMMIT',
      ]);
      expect(first.text).toBe(
        'START TRANSACTION ISOLATION LEVEL READ COMMITTED; LOCK TABLE staff IN ROW SHARE MODE',
      );
      // What the statements that ride others wrote: each sale's tender, its stock movement, and
      // an on-hand equal to the ledger's sum.
      expect(
        await sqlOn(url, 'SELECT COUNT(*)::int AS n, SUM(amount)::int AS paid FROM sale_tenders'),
      ).toEqual([{ n: 4, paid: 1000 }]);
      expect(
        await sqlOn(
          url,
          `SELECT p.on_hand, (SELECT SUM(m.quantity)::int FROM stock_movements m
             WHERE m.product_id = p.id AND m.kind = 'sale') AS sold FROM products p`,
        ),
      ).toEqual([{ on_hand: -4, sold: -4 }]);
    } finally {
      restore();
      await till.close();
    }
  });

  it("the audit chain's head read has one plan for every till: a probe of (chain, id)", async () => {
    const url = await freshDatabase();
    const till = await storeTill(url, 'till-1');
    const client = new pgDriver.Client({ connectionString: url });
    try {
      // 5,000 events of another till, none yet of this one: the old form's generic plan walked
      // the primary key backwards through all of them.
      await sqlOn(
        url,
        `INSERT INTO audit_events (at, action, terminal, outcome, prev_hash, hash, chain)
         SELECT '2026-01-01T00:00:00.000Z', 'probe', 'till-0', 'success', 'p', 'h', 1
           FROM generate_series(1, 5000)`,
      );
      await sqlOn(url, 'ANALYZE audit_events');
      await client.connect();
      let n = 0;
      await client.query(
        `PREPARE head(int, int, int) AS ${HEAD_AND_SEAL_SQL.replace(/\?/g, () => `$${++n}`)}`,
      );
      await client.query('SET plan_cache_mode = force_generic_plan');
      for (const chain of [2, 1]) {
        const { rows } = (await client.query(
          `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE head(${chain + 1}, ${chain}, ${chain})`,
        )) as { rows: unknown[] };
        const nodes: Array<Record<string, unknown>> = [];
        const walk = (node: Record<string, unknown>) => {
          nodes.push(node);
          for (const child of (node.Plans as Array<Record<string, unknown>>) ?? []) walk(child);
        };
        walk(
          (rows[0] as { 'QUERY PLAN': Array<{ Plan: Record<string, unknown> }> })['QUERY PLAN'][0]!
            .Plan,
        );
        const events = nodes.filter((p) => p['Relation Name'] === 'audit_events');
        expect(events.map((p) => p['Index Name'])).toContain('IDX_audit_events_chain_id');
        const touched = events.reduce(
          (sum, p) => sum + Number(p['Actual Rows']) + Number(p['Rows Removed by Filter'] ?? 0),
          0,
        );
        // The one row the index gives (the other till's last, for this till: then dropped).
        expect(touched).toBe(1);
      }
    } finally {
      await client.end();
      await till.close();
    }
  });

  it('nested writes keep their savepoints to the COMMIT: a failed one undoes only itself', async () => {
    const ds = createPostgresDataSource(await freshDatabase());
    await ds.initialize();
    const db = new Database(ds, silentLogger);
    try {
      await ds.query('CREATE TABLE probe (n integer)');
      const insert = (n: number) => (em: EntityManager) =>
        em.query(`INSERT INTO probe VALUES (${n})`);
      const refused = (n: number) => async (em: EntityManager) => {
        await em.query(`INSERT INTO probe VALUES (${n})`);
        throw new AppError('CONFLICT', 'refused');
      };
      await db.write(async () => {
        // Savepoints of one name, each left open: a failure rolls back to its own, the newest.
        await db.write(insert(1));
        await expect(db.write(refused(2))).rejects.toThrow('refused');
        await db.write(insert(3));
        await db.write(insert(4));
        await expect(db.write(refused(5))).rejects.toThrow('refused');
        await expect(db.write(refused(6))).rejects.toThrow('refused');
        await db.write(insert(7));
      });
      expect(await ds.query('SELECT n FROM probe ORDER BY n')).toEqual([
        { n: 1 },
        { n: 3 },
        { n: 4 },
        { n: 7 },
      ]);
      // And the outer write failing takes every nested one with it.
      await expect(
        db.write(async () => {
          await db.write(insert(8));
          throw new AppError('CONFLICT', 'refused');
        }),
      ).rejects.toThrow('refused');
      expect(await ds.query('SELECT COUNT(*)::int AS n FROM probe')).toEqual([{ n: 4 }]);
    } finally {
      await ds.destroy();
    }
  });

  it('a first lock that fails rolls its transaction back and leaves the connection clean', async () => {
    const url = await freshDatabase();
    const ds = createPostgresDataSource(url);
    await ds.initialize();
    const db = new Database(ds, silentLogger);
    try {
      await ds.query('CREATE TABLE probe (n integer)');
      for (let i = 0; i < 3; i++)
        await expect(
          db.write(
            (em) => em.query('INSERT INTO probe VALUES (1)'),
            'readCommitted',
            'LOCK TABLE no_such_table IN ROW SHARE MODE',
          ),
        ).rejects.toThrow(/no_such_table/);
      const stuck = await sqlOn(
        url,
        "SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
      );
      expect(stuck).toEqual([{ n: 0 }]);
      await db.write(
        (em) => em.query('INSERT INTO probe VALUES (2)'),
        'readCommitted',
        'LOCK TABLE probe IN ROW SHARE MODE',
      );
      expect(await ds.query('SELECT n FROM probe')).toEqual([{ n: 2 }]);
    } finally {
      await ds.destroy();
    }
  });

  it('a SQLite database option must name databasePath itself', async () => {
    const dir = tempDir();
    await expect(
      createCore({
        databasePath: join(dir, 'a.sqlite'),
        database: { kind: 'sqlite', path: join(dir, 'b.sqlite') },
        secretStore: memorySecrets(),
        appOrigin: APP_ORIGIN,
        logger: silentLogger,
      }),
    ).rejects.toThrow(TypeError);
  });
});

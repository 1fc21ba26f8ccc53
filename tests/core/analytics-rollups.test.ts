/**
 * Issue 11, section 4: the daily sales rollups are written in each sale's own transaction and
 * always equal the sums taken straight from the sales tables (tests/helpers/analytics.ts), after a
 * random stream of sales, refunds, voids and receipts at cost over several days, staff, tenders,
 * tax rates and discounts, cost of goods sold included (costed and uncosted products);
 * `rebuildRollups` gives the same rows, and so does migration 1790000012000 (rollups per till),
 * whose `down` sums the tills' rows back into the old keys; every line and stock movement of a sale carries the right unit cost; a DST-change day in
 * Europe/London puts every sale in its local hour. One core for the whole file: each run adds to
 * the same till's history.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDetail } from '../../shared/contract';
import { ADMIN, approvedMember, FakeClock, makeTestCore, withAdmin } from '../helpers/core';
import { ON_POSTGRES } from '../helpers/test-engine';
import type { TestCore } from '../helpers/core';
import { insertCustomers, insertProducts, reader, sell, withWritable } from '../helpers/retail';
import { expectedRollups, rebuildOnFile, storedRollups } from '../helpers/analytics';
import { createSqliteDataSource } from '../../electron/core/db/data-source';
import { RollupsPerTill1790000012000 } from '../../migrations/1790000012000-RollupsPerTill';

const ZONE = 'Europe/London';
const CASHIER = {
  username: 'carl',
  email: 'carl@shop.test',
  displayName: 'Carl Cashier',
  password: 'copper kettle whistles at dawn',
};

type Op =
  | {
      op: 'sell';
      window: 1 | 3;
      lines: Array<{ product: number; quantity: number; percent: number }>;
      saleDiscount: number;
      tender: 'cash' | 'card' | 'split';
      customer: number;
    }
  | { op: 'refund'; pick: number; share: number; tender: 'cash' | 'card' }
  | { op: 'void'; pick: number }
  | { op: 'receive'; product: number; quantity: number; unitCost: number }
  | { op: 'wait'; minutes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('sell' as const),
      window: fc.constantFrom(1 as const, 3 as const),
      lines: fc.array(
        fc.record({
          product: fc.nat(3),
          quantity: fc.integer({ min: 1, max: 4 }),
          percent: fc.constantFrom(0, 0, 1000, 2500),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      saleDiscount: fc.constantFrom(0, 0, 0, 500, 1500),
      tender: fc.constantFrom('cash' as const, 'card' as const, 'split' as const),
      customer: fc.nat(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      pick: fc.nat(),
      share: fc.double({ min: 0.1, max: 1, noNaN: true }),
      tender: fc.constantFrom('cash' as const, 'card' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('receive' as const),
      // Not the book (index 2): it stays without a cost, so uncosted lines stay in the stream.
      product: fc.constantFrom(0, 1, 3),
      quantity: fc.integer({ min: 1, max: 20 }),
      unitCost: fc.integer({ min: 0, max: 900 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('wait' as const),
      minutes: fc.integer({ min: 1, max: 20 * 60 }),
    }),
  },
);

describe('sales rollups', () => {
  let t: TestCore;
  let products: number[];
  let customers: Array<number | null>;
  const sold: SaleDetail[] = [];

  async function signIn() {
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
    await t.must('auth:login', { identifier: CASHIER.username, password: CASHIER.password }, 3);
  }

  async function apply(o: Op): Promise<void> {
    if (o.op === 'wait') {
      t.clock.advanceMinutes(o.minutes);
      return signIn();
    }
    if (o.op === 'receive') {
      await t.must('stock:receive', {
        lines: [{ productId: products[o.product]!, quantity: o.quantity, unitCost: o.unitCost }],
      });
      return;
    }
    if (o.op === 'sell') {
      const lines = o.lines.map((l) => ({
        productId: products[l.product]!,
        quantity: l.quantity,
        ...(l.percent ? { discount: { type: 'percent' as const, bps: l.percent } } : {}),
      }));
      const quote = await t.must('sales:quote', {
        lines,
        customerId: customers[o.customer]!,
        ...(o.saleDiscount ? { discount: { type: 'percent' as const, bps: o.saleDiscount } } : {}),
      });
      if (quote.total <= 0) return;
      const half = Math.floor(quote.total / 2);
      const tenders =
        o.tender === 'split'
          ? [
              { type: 'card' as const, amount: half },
              { type: 'cash' as const, amount: quote.total - half + 100 },
            ]
          : [{ type: o.tender, amount: quote.total }];
      const sale = await sell(
        t,
        lines,
        tenders.filter((x) => x.amount > 0),
        {
          customerId: customers[o.customer]!,
          ...(o.saleDiscount ? { discount: { type: 'percent', bps: o.saleDiscount } } : {}),
        },
        o.window,
      );
      sold.push(sale);
      return;
    }
    if (sold.length === 0) return;
    const sale = sold[o.pick % sold.length]!;
    const now = await t.must('sales:get', { id: sale.id });
    if (o.op === 'void') {
      if (now.voidable) await t.must('sales:void', { id: sale.id, reason: 'test' });
      return;
    }
    if (now.status !== 'completed') return;
    const lines = now.lines
      .map((l) => ({
        lineId: l.id,
        quantity: Math.floor((l.quantity - l.refundedQuantity) * o.share),
      }))
      .filter((l) => l.quantity > 0);
    if (lines.length === 0) return;
    await t.must('sales:refund', {
      refundId: randomUUID(),
      saleId: sale.id,
      lines,
      tender: o.tender,
      reason: 'test',
    });
  }

  beforeAll(async () => {
    t = await makeTestCore({ clock: new FakeClock(Date.parse('2026-03-27T09:00:00.000Z')) });
    await withAdmin(t);
    await t.must('settings:update', { timeZone: ZONE, idleLockMinutes: 15 });
    await approvedMember(t, CASHIER);
    await signIn();
    products = insertProducts(t, [
      { sku: 'TEA', name: 'Tea', price: 250 },
      { sku: 'CAKE', name: 'Cake', price: 333, taxRateBps: 500 },
      { sku: 'BOOK', name: 'Book', price: 1299, taxRateBps: 0 },
      { sku: 'MUG', name: 'Mug', price: 799 },
    ]);
    customers = [null, ...insertCustomers(t, [{ name: 'Rita Regular' }, { name: 'Nora New' }])];
    // Tea and cake have an average cost; the mug only a last cost (as a product received before
    // the moving average existed); the book none.
    await t.must('stock:receive', {
      lines: [
        { productId: products[0]!, quantity: 50, unitCost: 90 },
        { productId: products[1]!, quantity: 50, unitCost: 140 },
      ],
    });
    withWritable(t, (db) =>
      db.prepare('UPDATE products SET last_cost = 410 WHERE id = ?').run(products[3]!),
    );
  });
  afterAll(() => t.close());

  // SQLite only: the expected rollups are computed with SQLite's date functions.
  it.skipIf(ON_POSTGRES)(
    'equal the raw sums after any stream of sales, refunds and voids, and rebuild to the same rows',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
          for (const o of ops) await apply(o);
          const stored = storedRollups(reader(t));
          expect(stored).toEqual(expectedRollups(reader(t), ZONE));
          await rebuildOnFile(t, ZONE);
          expect(storedRollups(reader(t))).toEqual(stored);
        }),
        { numRuns: 25 },
      );
      // Whatever the random runs drew, one sale from each member, a void and a refund end the
      // stream, so the coverage checks below never depend on the seed.
      const tail: Op[] = [1, 3].map((window) => ({
        op: 'sell',
        window: window as 1 | 3,
        lines: [{ product: 0, quantity: 2, percent: 1000 }],
        saleDiscount: 500,
        tender: 'cash',
        customer: 1,
      }));
      await apply(tail[0]!);
      await apply({ op: 'void', pick: sold.length - 1 });
      await apply(tail[1]!);
      await apply({ op: 'refund', pick: sold.length - 1, share: 1, tender: 'card' });
      expect(storedRollups(reader(t))).toEqual(expectedRollups(reader(t), ZONE));
      // The stream really crossed days, staff, tenders, rates, refunds and voids.
      const db = reader(t);
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(n('SELECT COUNT(DISTINCT business_date) AS n FROM sales')).toBeGreaterThan(3);
      expect(n('SELECT COUNT(DISTINCT staff_id) AS n FROM sales')).toBe(2);
      expect(n("SELECT COUNT(*) AS n FROM sales WHERE kind = 'refund'")).toBeGreaterThan(0);
      expect(n("SELECT COUNT(*) AS n FROM sales WHERE status = 'voided'")).toBeGreaterThan(0);
      expect(n('SELECT COUNT(*) AS n FROM sales WHERE discount > 0')).toBeGreaterThan(0);
      // Costed and uncosted lines; the mug's cost is its last cost.
      expect(n('SELECT COUNT(*) AS n FROM sale_lines WHERE unit_cost IS NULL')).toBeGreaterThan(0);
      expect(n('SELECT COUNT(*) AS n FROM sale_lines WHERE unit_cost IS NOT NULL')).toBeGreaterThan(
        0,
      );
      // A refund line carries its original line's unit cost, whatever the product costs now.
      expect(
        n(`SELECT COUNT(*) AS n FROM sale_lines r JOIN sale_lines o ON o.id = r.refund_of_line_id
           WHERE r.unit_cost IS NOT o.unit_cost`),
      ).toBe(0);
      // Every movement of a sale, a refund or a void is at the cost of that sale's line.
      expect(
        n(`SELECT COUNT(*) AS n FROM stock_movements m WHERE m.sale_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM sale_lines l WHERE l.sale_id = m.sale_id AND l.product_id = m.product_id
             AND l.unit_cost IS m.unit_cost)`),
      ).toBe(0);
      expect(n("SELECT COUNT(*) AS n FROM stock_movements WHERE reason = 'void'")).toBeGreaterThan(
        0,
      );
    },
  );

  // Reads the sales the property above made, which runs on SQLite only.
  it.skipIf(ON_POSTGRES)('rebuilds one range of days without touching the others', async () => {
    const before = storedRollups(reader(t));
    const days = (
      reader(t).prepare('SELECT DISTINCT business_date AS d FROM sales ORDER BY 1').all() as {
        d: string;
      }[]
    ).map((r) => r.d);
    await rebuildOnFile(t, ZONE, { from: days[1]!, to: days[2]! });
    expect(storedRollups(reader(t))).toEqual(before);
  });
  // The migration undone and redone on a SQLite file; on a server the migrations run once, on an
  // empty store (test-engine.ts).
  it.skipIf(ON_POSTGRES)(
    'migration 1790000012000 sums the tills back on down, and rebuilds per till from the sales on up',
    async () => {
      const ds = createSqliteDataSource({ databasePath: t.dbPath });
      await ds.initialize();
      const q = ds.createQueryRunner();
      const migration = new RollupsPerTill1790000012000();
      try {
        const before = storedRollups(reader(t));
        // Rows of a second till beside every row, so that down has tills to sum (up, which
        // rebuilds from the sales, drops them again).
        for (const table of Object.keys(before)) {
          const cols = (
            (await q.query(`SELECT name FROM pragma_table_info('${table}')`)) as Array<{
              name: string;
            }>
          ).map((c) => c.name);
          await q.query(
            `INSERT INTO ${table} (${cols.join(', ')})
             SELECT ${cols.map((c) => (c === 'till_id' ? 'till_id + 1000' : c)).join(', ')}
             FROM ${table}`,
          );
        }
        const twoTills = storedRollups(reader(t));
        await migration.down(q);
        const summed = storedRollups(reader(t));
        // Down: one row per old key (no till column), the sum of the tills' rows.
        const merge = (rows: Record<string, Record<string, number>>) => {
          const out: Record<string, Record<string, number>> = {};
          for (const [key, figures] of Object.entries(rows)) {
            const k = `${key.split('|').slice(0, 2).join('|')}|undefined`;
            const row = (out[k] ??= Object.fromEntries(Object.keys(figures).map((f) => [f, 0])));
            for (const [f, v] of Object.entries(figures)) row[f]! += v;
          }
          return out;
        };
        for (const table of Object.keys(before)) {
          expect(Object.keys(twoTills[table]!), table).toHaveLength(
            2 * Object.keys(before[table]!).length,
          );
          expect(summed[table], table).toEqual(merge(twoTills[table]!));
        }
        // Up: the tables made again and filled from the sales, per till, as the sales wrote them.
        await q.query('UPDATE rollup_staff SET gross = gross + 1');
        await migration.up(q);
        expect(Object.keys(storedRollups(reader(t)).rollup_staff!).length).toBeGreaterThan(3);
        expect(storedRollups(reader(t))).toEqual(before);
        expect(storedRollups(reader(t))).toEqual(expectedRollups(reader(t), ZONE));
      } finally {
        await q.release();
        await ds.destroy();
      }
    },
  );
});

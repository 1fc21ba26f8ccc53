/**
 * Issue 11, section 2: stock as a ledger, on a real SQLite file. Sales, refunds (restock and
 * write-off), voids and adjustments write immutable movements (a sale's at its lines' unit cost)
 * and move `products.on_hand` in the same transaction; refuse mode refuses and changes nothing;
 * bad input changes nothing; a random stream keeps on-hand equal to the ledger sum (and
 * `stock:check` finds no drift); sales fired at once never lose a movement. One core for the
 * whole file.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertProducts, reader, salesFootprint, sell, withWritable } from '../helpers/retail';
import { ON_POSTGRES } from '../helpers/test-engine';

let t: TestCore;
let tea: number;
let cake: number;
let fee: number;

beforeAll(async () => {
  t = await makeTestCore();
  await withAdmin(t);
  [tea, cake, fee] = insertProducts(t, [
    { sku: 'TEA', name: 'Tea', price: 250 },
    { sku: 'CAKE', name: 'Cake', price: 300 },
    { sku: 'BAGFEE', name: 'Bag fee', price: 10, kind: 'fee' },
  ]) as [number, number, number];
});
afterAll(async () => {
  await t.close();
});

function onHand(id: number): number {
  return (
    reader(t).prepare('SELECT on_hand FROM products WHERE id = ?').get(id) as { on_hand: number }
  ).on_hand;
}
function ledger(id: number): number {
  return (
    reader(t)
      .prepare('SELECT COALESCE(SUM(quantity), 0) AS n FROM stock_movements WHERE product_id = ?')
      .get(id) as { n: number }
  ).n;
}
function movementCount(): number {
  return (reader(t).prepare('SELECT COUNT(*) AS n FROM stock_movements').get() as { n: number }).n;
}
/** Everything a refused call must leave as it was. */
function footprint() {
  return {
    ...salesFootprint(t),
    movements: movementCount(),
    onHand: [tea, cake, fee].map(onHand),
    // The router audits a payload its schema refuses (ipc.validation_failed); nothing else may be.
    audit: (
      reader(t)
        .prepare("SELECT COUNT(*) AS n FROM audit_events WHERE action <> 'ipc.validation_failed'")
        .get() as { n: number }
    ).n,
  };
}
// Cash: change is given, so one generous tender pays any cart.
const pay = (amount: number) => [{ type: 'cash' as const, amount }];

describe('the stock ledger', () => {
  it('opens a balance once, then ten sales in a row take it down line by line', async () => {
    expect(
      await t.must('stock:adjust', { productId: tea, quantity: 40, reason: 'opening' }),
    ).toEqual({ productId: tea, sku: 'TEA', name: 'Tea', onHand: 40, reorderLevel: null });
    // A second opening balance is refused: the ledger already started.
    const before = footprint();
    const again = await t.call('stock:adjust', { productId: tea, quantity: 5, reason: 'opening' });
    expect(resultCode(again)).toBe('CONFLICT');
    expect(footprint()).toEqual(before);

    for (let i = 1; i <= 10; i++) {
      const sale = await sell(t, [{ productId: tea, quantity: i % 3 === 0 ? 2 : 1 }], pay(500));
      expect(sale.status).toBe('completed');
    }
    // 10 sales: 3 of them (i = 3, 6, 9) sold 2, the others 1 → 13 units.
    expect(onHand(tea)).toBe(27);
    expect(ledger(tea)).toBe(27);
    const page = await t.must('stock:movements', { productId: tea, limit: 5 });
    expect(page.total).toBe(11);
    expect(page.level.onHand).toBe(27);
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toMatchObject({ kind: 'sale', quantity: -1, balance: 27, reason: null });
    expect(page.items[0]!.saleId).not.toBeNull();
    const last = await t.must('stock:movements', { productId: tea, limit: 5, offset: 10 });
    expect(last.items).toEqual([
      expect.objectContaining({ kind: 'opening', quantity: 40, balance: 40, tillName: 'till-1' }),
    ]);
  });

  it('keeps non-stock kinds out of the ledger, and a cart of both moves only the stock line', async () => {
    const before = movementCount();
    const quote = await t.must('sales:quote', {
      lines: [
        { productId: tea, quantity: 1 },
        { productId: fee, quantity: 1 },
      ],
    });
    expect(quote.lines.map((l) => l.onHand)).toEqual([27, null]);
    await sell(
      t,
      [
        { productId: tea, quantity: 1 },
        { productId: fee, quantity: 3 },
      ],
      pay(280),
    );
    expect(movementCount()).toBe(before + 1);
    expect(onHand(fee)).toBe(0);
    expect(onHand(tea)).toBe(26);
    const bad = await t.call('stock:adjust', { productId: fee, quantity: 5, reason: 'found' });
    expect(resultCode(bad)).toBe('VALIDATION_FAILED');
    expect(
      resultCode(await t.call('stock:setReorderLevel', { productId: fee, reorderLevel: 1 })),
    ).toBe('VALIDATION_FAILED');
  });

  it('restocks or writes off a refund as the cashier chooses, and a void gives the stock back', async () => {
    // Movements carry the sale line's unit cost: the cake's average when sold, kept by its refunds.
    const cost = (average: number) =>
      withWritable(t, (db) =>
        db.prepare('UPDATE products SET average_cost = ? WHERE id = ?').run(average, cake),
      );
    cost(120);
    const sale = await sell(t, [{ productId: cake, quantity: 5 }], pay(1500));
    expect(onHand(cake)).toBe(-5); // warn mode (the default): below zero is allowed
    cost(130);
    const line = sale.lines[0]!.id;
    await t.must('sales:refund', {
      saleId: sale.id,
      refundId: randomUUID(),
      lines: [{ lineId: line, quantity: 2 }],
      tender: 'card',
      reason: 'Changed mind',
    });
    expect(onHand(cake)).toBe(-3);
    const writeOff = await t.must('sales:refund', {
      saleId: sale.id,
      refundId: randomUUID(),
      lines: [{ lineId: line, quantity: 1 }],
      tender: 'card',
      reason: 'Squashed',
      restock: false,
    });
    expect(onHand(cake)).toBe(-3);
    const rows = reader(t)
      .prepare(
        'SELECT kind, quantity, reason, sale_id, unit_cost FROM stock_movements WHERE product_id = ? ORDER BY id',
      )
      .all(cake);
    expect(rows.slice(-3)).toEqual([
      { kind: 'sale', quantity: -5, reason: null, sale_id: sale.id, unit_cost: 120 },
      expect.objectContaining({ kind: 'refund', quantity: 2, reason: 'restock', unit_cost: 120 }),
      { kind: 'refund', quantity: 0, reason: 'write_off', sale_id: writeOff.id, unit_cost: 120 },
    ]);

    const voided = await sell(
      t,
      [
        { productId: cake, quantity: 4 },
        { productId: tea, quantity: 1 },
      ],
      pay(1450),
    );
    expect([onHand(cake), onHand(tea)]).toEqual([-7, 25]);
    await t.must('sales:void', { id: voided.id, reason: 'Rang up twice' });
    expect([onHand(cake), onHand(tea)]).toEqual([-3, 26]);
    const back = reader(t)
      .prepare(
        "SELECT product_id, quantity, unit_cost FROM stock_movements WHERE reason = 'void' ORDER BY id",
      )
      .all();
    expect(back).toEqual([
      { product_id: cake, quantity: 4, unit_cost: 130 },
      { product_id: tea, quantity: 1, unit_cost: null },
    ]);
    expect((await t.must('stock:check')).drift).toEqual([]);
  });

  it('refuses bad adjustments with a clear error and changes nothing', async () => {
    const before = footprint();
    const cases: Array<[unknown, string]> = [
      [{ productId: 999_999, quantity: 1, reason: 'found' }, 'NOT_FOUND'],
      [{ productId: tea, quantity: 0, reason: 'correction' }, 'VALIDATION_FAILED'],
      [{ productId: tea, quantity: 3, reason: 'damaged' }, 'VALIDATION_FAILED'],
      [{ productId: tea, quantity: -3, reason: 'found' }, 'VALIDATION_FAILED'],
      [{ productId: tea, quantity: 1_000_001, reason: 'correction' }, 'VALIDATION_FAILED'],
      [{ productId: tea, quantity: 1.5, reason: 'correction' }, 'VALIDATION_FAILED'],
      [{ productId: tea, quantity: 1, reason: 'stolen' }, 'VALIDATION_FAILED'],
      [{ productId: tea, quantity: 1, reason: 'found', extra: 1 }, 'VALIDATION_FAILED'],
      [{ productId: cake, quantity: 5, reason: 'opening' }, 'CONFLICT'],
    ];
    for (const [input, code] of cases)
      expect(resultCode(await t.call('stock:adjust', input as never)), JSON.stringify(input)).toBe(
        code,
      );
    expect(footprint()).toEqual(before);

    const ok = await t.must('stock:adjust', {
      productId: tea,
      quantity: -2,
      reason: 'damaged',
      note: 'Dropped a box',
    });
    expect(ok.onHand).toBe(24);
    expect(auditCount(t, 'stock.adjust')).toBe(2);
  });

  it('refuse mode refuses a sale or an adjustment that would go below zero, and changes nothing', async () => {
    await t.must('stock:updateSettings', { negativeStock: 'refuse' });
    expect(await t.must('stock:settings')).toEqual({ negativeStock: 'refuse' });
    const before = footprint();
    // Two lines of the same product: 20 + 5 > 24 on hand.
    const sale = await t.call('sales:checkout', {
      id: randomUUID(),
      lines: [
        { productId: tea, quantity: 20 },
        { productId: cake, quantity: 1 },
        { productId: tea, quantity: 5 },
      ],
      tenders: pay(1_000_000),
    });
    expect(resultCode(sale)).toBe('INSUFFICIENT_STOCK');
    expect(!sale.ok && sale.error.message).toMatch(/Tea|Cake/);
    const lost = await t.call('stock:adjust', { productId: tea, quantity: -25, reason: 'lost' });
    expect(resultCode(lost)).toBe('INSUFFICIENT_STOCK');
    expect(footprint()).toEqual(before);
    // Exactly what is there may go.
    await t.must('stock:adjust', { productId: cake, quantity: 10, reason: 'found' });
    await sell(
      t,
      [
        { productId: tea, quantity: 24 },
        { productId: cake, quantity: 7 },
      ],
      pay(10_000),
    );
    expect([onHand(tea), onHand(cake)]).toEqual([0, 0]);
    await t.must('stock:updateSettings', { negativeStock: 'warn' });
    expect(auditCount(t, 'settings.update')).toBeGreaterThanOrEqual(2);
  });

  it('lists low stock at or under the reorder level and reports drift', async () => {
    await t.must('stock:adjust', { productId: tea, quantity: 10, reason: 'correction' });
    await t.must('stock:setReorderLevel', { productId: tea, reorderLevel: 10 });
    await t.must('stock:setReorderLevel', { productId: cake, reorderLevel: 3 });
    const low = await t.must('stock:lowStock', {});
    expect(low.total).toBe(2);
    expect(low.items.map((i) => i.sku)).toEqual(['CAKE', 'TEA']);
    await t.must('stock:setReorderLevel', { productId: cake, reorderLevel: null });
    expect((await t.must('stock:lowStock', {})).total).toBe(1);
    expect(auditCount(t, 'stock.reorder_level')).toBe(3);
    expect(await t.must('stock:levels', { productIds: [fee, cake, tea, 424242] })).toEqual([
      { productId: tea, sku: 'TEA', name: 'Tea', onHand: 10, reorderLevel: 10 },
      { productId: cake, sku: 'CAKE', name: 'Cake', onHand: 0, reorderLevel: null },
    ]);

    // Someone with the file edits a counter: the check sees it.
    expect((await t.must('stock:check')).drift).toEqual([]);
    withWritable(t, (db) =>
      db.prepare('UPDATE products SET on_hand = on_hand + 7 WHERE id = ?').run(tea),
    );
    expect((await t.must('stock:check')).drift).toEqual([
      { productId: tea, sku: 'TEA', onHand: 17, ledger: 10 },
    ]);
    withWritable(t, (db) =>
      db.prepare('UPDATE products SET on_hand = on_hand - 7 WHERE id = ?').run(tea),
    );
  });

  it('keeps movements immutable: UPDATE, DELETE and INSERT OR REPLACE are refused (D6, D9)', () => {
    const first = reader(t)
      .prepare('SELECT * FROM stock_movements ORDER BY id LIMIT 1')
      .get() as Record<string, unknown>;
    const attempts = [
      'UPDATE stock_movements SET quantity = 1000 WHERE id = 1',
      'DELETE FROM stock_movements WHERE id = 1',
      // REPLACE is SQLite's own statement; PostgreSQL has none to refuse.
      ...(ON_POSTGRES
        ? []
        : [
            `INSERT OR REPLACE INTO stock_movements (id, product_id, kind, quantity, staff_id, till_id, created_at)
         VALUES (1, ${tea}, 'adjust', 1000, 1, 1, '2026-01-01T00:00:00.000Z')`,
          ]),
    ];
    for (const sql of attempts)
      expect(() => withWritable(t, (db) => db.prepare(sql).run()), sql).toThrow(
        /append-only|never replaced|CHECK/,
      );
    expect(reader(t).prepare('SELECT * FROM stock_movements ORDER BY id LIMIT 1').get()).toEqual(
      first,
    );
  });

  it('never loses a movement when sales of one product are fired at once, on one till or two', async () => {
    const start = onHand(cake);
    const moves = movementCount();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.call('sales:checkout', {
          id: randomUUID(),
          lines: [{ productId: cake, quantity: 1 }],
          tenders: pay(300),
        }),
      ),
    );
    expect(results.map(resultCode)).toEqual(new Array(12).fill('ok'));
    expect(onHand(cake)).toBe(start - 12);
    expect(movementCount()).toBe(moves + 12);
    expect(ledger(cake)).toBe(onHand(cake));

    // A second till on the same file (its own connection and write queue): both tills' sales,
    // fired at once, each take their units in their own IMMEDIATE transaction.
    const till2 = await makeTestCore({ dir: t.dir, terminalName: 'till-2', clock: t.clock });
    try {
      await till2.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 4);
      const cart = () => ({
        id: randomUUID(),
        lines: [{ productId: cake, quantity: 2 }],
        tenders: pay(600),
      });
      const both = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2 === 0 ? t.call('sales:checkout', cart()) : till2.call('sales:checkout', cart(), 4),
        ),
      );
      expect(both.map(resultCode)).toEqual(new Array(8).fill('ok'));
      expect(onHand(cake)).toBe(start - 12 - 16);
      expect(ledger(cake)).toBe(onHand(cake));
      const tills = reader(t)
        .prepare(
          `SELECT t.name, COUNT(*) AS n FROM stock_movements m JOIN tills t ON t.id = m.till_id
            WHERE m.product_id = ? GROUP BY t.name ORDER BY t.name`,
        )
        .all(cake) as { name: string; n: number }[];
      expect(tills.find((r) => r.name === 'till-2')?.n).toBe(4);
    } finally {
      await till2.close();
    }
  });

  it('keeps on-hand equal to the ledger sum after any stream of sales, refunds, voids and adjustments', async () => {
    type Op =
      | { op: 'sell'; product: 0 | 1 | 2; quantity: number }
      | { op: 'refund'; restock: boolean }
      | { op: 'void' }
      | { op: 'adjust'; product: 0 | 1; quantity: number };
    const product = fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>;
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        op: fc.constant('sell' as const),
        product,
        quantity: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({ op: fc.constant('refund' as const), restock: fc.boolean() }),
      fc.record({ op: fc.constant('void' as const) }),
      fc.record({
        op: fc.constant('adjust' as const),
        product: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>,
        quantity: fc.integer({ min: -5, max: 5 }).filter((q) => q !== 0),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const ids = [tea, cake, fee];
        // The model: what each product's on-hand should become, from the calls' own answers.
        const expected = new Map(ids.map((id) => [id, onHand(id)]));
        const sales: { id: number; lineId: number; productId: number; left: number }[] = [];
        for (const o of ops) {
          if (o.op === 'sell') {
            const productId = ids[o.product]!;
            const s = await sell(t, [{ productId, quantity: o.quantity }], pay(10_000));
            sales.push({ id: s.id, lineId: s.lines[0]!.id, productId, left: o.quantity });
            if (productId !== fee) expected.set(productId, expected.get(productId)! - o.quantity);
          } else if (o.op === 'refund') {
            const s = sales.find((x) => x.left > 0);
            if (!s) continue;
            await t.must('sales:refund', {
              saleId: s.id,
              refundId: randomUUID(),
              lines: [{ lineId: s.lineId, quantity: 1 }],
              tender: 'card',
              reason: 'Returned',
              restock: o.restock,
            });
            s.left = -1; // refunded: no longer voidable, refund at most once here
            if (o.restock && s.productId !== fee)
              expected.set(s.productId, expected.get(s.productId)! + 1);
          } else if (o.op === 'void') {
            const s = sales.find((x) => x.left > 0);
            if (!s) continue;
            await t.must('sales:void', { id: s.id, reason: 'Mistake' });
            if (s.productId !== fee) expected.set(s.productId, expected.get(s.productId)! + s.left);
            s.left = 0;
          } else {
            const productId = ids[o.product]!;
            await t.must('stock:adjust', {
              productId,
              quantity: o.quantity,
              reason: 'correction',
            });
            expected.set(productId, expected.get(productId)! + o.quantity);
          }
        }
        for (const id of ids) {
          expect(onHand(id)).toBe(expected.get(id));
          expect(ledger(id)).toBe(onHand(id));
        }
        expect((await t.must('stock:check')).drift).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

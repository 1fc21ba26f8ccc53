/**
 * Issue 11, section 3: suppliers, receiving at cost with the moving average cost, and purchase
 * orders, on a real SQLite file. Receipts are `receive` movements through the ledger (on-hand =
 * ledger sum, `stock:check` finds no drift); bad input changes nothing; receipts fired at once
 * lose nothing; the order state machine refuses what it must. One core for the whole file.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movingAverageCost } from '../../electron/core/receiving/receive-at-cost';
import { auditCount, makeTestCore, resultCode, withAdmin, type TestCore } from '../helpers/core';
import { insertProducts, reader, sell } from '../helpers/retail';

let t: TestCore;
let tea: number;
let jam: number;
let mug: number;
let fee: number;
let old: number;

beforeAll(async () => {
  t = await makeTestCore();
  await withAdmin(t);
  [tea, jam, mug, fee, old] = insertProducts(t, [
    { sku: 'TEA', name: 'Tea', price: 250 },
    { sku: 'JAM', name: 'Jam', price: 400 },
    { sku: 'MUG', name: 'Mug', price: 900 },
    { sku: 'BAGFEE', name: 'Bag fee', price: 10, kind: 'fee' },
    { sku: 'OLD', name: 'Old', price: 100, archived: true },
  ]) as [number, number, number, number, number];
});
afterAll(async () => {
  await t.close();
});

function product(id: number) {
  return reader(t)
    .prepare('SELECT on_hand, last_cost, average_cost FROM products WHERE id = ?')
    .get(id) as { on_hand: number; last_cost: number | null; average_cost: number | null };
}
function ledger(id: number): number {
  return (
    reader(t)
      .prepare('SELECT COALESCE(SUM(quantity), 0) AS n FROM stock_movements WHERE product_id = ?')
      .get(id) as { n: number }
  ).n;
}
/** Everything a refused call must leave as it was. */
function footprint() {
  const n = (sql: string) => (reader(t).prepare(sql).get() as { n: number }).n;
  return {
    movements: n('SELECT COUNT(*) AS n FROM stock_movements'),
    products: reader(t).prepare('SELECT id, on_hand, last_cost, average_cost FROM products').all(),
    suppliers: reader(t).prepare('SELECT * FROM suppliers').all(),
    orders: reader(t).prepare('SELECT * FROM purchase_orders').all(),
    lines: reader(t).prepare('SELECT * FROM purchase_order_lines').all(),
    audit: n("SELECT COUNT(*) AS n FROM audit_events WHERE action <> 'ipc.validation_failed'"),
  };
}
/** The rule, written out the plain way: the reference the core is checked against. */
function reference(onHand: number, avg: number | null, qty: number, cost: number): number {
  if (onHand <= 0 || avg === null) return cost;
  const exact = (onHand * avg + qty * cost) / (onHand + qty);
  return Math.floor(exact + 0.5); // all positive: half away from zero = half up
}

describe('the moving average cost', () => {
  it('rounds half away from zero, and restarts at the cost when nothing is on the shelf', () => {
    expect(movingAverageCost(1, 100, 1, 101)).toBe(101); // 100.5 → 101
    expect(movingAverageCost(2, 100, 1, 101)).toBe(100); // 100.33 → 100
    expect(movingAverageCost(1, 100, 2, 101)).toBe(101); // 100.67 → 101
    expect(movingAverageCost(0, 500, 3, 120)).toBe(120);
    expect(movingAverageCost(-4, 500, 3, 120)).toBe(120);
    expect(movingAverageCost(10, null, 3, 120)).toBe(120);
    // Exact far past 2^53: 10^6 units at 10^9 each, then one more at 0.
    expect(movingAverageCost(1_000_000_000, 1_000_000_000, 1, 0)).toBe(999_999_999);
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 100_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (onHand, avg, qty, cost) =>
          movingAverageCost(onHand, avg, qty, cost) === reference(onHand, avg, qty, cost),
      ),
      { numRuns: 25 },
    );
  });
});

describe('receiving without an order', () => {
  it('receives ten times in a row: on-hand = ledger, last cost and average right', async () => {
    let onHand = 0;
    let avg: number | null = null;
    for (let i = 1; i <= 10; i++) {
      const quantity = i % 4 === 0 ? 7 : i;
      const unitCost = 100 + ((i * 37) % 50);
      const out = await t.must('stock:receive', {
        lines: [{ productId: tea, quantity, unitCost }],
      });
      avg = reference(onHand, avg, quantity, unitCost);
      onHand += quantity;
      expect(out.levels).toEqual([
        { productId: tea, onHand, lastCost: unitCost, averageCost: avg },
      ]);
    }
    expect(product(tea)).toEqual({ on_hand: onHand, last_cost: 120, average_cost: avg });
    expect(ledger(tea)).toBe(onHand);
    const page = await t.must('stock:movements', { productId: tea, limit: 1 });
    expect(page.items[0]).toMatchObject({ kind: 'receive', quantity: 10, unitCost: 120 });
    expect(auditCount(t, 'stock.receive')).toBe(10);
    expect((await t.must('stock:check')).drift).toEqual([]);
  });

  it('averages a product twice on one receipt, and restarts after it was sold below zero', async () => {
    await sell(t, [{ productId: jam, quantity: 3 }], [{ type: 'cash', amount: 5000 }]);
    expect(product(jam).on_hand).toBe(-3);
    const out = await t.must('stock:receive', {
      note: 'Delivery 14',
      lines: [
        { productId: jam, quantity: 5, unitCost: 200 }, // from −3: restarts at 200
        { productId: jam, quantity: 2, unitCost: 300 }, // (2·200 + 2·300) / 4 = 250
        { productId: mug, quantity: 1, unitCost: 450 },
      ],
    });
    expect(out.levels).toEqual([
      { productId: jam, onHand: 4, lastCost: 300, averageCost: 250 },
      { productId: mug, onHand: 1, lastCost: 450, averageCost: 450 },
    ]);
    expect(ledger(jam)).toBe(4);
  });

  it('refuses bad input and changes nothing', async () => {
    const supplier = await t.must('suppliers:create', { name: 'Gone Ltd' });
    await t.must('suppliers:archive', { id: supplier.id });
    const good = { productId: mug, quantity: 1, unitCost: 100 };
    const before = footprint();
    const cases: Array<[unknown, string]> = [
      [{ lines: [] }, 'VALIDATION_FAILED'],
      [{ lines: [{ ...good, quantity: 0 }] }, 'VALIDATION_FAILED'],
      [{ lines: [{ ...good, quantity: -2 }] }, 'VALIDATION_FAILED'],
      [{ lines: [{ ...good, unitCost: -1 }] }, 'VALIDATION_FAILED'],
      [{ lines: [{ ...good, unitCost: 1.5 }] }, 'VALIDATION_FAILED'],
      [{ lines: [good, { ...good, productId: fee }] }, 'VALIDATION_FAILED'],
      [{ lines: [good, { ...good, productId: old }] }, 'VALIDATION_FAILED'],
      [{ lines: [good, { ...good, productId: 99_999 }] }, 'NOT_FOUND'],
      [{ supplierId: supplier.id, lines: [good] }, 'VALIDATION_FAILED'],
      [{ supplierId: 99_999, lines: [good] }, 'NOT_FOUND'],
    ];
    for (const [input, code] of cases) {
      const r = await t.call('stock:receive', input as never);
      expect([input, resultCode(r)]).toEqual([input, code]);
      expect(footprint()).toEqual(before);
    }
  });

  it('loses nothing when ten receipts arrive at once', async () => {
    const start = product(mug);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.call('stock:receive', { lines: [{ productId: mug, quantity: i + 1, unitCost: 450 }] }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(product(mug)).toEqual({
      on_hand: start.on_hand + 55,
      last_cost: 450,
      average_cost: 450,
    });
    expect(ledger(mug)).toBe(start.on_hand + 55);
    expect((await t.must('stock:check')).drift).toEqual([]);
  });
});

describe('suppliers', () => {
  it('creates, updates, lists, archives (never deletes), audited', async () => {
    const s = await t.must('suppliers:create', {
      name: '  Brew Wholesale ',
      contact: 'Ana',
      email: 'Orders@Brew.example',
      phone: '+44 20 7946 0000',
      notes: '',
    });
    expect(s).toMatchObject({ name: 'Brew Wholesale', email: 'orders@brew.example', notes: null });
    const same = auditCount(t, 'supplier.update');
    const { archived: _archived, ...details } = s;
    await t.must('suppliers:update', details);
    expect(auditCount(t, 'supplier.update')).toBe(same); // nothing changed
    const renamed = await t.must('suppliers:update', { id: s.id, name: 'Brew Ltd', email: '' });
    expect(renamed).toMatchObject({ name: 'Brew Ltd', email: null, contact: null });
    expect(auditCount(t, 'supplier.update')).toBe(same + 1);
    expect(resultCode(await t.call('suppliers:create', { name: 'X', email: 'nope' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(resultCode(await t.call('suppliers:update', { id: 99_999, name: 'X' }))).toBe(
      'NOT_FOUND',
    );
    const names = (await t.must('suppliers:list', {})).items.map((x) => x.name);
    expect(names).toContain('Brew Ltd');
    expect(names).not.toContain('Gone Ltd');
    const all = await t.must('suppliers:list', { includeArchived: true });
    expect(all.items.find((x) => x.name === 'Gone Ltd')?.archived).toBe(true);
  });
});

describe('purchase orders', () => {
  it('moves draft → ordered → partial → received and refuses every other move', async () => {
    const supplier = await t.must('suppliers:create', { name: 'Pottery Co' });
    const po = await t.must('purchaseOrders:create', {
      supplierId: supplier.id,
      lines: [
        { productId: mug, quantity: 10, unitCost: 400 },
        { productId: jam, quantity: 4, unitCost: 220 },
      ],
    });
    expect(po).toMatchObject({ status: 'draft', total: 4880, orderedAt: null });
    const [mugLine, jamLine] = po.lines.map((l) => l.id) as [number, number];
    const before = footprint();
    const refused: Array<[string, unknown, string]> = [
      [
        'purchaseOrders:receive',
        { id: po.id, lines: [{ lineId: mugLine, quantity: 1 }] },
        'CONFLICT',
      ],
      ['suppliers:archive', { id: supplier.id }, 'CONFLICT'],
      ['purchaseOrders:get', { id: 99_999 }, 'NOT_FOUND'],
      [
        'purchaseOrders:create',
        { supplierId: supplier.id, lines: [{ productId: fee, quantity: 1, unitCost: 1 }] },
        'VALIDATION_FAILED',
      ],
    ];
    for (const [channel, input, code] of refused) {
      expect(resultCode(await t.call(channel as never, input as never))).toBe(code);
      expect(footprint()).toEqual(before);
    }

    expect(
      (await t.must('purchaseOrders:setStatus', { id: po.id, status: 'ordered' })).status,
    ).toBe('ordered');
    expect(
      resultCode(await t.call('purchaseOrders:setStatus', { id: po.id, status: 'ordered' })),
    ).toBe('CONFLICT');

    // A line of another order, or the same line twice: VALIDATION_FAILED, nothing received.
    const other = await t.must('purchaseOrders:create', {
      supplierId: supplier.id,
      lines: [{ productId: tea, quantity: 1, unitCost: 90 }],
    });
    const mid = footprint();
    for (const lines of [
      [{ lineId: other.lines[0]!.id, quantity: 1 }],
      [
        { lineId: mugLine, quantity: 1 },
        { lineId: mugLine, quantity: 1 },
      ],
    ]) {
      expect(resultCode(await t.call('purchaseOrders:receive', { id: po.id, lines }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(footprint()).toEqual(mid);
    }

    const mugBefore = product(mug);
    const part = await t.must('purchaseOrders:receive', {
      id: po.id,
      lines: [{ lineId: mugLine, quantity: 6 }],
    });
    expect(part.status).toBe('partial');
    expect(product(mug)).toMatchObject({ on_hand: mugBefore.on_hand + 6, last_cost: 400 });
    expect(
      resultCode(await t.call('purchaseOrders:setStatus', { id: po.id, status: 'cancelled' })),
    ).toBe('CONFLICT');

    // Over-receipt is allowed (Lightspeed): 5 more mugs than the 4 left, at the invoice's cost.
    const done = await t.must('purchaseOrders:receive', {
      id: po.id,
      lines: [
        { lineId: mugLine, quantity: 5, unitCost: 410 },
        { lineId: jamLine, quantity: 4 },
      ],
    });
    expect(done.status).toBe('received');
    expect(done.lines.map((l) => [l.received, l.overReceived])).toEqual([
      [11, true],
      [4, false],
    ]);
    expect(product(mug).last_cost).toBe(410);
    expect(
      resultCode(
        await t.call('purchaseOrders:receive', {
          id: po.id,
          lines: [{ lineId: jamLine, quantity: 1 }],
        }),
      ),
    ).toBe('CONFLICT');

    // A draft (or an ordered order) cancels; the supplier then archives.
    expect(
      (await t.must('purchaseOrders:setStatus', { id: other.id, status: 'cancelled' })).status,
    ).toBe('cancelled');
    expect(
      resultCode(await t.call('purchaseOrders:setStatus', { id: other.id, status: 'ordered' })),
    ).toBe('CONFLICT');
    expect((await t.must('suppliers:archive', { id: supplier.id })).archived).toBe(true);

    const list = await t.must('purchaseOrders:list', { supplierId: supplier.id });
    expect(list.items.map((o) => o.status)).toEqual(['cancelled', 'received']);
    expect((await t.must('purchaseOrders:list', { status: 'received' })).total).toBe(1);
    expect(ledger(mug)).toBe(product(mug).on_hand);
    expect((await t.must('stock:check')).drift).toEqual([]);
  });
});

describe('editing a draft purchase order', () => {
  it('replaces supplier, note and lines of a draft only, audited; bad input changes nothing', async () => {
    const first = await t.must('suppliers:create', { name: 'Draft Foods' });
    const second = await t.must('suppliers:create', { name: 'Better Foods' });
    const gone = await t.must('suppliers:create', { name: 'Closed Foods' });
    await t.must('suppliers:archive', { id: gone.id });
    const draft = await t.must('purchaseOrders:create', {
      supplierId: first.id,
      lines: [{ productId: tea, quantity: 2, unitCost: 90 }],
    });
    const audits = auditCount(t, 'purchase_order.update');
    const updated = await t.must('purchaseOrders:update', {
      id: draft.id,
      supplierId: second.id,
      note: 'deliver Monday',
      lines: [
        { productId: jam, quantity: 12, unitCost: 210 },
        { productId: mug, quantity: 3, unitCost: 395 },
      ],
    });
    expect(updated).toMatchObject({
      status: 'draft',
      supplier: { id: second.id, name: 'Better Foods' },
      note: 'deliver Monday',
      total: 12 * 210 + 3 * 395,
    });
    expect(updated.lines.map((l) => [l.productId, l.quantity, l.unitCost, l.received])).toEqual([
      [jam, 12, 210, 0],
      [mug, 3, 395, 0],
    ]);
    expect(auditCount(t, 'purchase_order.update')).toBe(audits + 1);

    const good = {
      id: draft.id,
      supplierId: second.id,
      lines: updated.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        unitCost: l.unitCost,
      })),
    };
    const before = footprint();
    const refused: Array<[unknown, string]> = [
      [{ ...good, id: 99_999 }, 'NOT_FOUND'],
      [{ ...good, supplierId: 99_999 }, 'NOT_FOUND'],
      [{ ...good, supplierId: gone.id }, 'VALIDATION_FAILED'],
      [{ ...good, lines: [{ productId: fee, quantity: 1, unitCost: 1 }] }, 'VALIDATION_FAILED'],
      [{ ...good, lines: [{ productId: old, quantity: 1, unitCost: 1 }] }, 'VALIDATION_FAILED'],
      [{ ...good, lines: [{ productId: 99_999, quantity: 1, unitCost: 1 }] }, 'NOT_FOUND'],
      [{ ...good, lines: [] }, 'VALIDATION_FAILED'],
      [{ ...good, lines: [{ productId: tea, quantity: 0, unitCost: 1 }] }, 'VALIDATION_FAILED'],
      [{ ...good, lines: [{ productId: tea, quantity: 1, unitCost: -1 }] }, 'VALIDATION_FAILED'],
    ];
    for (const [input, code] of refused) {
      expect(resultCode(await t.call('purchaseOrders:update', input as never))).toBe(code);
      expect(footprint()).toEqual(before);
    }

    // Once ordered (or cancelled) it is no longer a draft: CONFLICT, nothing changes.
    await t.must('purchaseOrders:setStatus', { id: draft.id, status: 'ordered' });
    const ordered = footprint();
    expect(resultCode(await t.call('purchaseOrders:update', good))).toBe('CONFLICT');
    expect(footprint()).toEqual(ordered);
    await t.must('purchaseOrders:setStatus', { id: draft.id, status: 'cancelled' });
    const cancelled = footprint();
    expect(resultCode(await t.call('purchaseOrders:update', good))).toBe('CONFLICT');
    expect(footprint()).toEqual(cancelled);
  });
});

describe('products a purchase order may take', () => {
  it('finds by exact code first, leaves out non-stock and archived, suggests low-stock quantities', async () => {
    const [flour, flourMix, salt] = insertProducts(t, [
      { sku: 'FLOUR', barcode: '5000000000017', name: 'Flour', price: 150 },
      { sku: 'FLOURMIX', name: 'Bread flour mix', price: 250 },
      { sku: 'SALT', name: 'Salt', price: 80 },
    ]) as [number, number, number];
    await t.must('stock:receive', { lines: [{ productId: flour, quantity: 3, unitCost: 70 }] });
    await t.must('stock:setReorderLevel', { productId: flour, reorderLevel: 5 });
    await t.must('stock:setReorderLevel', { productId: salt, reorderLevel: 4 });

    const byCode = await t.must('purchaseOrders:candidates', { search: '5000000000017' });
    expect(byCode.items[0]).toMatchObject({ productId: flour, lastCost: 70, onHand: 3 });
    const byName = await t.must('purchaseOrders:candidates', { search: 'flour' });
    expect(byName.items.map((c) => c.productId)).toEqual([flour, flourMix]);
    expect(byName.items[1]).toMatchObject({ lastCost: null, suggested: null });
    for (const search of ['BAGFEE', 'OLD'])
      expect((await t.must('purchaseOrders:candidates', { search })).items).toEqual([]);

    // Low: at or under the reorder level; up to twice the level: 2 × 5 − 3 = 7, 2 × 4 − 0 = 8.
    const low = await t.must('purchaseOrders:candidates', { lowStock: true });
    const suggested = new Map(low.items.map((c) => [c.productId, c.suggested]));
    expect(suggested.get(flour)).toBe(7);
    expect(suggested.get(salt)).toBe(8);
    expect(suggested.has(flourMix)).toBe(false);
  });
});

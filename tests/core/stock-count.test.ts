/**
 * Issue 11, section 2: the stock take, on a real SQLite file. A count sheet for a category takes
 * its sub-categories and leaves the rest out; scans add up (also fired at once), a typed count
 * wins; posting writes one `count` movement per variance and keeps on-hand = ledger sum; a sale
 * rung up after a product was counted is not lost; bad input, a second open count and a second
 * post change nothing. One core for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, makeTestCore, resultCode, withAdmin, type TestCore } from '../helpers/core';
import { insertProducts, reader, sell, withWritable } from '../helpers/retail';

let t: TestCore;
let tea: number; // Drinks > Hot
let cola: number; // Drinks
let cake: number; // Bakery: out of a Drinks count
let fee: number; // not a stock item
let drinks: number;

beforeAll(async () => {
  t = await makeTestCore();
  await withAdmin(t);
  drinks = (await t.must('categories:create', { name: 'Drinks', parentId: null })).id;
  const hot = (await t.must('categories:create', { name: 'Hot', parentId: drinks })).id;
  const bakery = (await t.must('categories:create', { name: 'Bakery', parentId: null })).id;
  [tea, cola, cake, fee] = insertProducts(t, [
    { sku: 'TEA', name: 'Tea', price: 250, barcode: '4000000000017' },
    { sku: 'COLA', name: 'Cola', price: 200 },
    { sku: 'CAKE', name: 'Cake', price: 300 },
    { sku: 'BAGFEE', name: 'Bag fee', price: 10, kind: 'fee' },
  ]) as [number, number, number, number];
  withWritable(t, (db) => {
    const set = db.prepare('UPDATE products SET category_id = ? WHERE id = ?');
    set.run(hot, tea);
    set.run(drinks, cola);
    set.run(bakery, cake);
    set.run(drinks, fee);
  });
  for (const [productId, quantity] of [
    [tea, 10],
    [cola, 6],
    [cake, 4],
  ] as const)
    await t.must('stock:adjust', { productId, quantity, reason: 'opening' });
});
afterAll(async () => {
  await t.close();
});

const onHand = (id: number) =>
  (reader(t).prepare('SELECT on_hand FROM products WHERE id = ?').get(id) as { on_hand: number })
    .on_hand;
const n = (table: string) =>
  (reader(t).prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
/** Everything a refused call must leave as it was. */
function footprint() {
  return {
    counts: reader(t).prepare('SELECT * FROM stock_counts ORDER BY id').all(),
    lines: reader(t).prepare('SELECT * FROM stock_count_lines ORDER BY count_id, product_id').all(),
    movements: n('stock_movements'),
    onHand: [tea, cola, cake].map(onHand),
    audit: (
      reader(t)
        .prepare("SELECT COUNT(*) AS n FROM audit_events WHERE action <> 'ipc.validation_failed'")
        .get() as { n: number }
    ).n,
  };
}
const pay = (amount: number) => [{ type: 'cash' as const, amount }];

describe('the stock take', () => {
  let countId: number;

  it('counts a category with its sub-categories, one open count at a time', async () => {
    expect(resultCode(await t.call('stock:startCount', { categoryId: 9999 }))).toBe('NOT_FOUND');
    const count = await t.must('stock:startCount', { categoryId: drinks });
    countId = count.id;
    expect(count).toMatchObject({
      category: { id: drinks, name: 'Drinks' },
      status: 'open',
      lines: 2,
      counted: 0,
      variances: 0,
    });
    const sheet = await t.must('stock:countSheet', { countId });
    expect(sheet.items.map((l) => [l.name, l.expected, l.counted, l.variance])).toEqual([
      ['Cola', 6, null, null],
      ['Tea', 10, null, null],
    ]);
    expect(auditCount(t, 'stock.count_start')).toBe(1);
    // A second count, of anything, while this one is open: CONFLICT, nothing written.
    const before = footprint();
    for (const categoryId of [null, drinks])
      expect(resultCode(await t.call('stock:startCount', { categoryId }))).toBe('CONFLICT');
    expect(footprint()).toEqual(before);
    expect((await t.must('stock:openCount', {})).count?.id).toBe(countId);
  });

  it('adds one per scan, also at scanner speed, and a typed count wins', async () => {
    const scan = () =>
      t.must('stock:setCount', { countId, productId: tea, quantity: 1, mode: 'add' });
    for (let i = 0; i < 5; i++) await scan();
    await Promise.all(Array.from({ length: 5 }, scan));
    let sheet = await t.must('stock:countSheet', { countId, only: 'counted' });
    expect(sheet.items).toEqual([expect.objectContaining({ productId: tea, counted: 10 })]);
    await t.must('stock:setCount', { countId, productId: tea, quantity: 8, mode: 'set' });
    await t.must('stock:setCount', { countId, productId: tea, quantity: 7, mode: 'set' });
    sheet = await t.must('stock:countSheet', { countId, only: 'variance' });
    expect(sheet.items).toEqual([
      expect.objectContaining({ productId: tea, expected: 10, counted: 7, variance: -3 }),
    ]);
    expect(sheet.count).toMatchObject({ counted: 1, variances: 1 });
  });

  it('refuses bad input and changes nothing', async () => {
    const before = footprint();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ countId, productId: cake, quantity: 1, mode: 'add' }, 'VALIDATION_FAILED'], // out of scope
      [{ countId, productId: fee, quantity: 1, mode: 'set' }, 'VALIDATION_FAILED'], // no stock
      [{ countId, productId: tea, quantity: 0, mode: 'add' }, 'VALIDATION_FAILED'],
      [{ countId, productId: tea, quantity: 999_999, mode: 'add' }, 'VALIDATION_FAILED'],
      [{ countId, productId: 9999, quantity: 1, mode: 'set' }, 'NOT_FOUND'],
      [{ countId: 9999, productId: tea, quantity: 1, mode: 'set' }, 'NOT_FOUND'],
      [{ countId, productId: tea, quantity: -1, mode: 'set' }, 'VALIDATION_FAILED'], // schema
      [{ countId, productId: tea, quantity: 1.5, mode: 'set' }, 'VALIDATION_FAILED'],
      [{ countId, productId: tea, quantity: 1, mode: 'replace' }, 'VALIDATION_FAILED'],
    ];
    for (const [input, code] of bad)
      expect(
        resultCode(await t.call('stock:setCount', input as never)),
        JSON.stringify(input),
      ).toBe(code);
    expect(resultCode(await t.call('stock:postCount', { countId: 9999 }))).toBe('NOT_FOUND');
    expect(footprint()).toEqual(before);
  });

  it('posts the variances so that a sale during the count is not lost, and only once', async () => {
    // Cola: two sold before it is counted (the count re-reads 4 on hand), then counted 5 (+1).
    await sell(t, [{ productId: cola, quantity: 2 }], pay(400));
    await t.must('stock:setCount', { countId, productId: cola, quantity: 5, mode: 'set' });
    // Tea was counted 7 on the shelf; then one is sold before the count is posted.
    await sell(t, [{ productId: tea, quantity: 1 }], pay(250));
    expect(onHand(tea)).toBe(9);
    const movementsBefore = n('stock_movements');
    const posted = await t.must('stock:postCount', { countId });
    expect(posted).toMatchObject({ status: 'posted', counted: 2, variances: 2 });
    // Tea: 10 on hand when counted 7 → −3; the later sale stays: 7 − 1 = 6 on the shelf.
    expect(onHand(tea)).toBe(6);
    expect(onHand(cola)).toBe(5);
    expect(onHand(cake)).toBe(4); // not in the count
    expect(n('stock_movements')).toBe(movementsBefore + 2);
    const ledger = await t.must('stock:movements', { productId: tea, limit: 1 });
    expect(ledger.items[0]).toMatchObject({
      kind: 'count',
      quantity: -3,
      reason: null,
      note: `Stock take #${countId}`,
      balance: 6,
    });
    expect((await t.must('stock:check', {})).drift).toEqual([]);
    expect(auditCount(t, 'stock.count_post')).toBe(1);

    // Posting twice, counting or cancelling a posted count: CONFLICT, nothing changes.
    const before = footprint();
    expect(resultCode(await t.call('stock:postCount', { countId }))).toBe('CONFLICT');
    expect(resultCode(await t.call('stock:cancelCount', { countId }))).toBe('CONFLICT');
    expect(
      resultCode(
        await t.call('stock:setCount', { countId, productId: tea, quantity: 1, mode: 'set' }),
      ),
    ).toBe('CONFLICT');
    expect(footprint()).toEqual(before);
    expect((await t.must('stock:openCount', {})).count).toBeNull();
  });

  it('cancels a count of everything without a movement, then another may start', async () => {
    const all = await t.must('stock:startCount', { categoryId: null });
    expect(all.lines).toBe(3); // tea, cola, cake; the fee has no stock
    await t.must('stock:setCount', { countId: all.id, productId: cake, quantity: 1, mode: 'set' });
    const movements = n('stock_movements');
    expect(await t.must('stock:cancelCount', { countId: all.id })).toMatchObject({
      status: 'cancelled',
    });
    expect(n('stock_movements')).toBe(movements);
    expect(onHand(cake)).toBe(4);
    expect(auditCount(t, 'stock.count_cancel')).toBe(1);
    const next = await t.must('stock:startCount', { categoryId: null });
    await t.must('stock:cancelCount', { countId: next.id });
  });
});

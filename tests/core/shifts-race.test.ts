/**
 * Issue 10, section 1, race tests on a real SQLite file: a close racing sales, and two closes at
 * once, many times over. Exactly one Z report per shift results, every sale that was answered
 * OK falls in exactly one shift, and each Z report holds exactly the sales of its shift. Run both
 * inside one core (the write queue) and from two cores of the same till on one file (two
 * connections, BEGIN IMMEDIATE and the busy timeout).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZReport } from '../../shared/contract';
import { makeTestCore, resultCode, type TestCore } from '../helpers/core';
import { reader } from '../helpers/retail';
import { CASHIER_W, countOf, shiftShop, type Shop } from '../helpers/shifts';

const CASHIER = { identifier: 'carl', password: 'copper kettle whistles at dawn' };

let shop: Shop | undefined;
let other: TestCore | undefined;
afterEach(async () => {
  await other?.close();
  await shop?.t.close();
  shop = other = undefined;
});

/**
 * Each of `sellers` rings up sales one after another until one is refused (the shift closed)
 * while `closes` closes of the shift start at once, after a random number of sales.
 */
async function race(s: Shop, sellers: TestCore[], closes: number) {
  const { t, products } = s;
  const open = await t.must('shifts:open', { floatCount: countOf(2000) }, CASHIER_W);
  const close = () =>
    t.call(
      'shifts:close',
      { shiftId: open.id, countedCash: countOf(2000), countedOther: [], note: 'race' },
      CASHIER_W,
    );
  // The closes start, without waiting, right after the seller's `trigger`-th sale: the other
  // sales are in flight then (timers would not fire between synchronous SQLite calls).
  const trigger = 2 + Math.floor(Math.random() * 12);
  let made = 0;
  let closing: Promise<Array<{ ok: boolean }>> | undefined;
  const sellUntilClosed = async (core: TestCore) => {
    const answers: Array<{ ok: boolean }> = [];
    for (let i = 0; i < 200; i++) {
      if (++made === trigger) closing = Promise.all(Array.from({ length: closes }, close));
      const r = await core.call(
        'sales:checkout',
        {
          id: randomUUID(),
          lines: [{ productId: products.tea, quantity: 1 }],
          tenders: [{ type: 'card', amount: 250 }],
        },
        CASHIER_W,
      );
      answers.push(r);
      if (!r.ok) break;
    }
    return answers;
  };
  const saleAnswers = await Promise.all(sellers.map(sellUntilClosed));
  const closeAnswers = await closing!;
  const closed = closeAnswers.filter((r) => r.ok);
  const refusedCloses = closeAnswers.filter((r) => !r.ok);
  const sold = saleAnswers.flat().filter((r) => r.ok);
  const refusedSales = saleAnswers.flat().filter((r) => !r.ok);

  expect(closed).toHaveLength(1);
  for (const r of refusedCloses) expect(resultCode(r as never)).toBe('SHIFT_NOT_OPEN');
  for (const r of refusedSales) expect(resultCode(r as never)).toBe('SHIFT_NOT_OPEN');
  const z = (closed[0] as unknown as { data: ZReport }).data;
  const db = reader(t);
  // Every sale answered OK is in this shift, and the Z report holds exactly those.
  const inShift = db
    .prepare('SELECT COUNT(*) AS n, SUM(total) AS gross FROM sales WHERE shift_id = ?')
    .get(open.id) as { n: number; gross: number | null };
  expect(inShift.n).toBe(sold.length);
  expect(z.salesCount).toBe(sold.length);
  expect(z.gross).toBe(inShift.gross ?? 0);
  expect(db.prepare('SELECT COUNT(*) AS n FROM sales WHERE shift_id IS NULL').get()).toEqual({
    n: 0,
  });
  expect(db.prepare('SELECT COUNT(*) AS n FROM z_reports WHERE shift_id = ?').get(open.id)).toEqual(
    { n: 1 },
  );
  return { z, refused: refusedSales.length };
}

describe('a close racing sales, and two closes at once', () => {
  it('inside one core: one Z report per shift, every sale in exactly one shift', async () => {
    shop = await shiftShop();
    const zs: ZReport[] = [];
    let refused = 0;
    for (let round = 0; round < 12; round++) {
      const r = await race(shop, [shop.t, shop.t], 1 + (round % 3));
      zs.push(r.z);
      refused += r.refused;
    }
    // The races really raced: some sales came after the close and were refused.
    expect(refused).toBeGreaterThan(0);
    expect(zs.map((z) => z.zNo)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const total = reader(shop.t).prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number };
    expect(zs.reduce((a, z) => a + z.salesCount, 0)).toBe(total.n);
  });

  it('from two cores of the same till on one file (two connections)', async () => {
    shop = await shiftShop();
    other = await makeTestCore({
      dir: shop.t.dir,
      terminalName: 'till-1',
      requireOpenShift: true,
    });
    await other.must('auth:login', CASHIER, CASHIER_W);
    const zs: ZReport[] = [];
    let refused = 0;
    for (let round = 0; round < 8; round++) {
      const r = await race(shop, [shop.t, other, other], 1 + (round % 2));
      zs.push(r.z);
      refused += r.refused;
    }
    expect(refused).toBeGreaterThan(0);
    expect(zs.map((z) => z.zNo)).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    expect(zs.every((z, i) => i === 0 || z.grandTotal >= zs[i - 1]!.grandTotal)).toBe(true);
  });
});

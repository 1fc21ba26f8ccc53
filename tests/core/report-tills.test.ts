/**
 * The till filter (issue 12: several tills, one store): `reports:tills` lists the store's tills
 * for the day summary's, the Z reports' and the transactions list's filter, and `sales:list` takes
 * a till. Two tills on one store (a second core on the same folder: the same SQLite file, or the
 * same server database on the node-pg project), named so that their order by name is not the
 * order they joined in. Each rings up receipt 1, so a receipt number alone names two sales and
 * the till tells them apart; the day summary of each till adds up to the store's, whose By till
 * rows are each till's own day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDetail } from '../../shared/contract';
import {
  ADMIN,
  approvedMember,
  FakeClock,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertProducts, sell } from '../helpers/retail';

const DAY = '2026-05-12';

describe('the till filter: reports:tills and sales:list by till (issue 12)', () => {
  let front: TestCore;
  let back: TestCore;
  const sold: Record<'front' | 'back', SaleDetail[]> = { front: [], back: [] };

  beforeAll(async () => {
    const clock = new FakeClock(Date.parse(`${DAY}T09:05:00.000Z`));
    front = await makeTestCore({ clock, terminalName: 'Till 2 (front)' });
    await withAdmin(front);
    back = await makeTestCore({ dir: front.dir, terminalName: 'Till 1 (back)', clock });
    await back.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
    const [tea] = insertProducts(front, [{ sku: 'TEA', name: 'Tea', price: 250 }]) as [number];
    for (const [till, core, quantities] of [
      ['front', front, [1, 2]],
      ['back', back, [3]],
    ] as const) {
      for (const quantity of quantities) {
        sold[till].push(
          await sell(
            core,
            [{ productId: tea, quantity }],
            [{ type: 'card', amount: 250 * quantity }],
          ),
        );
        clock.advanceMinutes(1);
      }
    }
  });
  afterAll(async () => {
    await back?.close();
    await front?.close();
  });

  it('lists the tills by name, with their ids, for either till', async () => {
    const { items } = await front.must('reports:tills');
    expect(items.map((t) => [t.name, t.retiredAt])).toEqual([
      ['Till 1 (back)', null],
      ['Till 2 (front)', null],
    ]);
    expect(new Set(items.map((t) => t.id)).size).toBe(2);
    expect(sold.back[0]!.tillName).toBe('Till 1 (back)');
    expect(await back.must('reports:tills')).toEqual({ items });
  });

  it('lists one till’s sales, and tells two receipts numbered 1 apart', async () => {
    const [backTill, frontTill] = (await front.must('reports:tills')).items;
    const ids = async (input: Parameters<TestCore['must']>[1]) =>
      (await front.must('sales:list', input as never)).items.map((s) => s.id);
    expect(await ids({ tillId: frontTill!.id })).toEqual([sold.front[1]!.id, sold.front[0]!.id]);
    expect(await ids({ tillId: backTill!.id })).toEqual([sold.back[0]!.id]);
    // Receipt 1 on each till: two sales without the till, one with it.
    expect(sold.front[0]!.receiptNo).toBe(1);
    expect(sold.back[0]!.receiptNo).toBe(1);
    expect((await ids({ receiptNo: 1 })).sort()).toEqual(
      [sold.front[0]!.id, sold.back[0]!.id].sort(),
    );
    expect(await ids({ receiptNo: 1, tillId: backTill!.id })).toEqual([sold.back[0]!.id]);
    // A till with no sales (an id no till has) lists nothing; a bad id is refused.
    expect(await ids({ tillId: 999_999 })).toEqual([]);
    expect(resultCode(await front.call('sales:list', { tillId: 0 }))).toBe('VALIDATION_FAILED');
  });

  it("adds each till's day summary up to the store's", async () => {
    const [backTill, frontTill] = (await front.must('reports:tills')).items;
    const store = await front.must('reports:daySummary', { date: DAY });
    const ofFront = await front.must('reports:daySummary', { date: DAY, tillId: frontTill!.id });
    const ofBack = await front.must('reports:daySummary', { date: DAY, tillId: backTill!.id });
    expect([store.salesCount, ofFront.salesCount, ofBack.salesCount]).toEqual([3, 2, 1]);
    expect([store.net, ofFront.net, ofBack.net]).toEqual([1500, 750, 750]);
    // The store's day, till by till: each till's row is that till's own day summary.
    const row = (d: typeof store) => {
      const { salesCount, gross, refunds, net } = d;
      return { salesCount, gross, refunds, net };
    };
    // By net, largest first; the two tills took the same, so the one that joined first leads.
    expect(store.byTill).toEqual(
      [
        { tillId: backTill!.id, name: backTill!.name, ...row(ofBack) },
        { tillId: frontTill!.id, name: frontTill!.name, ...row(ofFront) },
      ].sort((a, b) => a.tillId - b.tillId),
    );
    expect(ofBack.byTill).toEqual([{ tillId: backTill!.id, name: backTill!.name, ...row(ofBack) }]);
  });

  it('is for members who may see reports: a cashier is refused and sees only their own sales', async () => {
    await approvedMember(front);
    await front.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    expect(resultCode(await front.call('reports:tills', {}, 2))).toBe('FORBIDDEN');
    const frontTill = (await front.must('reports:tills')).items[1]!.id;
    const mine = await front.must('sales:list', { tillId: frontTill }, 2);
    expect(mine.items).toEqual([]);
  });
});

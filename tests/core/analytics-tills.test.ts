/**
 * Issue 12, section 5: the daily rollups are per till (migration 1790000012000), so two tills
 * selling at once never add to the same rollup row, and every report sums the tills' rows. Two
 * tills on one store (a second core on the same folder: the same SQLite file, or the same server
 * database on the node-pg project) sell the same product, by the same member, by card, in the same
 * hour of one day: every key but the till is the same. Each rollup table then holds one row per
 * till, each with that till's sale only; the reports answer the sum of both; a void rung up on the
 * second till takes the sale out of the rows of the till that made it; and the stored rows equal
 * the sums of the sales per till (tests/helpers/analytics.ts), as they do after a rebuild.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDetail } from '../../shared/contract';
import { ALL_ROLLUPS } from '../../electron/core/analytics/rollup-sql';
import { ADMIN, FakeClock, makeTestCore, withAdmin, type TestCore } from '../helpers/core';
import { insertProducts, reader, sell } from '../helpers/retail';
import { expectedRollups, rebuildOnFile, storedRollups } from '../helpers/analytics';

const ZONE = 'Europe/London';
const DAY = '2026-05-12';
const TABLES = ALL_ROLLUPS.map((t) => t.table);

describe('rollups per till (issue 12, section 5)', () => {
  let one: TestCore;
  let two: TestCore;
  let tea: number;
  let tills: Record<string, number>;
  let adminId: number;
  const sales: SaleDetail[] = [];

  beforeAll(async () => {
    // 10:05 BST on a Tuesday; both tills sell within the hour.
    const clock = new FakeClock(Date.parse(`${DAY}T09:05:00.000Z`));
    one = await makeTestCore({ clock, terminalName: 'till-1' });
    adminId = (await withAdmin(one)).staff.id;
    await one.must('settings:update', { timeZone: ZONE, idleLockMinutes: 15 });
    two = await makeTestCore({ dir: one.dir, terminalName: 'till-2', clock });
    await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
    [tea] = insertProducts(one, [{ sku: 'TEA', name: 'Tea', price: 250 }]) as [number];
    await one.must('stock:receive', { lines: [{ productId: tea, quantity: 20, unitCost: 100 }] });
    sales.push(await sell(one, [{ productId: tea, quantity: 2 }], [{ type: 'card', amount: 500 }]));
    clock.advanceMinutes(10);
    sales.push(await sell(two, [{ productId: tea, quantity: 3 }], [{ type: 'card', amount: 750 }]));
    const rows = reader(one).prepare('SELECT id, name FROM tills').all() as Array<{
      id: number;
      name: string;
    }>;
    tills = Object.fromEntries(rows.map((r) => [r.name, Number(r.id)]));
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  /** Each till's row of `table` (its only one), by till name. */
  function rowsByTill(table: string): Record<string, Record<string, number>> {
    const rows = reader(one).prepare(`SELECT * FROM ${table}`).all() as Array<
      Record<string, unknown>
    >;
    const out: Record<string, Record<string, number>> = {};
    for (const r of rows) {
      const name = Object.entries(tills).find(([, id]) => id === Number(r.till_id))?.[0];
      expect(name, `${table}: a row of an unknown till`).toBeDefined();
      expect(out[name!], `${table}: two rows for ${name!}`).toBeUndefined();
      out[name!] = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
    }
    return out;
  }

  it("puts each till's sale in its own row of every rollup table", () => {
    expect(Object.keys(tills).sort()).toEqual(['till-1', 'till-2']);
    for (const table of TABLES)
      expect(Object.keys(rowsByTill(table)).sort(), table).toEqual(['till-1', 'till-2']);
    const staff = rowsByTill('rollup_staff');
    expect(staff['till-1']).toMatchObject({ staff_id: adminId, sales_count: 1, gross: 500 });
    expect(staff['till-2']).toMatchObject({ staff_id: adminId, sales_count: 1, gross: 750 });
    const hours = rowsByTill('rollup_hours');
    expect(hours['till-1']).toMatchObject({ hour: 10, items: 2 });
    expect(hours['till-2']).toMatchObject({ hour: 10, items: 3 });
    const products = rowsByTill('rollup_products');
    expect(products['till-1']).toMatchObject({ product_id: tea, quantity: 2, cost: 200 });
    expect(products['till-2']).toMatchObject({ product_id: tea, quantity: 3, cost: 300 });
    expect(rowsByTill('rollup_product_months')['till-2']).toMatchObject({ quantity: 3 });
    expect(rowsByTill('rollup_tenders')['till-1']).toMatchObject({ sales_count: 1, amount: 500 });
    expect(rowsByTill('rollup_tax_rates')['till-2']).toMatchObject({ total: 750 });
  });

  it('answers every report with the sum of both tills', async () => {
    const [a, b] = sales as [SaleDetail, SaleDetail];
    const range = { from: DAY, to: DAY };
    const k = await one.must('analytics:keyFigures', range);
    expect(k.current).toMatchObject({ salesCount: 2, items: 5, gross: 1250, net: 1250 });
    expect(k.current.tax).toBe(a.tax + b.tax);
    expect(k.margin.current).toMatchObject({ cost: 500 });
    expect(k.byTender).toEqual([
      { type: 'card', salesCount: 2, amount: 1250, refundsCount: 0, refunds: 0, net: 1250 },
    ]);
    const hourly = await one.must('analytics:trend', { ...range, grain: 'hour' });
    expect(hourly.points.filter((p) => p.salesCount > 0)).toEqual([
      {
        bucket: `${DAY}T10`,
        salesCount: 2,
        refundsCount: 0,
        items: 5,
        gross: 1250,
        refunds: 0,
        net: 1250,
      },
    ]);
    const daily = await one.must('analytics:trend', { ...range, grain: 'day' });
    expect(daily.points).toMatchObject([{ bucket: DAY, salesCount: 2, net: 1250 }]);
    const heat = await one.must('analytics:heatmap', range);
    expect(heat.cells.filter((c) => c.salesCount > 0)).toEqual([
      { weekday: 2, hour: 10, salesCount: 2, net: 1250 },
    ]);
    const top = await one.must('analytics:topProducts', { ...range, by: 'revenue', limit: 10 });
    expect(top.products).toMatchObject([{ productId: tea, quantity: 5, net: 1250, cost: 500 }]);
    // A whole month: the monthly product rows of both tills.
    const month = await one.must('analytics:topProducts', {
      from: '2026-05-01',
      to: '2026-05-31',
      by: 'quantity',
      limit: 10,
    });
    expect(month.products).toMatchObject([{ productId: tea, quantity: 5, net: 1250 }]);
    const cats = await one.must('analytics:topCategories', { ...range, by: 'revenue', limit: 10 });
    expect(cats.categories).toMatchObject([{ categoryId: null, quantity: 5, net: 1250 }]);
    const staff = await one.must('analytics:staffPerformance', range);
    expect(staff.staff).toMatchObject([{ staffId: adminId, salesCount: 2, net: 1250 }]);
    const tax = await one.must('analytics:taxReport', range);
    expect(tax.totals).toEqual({ net: 1250 - a.tax - b.tax, tax: a.tax + b.tax, gross: 1250 });
    // The same answers on the other till.
    expect(await two.must('analytics:keyFigures', range)).toEqual(k);
  });

  it("a void on another till changes the rows of the sale's own till", async () => {
    await two.must('auth:reauthenticate', { password: ADMIN.password }, 1);
    await two.must('sales:void', { id: sales[0]!.id, reason: 'wrong till' }, 1);
    const staff = rowsByTill('rollup_staff');
    expect(staff['till-1']).toMatchObject({ sales_count: 0, voids_count: 1, voids: 500 });
    expect(staff['till-2']).toMatchObject({ sales_count: 1, voids_count: 0, gross: 750 });
    const k = await one.must('analytics:keyFigures', { from: DAY, to: DAY });
    expect(k.current).toMatchObject({ salesCount: 1, voidsCount: 1, voids: 500, net: 750 });
  });

  it('stores, and rebuilds, the sums of the sales per till', async () => {
    const stored = storedRollups(reader(one));
    expect(Object.keys(stored.rollup_staff!)).toHaveLength(2);
    expect(stored).toEqual(expectedRollups(reader(one), ZONE));
    await rebuildOnFile(one, ZONE);
    expect(storedRollups(reader(one))).toEqual(stored);
  });
});

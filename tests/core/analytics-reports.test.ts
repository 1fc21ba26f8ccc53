/**
 * Issue 11, section 4: the analytics channels against sums taken by hand from a handful of sales
 * (two days, two members, two tax rates, cash and card, a discount, a refund and a void), the
 * previous period, bad ranges (VALIDATION_FAILED, nothing answered), and the hours of the two
 * DST-change days in Europe/London. Margin: the tea is received at cost and again at another cost
 * before its refund (which keeps the cost of its sale), the book has no cost; categories
 * Drinks › Tea hold the tea, the book is in none. One core for the file.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDetail } from '../../shared/contract';
import { ADMIN, approvedMember, FakeClock, makeTestCore, resultCode } from '../helpers/core';
import { withAdmin, type TestCore } from '../helpers/core';
import { insertCustomers, insertProducts, reader, sell, withWritable } from '../helpers/retail';

const CASHIER = {
  username: 'carl',
  email: 'carl@shop.test',
  displayName: 'Carl Cashier',
  password: 'copper kettle whistles at dawn',
};

describe('analytics channels', () => {
  let t: TestCore;
  let tea: number;
  let book: number;
  let rita: number;
  let adminId: number;
  let cashierId: number;
  let drinks: number;
  let teas: number;
  let refund: SaleDetail;
  const sales: SaleDetail[] = [];

  async function at(iso: string) {
    t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
    await t.must('auth:login', { identifier: CASHIER.username, password: CASHIER.password }, 3);
  }

  beforeAll(async () => {
    t = await makeTestCore({ clock: new FakeClock(Date.parse('2026-03-01T09:00:00.000Z')) });
    adminId = (await withAdmin(t)).staff.id;
    await t.must('settings:update', { timeZone: 'Europe/London', idleLockMinutes: 15 });
    cashierId = await approvedMember(t, CASHIER);
    [tea, book] = insertProducts(t, [
      { sku: 'TEA', name: 'Tea', price: 250 },
      { sku: 'BOOK', name: 'Book', price: 1000, taxRateBps: 0 },
    ]) as [number, number];
    [rita] = insertCustomers(t, [{ name: 'Rita Regular' }]) as [number];
    drinks = (await t.must('categories:create', { name: 'Drinks' })).id;
    teas = (await t.must('categories:create', { name: 'Tea', parentId: drinks })).id;
    await t.must('categories:create', { name: 'Books' });
    withWritable(t, (db) =>
      db.prepare('UPDATE products SET category_id = ? WHERE id = ?').run(teas, tea),
    );
    // The tea costs 100 a unit (its moving average); the book has no cost.
    await t.must('stock:receive', { lines: [{ productId: tea, quantity: 10, unitCost: 100 }] });

    // Sunday 2026-03-08 (GMT): the admin sells 2 teas by card to Rita at 10:15, the cashier a
    // book and a tea for cash at 14:40 with 10 % off the sale.
    await at('2026-03-08T10:15:00.000Z');
    sales.push(
      await sell(
        t,
        [{ productId: tea, quantity: 2 }],
        [{ type: 'card', amount: 500 }],
        { customerId: rita },
        1,
      ),
    );
    await at('2026-03-08T14:40:00.000Z');
    sales.push(
      await sell(
        t,
        [
          { productId: book, quantity: 1 },
          { productId: tea, quantity: 1 },
        ],
        [{ type: 'cash', amount: 2000 }],
        { discount: { type: 'percent', bps: 1000 } },
        3,
      ),
    );
    // Monday 2026-03-09: a sale voided the same day, and a refund of one of Sunday's teas.
    await at('2026-03-09T09:05:00.000Z');
    const voided = await sell(
      t,
      [{ productId: book, quantity: 3 }],
      [{ type: 'card', amount: 3000 }],
      {},
      3,
    );
    await t.must('auth:reauthenticate', { password: ADMIN.password }, 1);
    await t.must('sales:void', { id: voided.id, reason: 'wrong book' }, 1);
    // 7 teas on the shelf at 100, 7 more at 300: the average is 200, the refund keeps 100.
    await t.must('stock:receive', { lines: [{ productId: tea, quantity: 7, unitCost: 300 }] });
    refund = await t.must('sales:refund', {
      refundId: randomUUID(),
      saleId: sales[0]!.id,
      lines: [{ lineId: sales[0]!.lines[0]!.id, quantity: 1 }],
      tender: 'card',
      reason: 'spilt',
    });
  });
  afterAll(() => t.close());

  it('key figures and the previous period equal the sums of the sales', async () => {
    const [a, b] = sales as [SaleDetail, SaleDetail];
    expect(b.discount).toBe(125);
    const k = await t.must('analytics:keyFigures', { from: '2026-03-08', to: '2026-03-09' });
    expect(k.range).toEqual({ from: '2026-03-08', to: '2026-03-09' });
    expect(k.previousRange).toEqual({ from: '2026-03-06', to: '2026-03-07' });
    expect(k.current).toEqual({
      salesCount: 2,
      refundsCount: 1,
      voidsCount: 1,
      items: 4,
      gross: a.total + b.total,
      refunds: 250,
      voids: 3000,
      net: a.total + b.total - 250,
      discounts: 125,
      tax: a.tax + b.tax - Math.round(a.tax / 2),
      averageBasket: Math.round((a.total + b.total - 250) / 2),
      itemsPerSale: 2,
    });
    expect(k.previous).toMatchObject({ salesCount: 0, net: 0, averageBasket: 0, itemsPerSale: 0 });
    expect(k.byTender).toEqual([
      { type: 'card', salesCount: 1, amount: 500, refundsCount: 1, refunds: 250, net: 250 },
      { type: 'cash', salesCount: 1, amount: b.total, refundsCount: 0, refunds: 0, net: b.total },
    ]);
    const next = await t.must('analytics:keyFigures', { from: '2026-03-10', to: '2026-03-11' });
    expect(next.previous).toEqual(k.current);
  });

  it('trend, heatmap, top products, staff and tax answer the same sums', async () => {
    const [a, b] = sales as [SaleDetail, SaleDetail];
    const days = await t.must('analytics:trend', {
      from: '2026-03-07',
      to: '2026-03-09',
      grain: 'day',
    });
    expect(days.points.map((p) => [p.bucket, p.salesCount, p.net])).toEqual([
      ['2026-03-07', 0, 0],
      ['2026-03-08', 2, a.total + b.total],
      ['2026-03-09', 0, -250],
    ]);
    const weeks = await t.must('analytics:trend', {
      from: '2026-03-01',
      to: '2026-03-31',
      grain: 'week',
    });
    expect(weeks.points.map((p) => p.bucket)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(weeks.points[1]).toMatchObject({ salesCount: 2, net: a.total + b.total });
    const months = await t.must('analytics:trend', {
      from: '2026-01-15',
      to: '2026-03-31',
      grain: 'month',
    });
    expect(months.points.map((p) => [p.bucket, p.net])).toEqual([
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', a.total + b.total - 250],
    ]);
    const hours = await t.must('analytics:trend', {
      from: '2026-03-08',
      to: '2026-03-08',
      grain: 'hour',
    });
    expect(hours.points).toHaveLength(24);
    expect(hours.points.filter((p) => p.salesCount > 0).map((p) => p.bucket)).toEqual([
      '2026-03-08T10',
      '2026-03-08T14',
    ]);

    const heat = await t.must('analytics:heatmap', { from: '2026-03-08', to: '2026-03-09' });
    expect(heat.cells).toHaveLength(168);
    // Sunday is ISO weekday 7.
    expect(heat.cells.filter((c) => c.salesCount > 0 || c.net !== 0)).toEqual([
      { weekday: 1, hour: 9, salesCount: 0, net: -250 },
      { weekday: 7, hour: 10, salesCount: 1, net: a.total },
      { weekday: 7, hour: 14, salesCount: 1, net: b.total },
    ]);

    const top = await t.must('analytics:topProducts', { from: '2026-03-08', to: '2026-03-09' });
    const teaLine = b.lines.find((l) => l.productId === tea)!;
    const bookLine = b.lines.find((l) => l.productId === book)!;
    expect(top.products.map((p) => [p.sku, p.quantity, p.net])).toEqual(
      [
        ['BOOK', 1, bookLine.total],
        ['TEA', 2, a.total - 250 + teaLine.total],
      ].sort((x, y) => Number(y[2]) - Number(x[2])),
    );
    const byQty = await t.must('analytics:topProducts', {
      from: '2026-03-08',
      to: '2026-03-09',
      by: 'quantity',
      limit: 1,
    });
    expect(byQty.products.map((p) => p.sku)).toEqual(['TEA']);

    const staff = await t.must('analytics:staffPerformance', {
      from: '2026-03-08',
      to: '2026-03-09',
    });
    const of = (id: number) => staff.staff.find((s) => s.staffId === id)!;
    expect(of(adminId)).toMatchObject({
      salesCount: 1,
      net: 250,
      refundsCount: 1,
      refunds: 250,
      voidsCount: 0,
      discounts: 0,
    });
    expect(of(cashierId)).toMatchObject({
      name: 'Carl Cashier',
      salesCount: 1,
      net: b.total,
      averageBasket: b.total,
      itemsPerSale: 2,
      voidsCount: 1,
      voids: 3000,
      discounts: 125,
      shiftsClosed: 0,
      overShort: 0,
    });

    const tax = await t.must('analytics:taxReport', { from: '2026-03-08', to: '2026-03-09' });
    const teaTax = a.tax - Math.round(a.tax / 2) + teaLine.tax;
    const teaGross = a.total - 250 + teaLine.total;
    expect(tax.rates).toEqual([
      { taxRateBps: 0, net: bookLine.total, tax: 0, gross: bookLine.total },
      { taxRateBps: 2000, net: teaGross - teaTax, tax: teaTax, gross: teaGross },
    ]);
    expect(tax.totals.gross).toBe(a.total + b.total - 250);
  });

  it('customers: new, returning, walk-ins, top and not seen for 90 days', async () => {
    const first = await t.must('analytics:customers', { from: '2026-03-08', to: '2026-03-09' });
    expect(first).toMatchObject({
      newCustomers: 1,
      returningCustomers: 0,
      walkInSales: 1,
      lapsedCount: 0,
    });
    expect(first.top).toEqual([
      { customerId: rita, name: 'Rita Regular', salesCount: 1, net: 250 },
    ]);
    await at('2026-06-20T11:00:00.000Z');
    await sell(
      t,
      [{ productId: tea, quantity: 1 }],
      [{ type: 'card', amount: 250 }],
      { customerId: rita },
      1,
    );
    const again = await t.must('analytics:customers', { from: '2026-06-20', to: '2026-06-20' });
    expect(again).toMatchObject({ newCustomers: 0, returningCustomers: 1 });
    const lapsed = await t.must('analytics:customers', { from: '2026-06-10', to: '2026-06-10' });
    expect(lapsed.lapsedCount).toBe(1);
    expect(lapsed.lapsed).toEqual([
      { customerId: rita, name: 'Rita Regular', lastSeen: '2026-03-08' },
    ]);
    const within = await t.must('analytics:customers', { from: '2026-06-05', to: '2026-06-05' });
    expect(within.lapsedCount).toBe(0);
  });

  it('margin: cost at the time of sale, refunds take their cost back, uncosted lines left out', async () => {
    const [a, b] = sales as [SaleDetail, SaleDetail];
    const teaLine = b.lines.find((l) => l.productId === tea)!;
    const back = refund.lines[0]!;
    const costs = (saleId: number) =>
      reader(t)
        .prepare(
          'SELECT product_id AS p, unit_cost AS c FROM sale_lines WHERE sale_id = ? ORDER BY line_no',
        )
        .all(saleId);
    expect(costs(a.id)).toEqual([{ p: tea, c: 100 }]);
    expect(costs(b.id)).toEqual([
      { p: book, c: null },
      { p: tea, c: 100 },
    ]);
    expect(costs(refund.id)).toEqual([{ p: tea, c: 100 }]);
    // Cost: 2 + 1 teas sold at 100, 1 refunded at 100. Costed net: the tea lines without tax.
    const costedNet = a.total - a.tax + (teaLine.total - teaLine.tax) + (back.total - back.tax);
    const k = await t.must('analytics:keyFigures', { from: '2026-03-08', to: '2026-03-09' });
    expect(k.margin.current).toEqual({
      cost: 200,
      costedNet,
      margin: costedNet - 200,
      netWithoutTax: k.current.net - k.current.tax,
    });
    expect(k.margin.previous).toEqual({ cost: 0, costedNet: 0, margin: 0, netWithoutTax: 0 });
    const next = await t.must('analytics:keyFigures', { from: '2026-03-10', to: '2026-03-11' });
    expect(next.margin.previous).toEqual(k.margin.current);
    // A tea sold now costs the new average, 200.
    await at('2026-03-09T16:00:00.000Z');
    const later = await sell(
      t,
      [{ productId: tea, quantity: 1 }],
      [{ type: 'card', amount: 250 }],
      {},
      1,
    );
    expect(costs(later.id)).toEqual([{ p: tea, c: 200 }]);
    const day = await t.must('analytics:topProducts', {
      from: '2026-03-09',
      to: '2026-03-09',
      by: 'margin',
    });
    expect(day.products.map((p) => [p.sku, p.cost, p.costedNet, p.margin])).toEqual([
      [
        'TEA',
        200 - 100,
        later.total - later.tax + back.total - back.tax,
        later.total - later.tax + back.total - back.tax - 100,
      ],
    ]);
    await t.must('auth:reauthenticate', { password: ADMIN.password }, 1);
    await t.must('sales:void', { id: later.id, reason: 'test' }, 1);
    const voided = await t.must('analytics:keyFigures', { from: '2026-03-09', to: '2026-03-09' });
    expect(voided.margin.current).toMatchObject({ cost: -100, costedNet: back.total - back.tax });

    // By margin the tea leads (the book has no cost, so no margin); by revenue the book.
    const range = { from: '2026-03-08', to: '2026-03-09' };
    const byMargin = await t.must('analytics:topProducts', { ...range, by: 'margin' });
    expect(byMargin.products.map((p) => [p.sku, p.margin])).toEqual([
      ['TEA', costedNet - 200],
      ['BOOK', 0],
    ]);
    const byRevenue = await t.must('analytics:topProducts', range);
    expect(byRevenue.products.map((p) => p.sku)).toEqual(['BOOK', 'TEA']);
  });

  it('top categories with their paths and "No category", and the category filter', async () => {
    const range = { from: '2026-03-08', to: '2026-03-09' };
    const products = (await t.must('analytics:topProducts', range)).products;
    const of = (sku: string) => {
      const p = products.find((x) => x.sku === sku)!;
      const { quantity, gross, refunds, net, discounts, tax, cost, costedNet, margin } = p;
      return { quantity, gross, refunds, net, discounts, tax, cost, costedNet, margin };
    };
    const top = await t.must('analytics:topCategories', range);
    // Books has no sales in the range: not listed.
    expect(top.categories).toEqual([
      { categoryId: null, path: [], ...of('BOOK') },
      { categoryId: teas, path: ['Drinks', 'Tea'], ...of('TEA') },
    ]);
    const byMargin = await t.must('analytics:topCategories', { ...range, by: 'margin', limit: 1 });
    expect(byMargin.categories.map((c) => c.path)).toEqual([['Drinks', 'Tea']]);
    // The filter takes the category and those below it; no "No category" row then.
    for (const categoryId of [drinks, teas]) {
      const inside = await t.must('analytics:topCategories', { ...range, categoryId });
      expect(inside.categories.map((c) => c.categoryId)).toEqual([teas]);
      const teaOnly = await t.must('analytics:topProducts', { ...range, categoryId });
      expect(teaOnly.products.map((p) => p.sku)).toEqual(['TEA']);
    }
    for (const channel of ['analytics:topProducts', 'analytics:topCategories'] as const)
      expect(resultCode(await t.call(channel, { ...range, categoryId: 999_999 }))).toBe(
        'NOT_FOUND',
      );
  });

  it('refuses a reversed, malformed or too long range with VALIDATION_FAILED', async () => {
    const bad = [
      ['analytics:keyFigures', { from: '2026-03-09', to: '2026-03-08' }],
      ['analytics:keyFigures', { from: '2026-02-30', to: '2026-03-08' }],
      ['analytics:keyFigures', { from: '2026-03-08', to: '2026-3-9' }],
      ['analytics:taxReport', { from: '2023-03-08', to: '2026-03-08' }],
      ['analytics:trend', { from: '2026-03-01', to: '2026-04-01', grain: 'hour' }],
      ['analytics:trend', { from: '2026-03-01', to: '2026-03-02', grain: 'year' }],
      ['analytics:topProducts', { from: '2026-03-01', to: '2026-03-02', limit: 0 }],
      ['analytics:topProducts', { from: '2026-03-01', to: '2026-03-02', by: 'cost' }],
      ['analytics:topCategories', { from: '2026-03-02', to: '2026-03-01' }],
      ['analytics:topCategories', { from: '2026-03-01', to: '2026-03-02', categoryId: 0 }],
      ['analytics:staffPerformance', { from: '2026-03-01' }],
    ] as const;
    for (const [channel, input] of bad)
      expect(resultCode(await t.call(channel, input as never)), JSON.stringify(input)).toBe(
        'VALIDATION_FAILED',
      );
    // The longest ranges pass: three years, and 31 days by hour.
    await t.must('analytics:taxReport', { from: '2023-03-09', to: '2026-03-08' });
    await t.must('analytics:trend', { from: '2026-03-01', to: '2026-03-31', grain: 'hour' });
  });

  it('puts each sale in its local hour on the DST-change days, and whole months add up', async () => {
    // 2026-03-29: 01:00 GMT becomes 02:00 BST (23 hours); 2026-10-25: 02:00 BST becomes 01:00 GMT.
    for (const iso of [
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T22:59:00.000Z',
      '2026-03-29T23:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-10-25T23:30:00.000Z',
    ]) {
      await at(iso);
      await sell(t, [{ productId: tea, quantity: 1 }], [{ type: 'card', amount: 250 }], {}, 1);
    }
    const busy = async (day: string) =>
      (await t.must('analytics:trend', { from: day, to: day, grain: 'hour' })).points
        .filter((p) => p.salesCount > 0)
        .map((p) => [p.bucket, p.salesCount]);
    expect(await busy('2026-03-29')).toEqual([
      ['2026-03-29T00', 1],
      ['2026-03-29T02', 1],
      ['2026-03-29T23', 1],
    ]);
    expect(await busy('2026-03-30')).toEqual([['2026-03-30T00', 1]]);
    expect(await busy('2026-10-25')).toEqual([
      ['2026-10-25T01', 2],
      ['2026-10-25T23', 1],
    ]);

    // A range of whole months and odd days either side equals the lines' sums.
    for (const range of [
      { from: '2026-02-15', to: '2026-04-10' },
      { from: '2026-03-01', to: '2026-10-31' },
      { from: '2026-03-09', to: '2026-10-24' },
      { from: '2026-03-03', to: '2026-10-30' },
      { from: '2026-03-10', to: '2026-03-31' },
      { from: '2026-03-02', to: '2026-03-30' },
      { from: '2026-03-09', to: '2026-03-29' },
    ]) {
      const expected = reader(t)
        .prepare(
          `SELECT l.product_id AS "productId", SUM(l.quantity) AS quantity, SUM(l.total) AS net
             FROM sales s JOIN sale_lines l ON l.sale_id = s.id
             WHERE s.status = 'completed' AND s.business_date BETWEEN ? AND ?
             GROUP BY l.product_id ORDER BY net DESC`,
        )
        .all(range.from, range.to);
      const top = await t.must('analytics:topProducts', range);
      expect(
        top.products.map((p) => ({ productId: p.productId, quantity: p.quantity, net: p.net })),
      ).toEqual(expected);
    }
  });
});

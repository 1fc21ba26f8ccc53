/**
 * The sales core on a real SQLite file: checkout (D2, M1-M3), tenders, refusals that write nothing,
 * idempotent retries, immutability triggers (D6), annotate, void (same day, permission, re-auth),
 * refunds (cap, exact proportional amounts), the transactions list (keyset pages and filters),
 * parked carts and the day summary (store time zone).
 *
 * Products and customers are raw rows (tests/helpers/retail.ts); everything else goes through the
 * channels as the renderer would call them. Prices include 20 % tax unless a test says otherwise.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, SaleDetail } from '../../shared/contract';
import {
  ADMIN,
  auditCount,
  FakeClock,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import {
  insertCustomer,
  insertProducts,
  reader,
  salesFootprint,
  sell,
  withWritable,
} from '../helpers/retail';
import { ADMIN_W, CASHIER_W, MANAGER_W, staffedShop } from '../helpers/staffed-shop';
import { ON_POSTGRES } from '../helpers/test-engine';

type Checkout = ChannelInput<'sales:checkout'>;

/** A core with an admin (window 1), a manager (2) and a cashier (3), London time, 15-minute idle lock. */
async function shop(clock?: FakeClock) {
  const { t, adminId, managerId, cashierId } = await staffedShop(clock ? { clock } : {});
  const [tea, cake, retired, archived, voucher, pricey, free] = insertProducts(t, [
    { sku: 'TEA', barcode: '5000000000017', name: 'Tea', price: 250 },
    { sku: 'CAKE', name: 'Cake', price: 333 },
    { sku: 'OLD', name: 'Retired', price: 100, active: false },
    { sku: 'GONE', name: 'Archived', price: 100, archived: true },
    { sku: 'VOUCHER', name: 'Voucher', price: 500, kind: 'discount' },
    { sku: 'PRICEY', name: 'Pricey', price: 600_000_000 },
    { sku: 'ZERO', name: 'Untaxed', price: 199, taxRateBps: 0 },
  ]) as number[];
  const products = {
    tea: tea!,
    cake: cake!,
    retired: retired!,
    archived: archived!,
    voucher: voucher!,
    pricey: pricey!,
    free: free!,
  };
  const customer = insertCustomer(t, { name: 'Dora Customer', email: 'dora@shop.test' });
  const otherCustomer = insertCustomer(t, { name: 'Eve Other' });
  const archivedCustomer = insertCustomer(t, { name: 'Old Customer', archived: true });
  return { t, adminId, managerId, cashierId, products, customer, otherCustomer, archivedCustomer };
}

type Shop = Awaited<ReturnType<typeof shop>>;

function rows<T>(t: TestCore, sql: string, ...params: unknown[]): T[] {
  return reader(t)
    .prepare(sql)
    .all(...params) as T[];
}

/** Calls checkout with `input`, expects `code`, and checks nothing at all was written. */
async function refused(t: TestCore, input: unknown, code: string, windowId = ADMIN_W) {
  const before = salesFootprint(t);
  const completes = auditCount(t, 'sale.complete');
  const r = await t.core.invoke('sales:checkout', input, {
    origin: 'app://kassa',
    isTopFrame: true,
    windowId,
  });
  expect(resultCode(r), JSON.stringify(r)).toBe(code);
  expect(salesFootprint(t)).toEqual(before);
  expect(auditCount(t, 'sale.complete')).toBe(completes);
  return r;
}

let s: Shop;
let t: TestCore;

beforeAll(async () => {
  s = await shop();
  t = s.t;
});

afterAll(async () => {
  await t?.close();
});

describe('checkout', () => {
  it('prices on the server, numbers receipts 1, 2, 3 without gaps and stores lines and tenders', async () => {
    const cart: Checkout['lines'] = [
      { productId: s.products.tea, quantity: 2 },
      { productId: s.products.cake, quantity: 1 },
    ];
    const sales: SaleDetail[] = [];
    for (let i = 0; i < 3; i += 1)
      sales.push(await sell(t, cart, [{ type: 'card', amount: 833 }], { note: `sale ${i}` }));
    expect(sales.map((x) => x.receiptNo)).toEqual([1, 2, 3]);

    const first = sales[0]!;
    // Tea 2 × 250 = 500, tax 500 − round(416.67) = 83; cake 333, tax 333 − round(277.5) = 55.
    expect(first).toMatchObject({
      kind: 'sale',
      status: 'completed',
      currency: 'GBP',
      pricesIncludeTax: true,
      subtotal: 833,
      discount: 0,
      tax: 138,
      total: 833,
      note: 'sale 0',
      source: 'till',
      staff: { id: s.adminId },
      customer: null,
      voidable: true,
      refundOf: null,
    });
    expect(
      first.lines.map((l) => [l.lineNo, l.sku, l.unitPrice, l.quantity, l.tax, l.total]),
    ).toEqual([
      [1, 'TEA', 250, 2, 83, 500],
      [2, 'CAKE', 333, 1, 55, 333],
    ]);
    expect(first.tenders).toEqual([{ type: 'card', amount: 833, tendered: null, change: null }]);

    // And that is what the file holds.
    const [head] = rows<Record<string, unknown>>(t, 'SELECT * FROM sales WHERE id = ?', first.id);
    expect(head).toMatchObject({
      receipt_no: 1,
      subtotal: 833,
      tax: 138,
      total: 833,
      status: 'completed',
      uuid: first.uuid,
    });
    expect(
      rows(
        t,
        'SELECT line_no, product_id, quantity, unit_price, total FROM sale_lines WHERE sale_id = ? ORDER BY line_no',
        first.id,
      ),
    ).toEqual([
      { line_no: 1, product_id: s.products.tea, quantity: 2, unit_price: 250, total: 500 },
      { line_no: 2, product_id: s.products.cake, quantity: 1, unit_price: 333, total: 333 },
    ]);
    expect(
      rows(
        t,
        'SELECT type, amount, tendered, change_due FROM sale_tenders WHERE sale_id = ?',
        first.id,
      ),
    ).toEqual([{ type: 'card', amount: 833, tendered: null, change_due: null }]);
    expect(auditCount(t, 'sale.complete', 'success')).toBe(3);
  });

  it('refuses prices and totals from the renderer (VALIDATION_FAILED, nothing written)', async () => {
    const base = {
      id: randomUUID(),
      lines: [{ productId: s.products.tea, quantity: 1 }],
      tenders: [{ type: 'card', amount: 1 }],
    };
    await refused(
      t,
      { ...base, lines: [{ productId: s.products.tea, quantity: 1, price: 1 }] },
      'VALIDATION_FAILED',
    );
    await refused(
      t,
      { ...base, lines: [{ productId: s.products.tea, quantity: 1, total: 1 }] },
      'VALIDATION_FAILED',
    );
    await refused(t, { ...base, total: 1 }, 'VALIDATION_FAILED');
    await refused(t, { ...base, subtotal: 1, tax: 0 }, 'VALIDATION_FAILED');
    await refused(
      t,
      { ...base, tenders: [{ type: 'card', amount: 1, change: 0 }] },
      'VALIDATION_FAILED',
    );
  });

  it('splits card and cash, and gives change only from cash', async () => {
    const sale = await sell(
      t,
      [
        { productId: s.products.tea, quantity: 2 },
        { productId: s.products.cake, quantity: 1 },
      ],
      [
        { type: 'card', amount: 500 },
        { type: 'cash', amount: 500 },
      ],
    );
    expect(sale.total).toBe(833);
    expect(sale.tenders).toEqual([
      { type: 'card', amount: 500, tendered: null, change: null },
      { type: 'cash', amount: 333, tendered: 500, change: 167 },
    ]);
    expect(sale.tenders.reduce((a, x) => a + x.amount, 0)).toBe(sale.total);
  });

  it('TENDER_SHORT and TENDER_INVALID write nothing', async () => {
    const lines = [
      { productId: s.products.tea, quantity: 2 },
      { productId: s.products.cake, quantity: 1 },
    ];
    const attempt = (tenders: Checkout['tenders']) => ({ id: randomUUID(), lines, tenders });
    await refused(
      t,
      attempt([
        { type: 'card', amount: 100 },
        { type: 'cash', amount: 100 },
      ]),
      'TENDER_SHORT',
    );
    await refused(t, attempt([{ type: 'cash', amount: 832 }]), 'TENDER_SHORT');
    await refused(t, attempt([]), 'TENDER_SHORT');
    await refused(t, attempt([{ type: 'card', amount: 834 }]), 'TENDER_INVALID');
    await refused(
      t,
      attempt([
        { type: 'card', amount: 500 },
        { type: 'other', amount: 400 },
      ]),
      'TENDER_INVALID',
    );
    await refused(
      t,
      attempt([
        { type: 'card', amount: 833 },
        { type: 'cash', amount: 0 },
      ]),
      'TENDER_INVALID',
    );
    await refused(
      t,
      attempt([
        { type: 'card', amount: 833 },
        { type: 'cash', amount: 5 },
      ]),
      'TENDER_INVALID',
    );
  });

  it('PRODUCT_UNAVAILABLE for an unknown, inactive, archived or discount-kind product', async () => {
    for (const productId of [
      999_999,
      s.products.retired,
      s.products.archived,
      s.products.voucher,
    ]) {
      const r = await refused(
        t,
        {
          id: randomUUID(),
          lines: [
            { productId: s.products.tea, quantity: 1 },
            { productId, quantity: 1 },
          ],
          tenders: [{ type: 'cash', amount: 10_000 }],
        },
        'PRODUCT_UNAVAILABLE',
      );
      expect(r.ok ? [] : r.error.issues).toEqual([
        { path: 'lines.1.productId', message: expect.any(String) },
      ]);
      // The quote refuses the same way.
      expect(resultCode(await t.call('sales:quote', { lines: [{ productId, quantity: 1 }] }))).toBe(
        'PRODUCT_UNAVAILABLE',
      );
    }
  });

  it.each([
    ['quantity 0', { quantity: 0 }],
    ['quantity −1', { quantity: -1 }],
    ['quantity 1.5', { quantity: 1.5 }],
    ['quantity 10000', { quantity: 10_000 }],
    ['quantity NaN', { quantity: Number.NaN }],
    ['quantity Infinity', { quantity: Number.POSITIVE_INFINITY }],
    ['quantity −0', { quantity: -0 }],
    ['quantity 2^53+1', { quantity: 2 ** 53 + 1 }],
    ['tender 1.5', { amount: 1.5 }],
    ['tender −1', { amount: -1 }],
    ['tender NaN', { amount: Number.NaN }],
    ['tender Infinity', { amount: Number.POSITIVE_INFINITY }],
    ['tender −0', { amount: -0 }],
    ['tender 2^53+1', { amount: 2 ** 53 + 1 }],
    ['a line discount over the line', { discount: { type: 'amount', value: 251 } }],
    ['a negative line discount', { discount: { type: 'amount', value: -1 } }],
    ['a discount over 100 %', { discount: { type: 'percent', bps: 10_001 } }],
  ])('M2: %s is refused with VALIDATION_FAILED and writes nothing', async (_name, change) => {
    const { amount, ...lineChange } = change as Record<string, unknown>;
    await refused(
      t,
      {
        id: randomUUID(),
        lines: [{ productId: s.products.tea, quantity: 1, ...lineChange }],
        tenders: [{ type: 'cash', amount: amount ?? 10_000 }],
      },
      'VALIDATION_FAILED',
    );
  });

  it('M2: a line over 10^9 minor units is refused', async () => {
    await refused(
      t,
      {
        id: randomUUID(),
        lines: [{ productId: s.products.pricey, quantity: 2 }],
        tenders: [{ type: 'card', amount: 1_200_000_000 }],
      },
      'VALIDATION_FAILED',
    );
  });

  it('M2: a cart discount over the cart is refused; a discount of exactly the amount is allowed', async () => {
    const lines = [
      { productId: s.products.tea, quantity: 2, discount: { type: 'amount' as const, value: 100 } },
    ];
    const r = await refused(
      t,
      { id: randomUUID(), lines, discount: { type: 'amount', value: 401 }, tenders: [] },
      'VALIDATION_FAILED',
    );
    expect(r.ok ? [] : r.error.issues).toEqual([{ path: 'discount', message: expect.any(String) }]);
    expect(
      resultCode(await t.call('sales:quote', { lines, discount: { type: 'amount', value: 401 } })),
    ).toBe('VALIDATION_FAILED');
    const free = await sell(t, lines, [], { discount: { type: 'amount', value: 400 } });
    expect(free).toMatchObject({ subtotal: 500, discount: 500, tax: 0, total: 0, tenders: [] });
  });

  it('a retry with the same id returns the recorded sale; the same id with another cart is CONFLICT', async () => {
    const input: Checkout = {
      id: randomUUID(),
      lines: [{ productId: s.products.cake, quantity: 3 }],
      tenders: [{ type: 'cash', amount: 1000 }],
    };
    const completes = auditCount(t, 'sale.complete');
    const first = await t.must('sales:checkout', input);
    const again = await t.must('sales:checkout', input);
    expect(again.id).toBe(first.id);
    expect(again.receiptNo).toBe(first.receiptNo);
    expect(rows(t, 'SELECT COUNT(*) AS n FROM sales WHERE uuid = ?', input.id)).toEqual([{ n: 1 }]);
    expect(auditCount(t, 'sale.complete')).toBe(completes + 1);

    await refused(
      t,
      { ...input, lines: [{ productId: s.products.cake, quantity: 2 }] },
      'CONFLICT',
    );
    await refused(t, { ...input, tenders: [{ type: 'cash', amount: 2000 }] }, 'CONFLICT');
  });

  it('the customer must exist and not be archived', async () => {
    const base = {
      lines: [{ productId: s.products.tea, quantity: 1 }],
      tenders: [{ type: 'card' as const, amount: 250 }],
    };
    await refused(t, { ...base, id: randomUUID(), customerId: 999_999 }, 'NOT_FOUND');
    await refused(t, { ...base, id: randomUUID(), customerId: s.archivedCustomer }, 'CONFLICT');
    const sale = await sell(t, base.lines, base.tenders, { customerId: s.customer });
    expect(sale.customer).toEqual({ id: s.customer, name: 'Dora Customer' });
  });

  it('tax-exclusive prices add the tax on top', async () => {
    await t.must('settings:update', { pricesIncludeTax: false });
    try {
      const quote = await t.must('sales:quote', {
        lines: [{ productId: s.products.tea, quantity: 3 }],
      });
      // 750 net, tax round(150) = 150, total 900.
      expect(quote).toMatchObject({ subtotal: 750, tax: 150, total: 900, pricesIncludeTax: false });
      const sale = await sell(
        t,
        [{ productId: s.products.tea, quantity: 3 }],
        [{ type: 'card', amount: 900 }],
      );
      expect(sale).toMatchObject({ total: 900, tax: 150, pricesIncludeTax: false });
    } finally {
      await t.must('settings:update', { pricesIncludeTax: true });
    }
  });
});

describe('D6: completed sales are immutable in the database', () => {
  let sale: SaleDetail;
  beforeAll(async () => {
    sale = await sell(
      t,
      [{ productId: s.products.tea, quantity: 1 }],
      [{ type: 'card', amount: 250 }],
    );
  });

  it.each([
    ['UPDATE sales SET total = 1 WHERE id = ?', /immutable/],
    ['UPDATE sales SET receipt_no = 999 WHERE id = ?', /immutable/],
    ["UPDATE sales SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?", /immutable/],
    ['UPDATE sales SET staff_id = staff_id WHERE id = ?', /immutable/],
    // PostgreSQL's guard (migration 1764100000000) gives one message for every change.
    ['DELETE FROM sales WHERE id = ?', ON_POSTGRES ? /immutable/ : /never deleted/],
    ['DELETE FROM sale_lines WHERE sale_id = ?', /append-only/],
    ['DELETE FROM sale_tenders WHERE sale_id = ?', /append-only/],
    ['UPDATE sale_lines SET total = 0 WHERE sale_id = ?', /append-only/],
    ['UPDATE sale_tenders SET amount = 0 WHERE sale_id = ?', /append-only/],
  ])('%s aborts', (sql, message) => {
    const before = rows(t, 'SELECT * FROM sales WHERE id = ?', sale.id);
    expect(() => withWritable(t, (db) => db.prepare(sql).run(sale.id))).toThrow(message);
    expect(rows(t, 'SELECT * FROM sales WHERE id = ?', sale.id)).toEqual(before);
    expect(rows(t, 'SELECT COUNT(*) AS n FROM sale_lines WHERE sale_id = ?', sale.id)).toEqual([
      { n: 1 },
    ]);
  });

  it('a voided sale cannot go back to completed, and its void row cannot be removed', async () => {
    const v = await sell(
      t,
      [{ productId: s.products.tea, quantity: 1 }],
      [{ type: 'card', amount: 250 }],
    );
    await t.must('sales:void', { id: v.id, reason: 'Wrong item' });
    expect(() =>
      withWritable(t, (db) =>
        db.prepare("UPDATE sales SET status = 'completed' WHERE id = ?").run(v.id),
      ),
    ).toThrow(ON_POSTGRES ? /immutable/ : /completed to voided/);
    expect(() =>
      withWritable(t, (db) => db.prepare('DELETE FROM sale_voids WHERE sale_id = ?').run(v.id)),
    ).toThrow(/append-only/);
    expect(rows(t, 'SELECT status FROM sales WHERE id = ?', v.id)).toEqual([{ status: 'voided' }]);
  });
});

describe('annotate', () => {
  it('changes the customer and note only, audited with before and after', async () => {
    const sale = await sell(
      t,
      [{ productId: s.products.cake, quantity: 1 }],
      [{ type: 'card', amount: 333 }],
    );
    const before = auditCount(t, 'sale.annotate');
    const out = await t.must(
      'sales:annotate',
      { id: sale.id, customerId: s.customer, note: 'Gift' },
      MANAGER_W,
    );
    expect(out).toMatchObject({
      customer: { id: s.customer },
      note: 'Gift',
      total: 333,
      receiptNo: sale.receiptNo,
    });
    const [row] = rows<{ detail: string; actor_id: number; target_id: string }>(
      t,
      "SELECT detail, actor_id, target_id FROM audit_events WHERE action = 'sale.annotate' ORDER BY id DESC LIMIT 1",
    );
    expect(row).toEqual({
      detail: `customer none -> ${s.customer}; note null -> "Gift"`,
      actor_id: s.managerId,
      target_id: String(sale.id),
    });
    // Back to a walk-in without a note.
    await t.must('sales:annotate', { id: sale.id, customerId: null, note: null });
    expect(auditCount(t, 'sale.annotate')).toBe(before + 2);
    expect(await t.must('sales:get', { id: sale.id })).toMatchObject({
      customer: null,
      note: null,
    });
    // No change, no audit row.
    await t.must('sales:annotate', { id: sale.id, customerId: null, note: '' });
    expect(auditCount(t, 'sale.annotate')).toBe(before + 2);
    // Unknown sale, unknown or archived customer.
    expect(resultCode(await t.call('sales:annotate', { id: 999_999, customerId: null }))).toBe(
      'NOT_FOUND',
    );
    expect(resultCode(await t.call('sales:annotate', { id: sale.id, customerId: 999_999 }))).toBe(
      'NOT_FOUND',
    );
    expect(
      resultCode(await t.call('sales:annotate', { id: sale.id, customerId: s.archivedCustomer })),
    ).toBe('CONFLICT');
    expect(auditCount(t, 'sale.annotate')).toBe(before + 2);
  });
});

describe('void', () => {
  it('voids a sale made today, with a reason, audited', async () => {
    const sale = await sell(
      t,
      [{ productId: s.products.tea, quantity: 2 }],
      [{ type: 'cash', amount: 1000 }],
    );
    const out = await t.must(
      'sales:void',
      { id: sale.id, reason: 'Customer changed their mind' },
      MANAGER_W,
    );
    expect(out).toMatchObject({
      status: 'voided',
      voidable: false,
      total: 500,
      void: {
        reason: 'Customer changed their mind',
        staff: { id: s.managerId },
        at: t.clock.now().toISOString(),
      },
    });
    expect(rows(t, 'SELECT reason, staff_id FROM sale_voids WHERE sale_id = ?', sale.id)).toEqual([
      { reason: 'Customer changed their mind', staff_id: s.managerId },
    ]);
    expect(auditCount(t, 'sale.void', 'success')).toBeGreaterThanOrEqual(1);
    // Again: already voided.
    expect(resultCode(await t.call('sales:void', { id: sale.id, reason: 'again' }))).toBe(
      'VOID_NOT_ALLOWED',
    );
    expect(resultCode(await t.call('sales:void', { id: 999_999, reason: 'nothing' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('needs sales.void: a cashier is FORBIDDEN and nothing changes', async () => {
    const sale = await sell(
      t,
      [{ productId: s.products.tea, quantity: 1 }],
      [{ type: 'card', amount: 250 }],
      {},
      CASHIER_W,
    );
    const denied = auditCount(t, 'authz.denied');
    expect(resultCode(await t.call('sales:void', { id: sale.id, reason: 'mine' }, CASHIER_W))).toBe(
      'FORBIDDEN',
    );
    expect(auditCount(t, 'authz.denied')).toBe(denied + 1);
    expect((await t.must('sales:get', { id: sale.id })).status).toBe('completed');
  });

  it('a sale with a refund cannot be voided, and a refund cannot be voided either', async () => {
    const sale = await sell(
      t,
      [{ productId: s.products.tea, quantity: 2 }],
      [{ type: 'card', amount: 500 }],
    );
    const refund = await t.must('sales:refund', {
      saleId: sale.id,
      refundId: randomUUID(),
      lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }],
      tender: 'card',
      reason: 'Broken',
    });
    expect((await t.must('sales:get', { id: sale.id })).voidable).toBe(false);
    expect(resultCode(await t.call('sales:void', { id: sale.id, reason: 'x' }))).toBe(
      'VOID_NOT_ALLOWED',
    );
    expect(resultCode(await t.call('sales:void', { id: refund.id, reason: 'x' }))).toBe(
      'VOID_NOT_ALLOWED',
    );
  });
});

describe('refund', () => {
  it('refunds in steps, capped at what is left, and the amounts add up exactly to the original lines', async () => {
    // Cake 3 × 333 with 100 off the line, tea 7 × 250, then 10 % off the whole sale.
    const sale = await sell(
      t,
      [
        { productId: s.products.cake, quantity: 3, discount: { type: 'amount', value: 100 } },
        { productId: s.products.tea, quantity: 7 },
      ],
      [{ type: 'card', amount: 2384 }],
      { discount: { type: 'percent', bps: 1000 } },
    );
    // gross 999 + 1750 = 2749; after the line discount 899 + 1750 = 2649; 10 % = 264.9 → 265,
    // split 899:1750 → 89.93 / 175.07 → 89 + 1 (largest remainder) / 175. Totals 809 + 1575 = 2384.
    // Neither line's discount or tax divides evenly by its quantity.
    expect(sale.subtotal).toBe(2749);
    expect(sale.discount).toBe(100 + 265);
    expect(sale.total).toBe(2384);
    expect(sale.lines.map((l) => [l.discount, l.total])).toEqual([
      [190, 809],
      [175, 1575],
    ]);
    const [cake, tea] = sale.lines as [SaleDetail['lines'][number], SaleDetail['lines'][number]];

    const refund = (
      lines: Array<[number, number]>,
      refundId = randomUUID(),
      windowId = MANAGER_W,
    ) =>
      t.call(
        'sales:refund',
        {
          saleId: sale.id,
          refundId,
          lines: lines.map(([lineId, quantity]) => ({ lineId, quantity })),
          tender: 'cash',
          reason: 'Returned',
        },
        windowId,
      );

    const r1 = await refund([
      [cake.id, 1],
      [tea.id, 2],
    ]);
    expect(resultCode(r1)).toBe('ok');
    const r2 = await refund([[tea.id, 4]]);
    expect(resultCode(r2)).toBe('ok');
    // More than is left: 2 cakes and 1 tea remain.
    const footprint = salesFootprint(t);
    expect(resultCode(await refund([[tea.id, 2]]))).toBe('REFUND_LIMIT');
    expect(
      resultCode(
        await refund([
          [cake.id, 2],
          [cake.id, 1],
        ]),
      ),
    ).toBe('REFUND_LIMIT');
    expect(salesFootprint(t)).toEqual(footprint);

    const mid = await t.must('sales:get', { id: sale.id });
    expect(mid.lines.map((l) => l.refundedQuantity)).toEqual([1, 6]);
    expect(mid.refunds).toHaveLength(2);

    const r3 = await refund([
      [cake.id, 2],
      [tea.id, 1],
    ]);
    expect(resultCode(r3)).toBe('ok');
    expect(resultCode(await refund([[cake.id, 1]]))).toBe('REFUND_LIMIT');

    const refunds = [r1, r2, r3].map((r) => (r.ok ? r.data : null)!);
    for (const r of refunds) {
      expect(r).toMatchObject({
        kind: 'refund',
        refundOf: { id: sale.id, receiptNo: sale.receiptNo },
      });
      expect(r.total).toBeLessThan(0);
      expect(r.tenders).toEqual([{ type: 'cash', amount: r.total, tendered: null, change: null }]);
      expect(r.lines.every((l) => l.quantity < 0)).toBe(true);
    }
    for (const line of [cake, tea]) {
      const back = refunds.flatMap((r) => r.lines).filter((l) => l.refundOfLineId === line.id);
      const sum = (f: (l: (typeof back)[number]) => number) => back.reduce((a, l) => a + f(l), 0);
      expect(sum((l) => l.quantity)).toBe(-line.quantity);
      expect(sum((l) => l.total)).toBe(-line.total);
      expect(sum((l) => l.tax)).toBe(-line.tax);
      expect(sum((l) => l.discount)).toBe(-line.discount);
    }
    expect(refunds.reduce((a, r) => a + r.total, 0)).toBe(-sale.total);
    expect(refunds.reduce((a, r) => a + r.tax, 0)).toBe(-sale.tax);
    const after = await t.must('sales:get', { id: sale.id });
    expect(after.lines.map((l) => l.refundedQuantity)).toEqual([3, 7]);
    expect(after.refunds.map((r) => r.id)).toEqual(refunds.map((r) => r.id));
  });

  it('needs sales.refund: a cashier is FORBIDDEN, a manager may', async () => {
    const sale = await sell(
      t,
      [{ productId: s.products.tea, quantity: 2 }],
      [{ type: 'card', amount: 500 }],
      {},
      CASHIER_W,
    );
    const input = {
      saleId: sale.id,
      refundId: randomUUID(),
      lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }],
      tender: 'card' as const,
      reason: 'Damaged',
    };
    const footprint = salesFootprint(t);
    expect(resultCode(await t.call('sales:refund', input, CASHIER_W))).toBe('FORBIDDEN');
    expect(salesFootprint(t)).toEqual(footprint);
    const ok = await t.must('sales:refund', input, MANAGER_W);
    expect(ok).toMatchObject({ kind: 'refund', total: -250, staff: { id: s.managerId } });
  });

  it('the refund id makes a retry safe; reusing it for another refund is CONFLICT', async () => {
    const sale = await sell(
      t,
      [{ productId: s.products.tea, quantity: 3 }],
      [{ type: 'card', amount: 750 }],
    );
    const input = {
      saleId: sale.id,
      refundId: randomUUID(),
      lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }],
      tender: 'card' as const,
      reason: 'Damaged',
    };
    const audits = auditCount(t, 'sale.refund');
    const first = await t.must('sales:refund', input);
    const again = await t.must('sales:refund', input);
    expect(again.id).toBe(first.id);
    expect(auditCount(t, 'sale.refund')).toBe(audits + 1);
    expect((await t.must('sales:get', { id: sale.id })).lines[0]!.refundedQuantity).toBe(1);
    const footprint = salesFootprint(t);
    expect(
      resultCode(
        await t.call('sales:refund', {
          ...input,
          lines: [{ lineId: sale.lines[0]!.id, quantity: 2 }],
        }),
      ),
    ).toBe('CONFLICT');
    // A checkout cannot take the refund's id either.
    expect(
      resultCode(
        await t.call('sales:checkout', {
          id: input.refundId,
          lines: [{ productId: s.products.tea, quantity: 1 }],
          tenders: [{ type: 'card', amount: 250 }],
        }),
      ),
    ).toBe('CONFLICT');
    expect(salesFootprint(t)).toEqual(footprint);
  });

  it('refuses a voided sale, a refund, and a line of another sale', async () => {
    const sale = await sell(
      t,
      [{ productId: s.products.tea, quantity: 2 }],
      [{ type: 'card', amount: 500 }],
    );
    const other = await sell(
      t,
      [{ productId: s.products.cake, quantity: 1 }],
      [{ type: 'card', amount: 333 }],
    );
    const refundOf = (saleId: number, lineId: number) => ({
      saleId,
      refundId: randomUUID(),
      lines: [{ lineId, quantity: 1 }],
      tender: 'card' as const,
      reason: 'x',
    });
    const footprint = salesFootprint(t);
    expect(resultCode(await t.call('sales:refund', refundOf(sale.id, other.lines[0]!.id)))).toBe(
      'VALIDATION_FAILED',
    );
    expect(resultCode(await t.call('sales:refund', refundOf(999_999, 1)))).toBe('NOT_FOUND');
    expect(salesFootprint(t)).toEqual(footprint);

    const refund = await t.must('sales:refund', refundOf(sale.id, sale.lines[0]!.id));
    expect(resultCode(await t.call('sales:refund', refundOf(refund.id, refund.lines[0]!.id)))).toBe(
      'REFUND_LIMIT',
    );

    await t.must('sales:void', { id: other.id, reason: 'Mistake' });
    const before = salesFootprint(t);
    expect(resultCode(await t.call('sales:refund', refundOf(other.id, other.lines[0]!.id)))).toBe(
      'REFUND_LIMIT',
    );
    expect(salesFootprint(t)).toEqual(before);
  });
});

describe('parked carts', () => {
  it('park, list, resume once, discard once', async () => {
    const cart = {
      lines: [
        {
          productId: s.products.tea,
          quantity: 2,
          discount: { type: 'percent' as const, bps: 500 },
        },
      ],
      customerId: s.customer,
    };
    const a = await t.must('sales:park', { label: 'Blue coat', cart }, CASHIER_W);
    const b = await t.must('sales:park', {
      cart: { lines: [{ productId: s.products.cake, quantity: 1 }] },
    });
    expect(a).toMatchObject({
      label: 'Blue coat',
      lineCount: 1,
      staff: { id: s.cashierId },
      thisTill: true,
    });
    expect(b.label).toBe('1 item');
    expect((await t.must('sales:parkedList', {})).map((p) => p.id)).toEqual([a.id, b.id]);

    // Another member resumes it: the cart comes back as it was parked.
    expect(await t.must('sales:resume', { id: a.id }, MANAGER_W)).toEqual({
      cart: { ...cart, customerId: s.customer },
    });
    expect(resultCode(await t.call('sales:resume', { id: a.id }))).toBe('NOT_FOUND');
    expect(await t.must('sales:discardParked', { id: b.id })).toEqual({});
    expect(resultCode(await t.call('sales:discardParked', { id: b.id }))).toBe('NOT_FOUND');
    expect(resultCode(await t.call('sales:resume', { id: b.id }))).toBe('NOT_FOUND');
    expect(await t.must('sales:parkedList', {})).toEqual([]);
  });
});

describe('receipt numbers', () => {
  it('stay gapless across refusals, refunds and voids', () => {
    const nos = rows<{ receipt_no: number }>(
      t,
      'SELECT receipt_no FROM sales ORDER BY receipt_no',
    ).map((r) => r.receipt_no);
    expect(nos).toEqual(nos.map((_, i) => i + 1));
    expect(salesFootprint(t).nextReceiptNo).toBe(nos.length + 1);
  });
});

interface SaleRow {
  id: number;
  kind: 'sale' | 'refund';
  status: 'completed' | 'voided';
  staff_id: number;
  total: number;
  discount: number;
  tax: number;
  created_at: string;
}

describe('reports:daySummary', () => {
  it('equals the sums of the rows, by tender and by staff', async () => {
    const date = '2026-11-23';
    const all = rows<SaleRow>(
      t,
      'SELECT id, kind, status, staff_id, total, discount, tax, created_at FROM sales',
    );
    const sum = (xs: SaleRow[], f: (r: SaleRow) => number) => xs.reduce((a, r) => a + f(r), 0);
    const completed = all.filter((r) => r.status === 'completed');
    const sales = completed.filter((r) => r.kind === 'sale');
    const refunds = completed.filter((r) => r.kind === 'refund');
    const voided = all.filter((r) => r.status === 'voided');
    expect(sales.length).toBeGreaterThan(10);
    expect(refunds.length).toBeGreaterThan(3);
    expect(voided.length).toBeGreaterThan(1);

    const out = await t.must('reports:daySummary', { date });
    const gross = sum(sales, (r) => r.total);
    const refunded = 0 - sum(refunds, (r) => r.total);
    expect(out).toMatchObject({
      date,
      timeZone: 'Europe/London',
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-24T00:00:00.000Z',
      currency: 'GBP',
      salesCount: sales.length,
      gross,
      refundsCount: refunds.length,
      refunds: refunded,
      voidsCount: voided.length,
      voids: sum(voided, (r) => r.total),
      net: gross - refunded,
      discount: sum(completed, (r) => r.discount),
      tax: sum(completed, (r) => r.tax),
    });

    const tenders = rows<{ type: string; amount: number; n: number }>(
      t,
      `SELECT t.type, SUM(t.amount) AS amount, COUNT(*) AS n FROM sale_tenders t JOIN sales s ON s.id = t.sale_id
        WHERE s.status = 'completed' GROUP BY t.type ORDER BY t.type`,
    );
    expect(out.byTender).toEqual(
      tenders.map((x) => ({ type: x.type, amount: x.amount, count: x.n })),
    );
    expect(out.byTender.reduce((a, x) => a + x.amount, 0)).toBe(out.net);

    const staffIds = [...new Set(completed.map((r) => r.staff_id))];
    const byStaff = staffIds.map((id) => {
      const g = sum(
        sales.filter((r) => r.staff_id === id),
        (r) => r.total,
      );
      const rf =
        0 -
        sum(
          refunds.filter((r) => r.staff_id === id),
          (r) => r.total,
        );
      return {
        staffId: id,
        salesCount: sales.filter((r) => r.staff_id === id).length,
        gross: g,
        refunds: rf,
        net: g - rf,
      };
    });
    expect(
      [...out.byStaff].map(({ name: _n, ...rest }) => rest).sort((a, b) => a.staffId - b.staffId),
    ).toEqual(byStaff.sort((a, b) => a.staffId - b.staffId));
    expect(out.byStaff.find((x) => x.staffId === s.adminId)?.name).toBe(ADMIN.displayName);
    expect(out.byStaff.reduce((a, x) => a + x.net, 0)).toBe(out.net);
    // One till on its own file: one row, the whole day's figures under its name.
    expect(out.byTill).toEqual([
      {
        tillId: expect.any(Number),
        name: expect.any(String),
        salesCount: out.salesCount,
        gross: out.gross,
        refunds: out.refunds,
        net: out.net,
      },
    ]);

    // Another day is empty.
    expect(await t.must('reports:daySummary', { date: '2026-11-22' })).toMatchObject({
      salesCount: 0,
      gross: 0,
      net: 0,
      byTender: [],
      byStaff: [],
      byTill: [],
    });
    // The cashier cannot see reports.
    expect(resultCode(await t.call('reports:daySummary', { date }, CASHIER_W))).toBe('FORBIDDEN');
  });
});

describe('time: re-authentication, the next day, and the store time zone', () => {
  it('a void needs the password within 5 minutes, and only works on the day of the sale', async () => {
    const own = await shop();
    const c = own.t;
    try {
      const sale = await sell(
        c,
        [{ productId: own.products.tea, quantity: 1 }],
        [{ type: 'card', amount: 250 }],
      );
      c.clock.advanceMinutes(6);
      const footprint = salesFootprint(c);
      expect(resultCode(await c.call('sales:void', { id: sale.id, reason: 'Oops' }))).toBe(
        'REAUTH_REQUIRED',
      );
      expect(salesFootprint(c)).toEqual(footprint);
      await c.must('auth:reauthenticate', { password: ADMIN.password });
      expect((await c.must('sales:void', { id: sale.id, reason: 'Oops' })).status).toBe('voided');

      // A sale at 09:06 London time; the next local day starts at midnight UTC in November.
      const late = await sell(
        c,
        [{ productId: own.products.tea, quantity: 1 }],
        [{ type: 'card', amount: 250 }],
      );
      expect(late.voidable).toBe(true);
      c.clock.advance(Date.parse('2026-11-24T00:00:30.000Z') - c.clock.now().getTime());
      await c.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      expect((await c.must('sales:get', { id: late.id })).voidable).toBe(false);
      const r = await c.call('sales:void', { id: late.id, reason: 'Too late' });
      expect(resultCode(r)).toBe('VOID_NOT_ALLOWED');
      expect(r.ok ? '' : r.error.message).toMatch(/today/);
      expect((await c.must('sales:get', { id: late.id })).status).toBe('completed');
    } finally {
      await c.close();
    }
  });

  it('a sale at 03:00Z counts on the previous local day in New York', async () => {
    const c = await makeTestCore({ clock: new FakeClock(Date.parse('2026-11-24T03:00:00.000Z')) });
    try {
      await withAdmin(c);
      await c.must('settings:update', { timeZone: 'America/New_York' });
      const [tea] = insertProducts(c, [{ sku: 'TEA', name: 'Tea', price: 250 }]);
      const sale = await sell(
        c,
        [{ productId: tea!, quantity: 2 }],
        [{ type: 'cash', amount: 500 }],
      );
      const prev = await c.must('reports:daySummary', { date: '2026-11-23' });
      expect(prev).toMatchObject({
        timeZone: 'America/New_York',
        from: '2026-11-23T05:00:00.000Z',
        to: '2026-11-24T05:00:00.000Z',
        salesCount: 1,
        gross: sale.total,
        net: 500,
        byTender: [{ type: 'cash', amount: 500, count: 1 }],
      });
      expect(await c.must('reports:daySummary', { date: '2026-11-24' })).toMatchObject({
        salesCount: 0,
        gross: 0,
      });
      // Voidable: it is still the 23rd in New York.
      expect(sale.voidable).toBe(true);
    } finally {
      await c.close();
    }
  });
});

describe('sales:list', () => {
  let l: Shop;
  let all: Array<SaleRow & { customer_id: number | null; receipt_no: number }>;

  beforeAll(async () => {
    l = await shop();
    const c = l.t;
    // 120 sales over two hours, several per minute (equal times are ordered by id), by two members,
    // some with a customer; then a few voids and refunds.
    for (let i = 0; i < 120; i += 1) {
      if (i % 3 === 0) c.clock.advanceMinutes(1);
      await sell(
        c,
        [{ productId: l.products.tea, quantity: 1 + (i % 4) }],
        [{ type: 'cash', amount: 5000 }],
        i % 5 === 0
          ? { customerId: l.customer }
          : i % 7 === 0
            ? { customerId: l.otherCustomer }
            : {},
        i % 2 === 0 ? ADMIN_W : CASHIER_W,
      );
    }
    await c.must('auth:reauthenticate', { password: ADMIN.password });
    for (const id of [3, 17, 64]) await c.must('sales:void', { id, reason: 'Test void' });
    for (const id of [5, 40]) {
      const sale = await c.must('sales:get', { id });
      await c.must('sales:refund', {
        saleId: id,
        refundId: randomUUID(),
        lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }],
        tender: 'cash',
        reason: 'Returned',
      });
    }
    all = rows(
      l.t,
      'SELECT id, kind, status, staff_id, customer_id, receipt_no, total, discount, tax, created_at FROM sales',
    );
    all.sort((a, b) =>
      a.created_at === b.created_at ? b.id - a.id : a.created_at < b.created_at ? 1 : -1,
    );
  });

  afterAll(async () => {
    await l?.t.close();
  });

  /** Every page of the list with `filter`, 50 at a time, following the cursor. */
  async function pages(filter: Omit<ChannelInput<'sales:list'>, 'cursor' | 'limit'>, limit = 50) {
    const ids: number[] = [];
    let cursor: ChannelInput<'sales:list'>['cursor'];
    let n = 0;
    for (;;) {
      const page = await l.t.must('sales:list', {
        ...filter,
        limit,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((x) => x.id));
      n += 1;
      if (!page.nextCursor) break;
      expect(page.items).toHaveLength(limit);
      cursor = page.nextCursor;
      expect(n).toBeLessThan(20);
    }
    return { ids, pageCount: n };
  }

  it('pages 122 rows newest first, 50 at a time, with no duplicates and no gaps', async () => {
    expect(all).toHaveLength(122);
    const { ids, pageCount } = await pages({});
    expect(pageCount).toBe(3);
    expect(ids).toEqual(all.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    const first = await l.t.must('sales:list', { limit: 3 });
    expect(first.items[0]).toMatchObject({ id: all[0]!.id, tillName: 'till-1', currency: 'GBP' });
  });

  it.each<
    [
      string,
      (x: Shop) => Omit<ChannelInput<'sales:list'>, 'cursor' | 'limit'>,
      (r: (typeof all)[number], x: Shop) => boolean,
    ]
  >([
    ['staff', (x) => ({ staffId: x.cashierId }), (r, x) => r.staff_id === x.cashierId],
    ['customer', (x) => ({ customerId: x.customer }), (r, x) => r.customer_id === x.customer],
    ['status voided', () => ({ status: 'voided' }), (r) => r.status === 'voided'],
    ['status completed', () => ({ status: 'completed' }), (r) => r.status === 'completed'],
    ['kind refund', () => ({ kind: 'refund' }), (r) => r.kind === 'refund'],
    ['receipt number', () => ({ receiptNo: 42 }), (r) => r.receipt_no === 42],
    ['business day', () => ({ fromDay: '2026-11-23', toDay: '2026-11-23' }), () => true],
    [
      'staff and kind together',
      (x) => ({ staffId: x.adminId, kind: 'sale', status: 'completed' }),
      (r, x) => r.staff_id === x.adminId && r.kind === 'sale' && r.status === 'completed',
    ],
  ])('filters by %s', async (_name, filter, keep) => {
    const expected = all.filter((r) => keep(r, l)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    const { ids } = await pages(filter(l), 7);
    expect(ids).toEqual(expected);
  });
});

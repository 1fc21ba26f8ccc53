/**
 * The cashier's day, end to end in Chromium with a real core behind `window.api`:
 * 1. a cashier scans two products by barcode, searches a third and attaches a customer;
 * 2. pays part by card and part in cash and sees the right change;
 * 3. the receipt shows the right totals;
 * 4. a manager refunds one line;
 * 5. the transactions screen and the day summary show both, and the customer page the net spend.
 * Screenshots: checkout, payment, receipt, transactions, refund, day summary, customers.
 *
 * The shop's data (products, a customer, the staff) is set up through the same channels the
 * screens use; everything the test asserts on screen is also checked against the core.
 */
import type { Locator, Page } from 'playwright-core';
import type { SaleDetail, SaleSummary } from '../../shared/contract';
import { ADMIN } from '../helpers/core';
import { useTwoWindows, visible, gone, type KassaPage } from './harness';

const CASHIER = {
  username: 'cora',
  email: 'cora@shop.test',
  displayName: 'Cora Cashier',
  password: 'paper bags and string',
};
const MANAGER = {
  username: 'max',
  email: 'max@shop.test',
  displayName: 'Max Manager',
  password: 'the float is forty pounds',
};
const MUG = { sku: 'MUG-01', barcode: '5012345678900', name: 'Enamel Mug', price: 450 };
const TOWEL = { sku: 'TT-02', barcode: '5012345678917', name: 'Tea Towel', price: 650 };
const LANTERN = { sku: 'LAN-03', name: 'Paper Lantern', price: 1299 };
const WICK = { sku: 'LAN-04', name: 'Lantern Wick (pack of 3)', price: 199 };
const CUSTOMER = { name: 'Maria Lopez', email: 'maria.lopez@example.com', phone: '07700 900123' };

/** £ with two decimals, as the screens format GBP in an English locale. */
const gbp = (minor: number) => `£${(minor / 100).toFixed(2)}`;

/** Calls a channel from the page, as the screens do, and unwraps the result. */
async function api<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const r = (await page.evaluate(
    ([c, i]) => (window.api as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c]!(i),
    [channel, input] as const,
  )) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`);
  return r.data as T;
}

async function signIn(w: KassaPage, who: { username: string; password: string }) {
  const page = w.page;
  await visible(page.getByRole('heading', { name: 'Sign in' }));
  await page.getByLabel('Username or email').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.keyboard.press('Enter');
  await visible(page.getByRole('navigation', { name: 'Main' }));
}

async function go(page: Page, screen: string) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: screen })
    .click();
}

/** The text of the `<dd>` right after the `<dt>` whose whole text is `label`, inside `scope`. */
async function figure(scope: Locator, label: string): Promise<string> {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const dd = scope
    .locator('dt')
    .filter({ hasText: exact })
    .first()
    .locator('xpath=following-sibling::dd[1]');
  return ((await dd.textContent()) ?? '').trim();
}

describe("the cashier's day: scan, search, customer, split tender, receipt, refund, reports", () => {
  const w = useTwoWindows({ firstScreenshot: 21 });
  let saleId = 0;
  let sale: SaleDetail;

  it('0. the admin sets up the shop: store name, products, a customer, a cashier and a manager', async () => {
    const page = w.admin.page;
    // Both windows live on the core's (fake) day, so "today" means the same day everywhere.
    for (const p of [w.admin.page, w.member.page]) await p.clock.setFixedTime(w.h.clock.now());
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await api(page, 'setup:createAdmin', ADMIN);
    await api(page, 'settings:update', { storeName: 'Corner Shop' });
    for (const p of [MUG, TOWEL, LANTERN, WICK])
      await api(page, 'products:create', { ...p, taxRateBps: 2000 });
    await api(page, 'customers:create', CUSTOMER);

    // The cashier and the manager ask for access; the admin approves, and promotes the manager.
    const anonymous = { origin: w.h.origin, isTopFrame: true, windowId: 90 };
    for (const m of [CASHIER, MANAGER]) {
      const r = await w.h.core.invoke('auth:requestAccess', m, anonymous);
      expect(r.ok).toBe(true);
      const list = await api<{ items: { id: number }[] }>(page, 'staff:list', {
        status: 'pending',
        search: m.username,
      });
      await api(page, 'staff:approve', { id: list.items[0]!.id });
      if (m === MANAGER) {
        await api(page, 'auth:reauthenticate', { password: ADMIN.password });
        await api(page, 'staff:setRole', { id: list.items[0]!.id, role: 'manager' });
      }
    }
    await api(page, 'auth:logout');
  });

  it('1. the cashier scans two products by barcode, searches a third and attaches a customer', async () => {
    const page = w.member.page;
    await w.member.open();
    await signIn(w.member, CASHIER);
    // Checkout is the cashier's first screen, with the scan field focused.
    const scan = await visible(page.getByRole('combobox', { name: 'Scan or search products' }));
    await expect.poll(() => scan.evaluate((el) => el === document.activeElement)).toBe(true);
    const cart = page.getByRole('table', { name: 'Cart' });

    // A scanner types the code and Enter.
    await page.keyboard.type(MUG.barcode, { delay: 5 });
    await page.keyboard.press('Enter');
    await visible(cart.getByRole('row').filter({ hasText: MUG.name }));
    await page.keyboard.type(TOWEL.barcode, { delay: 5 });
    await page.keyboard.press('Enter');
    await visible(cart.getByRole('row').filter({ hasText: TOWEL.name }));

    // A name search lists both lanterns; the cashier picks the paper lantern.
    await scan.fill('lantern');
    const results = await visible(page.getByRole('listbox', { name: 'Matching products' }));
    await expect.poll(() => results.getByRole('option').count()).toBe(2);
    await results.getByRole('option').filter({ hasText: LANTERN.name }).click();
    await visible(cart.getByRole('row').filter({ hasText: LANTERN.name }));
    expect(await cart.getByRole('row').filter({ hasText: WICK.name }).count()).toBe(0);

    // Attach the customer by searching part of the surname.
    const picker = page.getByRole('combobox', { name: 'Customer', exact: true });
    await picker.click();
    await picker.fill('lope');
    await page.getByRole('option', { name: CUSTOMER.name }).click();
    await visible(page.getByText(`Attached: ${CUSTOMER.name}`));

    const total = MUG.price + TOWEL.price + LANTERN.price;
    await expect
      .poll(async () => (await page.getByLabel('Total due').textContent())?.trim())
      .toBe(gbp(total));
    await w.h.screenshot(w.member, 'checkout');
  });

  it('2. they pay part by card and part in cash, and see the right change', async () => {
    const page = w.member.page;
    const total = MUG.price + TOWEL.price + LANTERN.price; // 2,399
    await page.getByRole('button', { name: 'Pay' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Take payment' }));
    await dialog.getByLabel('Amount').fill('15.00');
    await dialog.getByRole('button', { name: 'Card' }).click();
    await expect
      .poll(async () => (await dialog.getByLabel('Remaining due').textContent())?.trim())
      .toBe(gbp(total - 1500));
    // The customer hands over a £20 note for the rest.
    await dialog.getByRole('button', { name: '£20 in cash' }).click();
    await expect
      .poll(async () => (await dialog.getByLabel('Remaining due').textContent())?.trim())
      .toBe(gbp(0));
    expect(await figure(dialog, 'Change due')).toBe(gbp(1500 + 2000 - total)); // £11.01
    await w.h.screenshot(w.member, 'payment');
    await dialog.getByRole('button', { name: 'Complete sale' }).click();
    await gone(page.getByRole('dialog', { name: 'Take payment' }));
  });

  it('3. the receipt shows the right totals', async () => {
    const page = w.member.page;
    const receipt = await visible(page.getByRole('region', { name: 'Receipt' }));
    const list = await api<{ items: { id: number }[] }>(page, 'sales:list', { limit: 5 });
    expect(list.items).toHaveLength(1);
    saleId = list.items[0]!.id;
    sale = await api<SaleDetail>(page, 'sales:get', { id: saleId });
    // What the core wrote: priced by the core, tax included at 20 %, card + cash with change.
    expect(sale).toMatchObject({
      kind: 'sale',
      status: 'completed',
      receiptNo: 1,
      subtotal: 2399,
      discount: 0,
      total: 2399,
      customer: { name: CUSTOMER.name },
      staff: { name: CASHIER.displayName },
    });
    // Per line, gross − round(gross ÷ 1.2) (M3): 450 → 75, 650 → 108, 1299 → 216.
    expect(sale.tax).toBe(75 + 108 + 216);
    expect(sale.tenders).toEqual([
      { type: 'card', amount: 1500, tendered: null, change: null },
      { type: 'cash', amount: 899, tendered: 2000, change: 1101 },
    ]);

    const text = (await receipt.textContent()) ?? '';
    expect(text).toContain('Corner Shop');
    expect(text).toContain('Receipt #1');
    expect(text).toContain(`Customer: ${CUSTOMER.name}`);
    expect(text).toContain(`Served by ${CASHIER.displayName}`);
    for (const p of [MUG, TOWEL, LANTERN]) {
      const line = receipt.getByRole('listitem').filter({ hasText: p.name });
      expect(await line.textContent()).toContain(`1 × ${gbp(p.price)}`);
    }
    expect(await figure(receipt, 'Subtotal')).toBe(gbp(2399));
    expect(await figure(receipt, 'Tax (incl.)')).toBe(gbp(sale.tax));
    expect(await figure(receipt, 'Total')).toBe(gbp(2399));
    expect(await figure(receipt, 'Card')).toBe(gbp(1500));
    expect(await figure(receipt, 'Cash tendered £20.00')).toBe(gbp(899));
    expect(((await receipt.locator('.k-receipt-change').textContent()) ?? '').trim()).toMatch(
      /Change due\s*£11\.01/,
    );
    await w.h.screenshot(w.member, 'receipt');

    // Enter starts the next sale with an empty cart.
    await page.keyboard.press('Enter');
    await visible(page.getByRole('combobox', { name: 'Scan or search products' }));
    expect(await page.getByRole('table', { name: 'Cart' }).getByText(MUG.name).count()).toBe(0);
  });

  it('4. a manager refunds one line from the transactions screen', async () => {
    const page = w.admin.page;
    await page.reload();
    await signIn(w.admin, MANAGER);
    await go(page, 'Transactions');
    const table = await visible(page.getByRole('table', { name: 'Transactions' }));
    await table.getByRole('button', { name: /^Open receipt 1 / }).click();
    const detail = await visible(page.getByRole('region', { name: 'Sale detail' }));
    await visible(detail.getByText(CUSTOMER.name));
    await detail.getByRole('button', { name: 'Refund' }).click();

    const dialog = await visible(page.getByRole('dialog', { name: 'Refund' }));
    await dialog.getByLabel(`Refund quantity of ${TOWEL.name}`).fill('1');
    await dialog.getByLabel('Reason').fill('Stained in the packet');
    await expect
      .poll(async () =>
        (await dialog.getByRole('group', { name: 'Estimated refund' }).textContent())?.includes(
          gbp(TOWEL.price),
        ),
      )
      .toBe(true);
    await w.h.screenshot(w.admin, 'refund');
    await dialog.getByRole('button', { name: 'Refund now' }).click();
    await gone(page.getByRole('dialog', { name: 'Refund' }));
    const toast = await visible(page.getByText('Refund #2 recorded: £6.50 back by card.'));
    await page.getByRole('button', { name: 'Dismiss notification' }).click();
    await gone(toast);

    // The core holds a linked refund of exactly that line.
    const after = await api<SaleDetail>(page, 'sales:get', { id: saleId });
    expect(after.refunds).toHaveLength(1);
    const refund = await api<SaleDetail>(page, 'sales:get', { id: after.refunds[0]!.id });
    expect(refund).toMatchObject({
      kind: 'refund',
      total: -TOWEL.price,
      refundOf: { id: saleId },
      staff: { name: MANAGER.displayName },
      customer: { name: CUSTOMER.name },
    });
    expect(refund.lines.map((l) => [l.description, l.quantity, l.total])).toEqual([
      [TOWEL.name, -1, -TOWEL.price],
    ]);
  });

  it('5. the transactions screen and the day summary show the sale and the refund', async () => {
    const page = w.admin.page;
    const table = page.getByRole('table', { name: 'Transactions' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    const rows = (await table.locator('tbody tr').allTextContents()).map((t) =>
      t.replace(/\s+/g, ' '),
    );
    // Newest first: the refund (#2 on this till), then the sale (#1); beside the open sale the
    // list is compact (time, receipt, kind, total).
    expect(rows[0]).toMatch(/#2.*Refund.*[-−]£6\.50/);
    expect(rows[1]).toMatch(/#1.*Sale.*£23\.99/);
    const listed = await api<{ items: SaleSummary[] }>(page, 'sales:list', { limit: 50 });
    expect(
      listed.items.map((s) => [s.receiptNo, s.kind, s.staff.name, s.customer?.name, s.total]),
    ).toEqual([
      [2, 'refund', MANAGER.displayName, CUSTOMER.name, -TOWEL.price],
      [1, 'sale', CASHIER.displayName, CUSTOMER.name, 2399],
    ]);
    await table.getByRole('button', { name: /^Open receipt 1 / }).click();
    const detail = await visible(page.getByRole('region', { name: 'Sale detail' }));
    await visible(detail.getByRole('list', { name: 'Refunds' }));
    await w.h.screenshot(w.admin, 'transactions');

    await go(page, 'Reports');
    await visible(page.getByRole('heading', { name: 'Day summary' }));
    const fig = async (label: string) =>
      (await page.getByRole('group', { name: label, exact: true }).textContent()) ?? '';
    await expect.poll(() => fig('Sales count')).toContain('1');
    expect(await fig('Gross')).toContain(gbp(2399));
    expect(await fig('Refunds')).toContain(gbp(650));
    expect(await fig('Voids')).toContain(gbp(0));
    expect(await fig('Net')).toContain(gbp(2399 - 650));
    const byStaff = page.getByRole('table', { name: 'By staff' });
    await visible(byStaff.getByRole('row').filter({ hasText: CASHIER.displayName }));
    await visible(byStaff.getByRole('row').filter({ hasText: MANAGER.displayName }));
    // By tender, net of the refund, which went back to the card (the sale's first tender).
    const byTender = page.getByRole('table', { name: 'By tender' });
    const tenderRow = async (name: string) =>
      ((await byTender.getByRole('row').filter({ hasText: name }).textContent()) ?? '').trim();
    expect(await tenderRow('Card')).toContain(gbp(1500 - TOWEL.price));
    expect(await tenderRow('Cash')).toContain(gbp(899));
    // The same figures from the core.
    const summary = await api<{ salesCount: number; gross: number; refunds: number; net: number }>(
      page,
      'reports:daySummary',
      { date: '2026-11-23' },
    );
    expect(summary).toMatchObject({ salesCount: 1, gross: 2399, refunds: 650, net: 1749 });
    await w.h.screenshot(w.admin, 'day-summary');
  });

  it("6. the customer's page shows the purchase history and the net lifetime spend", async () => {
    const page = w.admin.page;
    await go(page, 'Customers');
    await page.getByLabel('Search customers').fill('maria');
    const table = await visible(page.getByRole('table', { name: 'Customers' }));
    await table.getByRole('button', { name: CUSTOMER.name }).click();
    const panel = await visible(page.getByRole('region', { name: 'Customer' }));
    await expect
      .poll(async () => await panel.getByRole('group', { name: 'Lifetime spend' }).textContent())
      .toContain(gbp(2399 - 650));
    const history = panel.getByRole('table', { name: 'Purchase history' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    await w.h.screenshot(w.admin, 'customers');
  });
});

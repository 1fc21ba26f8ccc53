/**
 * Shared plumbing for the checkout end-to-end tests (checkout-scanning, busy-hour): a shop set up
 * through the core's own channels, a cashier signed in through the sign-in screen, and scanner
 * typing at a chosen speed.
 *
 * `KASSA_E2E_BUNDLE=/path/to/dist` serves another renderer build (for example one built from an
 * older commit) so a test can be shown to fail on the old code.
 */
import type { Page } from 'playwright-core';
import type { SaleDetail } from '../../shared/contract';
import { ADMIN } from '../helpers/core';
import { type Harness, type KassaPage, startHarness, visible } from './harness';

export const CASHIER = {
  username: 'cora',
  email: 'cora@shop.test',
  displayName: 'Cora Cashier',
  password: 'paper bags and string',
};

export interface ShopProduct {
  sku: string;
  barcode: string;
  name: string;
  /** Minor units, tax included. */
  price: number;
}

/** Twelve products with EAN-13 barcodes, £0.99 … £24.50. */
export const PRODUCTS: ShopProduct[] = [
  { sku: 'MUG-01', barcode: '5012345678900', name: 'Enamel Mug', price: 450 },
  { sku: 'TT-02', barcode: '5012345678917', name: 'Tea Towel', price: 650 },
  { sku: 'LAN-03', barcode: '5012345678924', name: 'Paper Lantern', price: 1299 },
  { sku: 'WCK-04', barcode: '5012345678931', name: 'Lantern Wick', price: 199 },
  { sku: 'CAN-05', barcode: '5012345678948', name: 'Beeswax Candle', price: 875 },
  { sku: 'SOA-06', barcode: '5012345678955', name: 'Olive Soap', price: 325 },
  { sku: 'NOT-07', barcode: '5012345678962', name: 'Notebook A5', price: 599 },
  { sku: 'PEN-08', barcode: '5012345678979', name: 'Fountain Pen', price: 2450 },
  { sku: 'INK-09', barcode: '5012345678986', name: 'Ink Bottle', price: 799 },
  { sku: 'CRD-10', barcode: '5012345678993', name: 'Greeting Card', price: 99 },
  { sku: 'TAP-11', barcode: '5012345679006', name: 'Washi Tape', price: 250 },
  { sku: 'BAG-12', barcode: '5012345679013', name: 'Jute Bag', price: 1150 },
];

/** A code no product has. */
export const UNKNOWN_CODE = '4006381333931';

/** £ with two decimals and thousands separators, as the screens format GBP in en-GB. */
export const gbp = (minor: number) =>
  `£${(minor / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const BACKSTAGE = 99;

/** Calls a channel as the admin in a window of its own (not a browser page). */
export async function asAdmin<T>(h: Harness, channel: string, input?: unknown): Promise<T> {
  const r = await h.core.invoke(channel, input, {
    origin: h.origin,
    isTopFrame: true,
    windowId: BACKSTAGE,
  });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/**
 * Starts a harness with the shop set up: the admin, {@link PRODUCTS} at 20 % tax included,
 * and an approved cashier, {@link CASHIER}.
 */
export async function startShop(): Promise<Harness> {
  const bundle = process.env.KASSA_E2E_BUNDLE;
  const h = await startHarness(bundle ? { bundleRoot: bundle } : {});
  await asAdmin(h, 'setup:createAdmin', ADMIN);
  await asAdmin(h, 'auth:login', { identifier: ADMIN.username, password: ADMIN.password });
  await asAdmin(h, 'settings:update', { storeName: 'Corner Shop' });
  for (const p of PRODUCTS) await asAdmin(h, 'products:create', { ...p, taxRateBps: 2000 });
  const anonymous = { origin: h.origin, isTopFrame: true, windowId: 98 };
  const r = await h.core.invoke('auth:requestAccess', CASHIER, anonymous);
  if (!r.ok) throw new Error(`auth:requestAccess: ${r.error.code}`);
  const list = await asAdmin<{ items: { id: number }[] }>(h, 'staff:list', {
    status: 'pending',
    search: CASHIER.username,
  });
  await asAdmin(h, 'staff:approve', { id: list.items[0]!.id });
  return h;
}

/**
 * Empties the till's cart in progress, as the admin (take over, then save an empty cart): the
 * cart is kept in the database (item 4), so a test that leaves a sale open would otherwise hand
 * it to the next window on this till.
 */
export async function emptyTillCart(h: Harness): Promise<void> {
  const till = await asAdmin<{ version: number; cart: { lines: unknown[] } }>(h, 'cart:get');
  if (till.cart.lines.length === 0) return;
  const mine = await asAdmin<{ version: number }>(h, 'cart:takeOver', { version: till.version });
  await asAdmin(h, 'cart:save', {
    cart: { lines: [], customerId: null },
    version: mine.version,
  });
}

/** Opens a window and signs the cashier in through the sign-in screen; returns at checkout. */
export async function cashierWindow(h: Harness): Promise<KassaPage> {
  const w = await h.newPage();
  await w.page.clock.setFixedTime(h.clock.now());
  await w.open();
  const page = w.page;
  await visible(page.getByRole('heading', { name: 'Sign in' }));
  await page.getByLabel('Username or email').fill(CASHIER.username);
  await page.getByLabel('Password', { exact: true }).fill(CASHIER.password);
  await page.keyboard.press('Enter');
  await visible(scanField(page));
  return w;
}

export function scanField(page: Page) {
  return page.getByRole('combobox', { name: 'Scan or search products' });
}

/** A scanner: the code's characters `delay` ms apart (0: as fast as the browser takes them), then Enter. */
export async function scan(page: Page, code: string, delay: number): Promise<void> {
  await page.keyboard.type(code, { delay });
  await page.keyboard.press('Enter', { delay: 0 });
}

/** Cart rows as { name, quantity }, in cart order. */
export async function cartLines(page: Page): Promise<Array<{ name: string; quantity: number }>> {
  const cart = page.getByRole('table', { name: 'Cart' });
  if ((await cart.count()) === 0) return [];
  return cart.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      name: (r.querySelector('.k-co-line-name')?.textContent ?? '').trim(),
      quantity: Number((r.querySelector('input[data-line]') as HTMLInputElement | null)?.value),
    })),
  );
}

/** Expected cart for a list of scanned barcodes: one line per product in first-scan order. */
export function expectedLines(codes: string[]): Array<{ name: string; quantity: number }> {
  const lines: Array<{ name: string; quantity: number }> = [];
  for (const code of codes) {
    const p = PRODUCTS.find((x) => x.barcode === code)!;
    const line = lines.find((l) => l.name === p.name);
    if (line) line.quantity++;
    else lines.push({ name: p.name, quantity: 1 });
  }
  return lines;
}

/** The newest sales, as the core recorded them. */
export async function latestSales(h: Harness, limit: number): Promise<SaleDetail[]> {
  const list = await asAdmin<{ items: { id: number }[] }>(h, 'sales:list', { limit });
  const out: SaleDetail[] = [];
  for (const s of list.items) out.push(await asAdmin<SaleDetail>(h, 'sales:get', { id: s.id }));
  return out;
}

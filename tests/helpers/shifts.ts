/**
 * A shop for the shift tests (issue 10, section 1): "sales need an open shift" left ON, an admin
 * (window 1), a manager (window 2, cash.manage, cash.noSale, reports.view) and a cashier (window 3,
 * sales.create and shifts.close only), three products; and cash counts made from amounts.
 */
import { defaultDenominations, type DenominationCount } from '../../shared/denominations';
import type { CoreOptions } from '../../electron/core/types';
import type { FakeClock, TestCore } from './core';
import { insertProducts } from './retail';
import { staffedShop } from './staffed-shop';

export { ADMIN_W, CASHIER_W, MANAGER_W } from './staffed-shop';

export interface Shop {
  t: TestCore;
  products: { tea: number; cake: number; zero: number };
  cashierId: number;
  managerId: number;
}

export async function shiftShop(
  opts: {
    dir?: string;
    clock?: FakeClock;
    printing?: CoreOptions['printing'];
    /** The browser engine for PDFs (receipts, Z reports); none by default. */
    receiptPdf?: CoreOptions['receiptPdf'];
  } = {},
): Promise<Shop> {
  const { t, managerId, cashierId } = await staffedShop({ ...opts, requireOpenShift: true });
  const [tea, cake, zero] = insertProducts(t, [
    { sku: 'TEA', name: 'Tea', price: 250 },
    { sku: 'CAKE', name: 'Cake', price: 333, taxRateBps: 500 },
    { sku: 'ZERO', name: 'Untaxed', price: 199, taxRateBps: 0 },
  ]) as number[];
  return { t, products: { tea: tea!, cake: cake!, zero: zero! }, cashierId, managerId };
}

/** `amount` (minor units) counted greedily in the currency's default notes and coins. */
export function countOf(amount: number, currency = 'GBP'): DenominationCount[] {
  let left = amount;
  const count: DenominationCount[] = [];
  for (const d of defaultDenominations(currency)) {
    const quantity = Math.floor(left / d.value);
    if (quantity > 0) count.push({ value: d.value, quantity });
    left -= quantity * d.value;
  }
  if (left !== 0) throw new Error(`${amount} cannot be counted in ${currency}`);
  return count;
}

/**
 * The tax summary a receipt prints (issue 8, item 17): per tax rate, the net amount, the tax and
 * the gross, as VAT receipts in the UK and the EU show them. Sums of the recorded lines only, in
 * minor units, so the rows add up to the sale's tax and total exactly (M3): a line's total is what
 * the customer pays for it, tax included in either tax mode, so net = total − tax.
 */
import type { SaleDetail } from '../contract';

export interface TaxRow {
  /** Basis points (20 % = 2000). */
  rateBps: number;
  net: number;
  tax: number;
  gross: number;
}

/** One row per tax rate on the sale, highest rate first. */
export function taxBreakdown(lines: SaleDetail['lines']): TaxRow[] {
  const byRate = new Map<number, TaxRow>();
  for (const l of lines) {
    const row = byRate.get(l.taxRateBps) ?? { rateBps: l.taxRateBps, net: 0, tax: 0, gross: 0 };
    row.tax += l.tax;
    row.gross += l.total;
    row.net = row.gross - row.tax;
    byRate.set(l.taxRateBps, row);
  }
  return [...byRate.values()].sort((a, b) => b.rateBps - a.rateBps);
}

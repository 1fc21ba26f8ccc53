/**
 * Shared pieces of the analytics reports (issue 11, section 4): the header figures summed from a
 * rollup table, turned into the contract's SalesFigures (net, average basket, items per sale),
 * and the previous period of a range. Definitions: shared/contract/analytics.ts.
 */
import { DateTime } from 'luxon';
import type { SalesFigures } from '../../../shared/contract';

/** SELECT list summing the header figures of a rollup table (alias `r`). */
export const HEADER_SUMS = [
  'sales_count',
  'refunds_count',
  'voids_count',
  'items',
  'gross',
  'refunds',
  'voids',
  'discounts',
  'tax',
]
  .map((f) => `COALESCE(SUM(r.${f}), 0) AS ${f}`)
  .join(', ');

export type Row = Record<string, string | number | null>;

/** A summed column as a number (PostgreSQL answers bigint sums as strings). */
export function num(row: Row | undefined, column: string): number {
  return Number(row?.[column] ?? 0);
}

/** Rounds half away from zero: money divided by a count. */
export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** SalesFigures from a row of HEADER_SUMS. */
export function salesFigures(row: Row | undefined): SalesFigures {
  const salesCount = num(row, 'sales_count');
  const items = num(row, 'items');
  const gross = num(row, 'gross');
  const refunds = num(row, 'refunds');
  const net = gross - refunds;
  return {
    salesCount,
    refundsCount: num(row, 'refunds_count'),
    voidsCount: num(row, 'voids_count'),
    items,
    gross,
    refunds,
    voids: num(row, 'voids'),
    net,
    discounts: num(row, 'discounts'),
    tax: num(row, 'tax'),
    averageBasket: salesCount === 0 ? 0 : roundHalfAway(net / salesCount),
    itemsPerSale: salesCount === 0 ? 0 : Math.round((items / salesCount) * 100) / 100,
  };
}

/** The `days` business days ending the day before `from`: the previous period of equal length. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const days = Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(start, 'days').days) + 1;
  return {
    from: start.minus({ days }).toISODate()!,
    to: start.minus({ days: 1 }).toISODate()!,
  };
}

/** Every business day from `from` to `to`, both included, in order (UTC date arithmetic). */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * What sold and what it was taxed at, over a range of business days (issue 11, section 4): top
 * products by net revenue or net quantity, and the tax report by rate. From the rollups (per
 * month × product and per day × product, see productParts; per day × tax rate) on their primary
 * keys.
 */
import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { run } from '../db/sql';
import { num, type Row } from './report-figures';

const FIGURES = ['quantity', 'refunded_quantity', 'gross', 'refunds', 'discounts', 'tax'];

/** A slice of the product rollups to add (sign 1) or take away (−1): days, or whole months. */
interface Part {
  table: 'rollup_products' | 'rollup_product_months';
  from: string;
  to: string;
  sign: 1 | -1;
}

const iso = (d: DateTime) => d.toISODate()!;

/**
 * The range as few rollup rows as possible: the whole months inside it from the monthly table,
 * and each end's days from the daily table, or, when that is shorter, the end's whole month less
 * the days outside the range.
 */
export function productParts(from: string, to: string): Part[] {
  const parts: Part[] = [];
  const days = (a: DateTime, b: DateTime, sign: 1 | -1) =>
    parts.push({ table: 'rollup_products', from: iso(a), to: iso(b), sign });
  const segment = (a: DateTime, b: DateTime) => {
    const first = a.startOf('month');
    const last = a.endOf('month').startOf('day');
    const inside = b.diff(a, 'days').days + 1;
    if (last.diff(first, 'days').days + 1 - inside >= inside) return days(a, b, 1);
    const month = iso(a).slice(0, 7);
    parts.push({ table: 'rollup_product_months', from: month, to: month, sign: 1 });
    if (a > first) days(first, a.minus({ days: 1 }), -1);
    if (b < last) days(b.plus({ days: 1 }), last, -1);
  };
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  if (from.slice(0, 7) === to.slice(0, 7)) {
    segment(start, end);
    return parts;
  }
  segment(start, start.endOf('month').startOf('day'));
  const firstMid = start.plus({ months: 1 }).startOf('month');
  const lastMid = end.startOf('month').minus({ months: 1 });
  if (firstMid <= lastMid)
    parts.push({
      table: 'rollup_product_months',
      from: iso(firstMid).slice(0, 7),
      to: iso(lastMid).slice(0, 7),
      sign: 1,
    });
  segment(end.startOf('month'), end);
  return parts;
}

/** UNION ALL of the parts, figures signed. */
function productSources(parts: readonly Part[]): string {
  return parts
    .map(
      (p) =>
        `SELECT product_id, ${FIGURES.map((f) => `${p.sign} * ${f} AS ${f}`).join(', ')}
           FROM ${p.table} WHERE ${p.table === 'rollup_products' ? 'business_date' : 'month'} BETWEEN ? AND ?`,
    )
    .join(' UNION ALL ');
}

/** `analytics:topProducts`: ties by product id; products with no activity in the range left out. */
export async function topProducts(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:topProducts'>,
  currency: string,
): Promise<ChannelOutput<'analytics:topProducts'>> {
  const order = input.by === 'quantity' ? 'quantity' : 'net';
  const parts = productParts(input.from, input.to);
  const rows = await run<Row>(
    em,
    `SELECT t.product_id, p.sku, p.name, t.quantity, t.gross, t.refunds, t.net, t.discounts, t.tax
       FROM (SELECT r.product_id, SUM(r.quantity) - SUM(r.refunded_quantity) AS quantity,
               SUM(r.gross) AS gross, SUM(r.refunds) AS refunds,
               SUM(r.gross) - SUM(r.refunds) AS net, SUM(r.discounts) AS discounts,
               SUM(r.tax) AS tax,
               SUM(r.quantity) + SUM(r.refunded_quantity) AS moved
             FROM (${productSources(parts)}) r GROUP BY r.product_id) t
       JOIN products p ON p.id = t.product_id
       WHERE t.moved <> 0
       ORDER BY t.${order} DESC, t.product_id LIMIT ?`,
    [...parts.flatMap((p) => [p.from, p.to]), input.limit],
  );
  return {
    currency,
    products: rows.map((r) => ({
      productId: num(r, 'product_id'),
      sku: String(r.sku),
      name: String(r.name),
      quantity: num(r, 'quantity'),
      gross: num(r, 'gross'),
      refunds: num(r, 'refunds'),
      net: num(r, 'net'),
      discounts: num(r, 'discounts'),
      tax: num(r, 'tax'),
    })),
  };
}

/** `analytics:taxReport`: gross = Σ line totals (tax included), net = gross − tax. */
export async function taxReport(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:taxReport'>,
  currency: string,
): Promise<ChannelOutput<'analytics:taxReport'>> {
  const rows = await run<Row>(
    em,
    `SELECT r.tax_rate_bps, SUM(r.total) AS gross, SUM(r.tax) AS tax
       FROM rollup_tax_rates r WHERE r.business_date BETWEEN ? AND ?
       GROUP BY r.tax_rate_bps ORDER BY r.tax_rate_bps`,
    [input.from, input.to],
  );
  const rates = rows.map((r) => {
    const gross = num(r, 'gross');
    const tax = num(r, 'tax');
    return { taxRateBps: num(r, 'tax_rate_bps'), net: gross - tax, tax, gross };
  });
  const sum = (f: 'net' | 'tax' | 'gross') => rates.reduce((a, r) => a + r[f], 0);
  return { currency, rates, totals: { net: sum('net'), tax: sum('tax'), gross: sum('gross') } };
}

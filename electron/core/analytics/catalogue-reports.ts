/**
 * What sold and what it was taxed at, over a range of business days (issue 11, section 4): top
 * products by net revenue, net quantity or margin (optionally within a category), and the tax
 * report by rate. From the rollups (per month × product and per day × product, see productParts;
 * per day × tax rate) on their primary keys; margin as defined in rollup-sql.ts.
 */
import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { run } from '../db/sql';
import { num, type Row } from './report-figures';

const FIGURES = [
  'quantity',
  'refunded_quantity',
  'gross',
  'refunds',
  'discounts',
  'tax',
  'cost',
  'costed_net',
];

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

/** UNION ALL of the parts, figures signed; its parameters are each part's from and to. */
export function productSources(parts: readonly Part[]): string {
  return parts
    .map(
      (p) =>
        `SELECT product_id, ${FIGURES.map((f) => `${p.sign} * ${f} AS ${f}`).join(', ')}
           FROM ${p.table} WHERE ${p.table === 'rollup_products' ? 'business_date' : 'month'} BETWEEN ? AND ?`,
    )
    .join(' UNION ALL ');
}

/**
 * A top list's range as SQL: `t`, the figures per product (quantity net of refunds, gross,
 * refunds, net, discounts, tax, cost, costed_net, margin; `moved` ≠ 0 when anything was sold or
 * refunded), joined to `products p`, filtered to the category `input.categoryId` and those below
 * it when given. `params` bind the FROM and WHERE; the caller adds its own after them.
 */
export function productTotals(input: {
  from: string;
  to: string;
  categoryId?: number | undefined;
}): { from: string; where: string; params: unknown[] } {
  const parts = productParts(input.from, input.to);
  const from = `(SELECT r.product_id, SUM(r.quantity) - SUM(r.refunded_quantity) AS quantity,
        SUM(r.gross) AS gross, SUM(r.refunds) AS refunds, SUM(r.gross) - SUM(r.refunds) AS net,
        SUM(r.discounts) AS discounts, SUM(r.tax) AS tax, SUM(r.cost) AS cost,
        SUM(r.costed_net) AS costed_net, SUM(r.costed_net) - SUM(r.cost) AS margin,
        SUM(r.quantity) + SUM(r.refunded_quantity) AS moved
      FROM (${productSources(parts)}) r GROUP BY r.product_id) t
    JOIN products p ON p.id = t.product_id`;
  const params: unknown[] = parts.flatMap((p) => [p.from, p.to]);
  if (input.categoryId === undefined) return { from, where: '1 = 1', params };
  // The category and its sub-categories (at most 3 levels: a short recursive walk).
  const where = `p.category_id IN (WITH RECURSIVE sub(id) AS (
      SELECT id FROM categories WHERE id = ?
      UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
    SELECT id FROM sub)`;
  return { from, where, params: [...params, input.categoryId] };
}

/** The column a top list ranks by. */
export const TOP_ORDER = { revenue: 'net', quantity: 'quantity', margin: 'margin' } as const;

/** NOT_FOUND unless `categoryId` (when given) is a category, archived or not. */
export async function checkCategory(em: EntityManager, categoryId?: number): Promise<void> {
  if (categoryId === undefined) return;
  const rows = await run(em, 'SELECT id FROM categories WHERE id = ?', [categoryId]);
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'That category does not exist.');
}

/** cost, costedNet and margin of a row of productTotals sums. */
export function marginOf(r: Row): { cost: number; costedNet: number; margin: number } {
  return { cost: num(r, 'cost'), costedNet: num(r, 'costed_net'), margin: num(r, 'margin') };
}

/**
 * `analytics:topProducts`: ties by product id; products with no activity in the range left out.
 * NOT_FOUND for an unknown `categoryId`.
 */
export async function topProducts(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:topProducts'>,
  currency: string,
): Promise<ChannelOutput<'analytics:topProducts'>> {
  await checkCategory(em, input.categoryId);
  const { from, where, params } = productTotals(input);
  const rows = await run<Row>(
    em,
    `SELECT t.*, p.sku, p.name FROM ${from}
       WHERE t.moved <> 0 AND ${where}
       ORDER BY t.${TOP_ORDER[input.by]} DESC, t.product_id LIMIT ?`,
    [...params, input.limit],
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
      ...marginOf(r),
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

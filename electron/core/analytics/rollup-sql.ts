/**
 * The SQL of the daily sales rollups (issue 11, section 4; tables made by migration
 * 1790000009200, per till since 1790000012000): one SELECT per rollup table, grouped by its key,
 * that says what a set of sales adds to it. The same text serves the incremental write in a
 * sale's own transaction (D2: the sale, with a status and sign fixed in the SQL) and the rebuild
 * from the sales (status read from each row). Portable SQL (SQLite and PostgreSQL 15).
 *
 * Figures (minor units; counts are plain integers), by the sale's business day:
 * - sales_count, gross, discounts, items: completed sales of kind `sale` (their totals, discounts
 *   and Σ line quantities);
 * - refunds_count, refunds: completed refunds, refunds as a positive amount;
 * - voids_count, voids: voided sales and their totals (in neither gross nor net);
 * - tax: Σ tax of completed sales and refunds (net of refunds); net = gross − refunds.
 * Per product: quantity and refunded_quantity, gross, refunds, discounts, tax of its lines; and
 *   the cost of goods sold (migration 1790000009500): cost = Σ unit_cost × quantity and
 *   costed_net = Σ (total − tax), both over the lines of completed sales and refunds whose unit
 *   cost is known (signed: a refund takes its share back). Margin = costed_net − cost: a line of
 *   unknown cost is in neither term, so it can never inflate the margin; net without tax minus
 *   costed_net is the part of the sales whose cost is unknown.
 * Per tender type: count and amount of the tenders of completed sales, and of completed refunds.
 * Per tax rate: total (tax included) and tax of the lines of completed sales and refunds, signed.
 * Rows of a voided sale stay with zero money, so the incremental and the rebuilt rows are the same
 * set.
 *
 * Per till: every key ends with `till_id`, the sale's own till (`sales.till_id`; a void or a
 * refund through sale actions changes the rows of the till that made the sale, a refund is a sale
 * of the till that took it). Issue 12, section 5: no store-wide lock may serialise the tills. On
 * a store server each sale upserts its rows in its own transaction (D2), and with one row per day
 * × key every till's sale waited for the row lock of the sale before it; per till, two tills never
 * write the same row. Every reader sums the tills' rows (GROUP BY the key without `till_id`).
 */

/** Which sales a statement covers, and whether their status is read or fixed. */
export interface RollupScope {
  /** SQL condition on `s` (the sales row), with `?` placeholders. */
  where: string;
  /** `s.status`, or a fixed status literal for a change being recorded. */
  status: 's.status' | "'completed'" | "'voided'";
  /** 1 to add, −1 to take away. */
  sign: 1 | -1;
}

export interface RollupTable {
  table: string;
  /** The primary key: the period, the key proper, then `till_id`. */
  keys: string[];
  figures: string[];
  /** SELECT of keys then figures, for `scope`; an `hour` key comes as a placeholder. */
  select(scope: RollupScope): string;
}

const HEADER_FIGURES = [
  'sales_count',
  'refunds_count',
  'voids_count',
  'items',
  'gross',
  'refunds',
  'voids',
  'discounts',
  'tax',
];

function when(status: string, kind: 'sale' | 'refund' | null, value: string): string {
  const k = kind === null ? '' : ` AND s.kind = '${kind}'`;
  return `CASE WHEN ${status} = 'completed'${k} THEN ${value} ELSE 0 END`;
}

/** The header figures of one sale row `s` (summed per group by the caller). */
function headerFigures(st: string, sign: number, aliased = false): string {
  const items = '(SELECT COALESCE(SUM(l.quantity), 0) FROM sale_lines l WHERE l.sale_id = s.id)';
  return [
    when(st, 'sale', '1'),
    when(st, 'refund', '1'),
    `CASE WHEN ${st} = 'voided' THEN 1 ELSE 0 END`,
    when(st, 'sale', items),
    when(st, 'sale', 's.total'),
    when(st, 'refund', '-s.total'),
    `CASE WHEN ${st} = 'voided' THEN s.total ELSE 0 END`,
    when(st, 'sale', 's.discount'),
    when(st, null, 's.tax'),
  ]
    .map((e, i) => `${sign} * SUM(${e})${aliased ? ` AS ${HEADER_FIGURES[i]!}` : ''}`)
    .join(', ');
}

export const ROLLUP_STAFF: RollupTable = {
  table: 'rollup_staff',
  keys: ['business_date', 'staff_id', 'till_id'],
  figures: HEADER_FIGURES,
  select: ({ where, status, sign }) =>
    `SELECT s.business_date, s.staff_id, s.till_id, ${headerFigures(status, sign)}
       FROM sales s WHERE ${where} GROUP BY s.business_date, s.staff_id, s.till_id`,
};

/** The hour key (0..23, store-local) is bound as the first placeholder of the statement. */
export const ROLLUP_HOURS: RollupTable = {
  table: 'rollup_hours',
  keys: ['business_date', 'hour', 'till_id'],
  figures: HEADER_FIGURES,
  select: ({ where, status, sign }) =>
    `SELECT s.business_date, CAST(? AS integer), s.till_id, ${headerFigures(status, sign)}
       FROM sales s WHERE ${where} GROUP BY s.business_date, s.till_id`,
};

/**
 * For the rebuild: the header figures per business day, till and quarter hour in UTC (every
 * zone's offset is a multiple of 15 minutes), which the caller maps to store-local hours.
 */
export function hourQuartersSelect(where: string): string {
  const quarter = 'CAST(substr(s.created_at, 15, 2) AS integer) / 15';
  return `SELECT s.business_date AS business_date, s.till_id AS till_id,
      substr(s.created_at, 1, 13) AS utc_hour, ${quarter} AS quarter,
      ${headerFigures('s.status', 1, true)}
    FROM sales s WHERE ${where}
    GROUP BY s.business_date, s.till_id, substr(s.created_at, 1, 13), ${quarter}`;
}

/** The product figures of the lines `l` of sale `s`, summed. */
function productFigures(st: string, sign: number): string {
  return [
    when(st, 'sale', 'l.quantity'),
    when(st, 'refund', '-l.quantity'),
    when(st, 'sale', 'l.total'),
    when(st, 'refund', '-l.total'),
    when(st, 'sale', 'l.discount'),
    when(st, null, 'l.tax'),
    // bigint: a unit cost × 9,999 units passes PostgreSQL's 32-bit integer.
    when(st, null, 'COALESCE(CAST(l.unit_cost AS bigint) * l.quantity, 0)'),
    when(st, null, 'CASE WHEN l.unit_cost IS NULL THEN 0 ELSE l.total - l.tax END'),
  ]
    .map((e) => `${sign} * SUM(${e})`)
    .join(', ');
}

const PRODUCT_FIGURES = [
  'quantity',
  'refunded_quantity',
  'gross',
  'refunds',
  'discounts',
  'tax',
  'cost',
  'costed_net',
];

/**
 * Per calendar month (`YYYY-MM` of the business day) × product: the same figures, so a year of
 * top products reads 12 rows per product instead of 365 (the days at either end of a range that
 * do not fill a month come from the daily table).
 */
export const ROLLUP_PRODUCT_MONTHS: RollupTable = {
  table: 'rollup_product_months',
  keys: ['month', 'product_id', 'till_id'],
  figures: PRODUCT_FIGURES,
  select: ({ where, status, sign }) =>
    `SELECT substr(s.business_date, 1, 7), l.product_id, s.till_id, ${productFigures(status, sign)}
       FROM sales s JOIN sale_lines l ON l.sale_id = s.id
       WHERE ${where} GROUP BY substr(s.business_date, 1, 7), l.product_id, s.till_id`,
};

export const ROLLUP_PRODUCTS: RollupTable = {
  table: 'rollup_products',
  keys: ['business_date', 'product_id', 'till_id'],
  figures: PRODUCT_FIGURES,
  select: ({ where, status, sign }) =>
    `SELECT s.business_date, l.product_id, s.till_id, ${productFigures(status, sign)}
       FROM sales s JOIN sale_lines l ON l.sale_id = s.id
       WHERE ${where} GROUP BY s.business_date, l.product_id, s.till_id`,
};

export const ROLLUP_TENDERS: RollupTable = {
  table: 'rollup_tenders',
  keys: ['business_date', 'tender_type', 'till_id'],
  figures: ['sales_count', 'amount', 'refunds_count', 'refunds'],
  select: ({ where, status: st, sign }) =>
    `SELECT s.business_date, t.type, s.till_id, ${[
      when(st, 'sale', '1'),
      when(st, 'sale', 't.amount'),
      when(st, 'refund', '1'),
      when(st, 'refund', '-t.amount'),
    ]
      .map((e) => `${sign} * SUM(${e})`)
      .join(', ')}
       FROM sales s JOIN sale_tenders t ON t.sale_id = s.id
       WHERE ${where} GROUP BY s.business_date, t.type, s.till_id`,
};

export const ROLLUP_TAX_RATES: RollupTable = {
  table: 'rollup_tax_rates',
  keys: ['business_date', 'tax_rate_bps', 'till_id'],
  figures: ['total', 'tax'],
  select: ({ where, status: st, sign }) =>
    `SELECT s.business_date, l.tax_rate_bps, s.till_id, ${[
      when(st, null, 'l.total'),
      when(st, null, 'l.tax'),
    ]
      .map((e) => `${sign} * SUM(${e})`)
      .join(', ')}
       FROM sales s JOIN sale_lines l ON l.sale_id = s.id
       WHERE ${where} GROUP BY s.business_date, l.tax_rate_bps, s.till_id`,
};

/** The daily rollup tables but the hours (whose rebuild differs). */
export const KEYED_ROLLUPS = [ROLLUP_STAFF, ROLLUP_PRODUCTS, ROLLUP_TENDERS, ROLLUP_TAX_RATES];
export const ALL_ROLLUPS = [...KEYED_ROLLUPS, ROLLUP_HOURS, ROLLUP_PRODUCT_MONTHS];

/** `ON CONFLICT (keys) DO UPDATE SET …`: an upsert into `t` adds its figures to the row's. */
export function conflictUpdate(t: RollupTable): string {
  const add = t.figures.map((f) => `${f} = ${t.table}.${f} + excluded.${f}`).join(', ');
  return `ON CONFLICT (${t.keys.join(', ')}) DO UPDATE SET ${add}`;
}

/** `INSERT … SELECT … ON CONFLICT DO UPDATE` adding `scope`'s contribution to `t`. */
export function upsertSql(t: RollupTable, scope: RollupScope): string {
  const cols = [...t.keys, ...t.figures].join(', ');
  return `INSERT INTO ${t.table} (${cols}) ${t.select(scope)}
    ${conflictUpdate(t)}`;
}

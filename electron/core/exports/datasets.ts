/**
 * The datasets an export can hold, one entry each: its columns and how to read its rows of one
 * business day, a page at a time (sales: PAGE_ROWS sales; lines and tenders: the rows of
 * SALES_PER_ROW_PAGE sales, about 200 lines at 20 a sale). A sale belongs to the business day stamped on it when it was
 * made (`sales.business_date`, store time zone), as in the day summary, so an export and the Z
 * and day reports of the same days agree. Every query walks the `business_date` index of one day
 * and pages by a key (keyset pagination), so no single statement reads more than a page: the
 * event loop is given back between pages (see export-service.ts). Plain SQL with `?` placeholders
 * through `run`, so the same statements serve SQLite and PostgreSQL.
 *
 * Adding a dataset is one id in EXPORT_DATASETS (shared/contract/exports.ts) and one entry in
 * DATASETS below; the writers and the screen take it from there.
 *
 * `zReports` lists the Z reports of the shifts opened in the business day (UTC range `utc`), as
 * the day summary lists the day's shifts: one row each, the figures in minor units as stored.
 *
 * Definitions (as the day summary): every sale, refund and voided sale of the days is listed with
 * its `kind` and `status`; refund amounts are negative as stored. `taxRates` sums the lines of
 * completed sales and refunds per day, currency and rate: `gross` (what was paid, tax included),
 * `tax`, and `net` = gross − tax; Σ gross over a day equals the day's net takings.
 */
import type { EntityManager } from 'typeorm';
import type { ExportDataset } from '../../../shared/contract/exports';
import { run } from '../db/sql';
import type { ExportColumn, SourceRow } from './cells';

/** A business day as UTC instants: [from, to), ISO 8601 (local-day.ts businessDayRange). */
export interface DayRange {
  from: string;
  to: string;
}

export interface DatasetSource {
  /** The XLSX sheet's name and the CSV file name's suffix. */
  title: string;
  columns: readonly ExportColumn[];
  /** How many rows `page` yields for business day `day` (UTC range `utc`) in all. */
  count(em: EntityManager, day: string, utc: DayRange): Promise<number>;
  /**
   * About `limit` rows of business day `day` after cursor `after` (0: from the first), in order,
   * and the cursor of the next page (null: the day is done). Rows carry `currency` when they have
   * money columns.
   */
  page(em: EntityManager, day: string, after: number, limit: number, utc: DayRange): Promise<Page>;
}

export interface Page {
  rows: SourceRow[];
  next: number | null;
}

/** A page keyed by `_key`: full means there may be more after its last key. */
function keyed(rows: SourceRow[], limit: number): Page {
  return { rows, next: rows.length < limit ? null : Number(rows[rows.length - 1]!._key) };
}

/** Lines and tenders hold several rows a sale: a page is the rows of this many sales. */
const SALES_PER_ROW_PAGE = 10;

/**
 * The window of the next sales of `day` after sale id `after`: their rows are read with
 * `s.id > after AND s.id <= upTo` (keyset on the day's index); `next` is null after the last.
 */
async function saleWindow(
  em: EntityManager,
  day: string,
  after: number,
): Promise<{ upTo: number; next: number | null }> {
  const edge = await run<{ id: number }>(
    em,
    'SELECT id FROM sales WHERE business_date = ? AND id > ? ORDER BY id LIMIT 1 OFFSET ?',
    [day, after, SALES_PER_ROW_PAGE - 1],
  );
  const upTo = edge[0] ? Number(edge[0].id) : 2_147_483_647;
  return { upTo, next: edge[0] ? upTo : null };
}

const text = (key: string): ExportColumn => ({ key, kind: 'text' });
const int = (key: string): ExportColumn => ({ key, kind: 'int' });
const money = (key: string): ExportColumn => ({ key, kind: 'money' });

/** The sale columns every row of sales, lines and tenders starts with. */
const SALE_COLUMNS = [
  int('sale_id'),
  text('till'),
  int('receipt_no'),
  text('business_date'),
  text('time_utc'),
  text('kind'),
  text('status'),
  text('currency'),
];
const SALE_SELECT = `s.id AS sale_id, t.name AS till, s.receipt_no, s.business_date,
  s.created_at AS time_utc, s.kind, s.status, s.currency`;
const SALE_FROM = 'sales s JOIN tills t ON t.id = s.till_id';

async function countOf(em: EntityManager, sql: string, day: string): Promise<number> {
  const rows = await run<{ n: number | string }>(em, sql, [day]);
  return Number(rows[0]?.n ?? 0);
}

const sales: DatasetSource = {
  title: 'sales',
  columns: [
    ...SALE_COLUMNS,
    int('refund_of_sale_id'),
    text('staff'),
    text('customer'),
    money('subtotal'),
    money('discount'),
    money('tax'),
    money('total'),
    text('void_reason'),
    text('note'),
  ],
  count: (em, day) => countOf(em, 'SELECT COUNT(*) AS n FROM sales WHERE business_date = ?', day),
  page: async (em, day, after, limit) =>
    keyed(
      await run(
        em,
        `SELECT s.id AS _key, ${SALE_SELECT}, s.refund_of_id AS refund_of_sale_id,
          st.display_name AS staff, c.name AS customer, s.subtotal, s.discount, s.tax, s.total,
          v.reason AS void_reason, s.note
        FROM ${SALE_FROM} JOIN staff st ON st.id = s.staff_id
          LEFT JOIN customers c ON c.id = s.customer_id
          LEFT JOIN sale_voids v ON v.sale_id = s.id
        WHERE s.business_date = ? AND s.id > ? ORDER BY s.id LIMIT ?`,
        [day, after, limit],
      ),
      limit,
    ),
};

const lines: DatasetSource = {
  title: 'lines',
  columns: [
    ...SALE_COLUMNS,
    int('line_no'),
    text('sku'),
    text('description'),
    int('quantity'),
    money('unit_price'),
    money('discount'),
    { key: 'tax_rate_percent', kind: 'percent' },
    money('tax'),
    money('total'),
  ],
  count: (em, day) =>
    countOf(
      em,
      'SELECT COUNT(*) AS n FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.business_date = ?',
      day,
    ),
  page: async (em, day, after) => {
    const w = await saleWindow(em, day, after);
    const rows = await run<SourceRow>(
      em,
      `SELECT ${SALE_SELECT}, l.line_no, l.sku, l.description, l.quantity,
          l.unit_price, l.discount, l.tax_rate_bps AS tax_rate_percent, l.tax, l.total
        FROM ${SALE_FROM} JOIN sale_lines l ON l.sale_id = s.id
        WHERE s.business_date = ? AND s.id > ? AND s.id <= ? ORDER BY s.id, l.line_no`,
      [day, after, w.upTo],
    );
    return { rows, next: w.next };
  },
};

const tenders: DatasetSource = {
  title: 'tenders',
  columns: [
    ...SALE_COLUMNS,
    int('tender_id'),
    text('type'),
    money('amount'),
    money('tendered'),
    money('change_due'),
  ],
  count: (em, day) =>
    countOf(
      em,
      'SELECT COUNT(*) AS n FROM sales s JOIN sale_tenders p ON p.sale_id = s.id WHERE s.business_date = ?',
      day,
    ),
  page: async (em, day, after) => {
    const w = await saleWindow(em, day, after);
    const rows = await run<SourceRow>(
      em,
      `SELECT ${SALE_SELECT}, p.id AS tender_id, p.type, p.amount, p.tendered, p.change_due
        FROM ${SALE_FROM} JOIN sale_tenders p ON p.sale_id = s.id
        WHERE s.business_date = ? AND s.id > ? AND s.id <= ? ORDER BY s.id, p.id`,
      [day, after, w.upTo],
    );
    return { rows, next: w.next };
  },
};

const TAX_GROUPS = `FROM sales s JOIN sale_lines l ON l.sale_id = s.id
  WHERE s.business_date = ? AND s.status = 'completed'
  GROUP BY s.currency, l.tax_rate_bps`;

const taxRates: DatasetSource = {
  title: 'tax_by_rate',
  columns: [
    text('business_date'),
    text('currency'),
    { key: 'tax_rate_percent', kind: 'percent' },
    int('lines'),
    money('net'),
    money('tax'),
    money('gross'),
  ],
  count: (em, day) =>
    countOf(em, `SELECT COUNT(*) AS n FROM (SELECT 1 AS one ${TAX_GROUPS}) g`, day),
  // A day has a handful of (currency, rate) groups: the key is the group's place in the day.
  page: async (em, day, after, limit) => {
    const rows = await run<SourceRow>(
      em,
      `SELECT MAX(s.business_date) AS business_date, s.currency, l.tax_rate_bps AS tax_rate_percent,
          COUNT(*) AS lines, SUM(l.total) - SUM(l.tax) AS net, SUM(l.tax) AS tax,
          SUM(l.total) AS gross
        ${TAX_GROUPS} ORDER BY s.currency, l.tax_rate_bps LIMIT ? OFFSET ?`,
      [day, limit, after],
    );
    return { rows, next: rows.length < limit ? null : after + rows.length };
  },
};

const Z_FROM = `z_reports z JOIN shifts sh ON sh.id = z.shift_id JOIN tills t ON t.id = z.till_id
  JOIN staff o ON o.id = sh.opened_by JOIN staff c ON c.id = z.closed_by
  WHERE sh.opened_at >= ? AND sh.opened_at < ?`;

const zReports: DatasetSource = {
  title: 'z_reports',
  columns: [
    text('till'),
    int('z_no'),
    text('business_date'),
    text('opened_at_utc'),
    text('opened_by'),
    text('closed_at_utc'),
    text('closed_by'),
    text('currency'),
    int('sales_count'),
    money('gross'),
    money('discount'),
    int('refunds_count'),
    money('refunds'),
    int('voids_count'),
    money('voids'),
    money('net'),
    money('tax'),
    money('float'),
    money('paid_in'),
    money('paid_out'),
    int('no_sale_count'),
    money('expected_cash'),
    money('counted_cash'),
    money('over_short'),
    int('first_receipt_no'),
    int('last_receipt_no'),
    money('grand_total'),
    text('note'),
  ],
  count: async (em, _day, utc) => {
    const rows = await run<{ n: number | string }>(em, `SELECT COUNT(*) AS n FROM ${Z_FROM}`, [
      utc.from,
      utc.to,
    ]);
    return Number(rows[0]?.n ?? 0);
  },
  page: async (em, day, after, limit, utc) =>
    keyed(
      await run(
        em,
        `SELECT z.id AS _key, t.name AS till, z.z_no, CAST(? AS TEXT) AS business_date,
          sh.opened_at AS opened_at_utc, o.display_name AS opened_by, z.closed_at AS closed_at_utc,
          c.display_name AS closed_by, z.currency, z.sales_count, z.gross, z.discount,
          z.refunds_count, z.refunds, z.voids_count, z.voids, z.net, z.tax, z.float_amount AS float,
          z.paid_in, z.paid_out, z.no_sale_count, z.expected_cash, z.counted_cash, z.over_short,
          z.first_receipt_no, z.last_receipt_no, z.grand_total, z.note
        FROM ${Z_FROM} AND z.id > ? ORDER BY z.id LIMIT ?`,
        [day, utc.from, utc.to, after, limit],
      ),
      limit,
    ),
};

/** Every dataset by id; a new dataset is one entry here and one id in EXPORT_DATASETS. */
export const DATASETS: Record<ExportDataset, DatasetSource> = {
  sales,
  lines,
  tenders,
  taxRates,
  zReports,
};

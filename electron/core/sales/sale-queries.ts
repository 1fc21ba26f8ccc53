/**
 * Reading sales: the transactions list (keyset pagination, newest first), one sale's detail, and a
 * customer's totals. Hand-written portable SQL on indexed columns, because these run on tables of
 * millions of rows (see `npm run bench`): every list filter has an index that also gives the order.
 */
import type { EntityManager } from 'typeorm';
import type {
  ChannelOutput,
  ChannelParsedInput,
  SaleDetail,
  SaleSummary,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../types';
import { anyZoneRange, businessDay } from './local-day';
import { toInt } from './sale.entity';

interface SummaryRow {
  id: number;
  uuid: string;
  receipt_no: number;
  till_name: string;
  kind: 'sale' | 'refund';
  status: 'completed' | 'voided';
  staff_id: number;
  staff_name: string;
  customer_id: number | null;
  customer_name: string | null;
  currency: string;
  total: number | string;
  created_at: string;
}

const SUMMARY_SELECT = `SELECT s.id, s.uuid, s.receipt_no, t.name AS till_name, s.kind, s.status,
    s.staff_id, st.display_name AS staff_name, s.customer_id, c.name AS customer_name,
    s.currency, s.total, s.created_at
  FROM sales s
  JOIN tills t ON t.id = s.till_id
  JOIN staff st ON st.id = s.staff_id
  LEFT JOIN customers c ON c.id = s.customer_id`;

function toSummary(r: SummaryRow): SaleSummary {
  return {
    id: Number(r.id),
    uuid: r.uuid,
    receiptNo: Number(r.receipt_no),
    tillName: r.till_name,
    kind: r.kind,
    status: r.status,
    staff: { id: Number(r.staff_id), name: r.staff_name },
    customer:
      r.customer_id === null ? null : { id: Number(r.customer_id), name: r.customer_name ?? '' },
    currency: r.currency,
    total: toInt(r.total),
    createdAt: r.created_at,
  };
}

/**
 * The transactions list's business days and cursor as WHERE terms, given to `add` (sql, values).
 *
 * The days keep the walk on the created_at indexes, bounded by the range the days can cover in
 * any zone, and the exact test is on business_date, so a later change of the time-zone setting
 * moves no sale to another day. That test is one CASE, which neither engine's planner reads as a
 * range: business_date follows created_at, but PostgreSQL multiplies the selectivities of two
 * ranges as if independent (its manual, "Planner Statistics"), so it took a week for a few hundred
 * sales, read all 19,000 by the business_date index and sorted them (65 ms at 1M sales) instead
 * of walking created_at for 51 (2 ms).
 *
 * The cursor is a row value, so SQLite and PostgreSQL both walk the (…, created_at, id) index
 * backwards from it instead of OR-ing two index scans. With a last day too, only the lower of the
 * two upper bounds is given (each implies the other when lower; both are ISO-8601 UTC, which
 * compare as text in time order): PostgreSQL's B-tree cannot tell which of a row value and a
 * plain bound is tighter, and walked from a cursor months past the week asked for (75 ms).
 */
function addDaysAndCursor(
  input: ChannelParsedInput<'sales:list'>,
  add: (sql: string, ...values: unknown[]) => void,
): void {
  const days: string[] = [];
  const dayValues: string[] = [];
  if (input.fromDay) {
    add('s.created_at >= ?', anyZoneRange(input.fromDay, input.fromDay).from);
    days.push('s.business_date >= ?');
    dayValues.push(input.fromDay);
  }
  let before: string | null = null;
  if (input.toDay) {
    before = anyZoneRange(input.toDay, input.toDay).to;
    days.push('s.business_date <= ?');
    dayValues.push(input.toDay);
  }
  const { cursor } = input;
  if (cursor && (before === null || cursor.createdAt < before))
    add('(s.created_at, s.id) < (?, ?)', cursor.createdAt, cursor.id);
  else if (before !== null) add('s.created_at < ?', before);
  if (days.length) add(`CASE WHEN ${days.join(' AND ')} THEN TRUE ELSE FALSE END`, ...dayValues);
}

export interface CustomerSaleStats {
  salesCount: number;
  lifetimeSpend: number;
  refundsTotal: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
}

/**
 * A7: whose sales `actor` may read in the transactions list and detail: null (everyone's) with
 * `reports.view`, else only their own (their staff id). A cashier sees what they rang up.
 */
export function salesScope(actor: Session): number | null {
  return actor.permissions.has('reports.view') ? null : actor.staff.id;
}

export class SaleQueries {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of the transactions list, newest first. `cursor` is the last row of the previous
   * page; `nextCursor` is null on the last page. Filters combine with AND; `fromDay`/`toDay` are
   * business days (YYYY-MM-DD, both included) matched against each sale's `business_date`.
   *
   * `onlyStaffId` (see `salesScope`) narrows it to one member's sales, on top of `staffId`.
   */
  async list(
    input: ChannelParsedInput<'sales:list'>,
    onlyStaffId: number | null = null,
    em: EntityManager = this.db.manager,
  ): Promise<ChannelOutput<'sales:list'>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    addDaysAndCursor(input, add);
    // Someone else's sales asked for out of scope: nothing, without walking that member's rows.
    if (onlyStaffId !== null && input.staffId !== undefined && input.staffId !== onlyStaffId)
      return { items: [], nextCursor: null };
    const staffId = onlyStaffId ?? input.staffId;
    if (staffId !== undefined) add('s.staff_id = ?', staffId);
    if (input.tillId !== undefined) add('s.till_id = ?', input.tillId);
    if (input.customerId !== undefined) add('s.customer_id = ?', input.customerId);
    if (input.status) add('s.status = ?', input.status);
    if (input.kind) add('s.kind = ?', input.kind);
    if (input.receiptNo !== undefined) add('s.receipt_no = ?', input.receiptNo);
    // The page is chosen from `sales` alone (an index walk that stops after limit + 1 rows) and
    // only then joined, so the planner cannot drive from tills/staff and sort millions of rows.
    const sql = `${SUMMARY_SELECT.replace(
      'FROM sales s',
      `FROM (SELECT s.* FROM sales s${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
        ORDER BY s.created_at DESC, s.id DESC LIMIT ?) s`,
    )}
      ORDER BY s.created_at DESC, s.id DESC`;
    const rows = await run<SummaryRow>(em, sql, [...params, input.limit + 1]);
    const items = rows.slice(0, input.limit).map(toSummary);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
    };
  }

  /**
   * `sales:get`: like `detail`, but a member without `reports.view` gets NOT_FOUND for a sale
   * rung up by someone else, as if it did not exist (A7; the list shows them only their own).
   */
  async get(id: number, actor: Session): Promise<SaleDetail> {
    const sale = await this.detail(id);
    const only = salesScope(actor);
    if (only !== null && sale.staff.id !== only)
      throw new AppError('NOT_FOUND', 'That sale does not exist.');
    return sale;
  }

  /** One sale or refund with everything the detail view and receipt need. NOT_FOUND if none. */
  async detail(id: number, em: EntityManager = this.db.manager): Promise<SaleDetail> {
    const head = await run<
      SummaryRow & {
        business_date: string;
        subtotal: number | string;
        discount: number | string;
        tax: number | string;
        prices_include_tax: boolean | number;
        note: string | null;
        source: 'till' | 'import' | 'seed';
        external_ref: string | null;
        refund_of_id: number | null;
        refund_of_receipt_no: number | null;
        refund_of_till_name: string | null;
      }
    >(
      em,
      `${SUMMARY_SELECT.replace(
        'FROM sales s',
        `, s.subtotal, s.discount, s.tax, s.prices_include_tax, s.note, s.source, s.external_ref,
           s.business_date,
           s.refund_of_id, o.receipt_no AS refund_of_receipt_no, ot.name AS refund_of_till_name
         FROM sales s`,
      )}
       LEFT JOIN sales o ON o.id = s.refund_of_id
       LEFT JOIN tills ot ON ot.id = o.till_id
       WHERE s.id = ?`,
      [id],
    );
    const h = head[0];
    if (!h) throw new AppError('NOT_FOUND', 'That sale does not exist.');

    const lines = await run<{
      id: number;
      line_no: number;
      product_id: number;
      sku: string;
      description: string;
      unit_price: number;
      quantity: number;
      tax_rate_bps: number;
      discount: number;
      tax: number;
      total: number;
      refund_of_line_id: number | null;
      refunded: number | string | null;
    }>(
      em,
      `SELECT l.id, l.line_no, l.product_id, l.sku, l.description, l.unit_price, l.quantity,
          l.tax_rate_bps, l.discount, l.tax, l.total, l.refund_of_line_id,
          (SELECT -SUM(rl.quantity) FROM sale_lines rl JOIN sales r ON r.id = rl.sale_id
            WHERE rl.refund_of_line_id = l.id AND r.status = 'completed') AS refunded
        FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.line_no`,
      [id],
    );
    const tenders = await run<{
      type: 'cash' | 'card' | 'other';
      amount: number | string;
      tendered: number | string | null;
      change_due: number | string | null;
    }>(
      em,
      'SELECT type, amount, tendered, change_due FROM sale_tenders WHERE sale_id = ? ORDER BY id',
      [id],
    );
    const voids = await run<{ reason: string; staff_id: number; name: string; voided_at: string }>(
      em,
      `SELECT v.reason, v.staff_id, st.display_name AS name, v.voided_at
        FROM sale_voids v JOIN staff st ON st.id = v.staff_id WHERE v.sale_id = ?`,
      [id],
    );
    const refunds = await run<{
      id: number;
      receipt_no: number;
      total: number | string;
      status: 'completed' | 'voided';
      created_at: string;
    }>(
      em,
      'SELECT id, receipt_no, total, status, created_at FROM sales WHERE refund_of_id = ? ORDER BY id',
      [id],
    );

    const summary = toSummary(h);
    const v = voids[0];
    const completedRefunds = refunds.filter((r) => r.status === 'completed').length;
    return {
      ...summary,
      subtotal: toInt(h.subtotal),
      discount: toInt(h.discount),
      tax: toInt(h.tax),
      pricesIncludeTax: Boolean(h.prices_include_tax),
      note: h.note,
      source: h.source,
      externalRef: h.external_ref,
      refundOf:
        h.refund_of_id === null
          ? null
          : {
              id: Number(h.refund_of_id),
              receiptNo: Number(h.refund_of_receipt_no),
              tillName: h.refund_of_till_name ?? '',
            },
      lines: lines.map((l) => ({
        id: Number(l.id),
        lineNo: Number(l.line_no),
        productId: Number(l.product_id),
        sku: l.sku,
        description: l.description,
        unitPrice: Number(l.unit_price),
        quantity: Number(l.quantity),
        taxRateBps: Number(l.tax_rate_bps),
        discount: Number(l.discount),
        tax: Number(l.tax),
        total: Number(l.total),
        refundedQuantity: l.refunded === null ? 0 : toInt(l.refunded),
        refundOfLineId: l.refund_of_line_id === null ? null : Number(l.refund_of_line_id),
      })),
      tenders: tenders.map((t) => ({
        type: t.type,
        amount: toInt(t.amount),
        tendered: t.tendered === null ? null : toInt(t.tendered),
        change: t.change_due === null ? null : toInt(t.change_due),
      })),
      void: v
        ? { reason: v.reason, staff: { id: Number(v.staff_id), name: v.name }, at: v.voided_at }
        : null,
      refunds: refunds.map((r) => ({
        id: Number(r.id),
        receiptNo: Number(r.receipt_no),
        total: toInt(r.total),
        status: r.status,
        createdAt: r.created_at,
      })),
      voidable:
        summary.kind === 'sale' &&
        summary.status === 'completed' &&
        completedRefunds === 0 &&
        h.business_date === this.businessDay(),
    };
  }

  /**
   * The business day (YYYY-MM-DD) of `instant` in the store's time zone, by default today's: what
   * a new sale is stamped with and what "today" means for voids and the renderer's default filters.
   */
  businessDay(instant: Date = this.clock.now()): string {
    return businessDay(instant, this.settings.timeZone());
  }

  /** The store's time zone: the one `businessDay` stamps sales in, and the rollups' hours use. */
  timeZone(): string {
    return this.settings.timeZone();
  }

  /**
   * A customer's completed sales count, lifetime spend (Σ sales − Σ refunds, minor units), refunds
   * total (positive) and first/last purchase times (UTC). Voided sales do not count.
   */
  async customerStats(customerId: number): Promise<CustomerSaleStats> {
    const rows = await run<{
      kind: 'sale' | 'refund';
      n: number | string;
      total: number | string | null;
      first: string | null;
      last: string | null;
    }>(
      this.db.manager,
      `SELECT kind, COUNT(*) AS n, SUM(total) AS total, MIN(created_at) AS first, MAX(created_at) AS last
        FROM sales WHERE customer_id = ? AND status = 'completed' GROUP BY kind`,
      [customerId],
    );
    const sale = rows.find((r) => r.kind === 'sale');
    const refund = rows.find((r) => r.kind === 'refund');
    const sales = sale ? toInt(sale.total) : 0;
    const refunds = refund ? -toInt(refund.total) : 0;
    return {
      salesCount: sale ? Number(sale.n) : 0,
      lifetimeSpend: sales - refunds,
      refundsTotal: refunds,
      firstPurchaseAt: sale?.first ?? null,
      lastPurchaseAt: sale?.last ?? null,
    };
  }
}

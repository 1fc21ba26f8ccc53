/**
 * Writes one sale's rows: header, line items, tenders. Shared by checkout, refunds and the
 * importers so there is one way a sale reaches the database. It must run inside a transaction
 * (Database.write) together with the receipt number and the audit row (D2). Three statements:
 * one INSERT … RETURNING for the header and one multi-row INSERT each for lines and tenders; on
 * PostgreSQL two, the tenders riding the lines' INSERT.
 *
 * Each line's `unit_cost` (cost of goods sold, issue 11, section 3) is read by the line INSERT
 * itself, in the same transaction: a sale line takes its product's moving average cost, else its
 * last cost, else NULL; a refund line takes its original line's unit cost (NULL stays NULL), so a
 * refund takes back exactly the cost its sale counted.
 */
import type { EntityManager } from 'typeorm';
import { isPostgres, run, valuesList } from '../db/sql';

export interface NewSale {
  uuid: string;
  tillId: number;
  receiptNo: number;
  kind: 'sale' | 'refund';
  refundOfId: number | null;
  staffId: number;
  customerId: number | null;
  currency: string;
  pricesIncludeTax: boolean;
  /** Minor units. */
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  note: string | null;
  source: 'till' | 'import' | 'seed';
  externalRef: string | null;
  requestHash: string | null;
  /** UTC ISO-8601. */
  createdAt: string;
  /** YYYY-MM-DD: `createdAt`'s business day in the store's time zone (see local-day.ts). */
  businessDate: string;
  /**
   * The shift open on the till when the sale was made (issue 10, section 1; shifts/shift-guard.ts),
   * read in this same transaction; null or absent when none was (imports, no shift required).
   */
  shiftId?: number | null;
}

export interface NewSaleLine {
  productId: number;
  sku: string;
  description: string;
  /** Minor units. */
  unitPrice: number;
  /** Negative on a refund. */
  quantity: number;
  taxRateBps: number;
  discount: number;
  tax: number;
  total: number;
  refundOfLineId: number | null;
}

export interface NewTender {
  type: 'cash' | 'card' | 'other';
  /** Minor units paid towards the total. */
  amount: number;
  tendered: number | null;
  changeDue: number | null;
}

const LINE_COLUMNS = 12;
/** The unit cost of a sale line (bound: product id) and of a refund line (bound: original line id). */
const SALE_LINE_COST =
  '(SELECT COALESCE(p.average_cost, p.last_cost) FROM products p WHERE p.id = ?)';
const REFUND_LINE_COST = '(SELECT o.unit_cost FROM sale_lines o WHERE o.id = ?)';
const TENDER_COLUMNS = 5;
/** Lines per INSERT: keeps every statement well under SQLite's and PostgreSQL's parameter limits. */
const LINES_PER_INSERT = 500;

export interface InsertedSale {
  saleId: number;
  /** The new sale_lines ids, in the order of `lines`. */
  lineIds: number[];
  /** Each line's unit cost as stored (minor units per unit, null: unknown), in the same order. */
  unitCosts: Array<number | null>;
}

/**
 * Inserts the sale and its rows; returns the new ids and the lines' unit costs. Lines are numbered
 * 1..n in order.
 */
export async function insertSale(
  em: EntityManager,
  sale: NewSale,
  lines: readonly NewSaleLine[],
  tenders: readonly NewTender[],
): Promise<InsertedSale> {
  const header = await run<{ id: number }>(
    em,
    `INSERT INTO sales (uuid, till_id, receipt_no, kind, status, refund_of_id, staff_id, customer_id,
       currency, prices_include_tax, subtotal, discount, tax, total, note, source, external_ref,
       request_hash, created_at, business_date, shift_id)
     VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      sale.uuid,
      sale.tillId,
      sale.receiptNo,
      sale.kind,
      sale.refundOfId,
      sale.staffId,
      sale.customerId,
      sale.currency,
      sale.pricesIncludeTax,
      sale.subtotal,
      sale.discount,
      sale.tax,
      sale.total,
      sale.note,
      sale.source,
      sale.externalRef,
      sale.requestHash,
      sale.createdAt,
      sale.businessDate,
      sale.shiftId ?? null,
    ],
    { reusePlan: true },
  );
  const saleId = Number(header[0]!.id);
  const lineIds: number[] = new Array<number>(lines.length);
  const unitCosts: Array<number | null> = new Array<number | null>(lines.length);
  const row = `(${new Array(LINE_COLUMNS).fill('?').join(', ')}, `;
  const tenderParams: unknown[] = [];
  for (const t of tenders) tenderParams.push(saleId, t.type, t.amount, t.tendered, t.changeDue);
  const tenderSql = `INSERT INTO sale_tenders (sale_id, type, amount, tendered, change_due)
     VALUES ${valuesList(tenders.length, TENDER_COLUMNS)}`;
  // On a store server the tenders ride the first lines' INSERT as a data-modifying WITH query,
  // which runs once and to completion (PostgreSQL documentation, "WITH Queries"): a sale's round
  // trips are what its rate costs there (docs/benchmarks.md).
  const tendersRide = isPostgres(em) && tenders.length > 0 && lines.length > 0;

  for (let start = 0; start < lines.length; start += LINES_PER_INSERT) {
    const chunk = lines.slice(start, start + LINES_PER_INSERT);
    const params: unknown[] = [];
    chunk.forEach((l, i) => {
      params.push(
        saleId,
        start + i + 1,
        l.productId,
        l.sku,
        l.description,
        l.unitPrice,
        l.quantity,
        l.taxRateBps,
        l.discount,
        l.tax,
        l.total,
        l.refundOfLineId,
        l.refundOfLineId ?? l.productId,
      );
    });
    const rows = chunk.map(
      (l) => `${row}${l.refundOfLineId === null ? SALE_LINE_COST : REFUND_LINE_COST})`,
    );
    const rider = tendersRide && start === 0;
    const inserted = await run<{ id: number; line_no: number; unit_cost: number | null }>(
      em,
      `${rider ? `WITH tendered AS (${tenderSql}) ` : ''}INSERT INTO sale_lines (sale_id, line_no,
         product_id, sku, description, unit_price, quantity, tax_rate_bps, discount, tax, total,
         refund_of_line_id, unit_cost)
       VALUES ${rows.join(', ')} RETURNING id, line_no, unit_cost`,
      rider ? [...tenderParams, ...params] : params,
      { reusePlan: true },
    );
    // RETURNING order is not guaranteed: map by line number.
    for (const r of inserted) {
      lineIds[Number(r.line_no) - 1] = Number(r.id);
      unitCosts[Number(r.line_no) - 1] = r.unit_cost === null ? null : Number(r.unit_cost);
    }
  }

  if (tenders.length > 0 && !tendersRide)
    await run(em, tenderSql, tenderParams, { reusePlan: true });
  return { saleId, lineIds, unitCosts };
}

/**
 * The physical limit of a sale on this machine: the same rows the core writes for a sale (till
 * counter UPDATE … RETURNING, sales header, one sale_lines row per line, one sale_tenders row, one
 * chained audit_events row) with raw better-sqlite3 prepared statements in ONE transaction per sale,
 * with the core's pragmas (WAL, synchronous=FULL, foreign_keys=ON, temp_store=MEMORY). No router, session, schema,
 * pricing or ORM: what is left is SQLite, the B-trees of a database of this size, and fsync.
 * Like the core, it adds the sale to the daily rollups (issue 11, section 4), with one prepared
 * upsert per rollup row and the figures computed here, and writes the stock ledger as
 * stock/stock-ledger.ts does (issue 11, section 2): one `sale` movement per line of a stock
 * product and, per product, its on-hand taken down by the lines' quantities.
 *
 * Also used to add the busy day's sales to the seeded database (with the audit chain kept intact).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { auditRowValues, GENESIS_HASH, hashAuditRow } from '../../electron/core/audit/audit-log';
import { applyPragmas, applyRuntimePragmas } from '../../electron/core/db/pragmas';
import { BusinessDayStamper } from '../../electron/core/sales/local-day';
import { systemTimeZone } from '../../electron/core/settings/settings-service';
import { inclusiveTax } from '../../shared/money';
import { localHour } from '../../electron/core/analytics/rollups';
import { sumByProduct } from '../../electron/core/stock/stock-ledger';

export interface RawLine {
  productId: number;
  sku: string;
  name: string;
  /** Minor units, tax-inclusive. */
  unitPrice: number;
  quantity: number;
  taxRateBps: number;
  /** A stock product (kind `stock`): the line writes a movement and moves on-hand. */
  stock: boolean;
}

export interface RawSale {
  lines: readonly RawLine[];
  staffId: number;
  staffName: string;
  customerId: number | null;
  /** UTC ISO-8601. */
  createdAt: string;
  tender: 'cash' | 'card';
}

export class RawSaleWriter {
  readonly db: Database.Database;
  private readonly takeReceipt: Database.Statement;
  private readonly lastHash: Database.Statement;
  private readonly insertSale: Database.Statement;
  private readonly insertLine: Database.Statement;
  private readonly insertTender: Database.Statement;
  private readonly insertAudit: Database.Statement;
  private readonly rollups: Record<string, Database.Statement>;
  private readonly insertMovement: Database.Statement;
  private readonly moveOnHand: Database.Statement;
  private readonly writeOne: (sale: RawSale) => number;
  private readonly days: BusinessDayStamper;

  constructor(
    databasePath: string,
    private readonly tillId: number,
    private readonly tillName: string,
    private readonly terminal: string,
    private readonly source: 'till' | 'seed' = 'till',
  ) {
    this.db = new Database(databasePath);
    applyPragmas(this.db);
    applyRuntimePragmas(this.db);
    this.takeReceipt = this.db.prepare(
      'UPDATE tills SET next_receipt_no = next_receipt_no + 1 WHERE id = ? RETURNING next_receipt_no - 1 AS receipt_no',
    );
    this.lastHash = this.db.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
    this.insertSale = this.db.prepare(
      `INSERT INTO sales (uuid, till_id, receipt_no, kind, status, refund_of_id, staff_id, customer_id,
         currency, prices_include_tax, subtotal, discount, tax, total, note, source, external_ref,
         request_hash, created_at, business_date)
       VALUES (?, ?, ?, 'sale', 'completed', NULL, ?, ?, 'GBP', 1, ?, 0, ?, ?, NULL, ?, NULL, NULL, ?, ?)`,
    );
    this.insertLine = this.db.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, product_id, sku, description, unit_price, quantity,
         tax_rate_bps, discount, tax, total, refund_of_line_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, NULL)`,
    );
    this.insertTender = this.db.prepare(
      `INSERT INTO sale_tenders (sale_id, type, amount, tendered, change_due) VALUES (?, ?, ?, ?, ?)`,
    );
    this.insertAudit = this.db.prepare(
      `INSERT INTO audit_events (at, actor_id, actor_name, action, target_type, target_id, terminal,
         outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMovement = this.db.prepare(
      `INSERT INTO stock_movements (product_id, kind, quantity, unit_cost, reason, note, staff_id,
         till_id, sale_id, created_at) VALUES (?, 'sale', ?, NULL, NULL, NULL, ?, ?, ?, ?)`,
    );
    this.moveOnHand = this.db.prepare('UPDATE products SET on_hand = on_hand + ? WHERE id = ?');
    const upsert = (table: string, keys: string[], figures: string[]) =>
      this.db.prepare(
        `INSERT INTO ${table} (${[...keys, ...figures].join(', ')})
         VALUES (${[...keys, ...figures].map(() => '?').join(', ')})
         ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${figures.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')}`,
      );
    const header = ['sales_count', 'items', 'gross', 'tax'];
    // Each rollup row is this till's (`till_id` ends every key, migration 1790000012000).
    const till = (keys: string[]) => [...keys, 'till_id'];
    this.rollups = {
      staff: upsert('rollup_staff', till(['business_date', 'staff_id']), header),
      hours: upsert('rollup_hours', till(['business_date', 'hour']), header),
      products: upsert('rollup_products', till(['business_date', 'product_id']), [
        'quantity',
        'gross',
        'tax',
      ]),
      tenders: upsert('rollup_tenders', till(['business_date', 'tender_type']), [
        'sales_count',
        'amount',
      ]),
      taxRates: upsert('rollup_tax_rates', till(['business_date', 'tax_rate_bps']), [
        'total',
        'tax',
      ]),
      months: upsert('rollup_product_months', till(['month', 'product_id']), [
        'quantity',
        'gross',
        'tax',
      ]),
    };
    // sales.business_date in the store's zone, as checkout stamps it.
    const zone = this.db.prepare("SELECT value FROM settings WHERE key = 'time_zone'").get() as
      { value: string } | undefined;
    this.days = new BusinessDayStamper(zone?.value ?? systemTimeZone());
    this.writeOne = this.db.transaction((sale: RawSale) => this.write(sale));
  }

  /** Writes one sale in its own transaction (committed, fsynced); returns its id. */
  record(sale: RawSale): number {
    return this.writeOne(sale);
  }

  /** Writes many sales in one transaction (bulk seeding only). */
  recordMany(sales: readonly RawSale[]): void {
    this.db.transaction(() => {
      for (const s of sales) this.write(s);
    })();
  }

  private write(sale: RawSale): number {
    const receiptNo = (this.takeReceipt.get(this.tillId) as { receipt_no: number }).receipt_no;
    const priced = sale.lines.map((l) => {
      const gross = l.unitPrice * l.quantity;
      return { ...l, gross, tax: inclusiveTax(gross, l.taxRateBps) };
    });
    const total = priced.reduce((a, l) => a + l.gross, 0);
    const tax = priced.reduce((a, l) => a + l.tax, 0);
    const day = this.days.dayOf(new Date(sale.createdAt));
    const saleId = Number(
      this.insertSale.run(
        randomUUID(),
        this.tillId,
        receiptNo,
        sale.staffId,
        sale.customerId,
        total,
        tax,
        total,
        this.source,
        sale.createdAt,
        day,
      ).lastInsertRowid,
    );
    priced.forEach((l, i) =>
      this.insertLine.run(
        saleId,
        i + 1,
        l.productId,
        l.sku,
        l.name,
        l.unitPrice,
        l.quantity,
        l.taxRateBps,
        l.tax,
        l.gross,
      ),
    );
    if (sale.tender === 'cash') this.insertTender.run(saleId, 'cash', total, total, 0);
    else this.insertTender.run(saleId, 'card', total, null, null);
    const items = priced.reduce((a, l) => a + l.quantity, 0);
    const r = this.rollups;
    const till = this.tillId;
    r.staff!.run(day, sale.staffId, till, 1, items, total, tax);
    r.hours!.run(day, localHour(sale.createdAt, this.days.timeZone), till, 1, items, total, tax);
    for (const l of priced) {
      r.products!.run(day, l.productId, till, l.quantity, l.gross, l.tax);
      r.taxRates!.run(day, l.taxRateBps, till, l.gross, l.tax);
      r.months!.run(day.slice(0, 7), l.productId, till, l.quantity, l.gross, l.tax);
    }
    r.tenders!.run(day, sale.tender, till, 1, total);
    const moved = priced.filter((l) => l.stock);
    for (const l of moved)
      this.insertMovement.run(
        l.productId,
        -l.quantity,
        sale.staffId,
        this.tillId,
        saleId,
        sale.createdAt,
      );
    for (const [productId, quantity] of sumByProduct(moved))
      if (quantity !== 0) this.moveOnHand.run(-quantity, productId);
    const prev = (this.lastHash.get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
    const row = {
      prevHash: prev,
      at: sale.createdAt,
      actorId: sale.staffId,
      actorName: sale.staffName,
      action: 'sale.complete',
      targetType: 'sale',
      targetId: String(saleId),
      terminal: this.terminal,
      outcome: 'success' as const,
      detail: `receipt ${this.tillName}-${receiptNo}; ${priced.length} lines; total ${total} GBP`,
    };
    this.insertAudit.run(...auditRowValues(row, hashAuditRow(row)));
    return saleId;
  }

  close(): void {
    this.db.close();
  }
}

/** Finds or creates a till row named `name` (raw), returning its id. */
export function ensureRawTill(db: Database.Database, name: string): number {
  const found = db.prepare('SELECT id FROM tills WHERE name = ?').get(name) as
    { id: number } | undefined;
  if (found) return found.id;
  return Number(
    db
      .prepare('INSERT INTO tills (name, next_receipt_no, created_at) VALUES (?, 1, ?)')
      .run(name, new Date().toISOString()).lastInsertRowid,
  );
}

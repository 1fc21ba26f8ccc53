/**
 * The physical limit of a sale on this machine: the same rows the core writes for a sale (till
 * counter UPDATE … RETURNING, sales header, one sale_lines row per line, one sale_tenders row, one
 * chained audit_events row) with raw better-sqlite3 prepared statements in ONE transaction per sale,
 * with the core's pragmas (WAL, synchronous=FULL, foreign_keys=ON). No router, session, schema,
 * pricing or ORM: what is left is SQLite, the B-trees of a database of this size, and fsync.
 *
 * Also used to add the busy day's sales to the seeded database (with the audit chain kept intact).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, hashAuditRow } from '../../electron/core/audit/audit-log';
import { applyPragmas } from '../../electron/core/db/pragmas';
import { BusinessDayStamper } from '../../electron/core/sales/local-day';
import { systemTimeZone } from '../../electron/core/settings/settings-service';
import { inclusiveTax } from '../../shared/money';

export interface RawLine {
  productId: number;
  sku: string;
  name: string;
  /** Minor units, tax-inclusive. */
  unitPrice: number;
  quantity: number;
  taxRateBps: number;
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
        this.days.dayOf(new Date(sale.createdAt)),
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
    this.insertAudit.run(
      row.at,
      row.actorId,
      row.actorName,
      row.action,
      row.targetType,
      row.targetId,
      row.terminal,
      row.outcome,
      row.detail,
      row.prevHash,
      hashAuditRow(row),
    );
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

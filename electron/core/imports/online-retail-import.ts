/**
 * The Online Retail importer (UCI "Online Retail", CC BY 4.0; data/README.md).
 * See shared/contract/imports.ts for the rules and the report it answers with, and
 * ./online-retail-parse.ts for how the file is read (its times are taken as UTC).
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, OnlineRetailReport } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run, valuesList } from '../db/sql';
import { CategoryPathResolver } from '../categories/category-paths';
import { BusinessDayStamper, businessDay } from '../sales/local-day';
import { insertSale } from '../sales/sale-writer';
import { rebuildRollups } from '../analytics/rollups';
import { foldForSearch } from '../search/normalize';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../types';
import type { ImportJob } from './import-jobs';
import { importedMemberId } from './imported-member';
import { kindOfCode, type RetailInvoice, type RetailRow } from './online-retail-parse';
import { readOnlineRetail } from './online-retail-read';

/** The till every imported invoice is numbered on. */
export const IMPORT_TILL_NAME = 'Online Retail import';
/** The top-level category the sample's new products go in (issue 11, section 1). */
export const SAMPLE_CATEGORY = 'Sample';

/** Fixed namespace of the deterministic sale UUIDs (never change it: re-imports rely on it). */
const UUID_NAMESPACE = 'b8a1f6a2-6c1e-4d0b-9a47-0e5f3c2d7a91';

/** A name-based (version 5 style, SHA-1) UUID for an invoice number: the same file → the same ids. */
export function invoiceUuid(invoiceNo: string): string {
  const ns = Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(invoiceNo, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** IMPORT_REJECTED unless `currency` is GBP, the currency of the Online Retail file. */
function assertGbp(currency: string): void {
  if (currency !== 'GBP')
    throw new AppError(
      'IMPORT_REJECTED',
      `The Online Retail file is in pounds sterling (GBP), but this store's currency is ${currency}. Nothing was imported.`,
    );
}

const CHUNK = 500;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface ProductPlan {
  sku: string;
  name: string;
  /** Most recent unit price of a sold line (or of any line if never sold), minor units. */
  price: number;
  priceAt: string;
  priceFromSale: boolean;
}

function productPlans(rows: readonly RetailRow[]): Map<string, ProductPlan> {
  const plans = new Map<string, ProductPlan>();
  for (const r of rows) {
    const sold = r.quantity > 0;
    const p = plans.get(r.sku);
    if (!p) {
      plans.set(r.sku, {
        sku: r.sku,
        name: r.description.trim(),
        price: r.unitPrice,
        priceAt: r.at,
        priceFromSale: sold,
      });
      continue;
    }
    if (!p.name) p.name = r.description.trim();
    // A later sold line wins; a sold line always beats a returned one.
    if ((sold && !p.priceFromSale) || (sold === p.priceFromSale && r.at >= p.priceAt)) {
      p.price = r.unitPrice;
      p.priceAt = r.at;
      p.priceFromSale = sold;
    }
  }
  for (const p of plans.values()) if (!p.name) p.name = p.sku;
  return plans;
}

export class OnlineRetailImporter {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Imports the file as `actor` (needs `data.import`). All or nothing: if any row is refused the
   * report lists it (1-based file lines) and nothing is written. Otherwise ONE transaction writes
   * the missing products, customers and every invoice not imported before (a sale or a refund on
   * the till "Online Retail import", source `import`, external_ref = InvoiceNo, credited to the
   * "Imported" pseudo-member, never to the actor: ./imported-member.ts), plus one
   * `import.online_retail` audit row naming the actor. A new customer's `created_at` ("customer
   * since") is their first purchase in the file, and an earlier purchase in a later import moves
   * it back. Amounts are pence; times UTC.
   *
   * The file is in pounds sterling: a store whose currency is not GBP is refused before the file
   * is read, and again inside the write transaction (the currency as committed then, which
   * another till sharing the file may have changed), so nothing is ever written in the wrong
   * currency.
   *
   * The file (base64 bytes, UTF-8 or Windows-1252: see ../csv/import-file.ts) is read and checked
   * as `job`, streaming and in slices that yield to the event loop (F1); the write yields between
   * invoices too, but holds the write queue until it commits: other writes wait behind it.
   * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED (not CSV,
   * wrong header, store currency not GBP).
   */
  async import(
    actor: Session,
    csvBase64: string,
    job: ImportJob,
  ): Promise<ChannelOutput<'import:onlineRetail'>> {
    assertGbp(this.settings.currency());
    const { file, encoding } = await readOnlineRetail(csvBase64, job);
    const report: OnlineRetailReport = {
      rows: file.rows.length + new Set(file.rejected.map((r) => r.line)).size,
      encoding,
      invoices: file.invoices.length,
      salesCreated: 0,
      refundsCreated: 0,
      alreadyImported: 0,
      customersCreated: 0,
      productsCreated: 0,
      rejected: file.rejected,
      days: [],
    };
    if (file.rejected.length > 0) return report;
    report.rows = file.rows.length;
    report.days = await this.days(file.invoices, job);

    job.phase('queued');
    await this.db.write(async (em) => {
      job.phase('writing', file.rows.length);
      assertGbp((await this.settings.moneyRules(em)).currency);
      const now = this.clock.now().toISOString();
      const existing = new Set<string>();
      for (const part of chunks(file.invoices.map((i) => i.invoiceNo))) {
        const found = await run<{ external_ref: string }>(
          em,
          `SELECT external_ref FROM sales WHERE source = 'import' AND external_ref IN (${part.map(() => '?').join(', ')})`,
          part,
        );
        for (const f of found) existing.add(f.external_ref);
        if (job.advance(0)) await job.pause();
      }
      const todo = file.invoices.filter((i) => !existing.has(i.invoiceNo));
      report.alreadyImported = file.invoices.length - todo.length;
      const rows = todo.flatMap((i) => i.rows);
      job.expect(rows.length);

      const products = await this.ensureProducts(em, job, rows, now);
      const customers = await this.ensureCustomers(em, job, todo, rows, now);
      report.productsCreated = products.created;
      report.customersCreated = customers.created;

      if (todo.length > 0) {
        const tillId = await this.importTill(em, now);
        const staffId = await importedMemberId(em, now);
        const taken = await run<{ first: number | string }>(
          em,
          'UPDATE tills SET next_receipt_no = next_receipt_no + ? WHERE id = ? RETURNING next_receipt_no - ? AS first',
          [todo.length, tillId, todo.length],
        );
        let receiptNo = Number(taken[0]!.first);
        const days = new BusinessDayStamper(this.settings.timeZone());
        for (const inv of todo) {
          await insertSale(
            em,
            {
              uuid: invoiceUuid(inv.invoiceNo),
              tillId,
              receiptNo: receiptNo++,
              kind: inv.kind,
              refundOfId: null,
              staffId,
              customerId: inv.customerRef === null ? null : customers.ids.get(inv.customerRef)!,
              currency: 'GBP',
              pricesIncludeTax: true,
              subtotal: inv.total,
              discount: 0,
              tax: 0,
              total: inv.total,
              note: null,
              source: 'import',
              externalRef: inv.invoiceNo,
              requestHash: null,
              createdAt: inv.at,
              businessDate: days.dayOf(new Date(inv.at)),
            },
            inv.rows.map((r) => {
              const product = products.bySku.get(r.sku)!;
              return {
                productId: product.id,
                sku: product.sku,
                description: r.description === '' ? product.name : r.description,
                unitPrice: r.unitPrice,
                quantity: r.quantity,
                taxRateBps: 0,
                discount: 0,
                tax: 0,
                total: r.quantity * r.unitPrice,
                refundOfLineId: null,
              };
            }),
            inv.total === 0
              ? []
              : [{ type: 'other', amount: inv.total, tendered: null, changeDue: null }],
          );
          if (inv.kind === 'sale') report.salesCreated += 1;
          else report.refundsCreated += 1;
          if (job.advance(inv.rows.length)) await job.pause();
        }
        // The imported days' sales rollups, recomputed in this transaction (issue 11, section 4).
        const stamped = todo.map((i) => days.dayOf(new Date(i.at))).sort();
        await rebuildRollups(em, days.timeZone, { from: stamped[0]!, to: stamped.at(-1)! });
      }

      await this.audit.record(em, {
        action: 'import.online_retail',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'import',
        targetId: 'online-retail',
        detail: `rows ${report.rows}; invoices ${report.invoices}; sales ${report.salesCreated}; refunds ${report.refundsCreated}; already imported ${report.alreadyImported}; customers ${report.customersCreated}; products ${report.productsCreated}`,
      });
    });
    return report;
  }

  /** Per store-local day: what the file holds (all its invoices, imported now or before). */
  private async days(
    invoices: readonly RetailInvoice[],
    job: ImportJob,
  ): Promise<OnlineRetailReport['days']> {
    const timeZone = this.settings.timeZone();
    const byDay = new Map<string, OnlineRetailReport['days'][number]>();
    for (const inv of invoices) {
      if (job.advance(0)) await job.pause();
      const date = businessDay(new Date(inv.at), timeZone);
      const d = byDay.get(date) ?? { date, sales: 0, refunds: 0, gross: 0, refundTotal: 0, net: 0 };
      if (inv.kind === 'sale') {
        d.sales += 1;
        d.gross += inv.total;
      } else {
        d.refunds += 1;
        d.refundTotal -= inv.total;
      }
      d.net = d.gross - d.refundTotal;
      byDay.set(date, d);
    }
    return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** The import till's id, created in this transaction if missing. */
  private async importTill(em: EntityManager, now: string): Promise<number> {
    const found = await run<{ id: number }>(em, 'SELECT id FROM tills WHERE name = ?', [
      IMPORT_TILL_NAME,
    ]);
    if (found[0]) return Number(found[0].id);
    const made = await run<{ id: number }>(
      em,
      'INSERT INTO tills (name, next_receipt_no, created_at) VALUES (?, 1, ?) RETURNING id',
      [IMPORT_TILL_NAME, now],
    );
    return Number(made[0]!.id);
  }

  /**
   * Finds products by SKU and inserts the missing ones (kind from the code, tax 0, active) in the
   * top-level category `SAMPLE_CATEGORY`, created if needed (issue 11, section 1).
   */
  private async ensureProducts(
    em: EntityManager,
    job: ImportJob,
    rows: readonly RetailRow[],
    now: string,
  ): Promise<{ bySku: Map<string, { id: number; sku: string; name: string }>; created: number }> {
    const plans = productPlans(rows);
    const bySku = new Map<string, { id: number; sku: string; name: string }>();
    const load = async (skus: string[]) => {
      for (const part of chunks(skus)) {
        const found = await run<{ id: number; sku: string; name: string }>(
          em,
          `SELECT id, sku, name FROM products WHERE sku IN (${part.map(() => '?').join(', ')})`,
          part,
        );
        for (const f of found) bySku.set(f.sku, { id: Number(f.id), sku: f.sku, name: f.name });
        if (job.advance(0)) await job.pause();
      }
    };
    await load([...plans.keys()]);
    const missing = [...plans.values()].filter((p) => !bySku.has(p.sku));
    const category =
      missing.length > 0
        ? await new CategoryPathResolver(now).resolve(em, [SAMPLE_CATEGORY])
        : null;
    for (const part of chunks(missing)) {
      const params: unknown[] = [];
      for (const p of part)
        params.push(
          category,
          p.sku,
          null,
          p.name,
          foldForSearch(p.name),
          p.price,
          0,
          kindOfCode(p.sku),
          true,
          null,
          now,
          now,
        );
      await run(
        em,
        `INSERT INTO products (category_id, sku, barcode, name, search_name, price, tax_rate_bps,
           kind, active, archived_at, created_at, updated_at) VALUES ${valuesList(part.length, 12)}`,
        params,
      );
      if (job.advance(0)) await job.pause();
    }
    await load(missing.map((p) => p.sku));
    return { bySku, created: missing.length };
  }

  /** Finds customers by external_ref and inserts the missing ones (`Customer 17850`, country). */
  private async ensureCustomers(
    em: EntityManager,
    job: ImportJob,
    invoices: readonly RetailInvoice[],
    rows: readonly RetailRow[],
    now: string,
  ): Promise<{ ids: Map<string, number>; created: number }> {
    const country = new Map<string, string | null>();
    for (const r of rows)
      if (r.customerRef !== null && !country.has(r.customerRef))
        country.set(r.customerRef, r.country);
    // "Customer since": the first purchase (UTC ISO strings compare in time order).
    const firstAt = new Map<string, string>();
    for (const inv of invoices) {
      if (inv.customerRef === null) continue;
      const seen = firstAt.get(inv.customerRef);
      if (seen === undefined || inv.at < seen) firstAt.set(inv.customerRef, inv.at);
    }
    const refs = [...new Set(invoices.flatMap((i) => (i.customerRef ? [i.customerRef] : [])))];
    const ids = new Map<string, number>();
    const load = async (list: string[]) => {
      for (const part of chunks(list)) {
        const found = await run<{ id: number; external_ref: string }>(
          em,
          `SELECT id, external_ref FROM customers WHERE external_ref IN (${part.map(() => '?').join(', ')})`,
          part,
        );
        for (const f of found) ids.set(f.external_ref, Number(f.id));
        if (job.advance(0)) await job.pause();
      }
    };
    await load(refs);
    // Customers from an earlier import: an earlier purchase in this file moves "since" back.
    for (const [ref, id] of ids) {
      await run(em, 'UPDATE customers SET created_at = ? WHERE id = ? AND created_at > ?', [
        firstAt.get(ref)!,
        id,
        firstAt.get(ref)!,
      ]);
      if (job.advance(0)) await job.pause();
    }
    const missing = refs.filter((r) => !ids.has(r));
    for (const part of chunks(missing)) {
      const params: unknown[] = [];
      for (const ref of part) {
        const name = `Customer ${ref}`;
        const folded = foldForSearch(name);
        params.push(
          name,
          null,
          null,
          null,
          country.get(ref) ?? null,
          null,
          ref,
          folded,
          folded,
          null,
          firstAt.get(ref) ?? now,
          now,
        );
      }
      await run(
        em,
        `INSERT INTO customers (name, email, phone, phone_digits, country, notes, external_ref,
           search_name, search_text, archived_at, created_at, updated_at)
         VALUES ${valuesList(part.length, 12)}`,
        params,
      );
      if (job.advance(0)) await job.pause();
    }
    await load(missing);
    return { ids, created: missing.length };
  }
}

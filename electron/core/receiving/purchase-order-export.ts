/**
 * `purchaseOrders:export` (issue 11, section 3: purchase orders are "exportable as PDF and CSV, to
 * send to the supplier"). Both files are made whole before the save dialog opens (save-file.ts),
 * so a failure leaves nothing behind; a saved file is audited as `reports.export`.
 * - CSV: UTF-8 with a byte-order mark, one row a line (PO number, supplier, SKU, product,
 *   quantity, unit cost, line total, currency), money as exact decimal text of the store currency
 *   (exports/cells.ts), with the options of every CSV Kassa writes (NEUTRAL_CSV_OPTIONS: every
 *   cell quoted, CRLF, a text cell starting with = + - @ tab or CR neutralised).
 * - PDF: A4, drawn by the browser engine from the renderer's print route (`purchaseOrderA4`)
 *   through the PdfMaker port, as the Z report is (shifts/z-report-pdf.ts); REPORT_PDF_FAILED
 *   without an engine or when it fails.
 */
import { stringify } from 'csv-stringify/sync';
import {
  purchaseOrderNumber,
  type PurchaseOrderPrintDocument,
  type PurchaseOrderView,
} from '../../../shared/contract/receiving';
import type { SavedFile } from '../../../shared/contract/common';
import { AppError } from '../../../shared/errors';
import { NEUTRAL_CSV_OPTIONS } from '../audit/audit-export';
import type { Session } from '../auth/sessions';
import { exponentOf, minorToDecimal } from '../exports/cells';
import { saveMadeFile, type SaveFileDeps } from '../exports/save-file';
import { makePdf, type PdfMaker } from '../receipts/receipt-pdf';
import type { SettingsService } from '../settings/settings-service';
import type { Caller, Clock } from '../types';
import type { PurchaseOrderService } from './purchase-order-service';
import { supplierRow } from './supplier-service';

export interface PurchaseOrderExportDeps extends SaveFileDeps {
  clock: Clock;
  settings: SettingsService;
  orders: PurchaseOrderService;
  /** Absent in a core without a browser engine (scripts): every PDF is REPORT_PDF_FAILED. */
  pdf?: PdfMaker;
}

/** The CSV's header row, in column order. */
export const PURCHASE_ORDER_CSV_COLUMNS = [
  'po_number',
  'supplier',
  'sku',
  'product',
  'quantity',
  'unit_cost',
  'line_total',
  'currency',
] as const;

/** `order` as neutralised CSV text (BOM, header, one row a line) in `currency`'s minor units. */
export function purchaseOrderCsv(order: PurchaseOrderView, currency: string): string {
  const e = exponentOf(currency);
  const rows = order.lines.map((l) => [
    purchaseOrderNumber(order.id),
    order.supplier.name,
    l.sku,
    l.name,
    String(l.quantity),
    minorToDecimal(l.unitCost, e),
    minorToDecimal(l.quantity * l.unitCost, e),
    currency,
  ]);
  return '\ufeff' + stringify([[...PURCHASE_ORDER_CSV_COLUMNS], ...rows], NEUTRAL_CSV_OPTIONS);
}

/**
 * The file name offered: `kassa-PO-00012-<supplier>.<csv|pdf>`, the supplier's name reduced to
 * letters, digits and dashes (a name is never a path).
 */
export function purchaseOrderFileName(order: PurchaseOrderView, extension: string): string {
  const supplier =
    order.supplier.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'supplier';
  return `kassa-${purchaseOrderNumber(order.id)}-${supplier}.${extension}`;
}

export class PurchaseOrderExport {
  constructor(private readonly d: PurchaseOrderExportDeps) {}

  /**
   * Saves order `id` as `format` for `session`, the dialog belonging to `caller`'s window.
   * Errors: NOT_FOUND (no such order), REPORT_PDF_FAILED (PDF: no engine, or it failed); both
   * open no dialog and change nothing.
   */
  async export(
    session: Session,
    caller: Caller,
    input: { id: number; format: 'csv' | 'pdf' },
  ): Promise<SavedFile> {
    const order = await this.d.orders.get(input.id);
    const currency = this.d.settings.currency();
    const bytes =
      input.format === 'csv'
        ? Buffer.from(purchaseOrderCsv(order, currency), 'utf8')
        : await makePdf(
            this.d.pdf,
            await this.printDocument(order, currency),
            () => new AppError('REPORT_PDF_FAILED', 'The purchase order PDF could not be made.'),
          );
    return saveMadeFile(this.d, session, caller, {
      bytes,
      suggestedName: purchaseOrderFileName(order, input.format),
      extension: input.format,
      targetType: 'purchase_order',
      targetId: order.id,
      what: `${input.format} ${purchaseOrderNumber(order.id)} to ${order.supplier.name}`,
    });
  }

  /** What the print route draws for `order`: the order, its supplier, the store, the time. */
  private async printDocument(
    order: PurchaseOrderView,
    currency: string,
  ): Promise<PurchaseOrderPrintDocument> {
    const supplier = await supplierRow(this.d.db.manager, order.supplier.id);
    const s = this.d.settings.get();
    return {
      layout: 'purchaseOrderA4',
      order,
      supplier: {
        name: supplier.name,
        contact: supplier.contact,
        email: supplier.email,
        phone: supplier.phone,
      },
      store: {
        storeName: s.storeName,
        storeAddress: s.storeAddress,
        taxNumber: s.taxNumber,
        locale: this.d.settings.locale(),
        timeZone: this.d.settings.timeZone(),
      },
      currency,
      printedAt: this.d.clock.now().toISOString(),
    };
  }
}

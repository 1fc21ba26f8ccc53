/**
 * `shifts:exportPdf` (issue 10, section 1: the Z report "exports as PDF"): a Z report on A4 for
 * the shop's accountant, drawn by the browser engine from the renderer's print route through the
 * `PdfMaker` port (receipts/receipt-pdf.ts), saved where the person picks in the shell's save
 * dialog, the same way as the accountant's exports (exports/save-path.ts).
 *
 * Order, so that a failure leaves nothing behind: the PDF is made first; only then does the save
 * dialog open, and the bytes are written once, to the path picked. No engine (a core without a
 * shell) or an engine failure is REPORT_PDF_FAILED: no dialog, no file, no audit row. A saved
 * file is audited (L1) as `reports.export`, as the accountant's exports are: the till's figures
 * left the till.
 */
import type { ZReport, ZReportPdfResult, ZReportPrintDocument } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { SaveDialog } from '../exports/save-path';
import { saveMadeFile } from '../exports/save-file';
import { makePdf, type PdfMaker } from '../receipts/receipt-pdf';
import { businessDay } from '../sales/local-day';
import type { SettingsService } from '../settings/settings-service';
import type { Caller, Clock } from '../types';
import type { ZReports } from './z-reports';

export interface ZReportPdfDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  settings: SettingsService;
  zReports: ZReports;
  saveDialog: SaveDialog;
  /** Absent in a core without a browser engine (scripts): every export is REPORT_PDF_FAILED. */
  pdf?: PdfMaker;
}

/** What the print route draws for `z`: the report, the store and the time the PDF was made. */
export function zReportPrintDocument(
  z: ZReport,
  settings: SettingsService,
  now: Date,
): ZReportPrintDocument {
  const s = settings.get();
  return {
    layout: 'zReportA4',
    report: z,
    store: {
      storeName: s.storeName,
      storeAddress: s.storeAddress,
      taxNumber: s.taxNumber,
      locale: settings.locale(),
      timeZone: settings.timeZone(),
    },
    printedAt: now.toISOString(),
  };
}

/**
 * The file name offered: `kassa-z-<till>-<Z number, 4 digits>-<business day of the close>.pdf`,
 * the till's name reduced to letters, digits and dashes (a name is never a path).
 */
export function zReportFileName(z: ZReport, timeZone: string): string {
  const till = z.tillName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'till';
  const day = businessDay(new Date(z.closedAt), timeZone);
  return `kassa-z-${till}-${String(z.zNo).padStart(4, '0')}-${day}.pdf`;
}

export class ZReportPdf {
  constructor(private readonly d: ZReportPdfDeps) {}

  /**
   * Saves Z report `zReportId` as a PDF for `session`, the dialog belonging to `caller`'s window.
   * Errors: NOT_FOUND (no such Z report), REPORT_PDF_FAILED (no engine, or it failed); both
   * change nothing. See the module comment for the order of the steps.
   */
  async export(session: Session, caller: Caller, zReportId: number): Promise<ZReportPdfResult> {
    const z = await this.d.zReports.get(zReportId);
    const doc = zReportPrintDocument(z, this.d.settings, this.d.clock.now());
    const pdf = await makePdf(
      this.d.pdf,
      doc,
      () => new AppError('REPORT_PDF_FAILED', 'The Z report PDF could not be made.'),
    );
    return saveMadeFile(this.d, session, caller, {
      bytes: pdf,
      suggestedName: zReportFileName(z, doc.store.timeZone),
      extension: 'pdf',
      targetType: 'z_report',
      targetId: z.id,
      what: `pdf Z ${z.zNo} of ${z.tillName}`,
    });
  }
}

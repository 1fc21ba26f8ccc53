/**
 * `analytics:export` (issue 11, section 4: "every report exports as CSV and PDF"): a dashboard
 * report, or the whole dashboard, saved where the person picks.
 *
 * 1. The figures come from the SAME service functions as the `analytics:*` channels
 *    (`REPORT_SOURCES` below), on the read connection, never from a second query;
 * 2. each answer becomes tables (report-tables.ts);
 * 3. the tables become CSV bytes (report-csv.ts), or an A4 landscape PDF drawn by the browser
 *    engine from the renderer's print route (layout `reportA4`, through the `PdfMaker` port);
 * 4. only then does the save dialog open (exports/save-file.ts): a PDF that cannot be made is
 *    REPORT_PDF_FAILED with no dialog, no file and no audit row. A saved file is audited as
 *    `reports.export` with target type `report`.
 */
import type { EntityManager } from 'typeorm';
import type {
  ExportReport,
  ReportExportRequest,
  ReportPrintDocument,
  ReportTable,
  SavedFile,
} from '../../../shared/contract';
import { EXPORT_REPORTS } from '../../../shared/contract/analytics-export';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { saveMadeFile } from '../exports/save-file';
import type { SaveDialog } from '../exports/save-path';
import { makePdf, type PdfMaker } from '../receipts/receipt-pdf';
import type { SettingsService } from '../settings/settings-service';
import type { Caller, Clock } from '../types';
import { customerReport, staffPerformance } from './people-reports';
import { reportCsv } from './report-csv';
import {
  customersTables,
  heatmapTables,
  keyFiguresTables,
  staffPerformanceTables,
  taxReportTables,
  topCategoriesTables,
  topProductsTables,
  trendTables,
} from './report-tables';
import { heatmap, keyFigures, trend } from './sales-reports';
import { taxReport, topProducts } from './catalogue-reports';
import { topCategories } from './category-reports';

/** What a report is read with: the read connection and the store's currency and zone. */
interface ReportSource {
  em: EntityManager;
  currency: string;
  timeZone: string;
}

type SingleReport = (typeof EXPORT_REPORTS)[number];

/** Each report: read through its channel's own service function, then mapped to tables. */
const REPORT_SOURCES: Record<
  SingleReport,
  (s: ReportSource, r: ReportExportRequest) => Promise<ReportTable[]>
> = {
  keyFigures: async (s, r) => keyFiguresTables(await keyFigures(s.em, range(r), s.currency)),
  trend: async (s, r) =>
    trendTables(await trend(s.em, { ...range(r), grain: r.grain }, s.currency)),
  topProducts: async (s, r) =>
    topProductsTables(
      await topProducts(s.em, { ...range(r), ...top(r), by: r.by }, s.currency),
      r.by,
    ),
  topCategories: async (s, r) =>
    topCategoriesTables(
      await topCategories(s.em, { ...range(r), ...top(r), by: r.categoryBy }, s.currency),
      r.categoryBy,
    ),
  taxReport: async (s, r) => taxReportTables(await taxReport(s.em, range(r), s.currency)),
  staffPerformance: async (s, r) =>
    staffPerformanceTables(await staffPerformance(s.em, range(r), s.currency, s.timeZone)),
  heatmap: async (s, r) => heatmapTables(await heatmap(s.em, range(r), s.currency)),
  customers: async (s, r) => customersTables(await customerReport(s.em, range(r), s.currency)),
};

function range(r: ReportExportRequest): { from: string; to: string } {
  return { from: r.from, to: r.to };
}

/** The top lists' length and category filter. */
function top(r: ReportExportRequest): { limit: number; categoryId?: number } {
  return { limit: r.limit, ...(r.categoryId === undefined ? {} : { categoryId: r.categoryId }) };
}

/** The tables of `r.report`: one report's, or every report's in the dashboard's order. */
export async function reportTables(
  s: ReportSource,
  r: ReportExportRequest,
): Promise<ReportTable[]> {
  const reports = r.report === 'dashboard' ? EXPORT_REPORTS : [r.report];
  const tables: ReportTable[] = [];
  for (const report of reports) tables.push(...(await REPORT_SOURCES[report](s, r)));
  return tables;
}

/** `kassa-top-products-2026-11-01_2026-11-30.csv`: the report in kebab case, the range. */
export function reportFileName(report: ExportReport, from: string, to: string, ext: string) {
  const name = report.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `kassa-${name}-${from}_${to}.${ext}`;
}

export interface ReportExportDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  settings: SettingsService;
  saveDialog: SaveDialog;
  /** Absent in a core without a browser engine (scripts): every PDF is REPORT_PDF_FAILED. */
  pdf?: PdfMaker;
}

export class ReportExport {
  constructor(private readonly d: ReportExportDeps) {}

  /**
   * Saves `r` for `session`, the dialog belonging to `caller`'s window; see the module comment.
   * Errors: REPORT_PDF_FAILED (no engine, or it failed), which changes nothing.
   */
  async export(session: Session, caller: Caller, r: ReportExportRequest): Promise<SavedFile> {
    const { settings } = this.d;
    const currency = settings.currency();
    const tables = await reportTables(
      { em: this.d.db.manager, currency, timeZone: settings.timeZone() },
      r,
    );
    const bytes =
      r.format === 'csv'
        ? reportCsv(r, tables, currency)
        : await makePdf(
            this.d.pdf,
            this.printDocument(r, tables, currency),
            () => new AppError('REPORT_PDF_FAILED', 'The report PDF could not be made.'),
          );
    return saveMadeFile(this.d, session, caller, {
      bytes,
      suggestedName: reportFileName(r.report, r.from, r.to, r.format),
      extension: r.format,
      targetType: 'report',
      targetId: null,
      what: `${r.format} ${r.report} ${r.from}..${r.to}`,
    });
  }

  /** What the print route draws: the tables, the store, the range and the time it is made. */
  private printDocument(
    r: ReportExportRequest,
    tables: ReportTable[],
    currency: string,
  ): ReportPrintDocument {
    const s = this.d.settings.get();
    return {
      layout: 'reportA4',
      report: r.report,
      range: range(r),
      currency,
      tables,
      store: {
        storeName: s.storeName,
        storeAddress: s.storeAddress,
        taxNumber: s.taxNumber,
        locale: this.d.settings.locale(),
        timeZone: this.d.settings.timeZone(),
      },
      printedAt: this.d.clock.now().toISOString(),
    };
  }
}

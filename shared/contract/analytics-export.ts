/**
 * Report exports (issue 11, section 4: "every report exports as CSV (formula-neutralised) and
 * PDF"). `analytics:export` answers one dashboard report, or the whole dashboard, from the same
 * service functions as the `analytics:*` channels, turns it into tables (a `ReportTable` each:
 * electron/core/analytics/report-tables.ts) and saves them as CSV or as an A4 PDF drawn by the
 * renderer's print route (layout `reportA4`), where the person picks in the shell's save dialog.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { idSchema, localDateSchema, savedFileSchema, utcTimestamp } from './common';
import {
  MAX_HOURLY_DAYS,
  MAX_RANGE_DAYS,
  rangeDays,
  topBySchema,
  trendGrainSchema,
} from './analytics';

/** The dashboard's reports, each exportable alone, in the dashboard's order. */
export const EXPORT_REPORTS = [
  'keyFigures',
  'trend',
  'topProducts',
  'topCategories',
  'taxReport',
  'staffPerformance',
  'heatmap',
  'customers',
] as const;
/** A report, or `dashboard`: every report, one after the other, in one file. */
export const exportReportSchema = z.enum([...EXPORT_REPORTS, 'dashboard']);
export type ExportReport = z.infer<typeof exportReportSchema>;

/**
 * How a column's cells are written:
 * - `text`: people's text as is (names, SKUs; neutralised in CSV);
 * - `label`: a fixed code Kassa writes (a tender type, a figure's name): the code in CSV, its
 *   translation (reportExport catalogue, `labels.<code>`) in the PDF;
 * - `money`: integer minor units of the document's currency (decimal major units in CSV);
 * - `count`: a number of things, or a ratio such as items per sale (two decimals at most);
 * - `percent`: basis points (2000 = 20 %; "20.00" in CSV); null when there is nothing to compare;
 * - `date`: a business day `YYYY-MM-DD`.
 */
export const REPORT_COLUMN_KINDS = ['text', 'label', 'money', 'count', 'percent', 'date'] as const;
export type ReportColumnKind = (typeof REPORT_COLUMN_KINDS)[number];

const reportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCellSchema>;

/**
 * One table of a report: `id` names it (its CSV section and its PDF caption, reportExport
 * catalogue `tables.<id>`), `columns` name the cells of each row in order (`key`: the CSV header
 * and the PDF column heading, `columns.<key>`), `totals` is an optional last row whose first
 * cell is null (written "Total").
 */
export const reportTableSchema = z.strictObject({
  id: z.string(),
  columns: z.array(z.strictObject({ key: z.string(), kind: z.enum(REPORT_COLUMN_KINDS) })),
  rows: z.array(z.array(reportCellSchema)),
  totals: z.array(reportCellSchema).optional(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

/**
 * A report as the print route draws it on A4 landscape: its tables, the store, the range, the
 * currency of the money cells and when the PDF was made. The core builds it
 * (electron/core/analytics/report-export.ts); the print route reads it from its URL fragment.
 */
export const reportPrintDocumentSchema = z.strictObject({
  layout: z.literal('reportA4'),
  report: exportReportSchema,
  range: z.strictObject({ from: localDateSchema, to: localDateSchema }),
  currency: z.string(),
  tables: z.array(reportTableSchema),
  store: z.strictObject({
    storeName: z.string(),
    /** Lines separated by "\n"; may be empty. */
    storeAddress: z.string(),
    taxNumber: z.string(),
    /** BCP 47; the print route formats money, numbers and days in it. */
    locale: z.string(),
    /** IANA zone of the store: the printed-at time is written in it. */
    timeZone: z.string(),
  }),
  printedAt: utcTimestamp,
});
export type ReportPrintDocument = z.infer<typeof reportPrintDocumentSchema>;

/**
 * `analytics:export`'s input: the report, its range (as the analytics channels: in order, at most
 * MAX_RANGE_DAYS; MAX_HOURLY_DAYS for an hourly trend), the format, and the options of the
 * reports that have them (the others ignore them): the trend's `grain` (day by default),
 * top products' `by`, top categories' `categoryBy`, their `limit` and `categoryId` filter.
 */
export const reportExportRequestSchema = z
  .strictObject({
    report: exportReportSchema,
    from: localDateSchema,
    to: localDateSchema,
    format: z.enum(['csv', 'pdf']),
    grain: trendGrainSchema.default('day'),
    by: topBySchema.default('revenue'),
    /** How top categories are ranked (`by` ranks top products). */
    categoryBy: topBySchema.default('revenue'),
    limit: z.number().int().min(1).max(100).default(10),
    /** Top products and categories within this category and its sub-categories; NOT_FOUND. */
    categoryId: idSchema.optional(),
  })
  .superRefine((r, ctx) => {
    const days = rangeDays(r.from, r.to);
    if (Number.isNaN(days)) return;
    const hourly = r.grain === 'hour' && (r.report === 'trend' || r.report === 'dashboard');
    const max = hourly ? MAX_HOURLY_DAYS : MAX_RANGE_DAYS;
    if (days < 1)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts' });
    else if (days > max)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${max} days` });
  });
export type ReportExportRequest = z.infer<typeof reportExportRequestSchema>;

export const analyticsExportChannels = {
  'analytics:export': defineChannel({
    summary:
      "Save a dashboard report (keyFigures, trend, topProducts, topCategories, taxReport, staffPerformance, heatmap, customers) or the whole `dashboard` over business days `from`..`to` as CSV (UTF-8 with BOM; a section per table; money as decimal major units, the currency in the header; cells starting with = + - @ tab or CR get a leading apostrophe, OWASP CSV Injection) or as an A4 PDF drawn by the browser engine from the renderer's print route. The figures come from the same service functions as the analytics channels. The file is made before the shell's save dialog opens (without a shell, the `exports` folder beside the database): REPORT_PDF_FAILED (no browser engine, or it failed) opens no dialog and writes nothing. VALIDATION_FAILED for an unknown report or a bad range; NOT_FOUND for an unknown category. A closed dialog answers `cancelled`. A saved file is audited (reports.export, target `report`).",
    input: reportExportRequestSchema,
    output: savedFileSchema,
    access: 'reports.view',
    // As exports:run (S3): staff and customers' names and the shop's figures leave the till.
    reauth: true,
  }),
} as const;

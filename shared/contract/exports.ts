/**
 * Exports for the accountant (issue 10, section 6): the sales of a range of business days as CSV
 * (one dataset a file, formula-neutralised, OWASP "CSV Injection") or XLSX (one sheet a dataset).
 * The shell's save dialog picks the file; the core streams the rows into it in pages that give the
 * event loop back, so a year of sales never stalls the till. Money is written as decimal text from
 * minor units (a number with a money format in XLSX); times are UTC with the local business day.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { localDateSchema, uuidSchema } from './common';

/**
 * What can be exported, in the order of the workbook's sheets. Adding a dataset (the shifts'
 * Z reports) is one id here and one entry in the core's dataset table (electron/core/exports).
 */
export const EXPORT_DATASETS = ['sales', 'lines', 'tenders', 'taxRates', 'zReports'] as const;
export const exportDatasetSchema = z.enum(EXPORT_DATASETS);
export type ExportDataset = z.infer<typeof exportDatasetSchema>;

export const exportFormatSchema = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** The longest range one export takes, in days (both ends counted): a leap year. */
export const MAX_EXPORT_DAYS = 366;

/** Days from `from` to `to`, both counted (YYYY-MM-DD; calendar days, no time zone involved). */
export function exportRangeDays(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

/**
 * An export request:
 * - `jobId`: a client-made UUID naming this export for `exports:progress` and `exports:cancel`;
 * - `from`, `to`: business days (YYYY-MM-DD in the store's time zone), both included;
 * - `format`: `csv` takes exactly one dataset (one file); `xlsx` takes one or more, a sheet each.
 * The rules across fields (`from` ≤ `to`, at most MAX_EXPORT_DAYS days, no dataset twice, one
 * dataset for CSV) are the core's (`exportRequestProblem`), answered as VALIDATION_FAILED.
 */
export const exportRequestSchema = z.strictObject({
  jobId: uuidSchema,
  from: localDateSchema,
  to: localDateSchema,
  format: exportFormatSchema,
  datasets: z.array(exportDatasetSchema).min(1).max(EXPORT_DATASETS.length),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** What is wrong with `r` across its fields, as a field and a sentence; null when nothing. */
export function exportRequestProblem(
  r: Pick<ExportRequest, 'from' | 'to' | 'format' | 'datasets'>,
): { field: 'to' | 'datasets'; message: string } | null {
  if (r.from > r.to)
    return { field: 'to', message: 'The first day must not be after the last day' };
  if (exportRangeDays(r.from, r.to) > MAX_EXPORT_DAYS)
    return { field: 'to', message: `A range holds at most ${MAX_EXPORT_DAYS} days` };
  if (new Set(r.datasets).size !== r.datasets.length)
    return { field: 'datasets', message: 'A dataset is listed twice' };
  if (r.format === 'csv' && r.datasets.length !== 1)
    return { field: 'datasets', message: 'A CSV file holds one dataset' };
  return null;
}

/** Where a running export is: see `exports:progress`. */
export const exportProgressSchema = z.strictObject({
  /**
   * `choosing`: the save dialog is open; `counting`: counting the rows to write; `writing`:
   * streaming rows into the file; `finishing`: closing the file (XLSX: its zip directory).
   */
  phase: z.enum(['choosing', 'counting', 'writing', 'finishing']),
  /** Rows written so far, over every dataset of the export. */
  rowsDone: z.number().int().nonnegative(),
  /** Rows to write over every dataset; 0 until counted. */
  rowsTotal: z.number().int().nonnegative(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

export const exportResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('saved'),
    /** The file's name (not its folder), to show. */
    fileName: z.string(),
    /** Rows written per dataset, in the request's order (the header row not counted). */
    rows: z.array(z.strictObject({ dataset: exportDatasetSchema, rows: z.number().int() })),
    bytes: z.number().int().nonnegative(),
  }),
  /** The save dialog was closed without a file, or `exports:cancel` stopped it (no file left). */
  z.strictObject({ outcome: z.literal('cancelled') }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportChannels = {
  'exports:run': defineChannel({
    summary:
      "Export the sales of business days `from`..`to` (store time zone, both included, at most 366 days) for the accountant: datasets sales, lines, tenders and taxRates, as CSV (one dataset; cells starting with = + - @ tab or CR get a leading apostrophe, OWASP CSV Injection) or XLSX (a sheet per dataset, money as numbers with a money format). The shell's save dialog picks the file; the core streams rows in pages that yield to the event loop and reports progress under `jobId` via exports:progress; exports:cancel stops it and removes the partial file. Money as decimal text from minor units; times UTC plus the local business day. Audited (reports.export). VALIDATION_FAILED for a bad range; CONFLICT when an export with this id runs or has run (a job id names one export: a repeated call never writes a second file).",
    input: exportRequestSchema,
    output: exportResultSchema,
    access: 'reports.view',
    // As audit:exportCsv (S3): the sales, with staff and customers' names, leave the till.
    reauth: true,
  }),
  'exports:progress': defineChannel({
    summary:
      "How far the caller's running export `jobId` is: phase, rows written, rows to write. `progress: null` when no such export of the caller is running (not begun, finished, or another member's). The renderer polls it about every 250 ms while exports:run is pending. Reads memory only.",
    input: z.strictObject({ jobId: uuidSchema }),
    output: z.strictObject({ progress: exportProgressSchema.nullable() }),
    access: 'reports.view',
    activity: false,
  }),
  'exports:cancel': defineChannel({
    summary:
      "Stops the caller's running export `jobId`: exports:run then answers `cancelled` and the partial file is removed. `cancelled: false` when no such export of the caller is running.",
    input: z.strictObject({ jobId: uuidSchema }),
    output: z.strictObject({ cancelled: z.boolean() }),
    access: 'reports.view',
  }),
} as const;

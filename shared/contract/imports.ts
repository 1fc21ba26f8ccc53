/**
 * Bringing real history in: the Online Retail file (UCI, CC BY 4.0; see data/README.md).
 * Every invoice becomes a sale at its original UTC time, `C` invoices become refunds, a missing
 * CustomerID is a walk-in, special stock codes become non-stock items, and every line keeps its
 * exact quantity and unit price in minor units. Re-importing the same file adds nothing.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { localDateSchema, uuidSchema } from './common';

/** The largest file any import takes, in bytes (F3). Bigger files answer IMPORT_TOO_LARGE. */
export const MAX_IMPORT_BYTES = 50_000_000;
/** The most data rows (the header not counted) any import takes (F3). More answer IMPORT_TOO_MANY_ROWS. */
export const MAX_IMPORT_ROWS = 200_000;

/** How the core read the file's text: UTF-8 (a byte-order mark is allowed) or Windows-1252/Latin-1. */
export const importEncodingSchema = z.enum(['utf-8', 'windows-1252']);
export type ImportEncoding = z.infer<typeof importEncodingSchema>;

/**
 * The file every import sends, and the job it runs as:
 * - `csvBase64`: the file's bytes exactly as on disk, base64 (RFC 4648 §4), so the core can tell
 *   UTF-8 from Windows-1252 (F3). At most the base64 length of MAX_IMPORT_BYTES; the core checks the
 *   exact byte count (IMPORT_TOO_LARGE).
 * - `jobId`: a client-made UUID naming this call for `import:progress`.
 */
export const importFileFields = {
  csvBase64: z
    .string()
    .min(1, 'The file is empty')
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'The file is larger than 50 MB'),
  jobId: uuidSchema,
};

/** Where a running import is: see `import:progress`. */
export const importProgressSchema = z.strictObject({
  /**
   * `queued`: waiting for another import or for earlier writes; `reading`: checking the file's
   * size and text encoding; `checking`: reading and checking rows; `writing`: in the write
   * transaction (other writes wait behind it).
   */
  phase: z.enum(['queued', 'reading', 'checking', 'writing']),
  /** Rows checked (`checking`) or written (`writing`) so far; 0 while `queued` or `reading`. */
  rowsDone: z.number().int().nonnegative(),
  /**
   * Rows expected: 0 while unknown (`queued`, `reading`); while `checking`, the file's line count
   * (an upper bound); while `writing`, the rows to write.
   */
  rowsTotal: z.number().int().nonnegative(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const onlineRetailReportSchema = z.strictObject({
  rows: z.number().int().nonnegative(),
  /** How the file's text was read. */
  encoding: importEncodingSchema,
  invoices: z.number().int().nonnegative(),
  salesCreated: z.number().int().nonnegative(),
  refundsCreated: z.number().int().nonnegative(),
  /** Invoices already in the database from an earlier import, left as they were. */
  alreadyImported: z.number().int().nonnegative(),
  customersCreated: z.number().int().nonnegative(),
  productsCreated: z.number().int().nonnegative(),
  /** Rows refused, with 1-based file line and reason; nothing is written if any row is refused. */
  rejected: z.array(z.strictObject({ line: z.number().int(), reason: z.string() })),
  /** Per day in the store time zone: what the file holds, in minor units. */
  days: z.array(
    z.strictObject({
      date: localDateSchema,
      sales: z.number().int().nonnegative(),
      refunds: z.number().int().nonnegative(),
      gross: z.number().int(),
      refundTotal: z.number().int(),
      net: z.number().int(),
    }),
  ),
});
export type OnlineRetailReport = z.infer<typeof onlineRetailReportSchema>;

export const importChannels = {
  'import:onlineRetail': defineChannel({
    summary:
      'Import the Online Retail CSV (InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country; GBP), sent as base64 bytes (UTF-8 or Windows-1252). All or nothing, in one transaction, with one audit row. The store currency must be GBP. At most 50 MB and 200,000 rows (F3): IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS; IMPORT_ENCODING for text that is neither UTF-8 nor Windows-1252; IMPORT_REJECTED for a wrong header or broken CSV. Reads and checks in slices that yield to the event loop (F1); one import runs at a time; progress under `jobId` via import:progress.',
    input: z.strictObject(importFileFields),
    output: onlineRetailReportSchema,
    access: 'data.import',
    writes: true,
    bulk: true,
  }),
  'import:progress': defineChannel({
    summary:
      "How far the caller's running import `jobId` (products:import, customers:import, import:onlineRetail) is: phase, rows done, rows expected. `progress: null` when no such import of the caller is running (not begun, finished, or another member's). The renderer polls it about every 250 ms while the import call is pending. Reads memory only. Open to any signed-in member, since it answers only for the caller's own imports, whichever permission began them (data.import, or staff.manage for staff:import).",
    input: z.strictObject({ jobId: uuidSchema }),
    output: z.strictObject({ progress: importProgressSchema.nullable() }),
    access: 'authenticated',
  }),
} as const;

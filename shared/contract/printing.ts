/**
 * Receipt printers, the print queue and the cash drawer (issue 10, section 2). Receipts, test
 * pages, X and Z reports are encoded as ESC/POS in the core (electron/core/printing) and sent
 * from the main process; every print is a row of the persistent queue, so a printer that is off
 * or out of paper never blocks or undoes a sale: the job waits, retries with backoff, and the
 * till shows a banner (`printing:status`).
 */
import { z } from 'zod';
import { defineChannel } from './define';
import {
  displayText,
  emptyInput,
  emptyOutput,
  idSchema,
  receiptLinesSchema,
  utcTimestamp,
} from './common';

/** Paper roll widths: 58 mm rolls print 32 columns, 80 mm rolls 48 (font A). */
export const PAPER_WIDTHS = ['58mm', '80mm'] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/**
 * Character sets a printer may be set to. `auto` prints each receipt in the first of the others, in
 * this order, that has all its characters, and switches code pages within the text only when none
 * has (electron/core/printing/escpos.ts). Names are the encoder's (@point-of-sale/codepage-encoder).
 */
export const PRINTER_CODEPAGES = [
  'auto',
  'cp437',
  'cp850',
  'cp858',
  'cp852',
  'cp866',
  'windows1252',
  'iso8859-15',
] as const;
export type PrinterCodepage = (typeof PRINTER_CODEPAGES)[number];

/** A host name (RFC 1123) or an IP address. */
const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Required')
  .max(253, 'At most 253 characters')
  .regex(/^[a-z0-9.:-]+$/, 'Use a host name like printer.local or an IP address');

/**
 * An OS printer or queue name, as the system lists it: `lpstat -p` (CUPS, Linux and macOS) or
 * Settings → Printers & scanners on Windows, whose names have spaces ("EPSON TM-T20III Receipt")
 * and may name a shared printer (`\\SERVER\Printer`). No control characters (L3), and no
 * leading `-`, so that `lp` never takes it for an option. It is passed as one argument to `lp`
 * (never through a shell) or to the Windows spooler's OpenPrinterW, so no other character is
 * special.
 */
export const queueNameSchema = displayText(127).refine(
  (name) => !name.startsWith('-'),
  'Use the printer name as the system lists it',
);

/**
 * How the till reaches the printer:
 * - `network`: raw TCP to `host:port` (JetDirect / AppSocket, port 9100 by default);
 * - `queue`: the OS print queue in raw mode: `lp -d NAME -o raw` (CUPS, Linux and macOS), or
 *   the Windows spooler's RAW datatype (electron/core/printing/connections/winspool.ts);
 * - `driver`: the OS printer's own driver through Electron (`webContents.print`, silent), for
 *   printers that do not speak ESC/POS. No cash drawer, no cut commands.
 */
export const printerConnectionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('network'),
    host: hostSchema,
    port: z.number().int().min(1).max(65_535).default(9100),
  }),
  z.strictObject({ type: z.literal('queue'), queue: queueNameSchema }),
  z.strictObject({ type: z.literal('driver'), deviceName: displayText(127) }),
]);
export type PrinterConnection = z.output<typeof printerConnectionSchema>;

/** Characters per line of a paper width (font A): 58 mm rolls print 32 columns, 80 mm 48. */
export const PAPER_COLUMNS: Readonly<Record<PaperWidth, number>> = { '58mm': 32, '80mm': 48 };
/** Printable dots across a paper width at 203 dpi: 384 on 58 mm, 576 on 80 mm. */
export const PAPER_DOTS: Readonly<Record<PaperWidth, number>> = { '58mm': 384, '80mm': 576 };
/** The tallest logo, in dots (one GS v 0 raster command; about 32 mm at 203 dpi). */
export const LOGO_MAX_HEIGHT = 255;
/** Lines of a printer's receipt header or footer. */
export const RECEIPT_TEXT_LINES = 4;

/**
 * A printer's receipt header or footer: 0..4 lines, "\n" between them (see receiptLinesSchema).
 * How long a line may be depends on the paper (PAPER_COLUMNS), checked with the paper width
 * (`receiptLayoutIssues`); the 400 characters in all only cap what is parsed (F1).
 */
const printerLinesSchema = receiptLinesSchema(RECEIPT_TEXT_LINES, 400);

/** The widest logo, in dots (80 mm paper; 58 mm paper takes 384, checked with the paper). */
export const LOGO_MAX_WIDTH = 576;

/** A 1-bit raster: rows of ceil(width / 8) bytes, most significant bit the leftmost dot, 1 = black. */
export interface Raster {
  width: number;
  height: number;
  bits: Uint8Array;
}

/**
 * Reads a binary PBM image (Netpbm "P4": `P4`, width and height in ASCII decimal separated by one
 * whitespace each, then rows of ceil(width / 8) bytes, MSB first, 1 = black: the row layout of
 * ESC/POS GS v 0). No comments. Null when the bytes are not exactly such an image.
 */
export function parsePbm(bytes: Uint8Array): Raster | null {
  const head = /^P4\s(\d{1,4})\s(\d{1,4})\s/.exec(String.fromCharCode(...bytes.subarray(0, 16)));
  if (!head) return null;
  const width = Number(head[1]);
  const height = Number(head[2]);
  const bits = bytes.subarray(head[0].length);
  if (width < 1 || height < 1 || bits.length !== Math.ceil(width / 8) * height) return null;
  return { width, height, bits };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The bytes of base64 text (RFC 4648 §4, already checked by z.base64), in Node and the browser. */
function fromBase64(b64: string): Uint8Array {
  const clean = b64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const ch of clean) {
    acc = ((acc << 6) | B64.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The size of a base64 PBM logo, or null when it is not one (see printerLogoSchema). */
export function logoRaster(pbmBase64: string): Raster | null {
  return parsePbm(fromBase64(pbmBase64));
}

/**
 * A receipt logo as the printer prints it (ESC/POS GS v 0 raster): a binary PBM image (P4, see
 * parsePbm) in base64. The renderer scales and dithers the picked PNG/JPEG to it. At most
 * LOGO_MAX_WIDTH dots wide (384 on 58 mm paper, checked with the paper) and LOGO_MAX_HEIGHT tall:
 * at most 18,360 bytes of dots.
 */
export const printerLogoSchema = z
  .string()
  .max(Math.ceil(((LOGO_MAX_WIDTH / 8) * LOGO_MAX_HEIGHT + 16) / 3) * 4, 'The logo is too large')
  .pipe(z.base64('Not a PBM image'))
  .superRefine((b64, ctx) => {
    const raster = logoRaster(b64);
    const message = !raster
      ? 'Not a PBM image'
      : raster.width > LOGO_MAX_WIDTH
        ? `At most ${LOGO_MAX_WIDTH} dots wide`
        : raster.height > LOGO_MAX_HEIGHT
          ? `At most ${LOGO_MAX_HEIGHT} dots tall`
          : null;
    if (message) ctx.addIssue({ code: 'custom', message });
  });
export type PrinterLogo = z.output<typeof printerLogoSchema>;

/** What a printer prints around its receipts: header and footer lines, a logo. */
export interface PrinterReceiptLayout {
  receiptHeader: string;
  receiptFooter: string;
  logo: PrinterLogo | null;
}

/**
 * Why a receipt layout does not fit a paper width: header or footer lines longer than the paper's
 * columns, or a logo wider than its dots. Empty when it fits. Paths as the save input's fields.
 */
export function receiptLayoutIssues(
  paperWidth: PaperWidth,
  layout: PrinterReceiptLayout,
): Array<{ path: Array<string>; message: string }> {
  const issues: Array<{ path: Array<string>; message: string }> = [];
  const columns = PAPER_COLUMNS[paperWidth];
  for (const field of ['receiptHeader', 'receiptFooter'] as const)
    if (layout[field].split('\n').some((line) => line.length > columns))
      issues.push({
        path: [field],
        message: `At most ${columns} characters a line on ${paperWidth} paper`,
      });
  if (layout.logo && (logoRaster(layout.logo)?.width ?? 0) > PAPER_DOTS[paperWidth])
    issues.push({
      path: ['logo'],
      message: `The logo is wider than ${paperWidth} paper (${PAPER_DOTS[paperWidth]} dots)`,
    });
  return issues;
}

export const printerFields = {
  name: displayText(60),
  connection: printerConnectionSchema,
  paperWidth: z.enum(PAPER_WIDTHS),
  codepage: z.enum(PRINTER_CODEPAGES),
  /** Print the receipt of every sale and refund when it completes. */
  autoPrint: z.boolean(),
  /** A cash drawer hangs on this printer: it opens (ESC p) on cash sales and cash refunds. */
  cashDrawer: z.boolean(),
  /** The till's receipt printer: receipts, reprints, reports and drawer kicks go to it. */
  isDefault: z.boolean(),
};

export const printerSchema = z.strictObject({
  id: idSchema,
  ...printerFields,
  /** Lines under the store's details at the top of this printer's receipts; '' = none. */
  receiptHeader: z.string(),
  /** Lines under the receipt's footer ("Thank you") on this printer's receipts; '' = none. */
  receiptFooter: z.string(),
  /** The logo at the top of this printer's receipts (ESC/POS only); null = none. */
  logo: printerLogoSchema.nullable(),
});
export type Printer = z.output<typeof printerSchema>;

export const PRINT_JOB_STATUSES = ['queued', 'printing', 'printed', 'failed'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];
export const PRINT_JOB_KINDS = ['receipt', 'copy', 'test', 'report', 'drawer'] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];

export const printJobSchema = z.strictObject({
  id: idSchema,
  printerId: idSchema,
  kind: z.enum(PRINT_JOB_KINDS),
  /** The sale printed, for receipts and copies; null otherwise. */
  saleId: idSchema.nullable(),
  /** Receipt number and till, e.g. "till-1 #42", or the report's title. */
  label: z.string(),
  status: z.enum(PRINT_JOB_STATUSES),
  attempts: z.number().int().min(0),
  /** The last error text (connection refused, timeout, paper out...); null when none. */
  error: z.string().nullable(),
  createdAt: utcTimestamp,
  /** When the worker tries a failed job again; null when it waits for a manual retry. */
  nextRetryAt: utcTimestamp.nullable(),
});
export type PrintJob = z.output<typeof printJobSchema>;

export const printStatusSchema = z.strictObject({
  /** False when no printer is set up: the till shows no banner. */
  configured: z.boolean(),
  /** Jobs not printed yet (queued, printing or failed). */
  waiting: z.number().int().min(0),
  /** The last error of the oldest waiting job that failed; null when nothing failed. */
  error: z.string().nullable(),
  /** The waiting jobs, oldest first (at most 50). */
  jobs: z.array(printJobSchema),
});
export type PrintStatus = z.output<typeof printStatusSchema>;

export const printingChannels = {
  'printing:listPrinters': defineChannel({
    summary:
      'The printers of this till (on a store server each till has its own), default first, then by name.',
    input: emptyInput,
    output: z.array(printerSchema),
    access: 'settings.manage',
  }),
  'printing:savePrinter': defineChannel({
    summary:
      "Add a printer to this till (no `id`) or change one of its printers. Network printers: host and TCP port (9100 by default); queue printers: the OS printer name (sent raw with `lp -d NAME -o raw`, never through a shell, or to the Windows spooler as a RAW job; no control characters and no leading `-`); driver printers: the OS device name. Saving one as the default makes it the only default of this till. Receipt header and footer: up to 4 lines of at most 32 (58 mm) or 48 (80 mm) characters; logo: a 1-bit binary PBM image (P4) in base64, at most 384 (58 mm) or 576 (80 mm) dots wide and 255 tall, `null` removes it; on a change, a field left out keeps what is stored, and the stored layout must still fit the paper. VALIDATION_FAILED for lines or a logo that do not fit, changing nothing; NOT_FOUND for an id that is not one of this till's printers. Audited.",
    input: z
      .strictObject({
        id: idSchema.optional(),
        ...printerFields,
        receiptHeader: printerLinesSchema.optional(),
        receiptFooter: printerLinesSchema.optional(),
        logo: printerLogoSchema.nullable().optional(),
      })
      .superRefine((p, ctx) => {
        const layout = {
          receiptHeader: p.receiptHeader ?? '',
          receiptFooter: p.receiptFooter ?? '',
          logo: p.logo ?? null,
        };
        for (const issue of receiptLayoutIssues(p.paperWidth, layout))
          ctx.addIssue({ code: 'custom', ...issue });
      }),
    output: printerSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'printing:deletePrinter': defineChannel({
    summary:
      "Remove one of this till's printers and its unprinted jobs. NOT_FOUND for an id that is not one of them. Audited.",
    input: z.strictObject({ id: idSchema }),
    output: emptyOutput,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'printing:testPage': defineChannel({
    summary: `Queue a test page on one of this till's printers (its name, connection, paper width, the character set sample "Café Zürich £ €" and a cut). The job is printed in the background: follow it with printing:status. NOT_FOUND for an id that is not one of this till's printers.`,
    input: z.strictObject({ id: idSchema }),
    output: printJobSchema,
    access: 'settings.manage',
  }),
  'printing:status': defineChannel({
    summary:
      'This till\'s print queue for the till banner ("Printer offline — 2 receipts waiting"): how many of its jobs wait, the last error, and the waiting jobs oldest first.',
    input: emptyInput,
    output: printStatusSchema,
    access: 'sales.create',
  }),
  'printing:reprintSale': defineChannel({
    summary:
      "Print a copy of a sale's or refund's receipt on this till's default printer, marked COPY; no drawer kick. NOT_FOUND for an unknown sale or another member's without reports.view (A7); PRINTER_NOT_CONFIGURED when no printer is set up. Audited.",
    input: z.strictObject({ saleId: idSchema }),
    output: printJobSchema,
    access: 'sales.create',
  }),
  'printing:retryJob': defineChannel({
    summary:
      "Try one of this till's failed print jobs again now. NOT_FOUND for a job that is not this till's; CONFLICT when it is not failed.",
    input: z.strictObject({ id: idSchema }),
    output: printJobSchema,
    access: 'sales.create',
  }),
} as const;

/**
 * The port through which the core gets a PDF from a browser engine (issue 10, sections 1 and 3):
 * a sale's receipt or invoice, or a Z report. The core never draws a PDF itself: it builds the
 * document (receipt-document.ts, shifts/z-report-pdf.ts), encodes it in the renderer's print
 * route, and asks the port to print that route.
 * - In the app: the shell loads the route in a hidden window and calls `webContents.printToPDF`
 *   (electron/main/receipt-pdf-window.ts).
 * - In the browser tests: the e2e harness opens the route in Chromium and calls `page.pdf()`.
 */
import type { PrintDocument, PrintLayout } from '../../../shared/contract/receipts';
import type { AppError } from '../../../shared/errors';

/** One PDF to make: the document's layout (its kind and paper) and its print route. */
export interface PdfJob {
  layout: PrintLayout;
  /** The renderer's print route for the document (a URL fragment, `#print=…`). */
  route: string;
}

/**
 * Prints `job.route`, loaded on the app's own origin, on the paper of `job.layout` and resolves
 * with the PDF's bytes. Rejects when the engine fails; `makePdf` turns that into the caller's
 * error code (RECEIPT_PDF_FAILED, REPORT_PDF_FAILED).
 */
export type PdfMaker = (job: PdfJob) => Promise<Buffer>;

/** The fragment prefix the renderer's entry point recognises (renderer/src/main.tsx). */
export const PRINT_ROUTE_PREFIX = '#print=';

/**
 * The print route for `doc`: the prefix and the document as base64url JSON (UTF-8). No IPC and
 * no session are needed to draw it; a fragment never reaches a server.
 */
export function printRoute(doc: PrintDocument): string {
  return PRINT_ROUTE_PREFIX + Buffer.from(JSON.stringify(doc), 'utf8').toString('base64url');
}

/** The paper of each layout, for `printToPDF` and `page.pdf()`: width × height in millimetres. */
export const PAPER_MM: Record<PrintLayout, { width: number; height: number | null }> = {
  // A till roll has no fixed length: the printer measures the content (height null).
  receipt80: { width: 80, height: null },
  invoiceA4: { width: 210, height: 297 },
  zReportA4: { width: 210, height: 297 },
  // A report's tables are wide (staff performance has 12 columns): A4 landscape.
  reportA4: { width: 297, height: 210 },
  purchaseOrderA4: { width: 210, height: 297 },
};

/**
 * `doc` as a PDF through `maker`. Throws `failed()` (with the engine's error as its cause) when
 * there is no engine (`maker` undefined: a core without a shell, such as scripts), when the
 * engine rejects, or when what it answers is not a PDF (no `%PDF-` header).
 */
export async function makePdf(
  maker: PdfMaker | undefined,
  doc: PrintDocument,
  failed: () => AppError,
): Promise<Buffer> {
  if (!maker) throw failed();
  try {
    const bytes = await maker({ layout: doc.layout, route: printRoute(doc) });
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
    return bytes;
  } catch (e) {
    const error = failed();
    error.cause = e;
    throw error;
  }
}

/**
 * Reads the print route's document (issue 10, sections 1 and 3): `#print=<base64url JSON>`,
 * written by the core (electron/core/receipts/receipt-pdf.ts `printRoute`): a sale's receipt or
 * invoice, or a Z report. Checked against the contract's schema, so a damaged fragment draws an
 * error, never half a document.
 */
import { printDocumentSchema, type PrintDocument } from '../../../../shared/contract/receipts';

export const PRINT_ROUTE_PREFIX = '#print=';

/** True when the window was opened on the print route. */
export function isPrintRoute(hash: string): boolean {
  return hash.startsWith(PRINT_ROUTE_PREFIX);
}

/** The document in `hash`, or null when it is missing or does not parse. */
export function readPrintDocument(hash: string): PrintDocument | null {
  if (!isPrintRoute(hash)) return null;
  try {
    const b64 = hash.slice(PRINT_ROUTE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const parsed = printDocumentSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

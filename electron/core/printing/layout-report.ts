/**
 * The generic report document (issue 10, sections 1 and 2): X and Z reports and any other
 * printed summary are a title, some heading lines, rows of label and amount, separators and
 * text. The shifts feature builds the document; printing lays it out for the paper and queues it
 * (PrintingService.printReport). Amounts are minor units of `currency`, written in the locale.
 */
import { formatMoney } from '../../../shared/money';
import { centred, columns, left, type PrintLine } from './print-lines';

export type ReportRow =
  /** A label and an amount (minor units) or a count/text already written out. */
  | { kind: 'row'; label: string; amount: number | string; bold?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'separator' };

export interface ReportDocument {
  /** E.g. "Z report #12" or "X report". */
  title: string;
  /** Lines under the title: store, till, shift, opened/closed times. */
  subtitle: string[];
  /** ISO 4217 code of the amounts. */
  currency: string;
  rows: ReportRow[];
  /** Lines at the end (e.g. "Counted by ..."). */
  footer: string[];
}

export function layoutReport(doc: ReportDocument, width: number, locale: string): PrintLine[] {
  const out: PrintLine[] = [...centred(doc.title, width, true)];
  for (const s of doc.subtitle) out.push(...centred(s, width));
  out.push({ kind: 'rule' });
  for (const row of doc.rows) {
    if (row.kind === 'separator') out.push({ kind: 'rule' });
    else if (row.kind === 'heading')
      out.push(...left(row.text, width).map((l) => ({ ...l, bold: true })));
    else if (row.kind === 'text') out.push(...left(row.text, width));
    else {
      const amount =
        typeof row.amount === 'number' ? formatMoney(row.amount, doc.currency, locale) : row.amount;
      out.push(...columns(row.label, amount, width, row.bold ?? false));
    }
  }
  if (doc.footer.length > 0) out.push({ kind: 'rule' });
  for (const f of doc.footer) out.push(...centred(f, width));
  return out;
}

/**
 * A receipt model (shared/receipt/receipt-model.ts, the one the screen renders) laid out as print
 * lines for a paper width: the same parts in the same order as Receipt.tsx, amounts in the store's
 * locale, words in its language. COPY heads and closes a reprint. The printer's own header lines
 * follow the store's details, its footer lines the store's footer (Odoo's receipt header/footer).
 */
import { formatMoney } from '../../../shared/money';
import type { ReceiptModel } from '../../../shared/receipt/receipt-model';
import type { PrintWords } from './print-words';
import { centred, columns, left, type PrintLine } from './print-lines';

export interface LayoutOptions {
  /** Characters per line: 32 on 58 mm paper, 48 on 80 mm. */
  width: number;
  /** BCP 47 locale for amounts and the date ("en-GB"). */
  locale: string;
  /** IANA time zone of the store, for the receipt's local date and time. */
  timeZone: string;
  words: PrintWords;
  /** The printer's header lines, printed centred under the store's details. */
  header?: readonly string[];
  /** The printer's footer lines, printed centred under the receipt's footer. */
  footer?: readonly string[];
}

export function layoutReceipt(r: ReceiptModel, o: LayoutOptions): PrintLine[] {
  const { width, words: w } = o;
  const money = (minor: number) => formatMoney(minor, r.currency, o.locale);
  const when = new Intl.DateTimeFormat(o.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: o.timeZone,
  }).format(new Date(r.createdAt));
  const percent = new Intl.NumberFormat(o.locale, { style: 'percent', maximumFractionDigits: 2 });
  const out: PrintLine[] = [];
  const push = (...lines: PrintLine[]) => out.push(...lines);
  const rule: PrintLine = { kind: 'rule' };

  if (r.copy) push(...centred(w.copy, width, true));
  if (r.storeName) push(...centred(r.storeName, width, true));
  for (const line of r.address) push(...centred(line, width));
  if (r.taxNumber) push(...centred(w.taxNumber(r.taxNumber), width));
  for (const line of o.header ?? []) push(...centred(line, width));
  push(
    ...centred(
      r.kind === 'refund'
        ? w.refundHeading(r.receiptNo, r.tillName)
        : w.heading(r.receiptNo, r.tillName),
      width,
    ),
  );
  push(...centred(when, width), ...centred(w.servedBy(r.staffName), width));
  if (r.customerName) push(...centred(w.customer(r.customerName), width));
  if (r.refundOfNo !== null) push(...centred(w.refundOf(r.refundOfNo), width));
  if (r.voided) push(...centred(w.voided, width, true));
  push(rule);
  for (const l of r.lines) {
    push(...left(l.description, width));
    const each = `  ${l.quantity} x ${money(l.unitPrice)}${l.discount !== 0 ? ` (-${money(l.discount)})` : ''}`;
    push(...columns(each, money(l.total), width));
  }
  push(rule);
  push(...columns(w.subtotal, money(r.subtotal), width));
  if (r.discount !== 0) push(...columns(w.discount, `-${money(r.discount)}`, width));
  push(...columns(r.pricesIncludeTax ? w.taxIncluded : w.tax, money(r.tax), width));
  push(...columns(w.total, money(r.total), width, true));
  if (r.taxRows.length > 0) {
    push(rule);
    for (const row of r.taxRows) {
      const t = w.taxTable;
      push(
        ...columns(
          `${t.rate} ${percent.format(row.rateBps / 10_000)}`,
          `${t.gross} ${money(row.gross)}`,
          width,
        ),
      );
      push(...columns(`  ${t.net} ${money(row.net)}`, `${t.tax} ${money(row.tax)}`, width));
    }
  }
  if (r.tenders.length > 0) {
    push(rule);
    for (const t of r.tenders) {
      const label =
        t.type === 'cash' && t.tendered !== null
          ? w.cashTendered(money(t.tendered))
          : w.tenders[t.type];
      push(...columns(label, money(t.amount), width));
    }
  }
  if (r.changeDue !== null) push(...columns(w.changeDue, money(r.changeDue), width, true));
  if (r.note) push(rule, ...left(r.note, width));
  push(rule);
  for (const line of r.footer.length > 0 ? r.footer : [w.thanks]) push(...centred(line, width));
  for (const line of o.footer ?? []) push(...centred(line, width));
  if (r.copy) push(...centred(w.copy, width, true));
  return out;
}

/**
 * The printed X and Z reports (issue 10, sections 1 and 2): a shift's figures as the generic
 * `ReportDocument` that printing lays out for 58 or 80 mm paper. Amounts stay minor units of the
 * store currency (M1); times are written in the store's zone and locale. Words follow the store's
 * locale (English, German), as receipts do (printing/print-words.ts).
 */
import type { ShiftFigures, ZReport } from '../../../shared/contract';
import type { ReportDocument, ReportRow } from '../printing/layout-report';

interface ReportWords {
  x: string;
  z: (no: number) => string;
  copy: string;
  till: (name: string) => string;
  opened: (who: string, at: string) => string;
  closed: (who: string, at: string) => string;
  asOf: (at: string) => string;
  sales: string;
  gross: string;
  discount: string;
  refunds: string;
  voids: string;
  net: string;
  tax: string;
  taxRate: (percent: string) => string;
  byTender: string;
  tenders: Record<'cash' | 'card' | 'other', string>;
  /** `Cash (2)`, or `Cash (2, 1 refund)` when the tender paid out refunds. */
  tenderCount: (name: string, sales: number, refunds: number) => string;
  cash: string;
  float: string;
  paidIn: string;
  paidOut: string;
  noSales: string;
  expectedCash: string;
  reconciliation: string;
  expected: string;
  counted: string;
  overShort: string;
  receipts: string;
  grandTotal: string;
  note: (text: string) => string;
  notAZ: string;
}

const en: ReportWords = {
  x: 'X REPORT',
  z: (no) => `Z REPORT #${no}`,
  copy: '*** COPY ***',
  till: (name) => `Till ${name}`,
  opened: (who, at) => `Opened ${at} by ${who}`,
  closed: (who, at) => `Closed ${at} by ${who}`,
  asOf: (at) => `Figures as of ${at}`,
  sales: 'Sales',
  gross: 'Gross',
  discount: 'Discounts',
  refunds: 'Refunds',
  voids: 'Voids',
  net: 'Net',
  tax: 'Tax',
  taxRate: (p) => `Tax at ${p}`,
  byTender: 'Tenders',
  tenders: { cash: 'Cash', card: 'Card', other: 'Other' },
  tenderCount: (name, sales, refunds) =>
    refunds === 0
      ? `${name} (${sales})`
      : `${name} (${sales}, ${refunds} ${refunds === 1 ? 'refund' : 'refunds'})`,
  cash: 'Cash drawer',
  float: 'Float',
  paidIn: 'Paid in',
  paidOut: 'Paid out',
  noSales: 'No sales (drawer opened)',
  expectedCash: 'Expected cash',
  reconciliation: 'Counted',
  expected: 'expected',
  counted: 'counted',
  overShort: 'Over/short',
  receipts: 'Receipts',
  grandTotal: 'Grand total',
  note: (text) => `Note: ${text}`,
  notAZ: 'Not a Z report: nothing was closed',
};

const de: ReportWords = {
  x: 'X-BERICHT',
  z: (no) => `Z-BON Nr. ${no}`,
  copy: '*** KOPIE ***',
  till: (name) => `Kasse ${name}`,
  opened: (who, at) => `Geöffnet ${at} von ${who}`,
  closed: (who, at) => `Geschlossen ${at} von ${who}`,
  asOf: (at) => `Stand ${at}`,
  sales: 'Verkäufe',
  gross: 'Brutto',
  discount: 'Rabatte',
  refunds: 'Erstattungen',
  voids: 'Stornos',
  net: 'Netto-Umsatz',
  tax: 'MwSt.',
  taxRate: (p) => `MwSt. ${p}`,
  byTender: 'Zahlungsarten',
  tenders: { cash: 'Bar', card: 'Karte', other: 'Sonstige' },
  tenderCount: (name, sales, refunds) =>
    refunds === 0
      ? `${name} (${sales})`
      : `${name} (${sales}, ${refunds} ${refunds === 1 ? 'Erstattung' : 'Erstattungen'})`,
  cash: 'Kassenlade',
  float: 'Wechselgeld',
  paidIn: 'Einlagen',
  paidOut: 'Entnahmen',
  noSales: 'Lade ohne Verkauf geöffnet',
  expectedCash: 'Bargeld erwartet',
  reconciliation: 'Gezählt',
  expected: 'erwartet',
  counted: 'gezählt',
  overShort: 'Differenz',
  receipts: 'Bons',
  grandTotal: 'Gesamtsumme (fortlaufend)',
  note: (text) => `Notiz: ${text}`,
  notAZ: 'Kein Z-Bon: nichts wurde abgeschlossen',
};

/** Where and how times and percentages are written. */
export interface ReportLocale {
  /** BCP 47 locale of the store ("en-GB", "de-DE"). */
  locale: string;
  /** IANA zone of the store, for the opened/closed times. */
  timeZone: string;
}

/** The X report: the open shift's figures so far, marked as changing nothing. */
export function xReportDocument(f: ShiftFigures, at: ReportLocale): ReportDocument {
  const w = words(at.locale);
  const when = stamp(at);
  return {
    title: w.x,
    subtitle: [
      w.till(f.tillName),
      w.opened(f.openedBy.name, when(f.openedAt)),
      w.asOf(when(f.asOf)),
    ],
    currency: f.currency,
    rows: figureRows(f, w, at.locale),
    footer: [w.notAZ],
  };
}

/** The Z report of a closed shift; `copy` marks a reprint. */
export function zReportDocument(z: ZReport, at: ReportLocale, copy = false): ReportDocument {
  const w = words(at.locale);
  const when = stamp(at);
  const rows: ReportRow[] = [
    ...figureRows(z, w, at.locale),
    { kind: 'heading', text: w.reconciliation },
  ];
  for (const r of z.reconciliation) {
    rows.push({ kind: 'row', label: `${w.tenders[r.type]} ${w.expected}`, amount: r.expected });
    rows.push({ kind: 'row', label: `${w.tenders[r.type]} ${w.counted}`, amount: r.counted });
    rows.push({ kind: 'row', label: `${w.tenders[r.type]} ${w.overShort}`, amount: r.overShort });
  }
  rows.push({ kind: 'row', label: w.overShort, amount: z.overShort, bold: true });
  if (z.note) rows.push({ kind: 'text', text: w.note(z.note) });
  rows.push(
    { kind: 'separator' },
    { kind: 'row', label: w.grandTotal, amount: z.grandTotal, bold: true },
  );
  return {
    title: w.z(z.zNo),
    subtitle: [
      ...(copy ? [w.copy] : []),
      w.till(z.tillName),
      w.opened(z.openedBy.name, when(z.openedAt)),
      w.closed(z.closedBy.name, when(z.closedAt)),
    ],
    currency: z.currency,
    rows,
    footer: copy ? [w.copy] : [],
  };
}

function figureRows(f: ShiftFigures, w: ReportWords, locale: string): ReportRow[] {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const receipts =
    f.firstReceiptNo === null
      ? '-'
      : `#${f.firstReceiptNo} - #${f.lastReceiptNo ?? f.firstReceiptNo}`;
  return [
    { kind: 'row', label: `${w.sales} (${f.salesCount})`, amount: f.gross },
    { kind: 'row', label: w.discount, amount: f.discount },
    { kind: 'row', label: `${w.refunds} (${f.refundsCount})`, amount: minus(f.refunds) },
    { kind: 'row', label: `${w.voids} (${f.voidsCount})`, amount: minus(f.voids) },
    { kind: 'row', label: w.net, amount: f.net, bold: true },
    ...f.taxByRate.map((t): ReportRow => ({
      kind: 'row',
      label: w.taxRate(percent.format(t.rateBps / 10_000)),
      amount: t.tax,
    })),
    { kind: 'row', label: w.tax, amount: f.tax },
    { kind: 'heading', text: w.byTender },
    ...f.byTender.map((t): ReportRow => ({
      kind: 'row',
      label: w.tenderCount(w.tenders[t.type], t.count, t.refundsCount ?? 0),
      amount: t.amount,
    })),
    { kind: 'heading', text: w.cash },
    { kind: 'row', label: w.float, amount: f.float },
    { kind: 'row', label: `${w.paidIn} (${f.paidInCount})`, amount: f.paidIn },
    { kind: 'row', label: `${w.paidOut} (${f.paidOutCount})`, amount: minus(f.paidOut) },
    { kind: 'row', label: w.noSales, amount: String(f.noSaleCount) },
    { kind: 'row', label: w.expectedCash, amount: f.expectedCash, bold: true },
    { kind: 'row', label: w.receipts, amount: receipts },
  ];
}

/** −n, never −0: no "-£0.00" on a report with nothing refunded, voided or paid out (M2). */
function minus(n: number): number {
  return 0 - n;
}

function words(locale: string): ReportWords {
  return locale.toLowerCase().startsWith('de') ? de : en;
}

function stamp(at: ReportLocale): (utc: string) => string {
  const f = new Intl.DateTimeFormat(at.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: at.timeZone,
  });
  return (utc) => f.format(new Date(utc));
}

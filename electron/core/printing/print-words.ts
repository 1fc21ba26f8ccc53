/**
 * The words the core prints on receipts, test pages and reports, in the languages Kassa's screens
 * speak (the same wording as the screen's `receipt` catalogue, renderer/src/i18n/locales). The
 * store's locale picks the language; English is the fallback.
 */
export interface PrintWords {
  taxNumber: (n: string) => string;
  heading: (no: number, till: string) => string;
  refundHeading: (no: number, till: string) => string;
  servedBy: (name: string) => string;
  customer: (name: string) => string;
  refundOf: (no: number) => string;
  voided: string;
  copy: string;
  subtotal: string;
  discount: string;
  taxIncluded: string;
  tax: string;
  total: string;
  taxTable: { rate: string; net: string; tax: string; gross: string };
  cashTendered: (amount: string) => string;
  tenders: { cash: string; card: string; other: string };
  changeDue: string;
  thanks: string;
  testPage: string;
}

const en: PrintWords = {
  taxNumber: (n) => `VAT no. ${n}`,
  heading: (no, till) => `Receipt #${no} · ${till}`,
  refundHeading: (no, till) => `REFUND #${no} · ${till}`,
  servedBy: (name) => `Served by ${name}`,
  customer: (name) => `Customer: ${name}`,
  refundOf: (no) => `Refund of receipt #${no}`,
  voided: 'VOIDED',
  copy: '*** COPY ***',
  subtotal: 'Subtotal',
  discount: 'Discount',
  taxIncluded: 'Tax (incl.)',
  tax: 'Tax',
  total: 'Total',
  taxTable: { rate: 'Rate', net: 'Net', tax: 'Tax', gross: 'Gross' },
  cashTendered: (amount) => `Cash tendered ${amount}`,
  tenders: { cash: 'Cash', card: 'Card', other: 'Other' },
  changeDue: 'Change due',
  thanks: 'Thank you',
  testPage: 'Test page',
};

const de: PrintWords = {
  taxNumber: (n) => `USt-IdNr. ${n}`,
  heading: (no, till) => `Bon Nr. ${no} · ${till}`,
  refundHeading: (no, till) => `ERSTATTUNG Nr. ${no} · ${till}`,
  servedBy: (name) => `Es bediente Sie ${name}`,
  customer: (name) => `Kunde: ${name}`,
  refundOf: (no) => `Erstattung zu Bon Nr. ${no}`,
  voided: 'STORNIERT',
  copy: '*** KOPIE ***',
  subtotal: 'Zwischensumme',
  discount: 'Rabatt',
  taxIncluded: 'MwSt. (enth.)',
  tax: 'MwSt.',
  total: 'Summe',
  taxTable: { rate: 'Satz', net: 'Netto', tax: 'MwSt.', gross: 'Brutto' },
  cashTendered: (amount) => `Bar gegeben ${amount}`,
  tenders: { cash: 'Bar', card: 'Karte', other: 'Sonstige' },
  changeDue: 'Rückgeld',
  thanks: 'Vielen Dank',
  testPage: 'Testseite',
};

/** The words for a BCP 47 locale ("de-DE" → German); English for any other language. */
export function printWords(locale: string): PrintWords {
  return locale.toLowerCase().startsWith('de') ? de : en;
}

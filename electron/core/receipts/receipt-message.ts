/**
 * The plain-text e-mail that carries a receipt's PDF (issue 10, section 3), in the store's
 * language (English or German, as the screens): the store, the receipt number, the total and a
 * thank-you. Nothing is linked; the PDF is the receipt.
 */
import type { ReceiptDocument } from '../../../shared/contract/receipts';
import { formatMoney } from '../../../shared/money';
import { languageOf } from '../mail/messages';

/** The PDF's file name: `receipt-<till>-<no>.pdf` or `invoice-<till>-<no>.pdf`. */
export function pdfFileName(doc: ReceiptDocument): string {
  const till = doc.sale.tillName.replace(/[^A-Za-z0-9-]+/g, '_');
  const kind = doc.layout === 'invoiceA4' ? 'invoice' : 'receipt';
  return `${kind}-${till}-${doc.sale.receiptNo}.pdf`;
}

/** Subject and body of the receipt e-mail for `doc`. */
export function receiptMessage(doc: ReceiptDocument): { subject: string; text: string } {
  const { sale, store } = doc;
  const total = formatMoney(sale.total, sale.currency, store.locale);
  const name = store.storeName || 'Kassa';
  const invoice = doc.layout === 'invoiceA4';
  if (languageOf(store.locale) === 'de') {
    const what = invoice ? 'Rechnung' : 'Beleg';
    return {
      subject: `${name}: Ihr ${what} Nr. ${sale.receiptNo}`,
      text: `Guten Tag,\n\nim Anhang finden Sie Ihren ${what} Nr. ${sale.receiptNo} von ${name} als PDF.\n\nGesamtbetrag: ${total}\n\nVielen Dank für Ihren Einkauf!\n${name}\n`,
    };
  }
  const what = invoice ? 'invoice' : 'receipt';
  return {
    subject: `${name}: your ${what} no. ${sale.receiptNo}`,
    text: `Hello,\n\nyour ${what} no. ${sale.receiptNo} from ${name} is attached as a PDF.\n\nTotal: ${total}\n\nThank you for shopping with us!\n${name}\n`,
  };
}

/**
 * PDF and e-mail receipts (issue 10, section 3). A sale's PDF is drawn by the browser engine from
 * the renderer's print route (`#print=`, renderer/src/features/receipt-pdf/): an 80 mm receipt,
 * or an A4 invoice when the sale's customer has a company name and a VAT number. The core hands
 * the print route everything it draws (a `ReceiptDocument`), so the hidden print window needs no
 * session and no IPC at all.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emailSchema, idSchema, utcTimestamp } from './common';
import { saleDetailSchema } from './sales-views';
import { purchaseOrderPrintDocumentSchema } from './receiving';
import { zReportPrintDocumentSchema } from './shifts';
import { reportPrintDocumentSchema } from './analytics-export';

/** `receipt80`: the till roll (80 mm wide). `invoiceA4`: a business customer's invoice. */
export const RECEIPT_LAYOUTS = ['receipt80', 'invoiceA4'] as const;
export type ReceiptLayout = (typeof RECEIPT_LAYOUTS)[number];

/** Everything the print route draws: the sale as the receipt screen sees it, the store, the buyer. */
export const receiptDocumentSchema = z.strictObject({
  layout: z.enum(RECEIPT_LAYOUTS),
  sale: saleDetailSchema,
  store: z.strictObject({
    storeName: z.string(),
    /** Lines separated by "\n"; may be empty. */
    storeAddress: z.string(),
    taxNumber: z.string(),
    receiptFooter: z.string(),
    /** BCP 47; the print route formats money and dates in it. */
    locale: z.string(),
  }),
  /** The sale's customer with the invoice details; null for a sale without a customer. */
  customer: z
    .strictObject({
      name: z.string(),
      companyName: z.string().nullable(),
      vatNumber: z.string().nullable(),
      billingAddress: z.string().nullable(),
      email: z.string().nullable(),
    })
    .nullable(),
});
export type ReceiptDocument = z.infer<typeof receiptDocumentSchema>;

/**
 * Every document the print route draws: a sale (80 mm receipt or A4 invoice), a Z report on A4
 * (`zReportA4`), a purchase order on A4 (`purchaseOrderA4`) or a dashboard report on A4
 * landscape (`reportA4`). `layout` names the document and its paper
 * (electron/core/receipts/receipt-pdf.ts `PAPER_MM`).
 */
export const printDocumentSchema = z.union([
  receiptDocumentSchema,
  zReportPrintDocumentSchema,
  reportPrintDocumentSchema,
  purchaseOrderPrintDocumentSchema,
]);
export type PrintDocument = z.infer<typeof printDocumentSchema>;
export type PrintLayout = PrintDocument['layout'];

export const receiptChannels = {
  'receipts:email': defineChannel({
    summary:
      "E-mail a sale's receipt as a PDF (80 mm receipt, or an A4 invoice for a customer with a company name and VAT number) with a plain-text body (store, receipt number, total, thanks), through the SMTP settings. `to`: an address typed at the till; left out, the sale customer's e-mail. Errors: NOT_FOUND (no such sale, or one the member may not see, A7); VALIDATION_FAILED on `to` when there is no address; MAIL_NOT_CONFIGURED; MAIL_SEND_FAILED and RECEIPT_PDF_FAILED (the sale is unchanged). Audited as receipt.email.",
    input: z.strictObject({ saleId: idSchema, to: emailSchema.optional() }),
    output: z.strictObject({
      to: z.string(),
      layout: z.enum(RECEIPT_LAYOUTS),
      sentAt: utcTimestamp,
    }),
    access: 'sales.create',
  }),
} as const;

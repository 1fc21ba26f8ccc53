/** Handlers for PDF and e-mail receipts (issue 10, section 3; rules in receipt-mail.ts). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createReceiptHandlers(s: Services): DomainHandlers<'receipts'> {
  return {
    // Not a `writes` channel: the PDF is drawn and sent outside any transaction, then audited.
    'receipts:email': ({ saleId, to }, { session }) => s.receiptMail.send(session, saleId, to),
  };
}

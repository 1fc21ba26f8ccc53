/**
 * Builds what a sale's PDF shows (issue 10, section 3): the sale as the receipt screen sees it,
 * the store's receipt details and the buyer. The layout follows the customer: a company name AND
 * a VAT number make it an A4 invoice (what a business needs to reclaim VAT), anything else the
 * 80 mm receipt.
 */
import type { EntityManager } from 'typeorm';
import type { ReceiptDocument, ReceiptLayout } from '../../../shared/contract/receipts';
import { CustomerEntity } from '../customers/customer.entity';
import type { SaleDetail } from '../../../shared/contract/sales-views';
import type { SettingsService } from '../settings/settings-service';

type Buyer = NonNullable<ReceiptDocument['customer']>;

/** `invoiceA4` for a customer with both a company name and a VAT number; else `receipt80`. */
export function layoutFor(customer: Buyer | null): ReceiptLayout {
  return customer?.companyName && customer.vatNumber ? 'invoiceA4' : 'receipt80';
}

/** The document for `sale` (read by the caller with its access rule, A7). */
export async function receiptDocument(
  em: EntityManager,
  settings: SettingsService,
  sale: SaleDetail,
): Promise<ReceiptDocument> {
  const s = settings.get();
  const row = sale.customer
    ? await em.getRepository(CustomerEntity).findOneBy({ id: sale.customer.id })
    : null;
  const customer: Buyer | null = row
    ? {
        name: row.name,
        companyName: row.companyName,
        vatNumber: row.vatNumber,
        billingAddress: row.billingAddress,
        email: row.email,
      }
    : null;
  return {
    layout: layoutFor(customer),
    sale,
    store: {
      storeName: s.storeName,
      storeAddress: s.storeAddress,
      taxNumber: s.taxNumber,
      receiptFooter: s.receiptFooter,
      locale: s.locale,
    },
    customer,
  };
}

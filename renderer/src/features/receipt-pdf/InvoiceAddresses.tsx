import { useTranslation } from 'react-i18next';
import type { ReceiptDocument } from '../../../../shared/contract/receipts';
import { useFormat } from '../../format/locale';

/** The invoice's head: the seller (store, address, VAT no.), the buyer, and the invoice facts. */
export function InvoiceAddresses({ doc }: { doc: ReceiptDocument }) {
  const { t } = useTranslation('receiptPdf');
  const f = useFormat();
  const { sale, store, customer } = doc;
  const split = (s: string | null | undefined) => (s ? s.split(/\n|,\s*/) : []);
  return (
    <header className="k-invoice-head">
      <div>
        <p className="k-invoice-seller">{store.storeName}</p>
        {split(store.storeAddress).map((line, i) => (
          <p key={`s${i}`}>{line}</p>
        ))}
        {store.taxNumber && <p>{t('invoice.sellerVat', { number: store.taxNumber })}</p>}
      </div>
      <div>
        <h1>{t(sale.kind === 'refund' ? 'invoice.creditTitle' : 'invoice.title')}</h1>
        <dl className="k-invoice-facts">
          <dt>{t('invoice.number')}</dt>
          <dd>{t('invoice.numberValue', { till: sale.tillName, no: sale.receiptNo })}</dd>
          <dt>{t('invoice.date')}</dt>
          <dd>{f.dateTime(sale.createdAt)}</dd>
          <dt>{t('invoice.servedBy')}</dt>
          <dd>{sale.staff.name}</dd>
        </dl>
      </div>
      {customer && (
        <div className="k-invoice-buyer">
          <h2>{t('invoice.billTo')}</h2>
          {customer.companyName && <p className="k-invoice-seller">{customer.companyName}</p>}
          <p>{customer.name}</p>
          {split(customer.billingAddress).map((line, i) => (
            <p key={`b${i}`}>{line}</p>
          ))}
          {customer.vatNumber && <p>{t('invoice.buyerVat', { number: customer.vatNumber })}</p>}
        </div>
      )}
    </header>
  );
}

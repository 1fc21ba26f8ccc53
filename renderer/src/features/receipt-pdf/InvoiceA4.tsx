import { useTranslation } from 'react-i18next';
import type { ReceiptDocument } from '../../../../shared/contract/receipts';
import { useFormat } from '../../format/locale';
import { TaxTable } from '../receipt/TaxTable';
import { taxBreakdown } from '../../../../shared/receipt/tax-breakdown';
import { InvoiceAddresses } from './InvoiceAddresses';

/**
 * A business customer's A4 invoice (issue 10, section 3), from the same sale view as the 80 mm
 * receipt: seller and buyer with both VAT numbers, invoice number (till and receipt number) and
 * date, one row per line (quantity, unit price, discount, amount), subtotal, discount, VAT,
 * total, VAT per rate, payments, and the store's footer. Amounts are the recorded minor units.
 */
export function InvoiceA4({ doc }: { doc: ReceiptDocument }) {
  const { t } = useTranslation('receiptPdf');
  const f = useFormat();
  const { sale } = doc;
  const money = (minor: number) => f.money(minor, sale.currency);
  return (
    <article className="k-invoice" aria-label={t('invoice.title')}>
      <InvoiceAddresses doc={doc} />
      {sale.status === 'voided' && <p className="k-invoice-void">{t('invoice.voided')}</p>}
      <table className="k-invoice-lines">
        <thead>
          <tr>
            <th scope="col">{t('invoice.item')}</th>
            <th scope="col">{t('invoice.quantity')}</th>
            <th scope="col">{t('invoice.unitPrice')}</th>
            <th scope="col">{t('invoice.lineDiscount')}</th>
            <th scope="col">{t('invoice.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.description.trim().replace(/\s+/g, ' ')}
                <small>{l.sku}</small>
              </td>
              <td>{f.count(l.quantity)}</td>
              <td>{money(l.unitPrice)}</td>
              <td>{l.discount !== 0 ? `−${money(l.discount)}` : ''}</td>
              <td>{money(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="k-invoice-totals">
        <dt>{t('invoice.subtotal')}</dt>
        <dd>{money(sale.subtotal)}</dd>
        {sale.discount !== 0 && (
          <>
            <dt>{t('invoice.discount')}</dt>
            <dd>−{money(sale.discount)}</dd>
          </>
        )}
        <dt>{t(sale.pricesIncludeTax ? 'invoice.vatIncluded' : 'invoice.vat')}</dt>
        <dd>{money(sale.tax)}</dd>
        <dt className="k-invoice-total">{t('invoice.total')}</dt>
        <dd className="k-invoice-total">{money(sale.total)}</dd>
      </dl>
      <TaxTable rows={taxBreakdown(sale.lines)} money={money} />
      {sale.tenders.length > 0 && (
        <p className="k-invoice-paid">
          {t('invoice.paidWith', {
            tenders: sale.tenders
              .map((x) => `${t(`invoice.tenders.${x.type}`)} ${money(x.amount)}`)
              .join(', '),
          })}
        </p>
      )}
      {doc.store.receiptFooter && <p className="k-invoice-footer">{doc.store.receiptFooter}</p>}
    </article>
  );
}

import { useTranslation } from 'react-i18next';
import {
  purchaseOrderNumber,
  type PurchaseOrderPrintDocument,
} from '../../../../shared/contract/receiving';
import { useFormat } from '../../format/locale';
import { StoreHeading } from './StoreHeading';

/**
 * A purchase order on A4, to send to the supplier (issue 11, section 3: "exportable as PDF"): the
 * store (name, address, tax number) as the buyer, the supplier (name, contact, e-mail, phone), the
 * PO number, status and dates (in the store's time zone), one row a line (SKU, product, quantity,
 * unit cost, line total), the total and the note. Amounts are minor units of `doc.currency`.
 */
export function PurchaseOrderA4({ doc }: { doc: PurchaseOrderPrintDocument }) {
  const { t } = useTranslation('receiving');
  const f = useFormat();
  const { order, store, supplier } = doc;
  const money = (minor: number) => f.money(minor, doc.currency);
  const day = (iso: string) => f.dateTime(iso, { timeZone: store.timeZone, timeStyle: undefined });
  const title = t('pdf.title', { number: purchaseOrderNumber(order.id) });
  return (
    <article className="k-invoice k-po-a4" aria-label={title}>
      <header className="k-invoice-head">
        <StoreHeading store={store} vatLine={(number) => t('pdf.taxNumber', { number })} />
        <div>
          <h1>{title}</h1>
          <dl className="k-invoice-facts">
            <dt>{t('pdf.status')}</dt>
            <dd>{t(`status.${order.status}`)}</dd>
            <dt>{t('pdf.created')}</dt>
            <dd>{day(order.createdAt)}</dd>
            {order.orderedAt && (
              <>
                <dt>{t('pdf.ordered')}</dt>
                <dd>{day(order.orderedAt)}</dd>
              </>
            )}
          </dl>
        </div>
        <div className="k-invoice-buyer">
          <h2>{t('pdf.supplier')}</h2>
          <p className="k-invoice-seller">{supplier.name}</p>
          {supplier.contact && <p>{t('pdf.contact', { name: supplier.contact })}</p>}
          {supplier.email && <p>{supplier.email}</p>}
          {supplier.phone && <p>{supplier.phone}</p>}
        </div>
      </header>
      <table className="k-invoice-lines">
        <thead>
          <tr>
            <th scope="col">{t('pdf.sku')}</th>
            <th scope="col">{t('pdf.product')}</th>
            <th scope="col">{t('pdf.quantity')}</th>
            <th scope="col">{t('pdf.unitCost')}</th>
            <th scope="col">{t('pdf.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.sku}</td>
              <td className="k-po-a4-name">{l.name}</td>
              <td>{f.count(l.quantity)}</td>
              <td>{money(l.unitCost)}</td>
              <td>{money(l.quantity * l.unitCost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="k-invoice-totals">
        <dt className="k-invoice-total">{t('pdf.total')}</dt>
        <dd className="k-invoice-total">{money(order.total)}</dd>
      </dl>
      {order.note && <p>{t('pdf.note', { note: order.note })}</p>}
      <p className="k-invoice-footer k-po-a4-printed">
        {t('pdf.printed', { at: f.dateTime(doc.printedAt, { timeZone: store.timeZone }) })}
      </p>
    </article>
  );
}

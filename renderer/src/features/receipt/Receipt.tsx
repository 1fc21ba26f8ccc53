import { useTranslation } from 'react-i18next';
import type { SaleDetail, TillSettings } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { TaxTable } from './TaxTable';
import './receipt.css';

export interface ReceiptProps {
  sale: SaleDetail;
  /**
   * The store's receipt details: its name heads the receipt, then its address and VAT number;
   * the footer closes it. Null while the settings load.
   */
  settings:
    | (Pick<TillSettings, 'storeName'> &
        Partial<Pick<TillSettings, 'storeAddress' | 'taxNumber' | 'receiptFooter'>>)
    | null;
}

/**
 * A sale's receipt as it prints: the store (name, address, VAT number from the settings), till,
 * receipt number, local date and time, staff, customer, line items, subtotal, discount, tax (said
 * "included" when prices include it), total, the tax per rate, each tender (cash with what was
 * handed over), the change due and the store's footer. Amounts are the recorded minor units of
 * `sale.currency`, written in the store's locale. The print CSS prints this region alone when
 * `<html data-print="receipt">` is set (see `printReceipt`).
 */
export function Receipt({ sale, settings }: ReceiptProps) {
  const { t } = useTranslation('receipt');
  const f = useFormat();
  const money = (minor: number) => f.money(minor, sale.currency);
  const change = sale.tenders.reduce((sum, tender) => sum + (tender.change ?? 0), 0);
  const refund = sale.kind === 'refund';
  const lines = (text: string | undefined) => (text ? text.split('\n') : []);
  const footer = lines(settings?.receiptFooter);
  return (
    <section role="region" aria-label={t('region')} className="k-receipt">
      {settings?.storeName && <p className="k-receipt-store">{settings.storeName}</p>}
      {lines(settings?.storeAddress).map((line, i) => (
        <p key={`a${i}`} className="k-receipt-center">
          {line}
        </p>
      ))}
      {settings?.taxNumber && (
        <p className="k-receipt-center">{t('taxNumber', { number: settings.taxNumber })}</p>
      )}
      <p className="k-receipt-center">
        {t(refund ? 'refundHeading' : 'heading', { no: sale.receiptNo, till: sale.tillName })}
      </p>
      <p className="k-receipt-center">{f.dateTime(sale.createdAt)}</p>
      <p className="k-receipt-center">{t('servedBy', { name: sale.staff.name })}</p>
      {sale.customer && (
        <p className="k-receipt-center">{t('customer', { name: sale.customer.name })}</p>
      )}
      {sale.refundOf && (
        <p className="k-receipt-center">{t('refundOf', { no: sale.refundOf.receiptNo })}</p>
      )}
      {sale.status === 'voided' && <p className="k-receipt-store">{t('voided')}</p>}
      <hr />
      <ul className="k-receipt-lines" aria-label={t('items')}>
        {sale.lines.map((l) => (
          <li key={l.id} className="k-receipt-row">
            <span>
              {l.description.trim().replace(/\s+/g, ' ')}
              <br />
              <small>
                {l.quantity} × {money(l.unitPrice)}
                {l.discount !== 0 && ` (−${money(l.discount)})`}
              </small>
            </span>
            <span className="k-receipt-amount">{money(l.total)}</span>
          </li>
        ))}
      </ul>
      <hr />
      <dl className="k-receipt-totals">
        <Row label={t('subtotal')} value={money(sale.subtotal)} />
        {sale.discount !== 0 && <Row label={t('discount')} value={`−${money(sale.discount)}`} />}
        <Row label={sale.pricesIncludeTax ? t('taxIncluded') : t('tax')} value={money(sale.tax)} />
        <Row label={t('total')} value={money(sale.total)} className="k-receipt-total" />
      </dl>
      <TaxTable sale={sale} money={money} />
      {sale.tenders.length > 0 && (
        <>
          <hr />
          <dl className="k-receipt-totals" aria-label={t('payments')}>
            {sale.tenders.map((tender, i) => (
              <Row
                key={`${tender.type}-${i}`}
                label={
                  tender.type === 'cash' && tender.tendered !== null
                    ? t('cashTendered', { amount: money(tender.tendered) })
                    : t(`tenders.${tender.type}`)
                }
                value={money(tender.amount)}
              />
            ))}
          </dl>
        </>
      )}
      {!refund && (
        <p className="k-receipt-change">
          <span>{t('changeDue')}</span> <span className="k-receipt-amount">{money(change)}</span>
        </p>
      )}
      {sale.note && <p className="k-receipt-note">{sale.note}</p>}
      <div className="k-receipt-center k-receipt-thanks">
        {footer.length > 0 ? footer.map((line, i) => <p key={`f${i}`}>{line}</p>) : t('thanks')}
      </div>
    </section>
  );
}

function Row({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <div className={className ? `k-receipt-row ${className}` : 'k-receipt-row'}>
      <dt>{label}</dt>
      <dd className="k-receipt-amount">{value}</dd>
    </div>
  );
}

/**
 * Prints the receipt alone: marks the document (the print CSS hides everything else), calls
 * window.print(), and removes the mark afterwards.
 */
export function printReceipt(): void {
  const root = document.documentElement;
  root.dataset.print = 'receipt';
  const done = () => {
    delete root.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } finally {
    // Chromium's print() blocks until the dialog closes; afterprint may not fire everywhere.
    setTimeout(done, 0);
  }
}

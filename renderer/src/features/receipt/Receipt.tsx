import { useTranslation } from 'react-i18next';
import type { SaleDetail } from '../../../../shared/contract';
import { receiptModel, type ReceiptStore } from '../../../../shared/receipt/receipt-model';
import { useFormat } from '../../format/locale';
import { TaxTable } from './TaxTable';
import './receipt.css';

export interface ReceiptProps {
  sale: SaleDetail;
  /**
   * The store's receipt details: its name heads the receipt, then its address and VAT number;
   * the footer closes it. Null while the settings load.
   */
  settings: ReceiptStore | null;
}

/**
 * A sale's receipt as it prints: rendered from the shared receipt model
 * (shared/receipt/receipt-model.ts), the same one the core encodes for the thermal printer. The
 * store (name, address, VAT number), till, receipt number, local date and time, staff, customer,
 * line items, subtotal, discount, tax (said "included" when prices include it), total, the tax
 * per rate, each tender (cash with what was handed over), the change due and the store's footer.
 * Amounts are minor units of `sale.currency`, written in the store's locale. The print CSS prints
 * this region alone when `<html data-print="receipt">` is set (see `printReceipt`).
 */
export function Receipt({ sale, settings }: ReceiptProps) {
  const { t } = useTranslation('receipt');
  const f = useFormat();
  const r = receiptModel(sale, settings);
  const money = (minor: number) => f.money(minor, r.currency);
  return (
    <section role="region" aria-label={t('region')} className="k-receipt">
      {r.storeName && <p className="k-receipt-store">{r.storeName}</p>}
      {r.address.map((line, i) => (
        <p key={`a${i}`} className="k-receipt-center">
          {line}
        </p>
      ))}
      {r.taxNumber && <p className="k-receipt-center">{t('taxNumber', { number: r.taxNumber })}</p>}
      <p className="k-receipt-center">
        {t(r.kind === 'refund' ? 'refundHeading' : 'heading', {
          no: r.receiptNo,
          till: r.tillName,
        })}
      </p>
      <p className="k-receipt-center">{f.dateTime(r.createdAt)}</p>
      <p className="k-receipt-center">{t('servedBy', { name: r.staffName })}</p>
      {r.customerName && (
        <p className="k-receipt-center">{t('customer', { name: r.customerName })}</p>
      )}
      {r.refundOfNo !== null && (
        <p className="k-receipt-center">{t('refundOf', { no: r.refundOfNo })}</p>
      )}
      {r.voided && <p className="k-receipt-store">{t('voided')}</p>}
      <hr />
      <ul className="k-receipt-lines" aria-label={t('items')}>
        {r.lines.map((l) => (
          <li key={l.id} className="k-receipt-row">
            <span>
              {l.description}
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
        <Row label={t('subtotal')} value={money(r.subtotal)} />
        {r.discount !== 0 && <Row label={t('discount')} value={`−${money(r.discount)}`} />}
        <Row label={r.pricesIncludeTax ? t('taxIncluded') : t('tax')} value={money(r.tax)} />
        <Row label={t('total')} value={money(r.total)} className="k-receipt-total" />
      </dl>
      <TaxTable rows={r.taxRows} money={money} />
      {r.tenders.length > 0 && (
        <>
          <hr />
          <dl className="k-receipt-totals" aria-label={t('payments')}>
            {r.tenders.map((tender, i) => (
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
      {r.changeDue !== null && (
        <p className="k-receipt-change">
          <span>{t('changeDue')}</span>{' '}
          <span className="k-receipt-amount">{money(r.changeDue)}</span>
        </p>
      )}
      {r.note && <p className="k-receipt-note">{r.note}</p>}
      <div className="k-receipt-center k-receipt-thanks">
        {r.footer.length > 0 ? r.footer.map((line, i) => <p key={`f${i}`}>{line}</p>) : t('thanks')}
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

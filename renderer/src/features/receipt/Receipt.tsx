import type { SaleDetail, TenderType, TillSettings } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { formatDateTime } from '../../format/time';
import './receipt.css';

const TENDER_NAMES: Record<TenderType, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

export interface ReceiptProps {
  sale: SaleDetail;
  /** The store name heads the receipt; null while the settings load. */
  settings: Pick<TillSettings, 'storeName'> | null;
}

/**
 * A sale's receipt as it prints: store, till, receipt number, local date and time, staff,
 * customer, line items, subtotal, discount, tax (said "included" when prices include it), total,
 * each tender (cash with what was handed over) and the change due. Amounts are the recorded minor
 * units of `sale.currency`. The print CSS prints this region alone when `<html data-print=
 * "receipt">` is set (see `printReceipt`).
 */
export function Receipt({ sale, settings }: ReceiptProps) {
  const money = (minor: number) => formatMoney(minor, sale.currency);
  const change = sale.tenders.reduce((sum, t) => sum + (t.change ?? 0), 0);
  const refund = sale.kind === 'refund';
  return (
    <section role="region" aria-label="Receipt" className="k-receipt">
      {settings?.storeName && <p className="k-receipt-store">{settings.storeName}</p>}
      <p className="k-receipt-center">
        {refund ? 'REFUND' : 'Receipt'} #{sale.receiptNo} · {sale.tillName}
      </p>
      <p className="k-receipt-center">{formatDateTime(sale.createdAt)}</p>
      <p className="k-receipt-center">Served by {sale.staff.name}</p>
      {sale.customer && <p className="k-receipt-center">Customer: {sale.customer.name}</p>}
      {sale.refundOf && (
        <p className="k-receipt-center">Refund of receipt #{sale.refundOf.receiptNo}</p>
      )}
      {sale.status === 'voided' && <p className="k-receipt-store">VOIDED</p>}
      <hr />
      <ul className="k-receipt-lines" aria-label="Items">
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
        <Row label="Subtotal" value={money(sale.subtotal)} />
        {sale.discount !== 0 && <Row label="Discount" value={`−${money(sale.discount)}`} />}
        <Row label={sale.pricesIncludeTax ? 'Tax (incl.)' : 'Tax'} value={money(sale.tax)} />
        <Row label="Total" value={money(sale.total)} className="k-receipt-total" />
      </dl>
      {sale.tenders.length > 0 && (
        <>
          <hr />
          <dl className="k-receipt-totals" aria-label="Payments">
            {sale.tenders.map((t, i) => (
              <Row
                key={`${t.type}-${i}`}
                label={
                  t.type === 'cash' && t.tendered !== null
                    ? `Cash tendered ${money(t.tendered)}`
                    : TENDER_NAMES[t.type]
                }
                value={money(t.amount)}
              />
            ))}
          </dl>
        </>
      )}
      {!refund && (
        <p className="k-receipt-change">
          <span>Change due</span> <span className="k-receipt-amount">{money(change)}</span>
        </p>
      )}
      {sale.note && <p className="k-receipt-note">{sale.note}</p>}
      <p className="k-receipt-center k-receipt-thanks">Thank you</p>
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

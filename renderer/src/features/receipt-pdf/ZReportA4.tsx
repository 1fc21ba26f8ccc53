import { useTranslation } from 'react-i18next';
import type { ZReportPrintDocument } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { receiptLabel } from '../transactions/sale-format';
import { ZReportCash, ZReportFigures } from './ZReportA4Tables';
import { StoreHeading } from './StoreHeading';

/**
 * A Z report on A4 for the shop's accountant (issue 10, section 1: "exports as PDF"): the store
 * (name, address, VAT number), the Z number and till, who opened and closed the shift and when
 * (in the store's time zone), the shift's figures (sales, discounts, refunds, voids, net, tax by
 * rate, tenders, the drawer), expected against counted with over/short and the note, the cash
 * counted by denomination, the receipt numbers, the till's perpetual grand total, and when the
 * PDF was made. Amounts are the recorded minor units of the report's currency.
 */
export function ZReportA4({ doc }: { doc: ZReportPrintDocument }) {
  const { t } = useTranslation('receiptPdf');
  const f = useFormat();
  const { report: z, store } = doc;
  const when = (iso: string) => f.dateTime(iso, { timeZone: store.timeZone });
  const money = (minor: number) => f.money(minor, z.currency);
  return (
    <article className="k-invoice k-zreport-a4" aria-label={t('zReport.title', { number: z.zNo })}>
      <header className="k-invoice-head">
        <StoreHeading store={store} vatLine={(number) => t('invoice.sellerVat', { number })} />
        <div>
          <h1>{t('zReport.title', { number: z.zNo })}</h1>
          <dl className="k-invoice-facts">
            <dt>{t('zReport.till')}</dt>
            <dd>{z.tillName}</dd>
            <dt>{t('zReport.opened')}</dt>
            <dd>{t('zReport.atBy', { at: when(z.openedAt), name: z.openedBy.name })}</dd>
            <dt>{t('zReport.closed')}</dt>
            <dd>{t('zReport.atBy', { at: when(z.closedAt), name: z.closedBy.name })}</dd>
            <dt>{t('zReport.receipts')}</dt>
            <dd>
              {z.firstReceiptNo !== null && z.lastReceiptNo !== null
                ? t('zReport.receiptRange', {
                    first: receiptLabel(z.firstReceiptNo),
                    last: receiptLabel(z.lastReceiptNo),
                  })
                : t('zReport.noReceipts')}
            </dd>
            <dt>{t('zReport.currency')}</dt>
            <dd>{z.currency}</dd>
          </dl>
        </div>
      </header>
      <ZReportFigures report={z} />
      <ZReportCash report={z} />
      <p className="k-zreport-a4-grand">
        <span>{t('zReport.grandTotal')}</span>
        <span>{money(z.grandTotal)}</span>
      </p>
      <p className="k-invoice-footer k-zreport-a4-printed">
        {t('zReport.printed', { at: when(doc.printedAt) })}
      </p>
    </article>
  );
}

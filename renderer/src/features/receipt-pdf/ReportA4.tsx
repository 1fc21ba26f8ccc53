import { useTranslation } from 'react-i18next';
import type { ReportPrintDocument } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { formatBusinessDay } from '../transactions/business-days';
import { ReportA4Table } from './ReportA4Table';
import { StoreHeading } from './StoreHeading';

/**
 * A dashboard report, or the whole dashboard, on A4 landscape (issue 11, section 4: "every report
 * exports as PDF"): the store (name, address, VAT number), the report's title, its range of
 * business days and currency, then every table of the report (no charts: a table for each), and
 * when the PDF was made in the store's time zone. Black on white for print.
 */
export function ReportA4({ doc }: { doc: ReportPrintDocument }) {
  const { t } = useTranslation('reportExport');
  const f = useFormat();
  const { store, range } = doc;
  const title = t(`reports.${doc.report}`);
  return (
    <article className="k-invoice k-report-a4" aria-label={title}>
      <header className="k-invoice-head">
        <StoreHeading store={store} vatLine={(number) => t('vat', { number })} />
        <div>
          <h1>{title}</h1>
          <dl className="k-invoice-facts">
            <dt>{t('range')}</dt>
            <dd>
              {t('rangeText', {
                from: formatBusinessDay(range.from, 'medium'),
                to: formatBusinessDay(range.to, 'medium'),
              })}
            </dd>
            <dt>{t('currency')}</dt>
            <dd>{doc.currency}</dd>
          </dl>
        </div>
      </header>
      {doc.tables.map((table, i) => (
        <ReportA4Table key={`${table.id}-${i}`} table={table} currency={doc.currency} />
      ))}
      <p className="k-invoice-footer">
        {t('printed', { at: f.dateTime(doc.printedAt, { timeZone: store.timeZone }) })}
      </p>
    </article>
  );
}

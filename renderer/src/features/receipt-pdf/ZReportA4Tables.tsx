import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZReport } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { signedMoney } from '../shifts/over-short';
import { tenderLabel } from '../transactions/sale-format';
import { tenderCountLabel } from '../shifts/tender-count';
import { numberFormat } from '../../../../shared/intl-formats';

/** One captioned table of label/value rows; `strong` rows are the totals. */
function Figures({
  title,
  rows,
}: {
  title: string;
  rows: { label: string; value: ReactNode; strong?: boolean }[];
}) {
  return (
    <table className="k-zreport-a4-table">
      <caption>{title}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className={r.strong ? 'k-zreport-a4-strong' : undefined}>
            <th scope="row">{r.label}</th>
            <td>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The Z report's figures on A4: sales (count, gross, discounts, refunds, voids, net, tax), tax by
 * rate, totals by tender and the cash drawer (float, paid in/out, no sales, expected cash), in the
 * words of the shift screens (the `shifts` catalogue).
 */
export function ZReportFigures({ report: z }: { report: ZReport }) {
  const { t } = useTranslation('shifts');
  const f = useFormat();
  const money = (minor: number) => f.money(minor, z.currency);
  const n = (count: number) => f.count(count);
  const percent = numberFormat(f.locale, { maximumFractionDigits: 2 });
  return (
    <div className="k-zreport-a4-grid">
      <Figures
        title={t('figures.sales')}
        rows={[
          { label: t('figures.salesCount'), value: n(z.salesCount) },
          { label: t('figures.gross'), value: money(z.gross) },
          { label: t('figures.discount'), value: money(z.discount) },
          {
            label: t('figures.refunds', { count: z.refundsCount, n: n(z.refundsCount) }),
            value: money(z.refunds),
          },
          {
            label: t('figures.voids', { count: z.voidsCount, n: n(z.voidsCount) }),
            value: money(z.voids),
          },
          { label: t('figures.net'), value: money(z.net), strong: true },
          { label: t('figures.tax'), value: money(z.tax) },
        ]}
      />
      <Figures
        title={t('figures.taxByRate')}
        rows={
          z.taxByRate.length === 0
            ? [{ label: t('figures.noTax'), value: '' }]
            : z.taxByRate.map((row) => ({
                label: t('figures.rate', {
                  rate: percent.format(row.rateBps / 100),
                  gross: money(row.gross),
                }),
                value: money(row.tax),
              }))
        }
      />
      <Figures
        title={t('figures.byTender')}
        rows={
          z.byTender.length === 0
            ? [{ label: t('figures.noPayments'), value: '' }]
            : z.byTender.map((row) => ({
                label: tenderCountLabel(t, tenderLabel(row.type), row, n),
                value: money(row.amount),
              }))
        }
      />
      <Figures
        title={t('figures.drawer')}
        rows={[
          { label: t('figures.float'), value: money(z.float) },
          {
            label: t('figures.paidIn', { count: z.paidInCount, n: n(z.paidInCount) }),
            value: money(z.paidIn),
          },
          {
            label: t('figures.paidOut', { count: z.paidOutCount, n: n(z.paidOutCount) }),
            value: money(z.paidOut),
          },
          { label: t('figures.noSales'), value: n(z.noSaleCount) },
          { label: t('figures.expectedCash'), value: money(z.expectedCash), strong: true },
        ]}
      />
    </div>
  );
}

/**
 * The close on A4: expected against counted per tender with over/short and their total, the
 * close's note, and the cash counted by denomination.
 */
export function ZReportCash({ report: z }: { report: ZReport }) {
  const { t } = useTranslation(['shifts', 'receiptPdf']);
  const f = useFormat();
  const money = (minor: number) => f.money(minor, z.currency);
  return (
    <div className="k-zreport-a4-grid">
      <section>
        <table className="k-invoice-lines k-zreport-a4-rec">
          <caption>{t('z.reconciliation')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('z.tender')}</th>
              <th scope="col">{t('z.expected')}</th>
              <th scope="col">{t('z.counted')}</th>
              <th scope="col">{t('z.overShort')}</th>
            </tr>
          </thead>
          <tbody>
            {z.reconciliation.map((row) => (
              <tr key={row.type}>
                <th scope="row">{tenderLabel(row.type)}</th>
                <td>{money(row.expected)}</td>
                <td>{money(row.counted)}</td>
                <td>{signedMoney(money, row.overShort)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="k-zreport-a4-strong">
              <th scope="row" colSpan={3}>
                {t('z.totalOverShort')}
              </th>
              <td>{signedMoney(money, z.overShort)}</td>
            </tr>
          </tfoot>
        </table>
        {z.note && <p>{t('z.note', { note: z.note })}</p>}
      </section>
      <Figures
        title={t('z.countedCash')}
        rows={
          z.countedCash.length === 0
            ? [{ label: t('receiptPdf:zReport.noCash'), value: money(0) }]
            : z.countedCash.map((c) => ({
                label: `${f.count(c.quantity)} × ${money(c.value)}`,
                value: money(c.value * c.quantity),
              }))
        }
      />
    </div>
  );
}

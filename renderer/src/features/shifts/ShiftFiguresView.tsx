import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShiftFigures } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { bpsToPercent } from '../products/product-form';
import { receiptLabel, tenderLabel } from '../transactions/sale-format';
import { FigureTable } from './FigureTable';
import { tenderCountLabel } from './tender-count';
import './shifts.css';

/**
 * A shift's figures as the X report and the Z report show them: sales (count, gross, discounts,
 * refunds, voids, net, tax), tax by rate, totals by tender, and the drawer (float, paid in/out,
 * no-sale count, expected cash), and the first and last receipt numbers.
 * Amounts are minor units of `figures.currency`, formatted with useFormat().
 */
export function ShiftFiguresView({ figures }: { figures: ShiftFigures }) {
  const { t } = useTranslation('shifts');
  const format = useFormat();
  const money = (minor: number) => format.money(minor, figures.currency);
  const n = (count: number) => format.count(count);
  return (
    <>
      <div className="k-shift-figures">
        <FigureTable
          title={t('figures.sales')}
          rows={[
            { label: t('figures.salesCount'), value: n(figures.salesCount) },
            { label: t('figures.gross'), value: money(figures.gross) },
            { label: t('figures.discount'), value: money(figures.discount) },
            {
              label: t('figures.refunds', {
                count: figures.refundsCount,
                n: n(figures.refundsCount),
              }),
              value: money(figures.refunds),
            },
            {
              label: t('figures.voids', { count: figures.voidsCount, n: n(figures.voidsCount) }),
              value: money(figures.voids),
            },
            { label: t('figures.net'), value: money(figures.net), strong: true },
            { label: t('figures.tax'), value: money(figures.tax) },
          ]}
        />
        <FigureTable
          title={t('figures.byTender')}
          rows={
            figures.byTender.length === 0
              ? [{ label: t('figures.noPayments'), value: '' }]
              : figures.byTender.map((row) => ({
                  label: tenderCountLabel(t, tenderLabel(row.type), row, n),
                  value: money(row.amount),
                }))
          }
        />
        <FigureTable
          title={t('figures.drawer')}
          rows={[
            { label: t('figures.float'), value: money(figures.float) },
            {
              label: t('figures.paidIn', { count: figures.paidInCount, n: n(figures.paidInCount) }),
              value: money(figures.paidIn),
            },
            {
              label: t('figures.paidOut', {
                count: figures.paidOutCount,
                n: n(figures.paidOutCount),
              }),
              value: money(figures.paidOut),
            },
            { label: t('figures.noSales'), value: n(figures.noSaleCount) },
            { label: t('figures.expectedCash'), value: money(figures.expectedCash), strong: true },
          ]}
        />
        <FigureTable
          title={t('figures.taxByRate')}
          rows={
            figures.taxByRate.length === 0
              ? [{ label: t('figures.noTax'), value: '' }]
              : figures.taxByRate.map((row) => ({
                  label: t('figures.rate', {
                    rate: bpsToPercent(row.rateBps),
                    gross: money(row.gross),
                  }),
                  value: money(row.tax),
                }))
          }
        />
      </div>
      <Text size="sm" c="dimmed">
        {figures.firstReceiptNo !== null && figures.lastReceiptNo !== null
          ? t('figures.receipts', {
              first: receiptLabel(figures.firstReceiptNo),
              last: receiptLabel(figures.lastReceiptNo),
            })
          : t('figures.noReceipts')}
      </Text>
    </>
  );
}

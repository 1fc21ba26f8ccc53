import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { ReportCard } from './ReportCard';
import { numberFormat } from '../../../../shared/intl-formats';

/** The tax report by rate over the range: net (without tax), tax and gross, with totals. */
export function TaxReportCard({ tax }: { tax: ChannelOutput<'analytics:taxReport'> }) {
  const { t } = useTranslation('analytics');
  const { money, locale } = useFormat();
  const rate = (bps: number) =>
    numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
  const m = (minor: number) => money(minor, tax.currency);
  return (
    <ReportCard
      title={t('tax.title')}
      table={
        tax.rates.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('empty')}
          </Text>
        ) : (
          <Table className="k-data-table" aria-label={t('tax.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.rate')}</Table.Th>
                <Table.Th className="k-num">{t('columns.netOfTax')}</Table.Th>
                <Table.Th className="k-num">{t('columns.tax')}</Table.Th>
                <Table.Th className="k-num">{t('columns.gross')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tax.rates.map((r) => (
                <Table.Tr key={r.taxRateBps}>
                  <Table.Th scope="row">{rate(r.taxRateBps)}</Table.Th>
                  <Table.Td className="k-num">{m(r.net)}</Table.Td>
                  <Table.Td className="k-num">{m(r.tax)}</Table.Td>
                  <Table.Td className="k-num">{m(r.gross)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="k-total-row">
                <Table.Th scope="row">{t('columns.total')}</Table.Th>
                <Table.Td className="k-num">{m(tax.totals.net)}</Table.Td>
                <Table.Td className="k-num">{m(tax.totals.tax)}</Table.Td>
                <Table.Td className="k-num">{m(tax.totals.gross)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )
      }
    />
  );
}

import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { ReportCard } from './ReportCard';
import { ScrollTable } from './ScrollTable';
import { numberFormat } from '../../../../shared/intl-formats';

const MONEY = ['net', 'averageBasket', 'refunds', 'discounts', 'overShort'] as const;

/**
 * Staff performance over the range: per member the sales they rang up, net, average basket,
 * items per sale, refunds, voids, discounts given, and the over/short of their closed shifts.
 */
export function StaffPerformanceCard({
  staff,
}: {
  staff: ChannelOutput<'analytics:staffPerformance'>;
}) {
  const { t } = useTranslation('analytics');
  const { money, count, locale } = useFormat();
  const items = numberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <ReportCard
      title={t('staff.title')}
      table={
        staff.staff.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('empty')}
          </Text>
        ) : (
          <ScrollTable label={t('staff.title')} size="wide">
            <Table className="k-data-table" aria-label={t('staff.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.member')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.sales')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.net')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.averageBasket')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.itemsPerSale')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.refunds')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.voids')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.discounts')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.overShort')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.staff.map((s) => {
                  const m = Object.fromEntries(
                    MONEY.map((k) => [k, money(s[k], staff.currency)]),
                  ) as Record<(typeof MONEY)[number], string>;
                  return (
                    <Table.Tr key={s.staffId}>
                      <Table.Th scope="row">{s.name}</Table.Th>
                      <Table.Td className="k-num">{count(s.salesCount)}</Table.Td>
                      <Table.Td className="k-num">{m.net}</Table.Td>
                      <Table.Td className="k-num">{m.averageBasket}</Table.Td>
                      <Table.Td className="k-num">{items.format(s.itemsPerSale)}</Table.Td>
                      <Table.Td className="k-num">{m.refunds}</Table.Td>
                      <Table.Td className="k-num">{count(s.voidsCount)}</Table.Td>
                      <Table.Td className="k-num">{m.discounts}</Table.Td>
                      <Table.Td className="k-num">
                        {s.shiftsClosed === 0 ? '–' : m.overShort}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )
      }
    />
  );
}

import { AreaChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { bucketLabel } from './bucket-label';
import { ReportCard } from './ReportCard';
import { ScrollTable } from './ScrollTable';

/**
 * The sales trend over the range (issue 11, section 4): net sales per hour, day, week or month
 * (the grain follows the range's length), as an area chart or as a table of sales, refunds and net.
 */
export function TrendCard({ trend }: { trend: ChannelOutput<'analytics:trend'> }) {
  const { t } = useTranslation('analytics');
  const { money, count } = useFormat();
  const label = (bucket: string) =>
    trend.grain === 'week'
      ? t('trend.week', { day: bucketLabel(bucket, 'week') })
      : bucketLabel(bucket, trend.grain);
  const data = trend.points.map((p) => ({ label: label(p.bucket), net: p.net }));
  return (
    <ReportCard
      title={t(`trend.title.${trend.grain}`)}
      chart={
        <AreaChart
          h={240}
          data={data}
          dataKey="label"
          series={[{ name: 'net', label: t('trend.net'), color: 'brand.6' }]}
          valueFormatter={(v) => money(v, trend.currency)}
          curveType="linear"
          tickLine="x"
          gridAxis="y"
          withDots={data.length <= 31}
          tooltipAnimationDuration={0}
          aria-label={t(`trend.title.${trend.grain}`)}
          role="img"
        />
      }
      table={
        <ScrollTable label={t(`trend.title.${trend.grain}`)} size="narrow" tall>
          <Table className="k-data-table" aria-label={t(`trend.title.${trend.grain}`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`trend.bucket.${trend.grain}`)}</Table.Th>
                <Table.Th className="k-num">{t('columns.sales')}</Table.Th>
                <Table.Th className="k-num">{t('columns.refunds')}</Table.Th>
                <Table.Th className="k-num">{t('columns.net')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.points.map((p) => (
                <Table.Tr key={p.bucket}>
                  <Table.Td>{label(p.bucket)}</Table.Td>
                  <Table.Td className="k-num">{count(p.salesCount)}</Table.Td>
                  <Table.Td className="k-num">{money(p.refunds, trend.currency)}</Table.Td>
                  <Table.Td className="k-num">{money(p.net, trend.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    />
  );
}

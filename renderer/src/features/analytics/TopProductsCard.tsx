import { BarChart } from '@mantine/charts';
import { SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import type { TopBy } from '../../stores/analytics';
import { ReportCard } from './ReportCard';

/** The ten products with the highest net revenue or net quantity in the range, chart or table. */
export function TopProductsCard({
  top,
  by,
  onBy,
}: {
  top: ChannelOutput<'analytics:topProducts'>;
  by: TopBy;
  onBy: (by: TopBy) => void;
}) {
  const { t } = useTranslation('analytics');
  const { money, count } = useFormat();
  const value = (p: { net: number; quantity: number }) => (by === 'revenue' ? p.net : p.quantity);
  const empty = (
    <Text c="dimmed" size="sm">
      {t('empty')}
    </Text>
  );
  return (
    <ReportCard
      title={t('top.title')}
      actions={
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(v) => onBy(v as TopBy)}
          aria-label={t('top.by')}
          data={[
            { value: 'revenue', label: t('top.revenue') },
            { value: 'quantity', label: t('top.quantity') },
          ]}
        />
      }
      chart={
        top.products.length === 0 ? (
          empty
        ) : (
          <BarChart
            h={Math.max(160, top.products.length * 30)}
            data={top.products.map((p) => ({ name: p.name, value: value(p) }))}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'value', label: t(`top.${by}`), color: 'brand.6' }]}
            valueFormatter={(v) => (by === 'revenue' ? money(v, top.currency) : count(v))}
            yAxisProps={{ width: 140 }}
            tooltipAnimationDuration={0}
            aria-label={t('top.title')}
            role="img"
          />
        )
      }
      table={
        top.products.length === 0 ? (
          empty
        ) : (
          <Table className="k-data-table" aria-label={t('top.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.product')}</Table.Th>
                <Table.Th className="k-num">{t('columns.quantity')}</Table.Th>
                <Table.Th className="k-num">{t('columns.net')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {top.products.map((p) => (
                <Table.Tr key={p.productId}>
                  <Table.Td>
                    {p.name}{' '}
                    <Text span size="xs" c="dimmed">
                      {p.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td className="k-num">{count(p.quantity)}</Table.Td>
                  <Table.Td className="k-num">{money(p.net, top.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    />
  );
}

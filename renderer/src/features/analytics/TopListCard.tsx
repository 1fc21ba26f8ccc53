import { BarChart } from '@mantine/charts';
import { SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TopBy } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { ReportCard } from './ReportCard';

/** One row of a top list: a product or a category, with its figures over the range. */
export interface TopRow {
  key: string;
  name: string;
  /** Shown small after the name in the table (a product's SKU). */
  detail?: string;
  quantity: number;
  net: number;
  margin: number;
}

const BY: readonly TopBy[] = ['revenue', 'quantity', 'margin'];

/**
 * A ranked list of the dashboard (top products, top categories): "by revenue | by quantity | by
 * margin" beside the title, a bar chart of the ranking figure, and a table of quantity, net and
 * margin (minor units of `currency`), rows in the core's order.
 */
export function TopListCard({
  title,
  byLabel,
  nameColumn,
  by,
  onBy,
  currency,
  rows,
}: {
  title: string;
  /** Names the ranking control. */
  byLabel: string;
  nameColumn: string;
  by: TopBy;
  onBy: (by: TopBy) => void;
  currency: string;
  rows: readonly TopRow[];
}) {
  const { t } = useTranslation('analytics');
  const { money, count } = useFormat();
  const value = (r: TopRow) =>
    by === 'revenue' ? r.net : by === 'quantity' ? r.quantity : r.margin;
  const empty = (
    <Text c="dimmed" size="sm">
      {t('empty')}
    </Text>
  );
  return (
    <ReportCard
      title={title}
      actions={
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(v) => onBy(v as TopBy)}
          aria-label={byLabel}
          data={BY.map((b) => ({ value: b, label: t(`top.${b}`) }))}
        />
      }
      chart={
        rows.length === 0 ? (
          empty
        ) : (
          <BarChart
            h={Math.max(160, rows.length * 30)}
            data={rows.map((r) => ({ name: r.name, value: value(r) }))}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'value', label: t(`top.${by}`), color: 'brand.6' }]}
            valueFormatter={(v) => (by === 'quantity' ? count(v) : money(v, currency))}
            yAxisProps={{ width: 140 }}
            tooltipAnimationDuration={0}
            aria-label={title}
            role="img"
          />
        )
      }
      table={
        rows.length === 0 ? (
          empty
        ) : (
          <Table className="k-data-table" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{nameColumn}</Table.Th>
                <Table.Th className="k-num">{t('columns.quantity')}</Table.Th>
                <Table.Th className="k-num">{t('columns.net')}</Table.Th>
                <Table.Th className="k-num">{t('columns.margin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    {r.name}
                    {r.detail !== undefined && (
                      <>
                        {' '}
                        <Text span size="xs" c="dimmed">
                          {r.detail}
                        </Text>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td className="k-num">{count(r.quantity)}</Table.Td>
                  <Table.Td className="k-num">{money(r.net, currency)}</Table.Td>
                  <Table.Td className="k-num">{money(r.margin, currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    />
  );
}

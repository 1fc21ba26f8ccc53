import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { ReportCard } from './ReportCard';
import { ScrollTable } from './ScrollTable';
import { dateTimeFormat } from '../../../../shared/intl-formats';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * When the shop sells: completed sales by weekday × store-local hour over the range, as a table
 * whose cells are shaded by their share of the busiest hour (five steps, CSS classes only: E3).
 * The table is the chart, so it reads the same to a screen reader.
 */
export function SalesHeatmap({ heatmap }: { heatmap: ChannelOutput<'analytics:heatmap'> }) {
  const { t } = useTranslation('analytics');
  const { count, money, locale } = useFormat();
  const cell = new Map(heatmap.cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const busiest = Math.max(1, ...heatmap.cells.map((c) => c.salesCount));
  const dayName = (weekday: number) =>
    dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
      // 2024-01-01 was a Monday (ISO weekday 1).
      new Date(Date.UTC(2024, 0, weekday)),
    );
  return (
    <ReportCard
      title={t('heatmap.title')}
      table={
        <ScrollTable label={t('heatmap.title')} size="widest">
          <Table className="k-analytics-heatmap" aria-label={t('heatmap.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <span className="k-visually-hidden">{t('heatmap.weekday')}</span>
                </Table.Th>
                {HOURS.map((h) => (
                  <Table.Th key={h} className="k-num">
                    {String(h).padStart(2, '0')}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {WEEKDAYS.map((d) => (
                <Table.Tr key={d}>
                  <Table.Th scope="row">{dayName(d)}</Table.Th>
                  {HOURS.map((h) => {
                    const c = cell.get(`${d}:${h}`);
                    const n = c?.salesCount ?? 0;
                    const step = n === 0 ? 0 : Math.ceil((n / busiest) * 5);
                    return (
                      <Table.Td
                        key={h}
                        className={`k-num k-heat-${step}`}
                        title={t('heatmap.cell', {
                          sales: count(n),
                          net: money(c?.net ?? 0, heatmap.currency),
                        })}
                      >
                        {n === 0 ? '' : count(n)}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    />
  );
}

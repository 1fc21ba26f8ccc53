import { Group, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One report on the dashboard: a titled section, and for charts a "Chart | Table" switch so that
 * every chart can be read as a table too (issue 11, section 4; screen readers and print).
 */
export function ReportCard({
  title,
  actions,
  chart,
  table,
}: {
  title: string;
  /** Controls beside the title (e.g. "by revenue | by quantity"). */
  actions?: ReactNode;
  /** The chart; without one the card shows only `table`. */
  chart?: ReactNode;
  table: ReactNode;
}) {
  const { t } = useTranslation('analytics');
  const id = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Group gap="sm" className="k-no-print">
            {actions}
            {chart && (
              <SegmentedControl
                size="xs"
                value={view}
                onChange={(v) => setView(v as 'chart' | 'table')}
                aria-label={t('view.label', { report: title })}
                data={[
                  { value: 'chart', label: t('view.chart') },
                  { value: 'table', label: t('view.table') },
                ]}
              />
            )}
          </Group>
        </Group>
        {chart && view === 'chart' ? chart : table}
      </Stack>
    </Paper>
  );
}

import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../../../shared/contract';
import { fitStyle } from '../../format/fit';
import { useFormat } from '../../format/locale';
import { DayShifts } from '../shifts/DayShifts';
import { formatBusinessDay } from '../transactions/business-days';
import { StaffTable, TenderTable, TillTable } from './DaySummaryTables';

/**
 * One business day's figures (`reports:daySummary`): the headline figures (sales, gross,
 * refunds, net, tax), then the tables by tender and by staff member, and by till when more than
 * one till took money that day (a store server's). Money arrives in minor units
 * and is formatted in the store's currency here; `stale` dims it while the next day loads.
 */
export function Summary({ summary, stale }: { summary: DaySummary; stale: boolean }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const money = (minor: number) => format.money(minor, summary.currency);
  /** A counted note, e.g. "1,234 sales": the plural form by `n`, the number in the locale. */
  const counted = (key: string, n: number) => t(key, { count: n, formatted: format.count(n) });
  return (
    <Stack gap="lg" className={stale ? 'k-loading' : undefined} aria-busy={stale}>
      <div className="k-report-figures-grid">
        <Figure
          label={t('figures.net')}
          value={money(summary.net)}
          note={t('figures.netNote')}
          primary
        />
        <Figure
          label={t('figures.gross')}
          value={money(summary.gross)}
          note={counted('figures.sales', summary.salesCount)}
        />
        <Figure
          label={t('figures.salesCount')}
          value={format.count(summary.salesCount)}
          note={t('figures.salesCountNote')}
        />
        <Figure
          label={t('figures.refunds')}
          value={money(summary.refunds)}
          note={counted('figures.refundsNote', summary.refundsCount)}
          tone={summary.refunds > 0 ? 'negative' : undefined}
        />
        <Figure
          label={t('figures.voids')}
          value={money(summary.voids)}
          note={counted('figures.voidsNote', summary.voidsCount)}
        />
        <Figure
          label={t('figures.discount')}
          value={money(summary.discount)}
          note={t('figures.discountNote')}
        />
        <Figure label={t('figures.tax')} value={money(summary.tax)} note={t('figures.taxNote')} />
      </div>

      <div className="k-report-tables">
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('byTender')}
          </Title>
          <TenderTable summary={summary} money={money} />
        </Paper>
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('byStaff')}
          </Title>
          <StaffTable summary={summary} money={money} />
        </Paper>
        {summary.byTill.length > 1 && (
          <Paper withBorder radius="lg" p="md" className="k-report-span">
            <Title order={2} size="h4" mb="sm">
              {t('byTill')}
            </Title>
            <TillTable summary={summary} money={money} />
          </Paper>
        )}
      </div>
      <DayShifts shifts={summary.shifts ?? []} currency={summary.currency} />
      <Text size="xs" c="dimmed">
        {t('period', {
          day: formatBusinessDay(summary.date, 'medium'),
          timeZone: summary.timeZone,
          from: format.dateTime(summary.from),
          to: format.dateTime(summary.to),
          currency: summary.currency,
        })}
      </Text>
    </Stack>
  );
}

function Figure({
  label,
  value,
  note,
  primary = false,
  tone,
}: {
  label: string;
  value: string;
  note: string;
  primary?: boolean;
  tone?: 'negative';
}) {
  const classes = [
    'k-report-figure k-fit-box',
    primary ? 'k-report-figure-primary' : '',
    tone ? `k-report-${tone}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Paper withBorder radius="lg" p="md" role="group" aria-label={label} className={classes}>
      <Text size="xs" tt="uppercase" fw={700} className="k-report-figure-label">
        {label}
      </Text>
      <Text className="k-report-figure-value k-fit" style={fitStyle(value)}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {note}
      </Text>
    </Paper>
  );
}

import {
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPrinter } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { useReportsStore } from '../../stores/reports';
import { printOnly } from '../transactions/print';
import { tenderLabel } from '../transactions/sale-format';
import { formatBusinessDay, isBusinessDay } from '../transactions/business-days';
import '../data-import/data-tables.css';
import './reports.css';

/**
 * Reports (permission reports.view): the day summary for one business day in the store's time
 * zone ("today" is the core's, not this computer's): sales, gross, refunds, voids, net, discount
 * and tax, split by tender and by staff member. Printable. While the day runs it is an X report
 * (an interim reading); a past day is only ever a "day summary", never a "Z report" or a closed
 * day, because Kassa has no shift closing yet (issue 8, item 21).
 */
export function ReportsScreen() {
  const { t } = useTranslation('reports');
  const { day, today, summary, loading, error } = useReportsStore();
  const store = useReportsStore.getState;
  const init = useReportsStore((s) => s.init);

  useEffect(() => {
    void init();
  }, [init]);

  return (
    <Stack gap="lg" className="k-report-print">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text c="dimmed">
            {day !== '' && formatBusinessDay(day)}
            {today !== null && day !== '' && ` · ${t(dayState(day, today))}`}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end" className="k-no-print">
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={18} />}
            disabled={day === ''}
            onClick={() => void store().step(-1)}
          >
            {t('previousDay')}
          </Button>
          <TextInput
            label={t('day')}
            type="date"
            value={day}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (isBusinessDay(next)) void store().setDay(next);
            }}
          />
          <Button
            variant="default"
            rightSection={<IconChevronRight size={18} />}
            disabled={day === ''}
            onClick={() => void store().step(1)}
          >
            {t('nextDay')}
          </Button>
          {today !== null && day !== today && (
            <Button variant="subtle" onClick={() => void store().setDay(today)}>
              {t('today')}
            </Button>
          )}
          <Button
            leftSection={<IconPrinter size={18} />}
            disabled={!summary}
            onClick={() => printOnly('report')}
          >
            {t('print')}
          </Button>
        </Group>
      </Group>
      <FormAlert message={error} />
      {!summary && loading && (
        <Center p="xl">
          <Loader aria-label={t('loading')} />
        </Center>
      )}
      {summary && <Summary summary={summary} stale={loading} />}
    </Stack>
  );
}

/** "today, still open (X report)", "past day" or "day not yet begun" for `day` (catalogue key). */
function dayState(day: string, today: string): 'openDay' | 'pastDay' | 'futureDay' {
  return day === today ? 'openDay' : day < today ? 'pastDay' : 'futureDay';
}

function Summary({ summary, stale }: { summary: DaySummary; stale: boolean }) {
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
      </div>
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
    'k-report-figure',
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
      <Text className="k-report-figure-value">{value}</Text>
      <Text size="sm" c="dimmed">
        {note}
      </Text>
    </Paper>
  );
}

function TenderTable({ summary, money }: { summary: DaySummary; money: (m: number) => string }) {
  const { t } = useTranslation('reports');
  const { count } = useFormat();
  if (summary.byTender.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('noPayments')}
      </Text>
    );
  const scale = summary.byTender.reduce((max, t) => Math.max(max, Math.abs(t.amount)), 0) || 1;
  return (
    <Table verticalSpacing="xs" aria-label={t('byTender')} className="k-data-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('tender')}</Table.Th>
          <Table.Th className="k-num">{t('count')}</Table.Th>
          <Table.Th className="k-num">{t('amount')}</Table.Th>
          <Table.Th className="k-report-bar-col">
            <span className="k-visually-hidden">{t('share')}</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {summary.byTender.map((row) => (
          <Table.Tr key={row.type}>
            <Table.Td>{tenderLabel(row.type)}</Table.Td>
            <Table.Td className="k-num">{count(row.count)}</Table.Td>
            <Table.Td className={`k-num ${row.amount < 0 ? 'k-report-negative' : ''}`}>
              {money(row.amount)}
            </Table.Td>
            <Table.Td className="k-report-bar-col">
              <progress
                className="k-report-bar"
                max={scale}
                value={Math.abs(row.amount)}
                aria-label={t('tenderShare', { tender: tenderLabel(row.type) })}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr className="k-total-row">
          <Table.Th>{t('total')}</Table.Th>
          <Table.Td className="k-num">
            {count(summary.byTender.reduce((n, row) => n + row.count, 0))}
          </Table.Td>
          <Table.Td className="k-num">
            {money(summary.byTender.reduce((n, row) => n + row.amount, 0))}
          </Table.Td>
          <Table.Td />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function StaffTable({ summary, money }: { summary: DaySummary; money: (m: number) => string }) {
  const { t } = useTranslation('reports');
  const { count } = useFormat();
  if (summary.byStaff.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('noStaff')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" aria-label={t('byStaff')} className="k-data-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff')}</Table.Th>
            <Table.Th className="k-num">{t('sales')}</Table.Th>
            <Table.Th className="k-num">{t('gross')}</Table.Th>
            <Table.Th className="k-num">{t('refunds')}</Table.Th>
            <Table.Th className="k-num">{t('net')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.byStaff.map((s) => (
            <Table.Tr key={s.staffId}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td className="k-num">{count(s.salesCount)}</Table.Td>
              <Table.Td className="k-num">{money(s.gross)}</Table.Td>
              <Table.Td className={`k-num ${s.refunds > 0 ? 'k-report-negative' : ''}`}>
                {money(s.refunds)}
              </Table.Td>
              <Table.Td className="k-num">{money(s.net)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

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
import type { DaySummary } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../format/time';
import { useReportsStore } from '../../stores/reports';
import { printOnly } from '../transactions/print';
import { TENDER_LABELS } from '../transactions/sale-format';
import { formatBusinessDay, isBusinessDay } from '../transactions/business-days';
import '../data-import/data-tables.css';
import './reports.css';

/**
 * Reports (permission reports.view): the day summary for one business day in the store's time
 * zone (an X report while the day runs, a Z report once it is over; "today" is the core's, not this
 * computer's): sales, gross, refunds, voids,
 * net, discount and tax, split by tender and by staff member. Printable.
 */
export function ReportsScreen() {
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
            Day summary
          </Title>
          <Text c="dimmed">
            {day !== '' && formatBusinessDay(day)}
            {today === null || day === ''
              ? ''
              : day === today
                ? ' · today, still open (X report)'
                : day < today
                  ? ' · closed day (Z report)'
                  : ''}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end" className="k-no-print">
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={18} />}
            disabled={day === ''}
            onClick={() => void store().step(-1)}
          >
            Previous day
          </Button>
          <TextInput
            label="Day"
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
            Next day
          </Button>
          {today !== null && day !== today && (
            <Button variant="subtle" onClick={() => void store().setDay(today)}>
              Today
            </Button>
          )}
          <Button
            leftSection={<IconPrinter size={18} />}
            disabled={!summary}
            onClick={() => printOnly('report')}
          >
            Print
          </Button>
        </Group>
      </Group>
      <FormAlert message={error} />
      {!summary && loading && (
        <Center p="xl">
          <Loader aria-label="Loading day summary" />
        </Center>
      )}
      {summary && <Summary summary={summary} stale={loading} />}
    </Stack>
  );
}

function Summary({ summary, stale }: { summary: DaySummary; stale: boolean }) {
  const money = (minor: number) => formatMoney(minor, summary.currency);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <Stack gap="lg" className={stale ? 'k-loading' : undefined} aria-busy={stale}>
      <div className="k-report-figures-grid">
        <Figure label="Net" value={money(summary.net)} note="Gross − refunds" primary />
        <Figure
          label="Gross"
          value={money(summary.gross)}
          note={plural(summary.salesCount, 'sale', 'sales')}
        />
        <Figure label="Sales count" value={String(summary.salesCount)} note="Completed sales" />
        <Figure
          label="Refunds"
          value={money(summary.refunds)}
          note={plural(summary.refundsCount, 'refund', 'refunds')}
          tone={summary.refunds > 0 ? 'negative' : undefined}
        />
        <Figure
          label="Voids"
          value={money(summary.voids)}
          note={`${plural(summary.voidsCount, 'voided sale', 'voided sales')}, not in net`}
        />
        <Figure label="Discount" value={money(summary.discount)} note="Given, net of refunds" />
        <Figure label="Tax" value={money(summary.tax)} note="Net of refunds" />
      </div>

      <div className="k-report-tables">
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h4" mb="sm">
            By tender
          </Title>
          <TenderTable summary={summary} money={money} />
        </Paper>
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h4" mb="sm">
            By staff
          </Title>
          <StaffTable summary={summary} money={money} />
        </Paper>
      </div>
      <Text size="xs" c="dimmed">
        {summary.date} in {summary.timeZone}: {formatDateTime(summary.from)} to{' '}
        {formatDateTime(summary.to)}. Amounts in {summary.currency}.
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
  if (summary.byTender.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No payments on this day.
      </Text>
    );
  const scale = summary.byTender.reduce((max, t) => Math.max(max, Math.abs(t.amount)), 0) || 1;
  return (
    <Table verticalSpacing="xs" aria-label="By tender" className="k-data-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tender</Table.Th>
          <Table.Th className="k-num">Count</Table.Th>
          <Table.Th className="k-num">Amount</Table.Th>
          <Table.Th className="k-report-bar-col">
            <span className="k-visually-hidden">Share</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {summary.byTender.map((t) => (
          <Table.Tr key={t.type}>
            <Table.Td>{TENDER_LABELS[t.type]}</Table.Td>
            <Table.Td className="k-num">{t.count}</Table.Td>
            <Table.Td className={`k-num ${t.amount < 0 ? 'k-report-negative' : ''}`}>
              {money(t.amount)}
            </Table.Td>
            <Table.Td className="k-report-bar-col">
              <progress
                className="k-report-bar"
                max={scale}
                value={Math.abs(t.amount)}
                aria-label={`${TENDER_LABELS[t.type]} share`}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr className="k-total-row">
          <Table.Th>Total</Table.Th>
          <Table.Td className="k-num">{summary.byTender.reduce((n, t) => n + t.count, 0)}</Table.Td>
          <Table.Td className="k-num">
            {money(summary.byTender.reduce((n, t) => n + t.amount, 0))}
          </Table.Td>
          <Table.Td />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function StaffTable({ summary, money }: { summary: DaySummary; money: (m: number) => string }) {
  if (summary.byStaff.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Nobody made a sale on this day.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" aria-label="By staff" className="k-data-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Staff</Table.Th>
            <Table.Th className="k-num">Sales</Table.Th>
            <Table.Th className="k-num">Gross</Table.Th>
            <Table.Th className="k-num">Refunds</Table.Th>
            <Table.Th className="k-num">Net</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.byStaff.map((s) => (
            <Table.Tr key={s.staffId}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td className="k-num">{s.salesCount}</Table.Td>
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

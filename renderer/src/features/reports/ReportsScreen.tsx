import { Button, Center, Group, Loader, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPrinter } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTill } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { TillFilter, useReportTills } from '../../components/TillFilter';
import { useReportsStore } from '../../stores/reports';
import { DashboardView } from '../analytics/DashboardView';
import { ExportButton } from '../exports/ExportButton';
import { Summary } from './DaySummaryView';
import { ShiftsReport } from '../shifts/ShiftsReport';
import { exportZReportPdf } from '../shifts/z-report-pdf';
import { printZReportOnPrinter } from '../shifts/z-report-print';
import { printOnly } from '../transactions/print';
import { formatBusinessDay, isBusinessDay } from '../transactions/business-days';
import '../data-import/data-tables.css';
import './reports.css';

/**
 * Reports (permission reports.view), three tabs: the dashboard for a range of days (issue 11,
 * section 4, features/analytics), the day summary for one business day in the
 * store's time zone ("today" is the core's, not this computer's): sales, gross, refunds, voids,
 * net, discount and tax, split by tender and by staff member, and the day's shifts; printable. A
 * day summary is never a Z report: Z reports belong to shifts (issue 10, section 1) and are
 * listed under Shifts, each viewable, printable and exportable.
 */
export function ReportsScreen() {
  const { t } = useTranslation('reports');
  // Read once for both tabs that filter by till (their panels mount and unmount as they switch).
  const tills = useReportTills(true);
  return (
    <Tabs defaultValue="day" keepMounted={false}>
      <Tabs.List mb="lg" className="k-no-print">
        <Tabs.Tab value="day">{t('tabs.day')}</Tabs.Tab>
        <Tabs.Tab value="shifts">{t('tabs.shifts')}</Tabs.Tab>
        <Tabs.Tab value="dashboard">{t('tabs.dashboard')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="day">
        <DaySummaryReport tills={tills} />
      </Tabs.Panel>
      <Tabs.Panel value="shifts">
        <ShiftsReport
          tills={tills}
          onPrint={printZReportOnPrinter}
          onExportPdf={exportZReportPdf}
        />
      </Tabs.Panel>
      <Tabs.Panel value="dashboard">
        <DashboardView />
      </Tabs.Panel>
    </Tabs>
  );
}

/**
 * The day summary tab: one business day, with the day's shifts (issue 10, section 1), of the
 * store or of one of `tills` (the Till filter).
 */
function DaySummaryReport({ tills }: { tills: readonly ReportTill[] }) {
  const { t } = useTranslation('reports');
  const { day, today, tillId, summary, loading, error } = useReportsStore();
  const till = tills.find((x) => x.id === tillId);
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
            {till && ` · ${till.name}`}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end" className="k-no-print">
          <TillFilter tills={tills} value={tillId} onChange={(id) => void store().setTill(id)} />
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
          <ExportButton today={today} />
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

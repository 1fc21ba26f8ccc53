import { Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportTill } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { Pager } from '../../components/Pager';
import { TillFilter } from '../../components/TillFilter';
import { useFormat } from '../../format/locale';
import { useReportsStore } from '../../stores/reports';
import { useZReports, Z_PAGE } from './use-z-reports';
import { overShortClass, signedMoney } from './over-short';
import { type ZReportOutput, ZReportView } from './ZReportView';
import '../data-import/data-tables.css';

/**
 * Reports → Shifts (permission reports.view): the store's Z reports, or one till's (the Till
 * filter, on a store with several: the same choice as the day summary's), newest first, paged;
 * each opens in the Z report view with Print and Export PDF (`onPrint` / `onExportPdf`: where the
 * print queue and the PDF export plug in; the Reports screen wires them, window.print() without).
 */
export function ShiftsReport({
  tills,
  onPrint,
  onExportPdf,
}: {
  /** The store's tills for the Till filter (`useReportTills`). */
  tills: readonly ReportTill[];
  onPrint?: ZReportOutput;
  onExportPdf?: ZReportOutput;
}) {
  const { t } = useTranslation('shifts');
  const format = useFormat();
  // One till choice for the Reports tabs: the day summary's (the reports store).
  const tillId = useReportsStore((s) => s.tillId);
  const chooseTill = useReportsStore((s) => s.chooseTill);
  const z = useZReports(tillId);

  if (z.viewing)
    return (
      <Stack gap="md">
        <Group className="k-no-print">
          <Button
            variant="subtle"
            leftSection={<IconChevronLeft size={18} />}
            onClick={() => void z.view(null)}
          >
            {t('list.back')}
          </Button>
        </Group>
        <ZReportView report={z.viewing} onPrint={onPrint} onExportPdf={onExportPdf} />
      </Stack>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {t('list.title')}
        </Title>
        <TillFilter tills={tills} value={tillId} onChange={chooseTill} />
      </Group>
      <FormAlert message={z.error} />
      {z.loading && z.items.length === 0 && (
        <Center p="xl">
          <Loader aria-label={t('list.loading')} />
        </Center>
      )}
      {!z.loading && z.items.length === 0 && !z.error && <Text c="dimmed">{t('list.empty')}</Text>}
      {z.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label={t('list.title')} className="k-data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.number')}</Table.Th>
                <Table.Th>{t('list.till')}</Table.Th>
                <Table.Th>{t('list.closed')}</Table.Th>
                <Table.Th>{t('list.staff')}</Table.Th>
                <Table.Th className="k-num">{t('list.sales')}</Table.Th>
                <Table.Th className="k-num">{t('list.net')}</Table.Th>
                <Table.Th className="k-num">{t('list.overShort')}</Table.Th>
                <Table.Th>
                  <span className="k-visually-hidden">{t('list.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {z.items.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{t('list.zNo', { number: row.zNo })}</Table.Td>
                  <Table.Td>{row.tillName}</Table.Td>
                  <Table.Td>{format.dateTime(row.closedAt)}</Table.Td>
                  <Table.Td>{row.closedBy.name}</Table.Td>
                  <Table.Td className="k-num">{format.count(row.salesCount)}</Table.Td>
                  <Table.Td className="k-num">{format.money(row.net, row.currency)}</Table.Td>
                  <Table.Td className={`k-num ${overShortClass(row.overShort)}`}>
                    {signedMoney((m) => format.money(m, row.currency), row.overShort)}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => void z.view(row.id)}>
                      {t('list.view', { number: row.zNo })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {z.total > Z_PAGE && (
        <Pager total={Math.ceil(z.total / Z_PAGE)} value={z.page} onChange={z.setPage} />
      )}
    </Stack>
  );
}

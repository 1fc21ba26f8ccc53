import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZReport } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { printOnly } from '../transactions/print';
import { tenderLabel } from '../transactions/sale-format';
import { FigureTable } from './FigureTable';
import { overShortClass, signedMoney } from './over-short';
import { ShiftFiguresView } from './ShiftFiguresView';
import './shifts.css';

/**
 * What Print and Export PDF do with a Z report (z-report-print.ts, z-report-pdf.ts); a promise
 * keeps the button busy until it settles.
 */
export type ZReportOutput = (report: ZReport) => void | Promise<void>;

/** Without a wired output: the browser's print of the Z report alone (also "Save as PDF"). */
export const printZReportOnScreen: ZReportOutput = () => printOnly('zreport');

/**
 * A Z report, read-only: its number, the till, who opened and closed the shift and when, the
 * count against the expected figures per tender with over/short, the note, the shift's figures
 * and the till's perpetual grand total. Print and Export PDF call `onPrint` / `onExportPdf`
 * (the receipt printer and the A4 PDF where the screens wire them, else window.print()); Export
 * PDF stays busy while its export runs, so a second click does not start another.
 */
export function ZReportView({
  report,
  onPrint = printZReportOnScreen,
  onExportPdf = printZReportOnScreen,
}: {
  report: ZReport;
  onPrint?: ZReportOutput;
  onExportPdf?: ZReportOutput;
}) {
  const { t } = useTranslation('shifts');
  const format = useFormat();
  const [exporting, setExporting] = useState(false);
  const money = (minor: number) => format.money(minor, report.currency);
  const exportPdf = async () => {
    setExporting(true);
    try {
      await onExportPdf(report);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack gap="md" className="k-zreport">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} size="h3">
            {t('z.title', { number: report.zNo })}
          </Title>
          <Text size="sm">
            {t('z.period', {
              till: report.tillName,
              openedBy: report.openedBy.name,
              openedAt: format.dateTime(report.openedAt),
              closedBy: report.closedBy.name,
              closedAt: format.dateTime(report.closedAt),
            })}
          </Text>
        </Stack>
        <Group gap="xs" className="k-no-print">
          <Button
            variant="default"
            leftSection={<IconPrinter size={18} />}
            onClick={() => void onPrint(report)}
          >
            {t('z.print')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={18} />}
            loading={exporting}
            onClick={() => void exportPdf()}
          >
            {t('z.exportPdf')}
          </Button>
        </Group>
      </Group>

      <section className="k-zreport-section">
        <Title order={3} size="h5" mb={4}>
          {t('z.reconciliation')}
        </Title>
        <Table verticalSpacing={2} aria-label={t('z.reconciliation')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('z.tender')}</Table.Th>
              <Table.Th className="k-num">{t('z.expected')}</Table.Th>
              <Table.Th className="k-num">{t('z.counted')}</Table.Th>
              <Table.Th className="k-num">{t('z.overShort')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.reconciliation.map((row) => (
              <Table.Tr key={row.type}>
                <Table.Th scope="row" fw={400}>
                  {tenderLabel(row.type)}
                </Table.Th>
                <Table.Td className="k-num">{money(row.expected)}</Table.Td>
                <Table.Td className="k-num">{money(row.counted)}</Table.Td>
                <Table.Td className={`k-num ${overShortClass(row.overShort)}`}>
                  {signedMoney(money, row.overShort)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={3}>
                {t('z.totalOverShort')}
              </Table.Th>
              <Table.Td className={`k-num ${overShortClass(report.overShort)}`} fw={700}>
                {signedMoney(money, report.overShort)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        {report.note && (
          <Text size="sm" mt={4}>
            {t('z.note', { note: report.note })}
          </Text>
        )}
      </section>

      <ShiftFiguresView figures={report} />

      <FigureTable
        title={t('z.countedCash')}
        rows={report.countedCash.map((c) => ({
          label: `${format.count(c.quantity)} × ${money(c.value)}`,
          value: money(c.value * c.quantity),
        }))}
      />
      <Text fw={700}>
        {t('z.grandTotal', { till: report.tillName, amount: money(report.grandTotal) })}
      </Text>
    </Stack>
  );
}

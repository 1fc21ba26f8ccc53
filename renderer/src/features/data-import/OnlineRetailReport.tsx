/**
 * The report of an Online Retail import: the counts, the refused rows, and the sales, refunds and
 * totals per store day. Amounts are in the file's currency (GBP) and every figure is formatted in
 * the store's locale (format/locale.ts).
 */
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OnlineRetailReport } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { EncodingNote, RejectedRowsTable } from './ImportPieces';

/** The Online Retail file is in pounds sterling. */
export const FILE_CURRENCY = 'GBP';

/** What the import did: the counts, the refused rows, and the totals per day. */
export function OnlineRetailReportView({ report }: { report: OnlineRetailReport }) {
  const { t } = useTranslation('dataImport');
  const { count, money, dateTime } = useFormat();
  const gbp = (minor: number) => money(minor, FILE_CURRENCY);
  const failed = report.rejected.length > 0;
  const totals = report.days.reduce(
    (t, d) => ({
      sales: t.sales + d.sales,
      refunds: t.refunds + d.refunds,
      gross: t.gross + d.gross,
      refundTotal: t.refundTotal + d.refundTotal,
      net: t.net + d.net,
    }),
    { sales: 0, refunds: 0, gross: 0, refundTotal: 0, net: 0 },
  );
  return (
    <Stack gap="md" aria-label={t('report.label')} role="region">
      {failed && (
        <Alert color="red" variant="light" title={t('report.nothingImported')}>
          {t('report.rowsRefused', {
            count: report.rejected.length,
            formatted: count(report.rejected.length),
          })}
        </Alert>
      )}
      <EncodingNote encoding={report.encoding} />
      <div className="k-report-figures">
        <Fig label={t('figures.rows')} value={report.rows} />
        <Fig label={t('figures.invoices')} value={report.invoices} />
        <Fig label={t('figures.sales')} value={report.salesCreated} />
        <Fig label={t('figures.refunds')} value={report.refundsCreated} />
        <Fig label={t('figures.alreadyImported')} value={report.alreadyImported} />
        <Fig label={t('figures.customersCreated')} value={report.customersCreated} />
        <Fig label={t('figures.productsCreated')} value={report.productsCreated} />
        <Fig label={t('figures.rejectedRows')} value={report.rejected.length} />
      </div>
      {failed && <RejectedRowsTable rows={report.rejected} total={report.rejected.length} />}
      {report.days.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('report.perDay')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table
              verticalSpacing={6}
              striped
              highlightOnHover
              aria-label={t('report.perDayLabel')}
              className="k-data-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('report.date')}</Table.Th>
                  <Table.Th className="k-num">{t('report.sales')}</Table.Th>
                  <Table.Th className="k-num">{t('report.refunds')}</Table.Th>
                  <Table.Th className="k-num">{t('report.gross')}</Table.Th>
                  <Table.Th className="k-num">{t('report.refundTotal')}</Table.Th>
                  <Table.Th className="k-num">{t('report.net')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.days.map((d) => (
                  <Table.Tr key={d.date}>
                    <Table.Td className="k-nowrap">{formatDay(d.date, dateTime)}</Table.Td>
                    <Table.Td className="k-num">{count(d.sales)}</Table.Td>
                    <Table.Td className="k-num">{count(d.refunds)}</Table.Td>
                    <Table.Td className="k-num">{gbp(d.gross)}</Table.Td>
                    <Table.Td className="k-num">{gbp(d.refundTotal)}</Table.Td>
                    <Table.Td className="k-num">{gbp(d.net)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr className="k-total-row">
                  <Table.Th scope="row">{t('report.total')}</Table.Th>
                  <Table.Td className="k-num">{count(totals.sales)}</Table.Td>
                  <Table.Td className="k-num">{count(totals.refunds)}</Table.Td>
                  <Table.Td className="k-num">{gbp(totals.gross)}</Table.Td>
                  <Table.Td className="k-num">{gbp(totals.refundTotal)}</Table.Td>
                  <Table.Td className="k-num">{gbp(totals.net)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

/**
 * "Wed 1 Dec 2010" / "Mi., 1. Dez. 2010" for a YYYY-MM-DD store day: a calendar date, so it is
 * read and shown at midnight UTC and never shifts a day with the till's time zone.
 */
function formatDay(date: string, dateTime: ReturnType<typeof useFormat>['dateTime']): string {
  return dateTime(`${date}T00:00:00Z`, {
    dateStyle: undefined,
    timeStyle: undefined,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function Fig({ label, value }: { label: string; value: number }) {
  const { count } = useFormat();
  return (
    <div role="group" aria-label={label} className="k-stat">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg" className="k-stat-value">
        {count(value)}
      </Text>
    </div>
  );
}

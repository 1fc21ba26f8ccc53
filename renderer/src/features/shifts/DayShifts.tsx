import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { overShortClass, signedMoney } from './over-short';
import '../data-import/data-tables.css';

/**
 * The day summary's shifts (`DaySummary.shifts`, oldest first): who opened each and when, and for
 * a closed one its Z report number, net and over/short; an open one says so. Amounts are minor
 * units of `currency`.
 */
export function DayShifts({
  shifts,
  currency,
}: {
  shifts: NonNullable<DaySummary['shifts']>;
  currency: string;
}) {
  const { t } = useTranslation('shifts');
  const format = useFormat();
  const money = (minor: number) => format.money(minor, currency);
  return (
    <Paper withBorder radius="lg" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('day.title')}
      </Title>
      {shifts.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('day.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label={t('day.title')} className="k-data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.number')}</Table.Th>
                <Table.Th>{t('list.till')}</Table.Th>
                <Table.Th>{t('day.opened')}</Table.Th>
                <Table.Th>{t('day.closed')}</Table.Th>
                <Table.Th className="k-num">{t('list.net')}</Table.Th>
                <Table.Th className="k-num">{t('list.overShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shifts.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.zNo !== null ? t('list.zNo', { number: s.zNo }) : '—'}</Table.Td>
                  <Table.Td>{s.tillName}</Table.Td>
                  <Table.Td>
                    {t('day.by', { name: s.openedBy.name, at: format.dateTime(s.openedAt) })}
                  </Table.Td>
                  <Table.Td>
                    {s.closedAt !== null ? format.dateTime(s.closedAt) : t('day.stillOpen')}
                  </Table.Td>
                  <Table.Td className="k-num">{s.net !== null ? money(s.net) : ''}</Table.Td>
                  <Table.Td className={`k-num ${overShortClass(s.overShort ?? 0)}`}>
                    {s.overShort !== null ? signedMoney(money, s.overShort) : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { formatBusinessDay } from '../transactions/business-days';
import { ReportCard } from './ReportCard';

/**
 * Customers over the range: new against returning buyers and walk-in sales, the top customers
 * by net, and those not seen in the 90 days up to the end of the range (to win them back).
 */
export function CustomersCard({ customers }: { customers: ChannelOutput<'analytics:customers'> }) {
  const { t } = useTranslation('analytics');
  const { money, count } = useFormat();
  const c = customers;
  return (
    <ReportCard
      title={t('customers.title')}
      table={
        <Stack gap="md">
          <Group gap="xl">
            {(['newCustomers', 'returningCustomers', 'walkInSales'] as const).map((k) => (
              <Stack key={k} gap={0}>
                <Text size="sm" c="dimmed">
                  {t(`customers.${k}`)}
                </Text>
                <Text fw={700} size="xl">
                  {count(c[k])}
                </Text>
              </Stack>
            ))}
          </Group>
          {c.top.length > 0 && (
            <Table className="k-data-table" aria-label={t('customers.top')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customers.top')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.sales')}</Table.Th>
                  <Table.Th className="k-num">{t('columns.net')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.top.map((row) => (
                  <Table.Tr key={row.customerId}>
                    <Table.Th scope="row">{row.name}</Table.Th>
                    <Table.Td className="k-num">{count(row.salesCount)}</Table.Td>
                    <Table.Td className="k-num">{money(row.net, c.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Title order={3} size="h6">
            {t('customers.lapsed', { count: c.lapsedCount })}
          </Title>
          {c.lapsed.length > 0 && (
            <Table className="k-data-table" aria-label={t('customers.lapsedList')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.customer')}</Table.Th>
                  <Table.Th>{t('customers.lastSeen')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.lapsed.map((row) => (
                  <Table.Tr key={row.customerId}>
                    <Table.Th scope="row">{row.name}</Table.Th>
                    <Table.Td>{formatBusinessDay(row.lastSeen, 'medium')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      }
    />
  );
}

import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { tenderLabel } from '../transactions/sale-format';
import type { CompareRow } from './close-draft';
import { overShortClass, signedMoney } from './over-short';

/**
 * Expected against counted per tender, with over/short, as the close wizard shows it once the
 * blind count is in. Amounts are minor units of `currency`.
 */
export function CompareTable({
  rows,
  currency,
  label,
}: {
  rows: CompareRow[];
  currency: string;
  label: string;
}) {
  const { t } = useTranslation('shifts');
  const format = useFormat();
  const money = (minor: number) => format.money(minor, currency);
  return (
    <Table verticalSpacing={4} aria-label={label} className="k-zreport">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('z.tender')}</Table.Th>
          <Table.Th className="k-num">{t('z.expected')}</Table.Th>
          <Table.Th className="k-num">{t('z.counted')}</Table.Th>
          <Table.Th className="k-num">{t('z.overShort')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.type}>
            <Table.Th scope="row" fw={400}>
              {tenderLabel(row.type)}
            </Table.Th>
            <Table.Td className="k-num">{money(row.expected)}</Table.Td>
            <Table.Td className="k-num">{money(row.counted)}</Table.Td>
            <Table.Td className={`k-num ${overShortClass(row.overShort)}`} fw={700}>
              {signedMoney(money, row.overShort)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

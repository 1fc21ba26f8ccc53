import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StockCountLine } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';

/** The stock take's lines: SKU, name, expected, counted and the variance (signed). */
export function CountSheetTable({ lines, label }: { lines: StockCountLine[]; label: string }) {
  const { t } = useTranslation('stock');
  const { count } = useFormat();
  const signed = (n: number) => (n > 0 ? `+${count(n)}` : count(n));
  if (lines.length === 0) return <Text c="gray.7">{t('take.noLines')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480} mah={360}>
      <Table verticalSpacing={4} aria-label={label} className="k-data-table" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('take.sku')}</Table.Th>
            <Table.Th>{t('take.name')}</Table.Th>
            <Table.Th className="k-num">{t('take.expected')}</Table.Th>
            <Table.Th className="k-num">{t('take.counted')}</Table.Th>
            <Table.Th className="k-num">{t('take.variance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.productId}>
              <Table.Td className="k-code">{l.sku}</Table.Td>
              <Table.Td fw={600}>{l.name}</Table.Td>
              <Table.Td className="k-num">{count(l.expected)}</Table.Td>
              <Table.Td className="k-num">{l.counted === null ? '–' : count(l.counted)}</Table.Td>
              <Table.Td
                className="k-num"
                c={l.variance ? (l.variance < 0 ? 'red.9' : 'green.9') : undefined}
                fw={l.variance ? 700 : undefined}
              >
                {l.variance === null ? '–' : signed(l.variance)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { ActionIcon, NumberInput, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_RECEIVE_QUANTITY } from '../../../../shared/contract/receiving';
import { useFormat } from '../../format/locale';
import { costOf, quantityOf, type DraftLine } from './po-format';

/** The form values of a draft purchase order (PurchaseOrderForm). */
export interface DraftValues {
  supplierId: string | null;
  note: string;
  lines: DraftLine[];
}

/** A draft's lines: product, quantity, unit cost, line total, and a remove button each. */
export function DraftLinesTable({
  form,
  currency,
  exponent,
}: {
  form: UseFormReturnType<DraftValues>;
  currency: string;
  exponent: number;
}) {
  const { t } = useTranslation('receiving');
  const f = useFormat();
  const lines = form.getValues().lines;
  if (lines.length === 0)
    return (
      <Text
        c={form.errors.lines ? 'red.9' : 'gray.7'}
        role={form.errors.lines ? 'alert' : undefined}
      >
        {form.errors.lines ?? t('po.form.noLines')}
      </Text>
    );
  return (
    <>
      <Table aria-label={t('po.form.lines')} className="k-data-table k-po-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('po.product')}</Table.Th>
            <Table.Th>{t('po.quantity')}</Table.Th>
            <Table.Th>{t('po.unitCost', { currency })}</Table.Th>
            <Table.Th className="k-num">{t('po.lineTotal')}</Table.Th>
            <Table.Th>
              <span className="k-visually-hidden">{t('po.form.remove')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => {
            const q = quantityOf(l.quantity);
            const c = costOf(l.cost, exponent);
            return (
              <Table.Tr key={l.productId}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {l.name}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {l.sku}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('po.form.quantityOf', { name: l.name })}
                    w={110}
                    allowDecimal={false}
                    allowNegative={false}
                    min={1}
                    max={MAX_RECEIVE_QUANTITY}
                    {...form.getInputProps(`lines.${i}.quantity`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('po.form.costOf', { name: l.name })}
                    w={120}
                    inputMode="decimal"
                    {...form.getInputProps(`lines.${i}.cost`)}
                  />
                </Table.Td>
                <Table.Td className="k-num">
                  {q !== null && c !== null ? f.money(q * c, currency) : '—'}
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('po.form.removeOf', { name: l.name })}
                    onClick={() => form.removeListItem('lines', i)}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {form.errors.lines && (
        <Text c="red.9" size="sm" role="alert">
          {form.errors.lines}
        </Text>
      )}
    </>
  );
}

import { Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderView } from '../../../../shared/contract';
import { MAX_RECEIVE_QUANTITY } from '../../../../shared/contract/receiving';
import { call } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useFormat } from '../../format/locale';
import { t as translate } from '../../i18n';
import { useSettingsStore } from '../../stores/settings';
import { useStockStore } from '../stock/stock-store';
import { minorToText } from '../products/product-form';
import { costOf, outstanding } from './po-format';

interface ReceiveValues {
  /** Per line of the order: the quantity received now ('' or 0: none) and the cost ('' : ordered). */
  lines: { quantity: number | string; cost: string }[];
}

/**
 * Receiving against an ordered or partly received order: per line the quantity that came
 * (defaulting to what is outstanding) and, optionally, the invoice's unit cost. More than is
 * outstanding is allowed (Lightspeed's rule, see the contract) and warned about on the line.
 */
export function ReceiveOrderForm({
  order,
  onDone,
}: {
  order: PurchaseOrderView;
  onDone: (next: PurchaseOrderView | null) => void;
}) {
  const { t } = useTranslation('receiving');
  const f = useFormat();
  const currency = useSettingsStore((s) => s.settings?.currency) ?? 'GBP';
  const exponent = useSettingsStore((s) => s.settings?.currencyExponent) ?? 2;
  const loadLevels = useStockStore((s) => s.loadLevels);
  const form = useForm<ReceiveValues>({
    mode: 'controlled',
    initialValues: { lines: order.lines.map((l) => ({ quantity: outstanding(l), cost: '' })) },
    validate: {
      lines: {
        cost: (v) =>
          v.trim() === '' || costOf(v, exponent) !== null
            ? null
            : translate('receiving:po.form.costRequired'),
      },
    },
  });
  const { busy, formError, submit } = useServerSubmit(
    form,
    [] as const,
    async (v: ReceiveValues) => {
      const lines = order.lines.flatMap((l, i) => {
        const q = Number(v.lines[i]!.quantity);
        if (!Number.isInteger(q) || q < 1) return [];
        const cost = v.lines[i]!.cost.trim();
        return [
          { lineId: l.id, quantity: q, ...(cost ? { unitCost: costOf(cost, exponent)! } : {}) },
        ];
      });
      if (lines.length === 0) {
        form.setFieldError('lines', t('po.receiveNothing'));
        return;
      }
      const next = await call('purchaseOrders:receive', { id: order.id, lines });
      await loadLevels(next.lines.map((l) => l.productId));
      notifySuccess(t('po.receivedDone'));
      onDone(next);
    },
  );
  const values = form.getValues().lines;
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <FormAlert message={formError ?? (form.errors.lines as string | undefined) ?? null} />
        <Table aria-label={t('po.receiveTitle')} className="k-data-table k-po-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('po.product')}</Table.Th>
              <Table.Th className="k-num">{t('po.outstanding')}</Table.Th>
              <Table.Th>{t('po.receiveNow')}</Table.Th>
              <Table.Th>{t('po.unitCost', { currency })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((l, i) => {
              const over = Number(values[i]!.quantity) - outstanding(l);
              return (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    {l.name} <span className="k-po-sku">{l.sku}</span>
                    {over > 0 && (
                      <Text size="sm" c="orange.9" role="status">
                        {t('po.overWarning', { count: over, n: f.count(over) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="k-num">
                    {t('po.ofOrdered', {
                      outstanding: f.count(outstanding(l)),
                      ordered: f.count(l.quantity),
                    })}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('po.receiveOf', { name: l.name })}
                      w={110}
                      allowDecimal={false}
                      allowNegative={false}
                      min={0}
                      max={MAX_RECEIVE_QUANTITY}
                      {...form.getInputProps(`lines.${i}.quantity`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('po.costOf', { name: l.name })}
                      w={120}
                      inputMode="decimal"
                      placeholder={minorToText(l.unitCost, exponent)}
                      {...form.getInputProps(`lines.${i}.cost`)}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="gray.7">
          {t('po.costHelp')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('po.bookReceipt')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PurchaseOrderCandidate,
  PurchaseOrderView,
  SupplierView,
} from '../../../../shared/contract';
import { call } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { t as translate } from '../../i18n';
import { useSettingsStore } from '../../stores/settings';
import { DraftLinesTable, type DraftValues } from './DraftLinesTable';
import { costOf, draftLineOf, draftLineOfView, quantityOf } from './po-format';
import { ProductPicker } from './ProductPicker';

const FIELDS = ['supplierId', 'note', 'lines'] as const;

/** What is wrong with a draft as typed, by form path: supplier, no lines, a line's quantity or cost. */
function draftProblems(v: DraftValues, exponent: number): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!v.supplierId) problems.supplierId = translate('receiving:po.form.supplierRequired');
  if (v.lines.length === 0) problems.lines = translate('receiving:po.form.linesRequired');
  v.lines.forEach((l, i) => {
    if (quantityOf(l.quantity) === null)
      problems[`lines.${i}.quantity`] = translate('receiving:po.form.quantityRequired');
    if (costOf(l.cost, exponent) === null)
      problems[`lines.${i}.cost`] = translate('receiving:po.form.costRequired');
  });
  return problems;
}

/**
 * A new draft purchase order, or `order` (a draft) changed: supplier, note and lines (product,
 * quantity, unit cost prefilled from the product's last cost). Saves through
 * purchaseOrders:create or purchaseOrders:update; `onSaved` shows the saved order.
 */
export function PurchaseOrderForm({
  order,
  onSaved,
  onBack,
}: {
  order: PurchaseOrderView | null;
  onSaved: (order: PurchaseOrderView) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation('receiving');
  const currency = useSettingsStore((s) => s.settings?.currency) ?? 'GBP';
  const exponent = useSettingsStore((s) => s.settings?.currencyExponent) ?? 2;
  const [suppliers, setSuppliers] = useState<SupplierView[]>([]);
  useEffect(() => {
    void call('suppliers:list', {}).then((r) => setSuppliers(r.items));
  }, []);
  const form = useForm<DraftValues>({
    mode: 'controlled',
    initialValues: {
      supplierId: order ? String(order.supplier.id) : null,
      note: order?.note ?? '',
      lines: order ? order.lines.map((l) => draftLineOfView(l, exponent)) : [],
    },
    validate: (v) => draftProblems(v, exponent),
  });
  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (v: DraftValues) => {
    const input = {
      supplierId: Number(v.supplierId),
      note: v.note,
      lines: v.lines.map((l) => ({
        productId: l.productId,
        quantity: quantityOf(l.quantity)!,
        unitCost: costOf(l.cost, exponent)!,
      })),
    };
    const saved = order
      ? await call('purchaseOrders:update', { id: order.id, ...input })
      : await call('purchaseOrders:create', input);
    notifySuccess(t('po.form.saved'));
    onSaved(saved);
  });
  const add = (items: PurchaseOrderCandidate[]) => {
    const have = new Set(form.getValues().lines.map((l) => l.productId));
    for (const c of items)
      if (!have.has(c.productId)) form.insertListItem('lines', draftLineOf(c, exponent));
    form.clearFieldError('lines');
  };
  const supplierOptions = suppliers.map((s) => ({ value: String(s.id), label: s.name }));
  if (order && !suppliers.some((s) => s.id === order.supplier.id))
    supplierOptions.push({ value: String(order.supplier.id), label: order.supplier.name });

  return (
    <form noValidate onSubmit={form.onSubmit(submit)} className="k-po-form">
      <Stack gap="md">
        <FormAlert message={formError} />
        <Group grow align="flex-start">
          <Select
            label={t('po.supplier')}
            required
            searchable
            data-autofocus
            data={supplierOptions}
            {...form.getInputProps('supplierId')}
          />
          <TextInput label={t('po.note')} maxLength={200} {...form.getInputProps('note')} />
        </Group>
        <ProductPicker onAdd={add} />
        <DraftLinesTable form={form} currency={currency} exponent={exponent} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onBack}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('po.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

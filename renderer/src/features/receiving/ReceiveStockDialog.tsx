import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView, SupplierView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useFormat } from '../../format/locale';
import { t as translate } from '../../i18n';
import { useSettingsStore } from '../../stores/settings';
import { useStockStore } from '../stock/stock-store';
import { costOf, quantityOf } from './po-format';

interface ReceiveValues {
  productId: string | null;
  quantity: number | string;
  cost: string;
  supplierId: string | null;
  note: string;
}
const FIELDS = ['productId', 'quantity', 'supplierId', 'note'] as const;

/**
 * "Receive stock" (issue 11, section 3; stock.manage), from the Stock menu: goods in without an
 * order, for one of the stock products on screen: quantity, unit cost (store currency) and
 * optionally the supplier. The core writes a `receive` movement at cost and the product's last
 * and average cost.
 */
export function ReceiveStockDialog({
  opened,
  onClose,
  products,
}: {
  opened: boolean;
  onClose: () => void;
  products: readonly ProductView[];
}) {
  const { t } = useTranslation('receiving');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('receive.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {opened && <ReceiveForm products={products} onDone={onClose} />}
    </Modal>
  );
}

function ReceiveForm({
  products,
  onDone,
}: {
  products: readonly ProductView[];
  onDone: () => void;
}) {
  const { t } = useTranslation('receiving');
  const { count, money } = useFormat();
  const currency = useSettingsStore((s) => s.settings?.currency) ?? 'GBP';
  const exponent = useSettingsStore((s) => s.settings?.currencyExponent) ?? 2;
  const loadLevels = useStockStore((s) => s.loadLevels);
  const stockProducts = products.filter((p) => p.kind === 'stock' && !p.archived);
  const [suppliers, setSuppliers] = useState<SupplierView[]>([]);
  useEffect(() => {
    void call('suppliers:list', {}).then((r) => setSuppliers(r.items));
  }, []);
  const form = useForm<ReceiveValues>({
    mode: 'controlled',
    initialValues: { productId: null, quantity: '', cost: '', supplierId: null, note: '' },
    validate: {
      productId: (v) => (v ? null : translate('receiving:receive.productRequired')),
      quantity: (v) =>
        quantityOf(v) === null ? translate('receiving:receive.quantityRequired') : null,
      cost: (v) =>
        costOf(v, exponent) === null ? translate('receiving:receive.costRequired') : null,
    },
  });
  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (v: ReceiveValues) => {
    const out = await call('stock:receive', {
      supplierId: v.supplierId === null ? null : Number(v.supplierId),
      note: v.note,
      lines: [
        {
          productId: Number(v.productId),
          quantity: quantityOf(v.quantity)!,
          unitCost: costOf(v.cost, exponent)!,
        },
      ],
    });
    const level = out.levels[0]!;
    await loadLevels([level.productId]);
    notifySuccess(
      t('receive.done', {
        onHand: count(level.onHand),
        average: money(level.averageCost ?? 0, currency),
      }),
    );
    onDone();
  });

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <FormAlert message={formError} />
        <Select
          label={t('receive.product')}
          description={t('receive.productHelp')}
          searchable
          data-autofocus
          data={stockProducts.map((p) => ({ value: String(p.id), label: `${p.sku} · ${p.name}` }))}
          {...form.getInputProps('productId')}
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('receive.quantity')}
            allowDecimal={false}
            allowNegative={false}
            min={1}
            max={1_000_000}
            {...form.getInputProps('quantity')}
          />
          <TextInput
            label={t('receive.unitCost', { currency })}
            inputMode="decimal"
            {...form.getInputProps('cost')}
          />
        </Group>
        <Select
          label={t('receive.supplier')}
          placeholder={t('receive.noSupplier')}
          clearable
          data={suppliers.map((s) => ({ value: String(s.id), label: s.name }))}
          {...form.getInputProps('supplierId')}
        />
        <TextInput label={t('receive.note')} maxLength={200} {...form.getInputProps('note')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('receive.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

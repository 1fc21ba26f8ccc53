import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView, SupplierView } from '../../../../shared/contract';
import { currencyExponent, parseMoney } from '../../../../shared/money';
import { call } from '../../api/client';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { can, useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { useStockStore } from '../stock/stock-store';
import { SuppliersDialog } from './SuppliersDialog';

/**
 * "Receive stock" (issue 11, section 3; stock.manage): goods in without an order, for one of the
 * stock products on screen: quantity, unit cost (store currency) and optionally the supplier.
 * The core writes a `receive` movement at cost and the product's last and average cost.
 */
export function ReceiveStockButton({ products }: { products: readonly ProductView[] }) {
  const { t } = useTranslation('receiving');
  const allowed = useSessionStore((s) => can(s.session, 'stock.manage'));
  const [opened, setOpened] = useState(false);
  const [suppliers, setSuppliers] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconTruckDelivery size={20} />}
        onClick={() => setOpened(true)}
      >
        {t('receive.button')}
      </Button>
      <Button variant="default" onClick={() => setSuppliers(true)}>
        {t('suppliers.button')}
      </Button>
      <SuppliersDialog opened={suppliers} onClose={() => setSuppliers(false)} />
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('receive.title')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        {opened && <ReceiveForm products={products} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

type Field = 'productId' | 'quantity' | 'unitCost' | 'supplierId' | 'note';

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
  const loadLevels = useStockStore((s) => s.loadLevels);
  const { busy, run } = useBusy();
  const stockProducts = products.filter((p) => p.kind === 'stock' && !p.archived);
  const [suppliers, setSuppliers] = useState<SupplierView[]>([]);
  const [productId, setProductId] = useState<string | null>(null);
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>('');
  const [cost, setCost] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>> & { form?: string | null }>(
    {},
  );
  useEffect(() => {
    void call('suppliers:list', {}).then((r) => setSuppliers(r.items));
  }, []);

  const submit = () =>
    run(async () => {
      const unitCost = parseMoney(cost.replace(',', '.'), currencyExponent(currency));
      const next: Partial<Record<Field, string>> = {};
      if (productId === null) next.productId = t('receive.productRequired');
      if (typeof quantity !== 'number' || quantity < 1)
        next.quantity = t('receive.quantityRequired');
      if (unitCost === null || unitCost < 0) next.unitCost = t('receive.costRequired');
      setErrors(next);
      if (Object.keys(next).length > 0) return;
      try {
        const out = await call('stock:receive', {
          supplierId: supplierId === null ? null : Number(supplierId),
          note,
          lines: [
            { productId: Number(productId), quantity: Number(quantity), unitCost: unitCost! },
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
      } catch (error) {
        const split = splitFormError(error, ['supplierId', 'note'] as const);
        setErrors({ ...split.fields, form: split.form });
      }
    });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <FormAlert message={errors.form ?? null} />
        <Select
          label={t('receive.product')}
          description={t('receive.productHelp')}
          searchable
          data-autofocus
          data={stockProducts.map((p) => ({ value: String(p.id), label: `${p.sku} · ${p.name}` }))}
          value={productId}
          error={errors.productId}
          onChange={setProductId}
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('receive.quantity')}
            allowDecimal={false}
            allowNegative={false}
            min={1}
            max={1_000_000}
            value={quantity}
            error={errors.quantity}
            onChange={setQuantity}
          />
          <TextInput
            label={t('receive.unitCost', { currency })}
            inputMode="decimal"
            value={cost}
            error={errors.unitCost}
            onChange={(event) => setCost(event.currentTarget.value)}
          />
        </Group>
        <Select
          label={t('receive.supplier')}
          placeholder={t('receive.noSupplier')}
          clearable
          data={suppliers.map((s) => ({ value: String(s.id), label: s.name }))}
          value={supplierId}
          error={errors.supplierId}
          onChange={setSupplierId}
        />
        <TextInput
          label={t('receive.note')}
          maxLength={200}
          value={note}
          error={errors.note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
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

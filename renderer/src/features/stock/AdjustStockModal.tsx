import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADJUST_REASONS, type AdjustReason } from '../../../../shared/contract/stock';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { ReorderLevelForm } from './ReorderLevelForm';
import { StockHistory } from './StockHistory';
import { useStockStore } from './stock-store';

/** The product whose stock the dialog shows. */
export interface StockTarget {
  id: number;
  name: string;
  sku: string;
}

/** Reasons that take stock away: the member types how many, the dialog sends it negative. */
const OUT: readonly AdjustReason[] = ['damaged', 'lost'];

/**
 * "Stock" for one product (issue 11, section 2; stock.manage): its on-hand, an adjustment with a
 * reason (damaged, lost, found, a correction of either sign, or the opening balance), a note, and
 * its reorder level, and its latest movements. Each adjustment is an immutable, audited movement in the ledger.
 */
export function AdjustStockModal({
  product,
  onClose,
}: {
  product: StockTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('stock');
  return (
    <Modal
      opened={product !== null}
      onClose={onClose}
      title={product ? t('adjust.title', { name: product.name }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {product && (
        <Stack gap="lg">
          <AdjustForm key={product.id} product={product} onDone={onClose} />
          <ReorderLevelForm key={`r${product.id}`} productId={product.id} />
          <StockHistory key={`h${product.id}`} productId={product.id} />
        </Stack>
      )}
    </Modal>
  );
}

function AdjustForm({ product, onDone }: { product: StockTarget; onDone: () => void }) {
  const { t } = useTranslation('stock');
  const { count } = useFormat();
  const level = useStockStore((s) => s.levels[product.id]);
  const adjust = useStockStore((s) => s.adjust);
  const { busy, run } = useBusy();
  const [reason, setReason] = useState<AdjustReason>('correction');
  const [quantity, setQuantity] = useState<number | string>('');
  const [errors, setErrors] = useState<{ quantity?: string; note?: string; form?: string | null }>(
    {},
  );
  const [note, setNote] = useState('');
  const signed = (OUT.includes(reason) ? -1 : 1) * Number(quantity);

  const submit = () =>
    run(async () => {
      if (quantity === '' || !Number.isInteger(signed) || (signed === 0 && reason !== 'opening')) {
        setErrors({ quantity: t('adjust.quantityRequired') });
        return;
      }
      setErrors({});
      try {
        const after = await adjust({ productId: product.id, quantity: signed, reason, note });
        notifySuccess(t('adjust.done', { name: product.name, onHand: count(after.onHand) }));
        onDone();
      } catch (error) {
        const split = splitFormError(error, ['quantity', 'note'] as const);
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
        <Text>
          {t('adjust.onHand', {
            sku: product.sku,
            onHand: level ? count(level.onHand) : '–',
          })}
        </Text>
        <FormAlert message={errors.form ?? null} />
        <Group grow align="flex-start">
          <Select
            label={t('adjust.reason')}
            data={ADJUST_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
            value={reason}
            onChange={(v) => v && setReason(v as AdjustReason)}
            allowDeselect={false}
          />
          <NumberInput
            label={t(reason === 'correction' ? 'adjust.change' : 'adjust.quantity')}
            description={t(`adjust.help.${reason}`)}
            data-autofocus
            allowDecimal={false}
            allowNegative={reason === 'correction'}
            min={reason === 'correction' ? -1_000_000 : 0}
            max={1_000_000}
            value={quantity}
            error={errors.quantity}
            onChange={setQuantity}
          />
        </Group>
        <TextInput
          label={t('adjust.note')}
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
            {t('adjust.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

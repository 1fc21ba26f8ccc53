import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ADJUST_REASONS, type AdjustReason } from '../../../../shared/contract/stock';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useFormat } from '../../format/locale';
import { t as translate } from '../../i18n';
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

interface AdjustValues {
  reason: AdjustReason;
  quantity: number | string;
  note: string;
}

/** The quantity as the ledger takes it: negative for the reasons that take stock away. */
function signedQuantity(v: AdjustValues): number {
  return (OUT.includes(v.reason) ? -1 : 1) * Number(v.quantity);
}

function AdjustForm({ product, onDone }: { product: StockTarget; onDone: () => void }) {
  const { t } = useTranslation('stock');
  const { count } = useFormat();
  const level = useStockStore((s) => s.levels[product.id]);
  const adjust = useStockStore((s) => s.adjust);
  const form = useForm<AdjustValues>({
    mode: 'controlled',
    initialValues: { reason: 'correction', quantity: '', note: '' },
    validate: {
      quantity: (q, v) => {
        const signed = signedQuantity(v);
        return q === '' || !Number.isInteger(signed) || (signed === 0 && v.reason !== 'opening')
          ? translate('stock:adjust.quantityRequired')
          : null;
      },
    },
  });
  const { busy, formError, submit } = useServerSubmit(
    form,
    ['quantity', 'note'] as const,
    async (v: AdjustValues) => {
      const after = await adjust({
        productId: product.id,
        quantity: signedQuantity(v),
        reason: v.reason,
        note: v.note,
      });
      notifySuccess(t('adjust.done', { name: product.name, onHand: count(after.onHand) }));
      onDone();
    },
  );
  const reason = form.getValues().reason;

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <Text>
          {t('adjust.onHand', {
            sku: product.sku,
            onHand: level ? count(level.onHand) : '–',
          })}
        </Text>
        <FormAlert message={formError} />
        <Group grow align="flex-start">
          <Select
            label={t('adjust.reason')}
            data={ADJUST_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('reason')}
          />
          <NumberInput
            label={t(reason === 'correction' ? 'adjust.change' : 'adjust.quantity')}
            description={t(`adjust.help.${reason}`)}
            data-autofocus
            allowDecimal={false}
            allowNegative={reason === 'correction'}
            min={reason === 'correction' ? -1_000_000 : 0}
            max={1_000_000}
            {...form.getInputProps('quantity')}
          />
        </Group>
        <TextInput label={t('adjust.note')} maxLength={200} {...form.getInputProps('note')} />
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

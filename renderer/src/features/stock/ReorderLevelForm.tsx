import { Button, Group, NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../api/messages';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useStockStore } from './stock-store';

/**
 * A product's reorder level (issue 11, section 2): at or under it the product is on the low-stock
 * list and counts in the Products badge. Empty clears it (no alert).
 */
export function ReorderLevelForm({ productId }: { productId: number }) {
  const { t } = useTranslation('stock');
  const stored = useStockStore((s) => s.levels[productId]?.reorderLevel ?? null);
  const save = useStockStore((s) => s.setReorderLevel);
  const { busy, run } = useBusy();
  const [value, setValue] = useState<number | string>(stored ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = () =>
    run(async () => {
      setError(null);
      try {
        const next = value === '' ? null : Number(value);
        await save(productId, next);
        notifySuccess(next === null ? t('reorder.cleared') : t('reorder.saved'));
      } catch (caught) {
        setError(messageFor(caught));
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
      <Group align="flex-end" gap="sm">
        <NumberInput
          className="k-grow"
          label={t('reorder.label')}
          description={t('reorder.help')}
          allowDecimal={false}
          allowNegative={false}
          min={0}
          max={1_000_000}
          value={value}
          error={error}
          onChange={setValue}
        />
        <Button type="submit" variant="default" loading={busy}>
          {t('reorder.save')}
        </Button>
      </Group>
    </form>
  );
}

import { NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSessionStore } from '../../stores/session';
import { useStockStore } from './stock-store';

/**
 * The product form's reorder level (issue 11, section 2), kept beside the form's own values (the
 * product contract does not carry stock): shown for stock products to members with stock.manage,
 * and saved with `stock:setReorderLevel` after the product itself, only when the member changed
 * it. "Changed" is against the level when the form opened, not the store's current one: another
 * till's new level read meanwhile (issue 12, section 2) must not be overwritten by an untouched
 * field.
 */
export function useReorderLevelField(productId: number | null) {
  const allowed = useSessionStore((s) => can(s.session, 'stock.manage'));
  const stored = useStockStore((s) =>
    productId === null ? null : (s.levels[productId]?.reorderLevel ?? null),
  );
  const setReorderLevel = useStockStore((s) => s.setReorderLevel);
  const [opened] = useState(stored);
  const [value, setValue] = useState<number | string>(stored ?? '');
  const next = value === '' ? null : Number(value);
  return {
    allowed,
    value,
    setValue,
    /** Saves the level of `savedId` (the product just created or updated) when it changed. */
    save: async (savedId: number, kind: string) => {
      if (allowed && kind === 'stock' && next !== opened) await setReorderLevel(savedId, next);
    },
  };
}

export function ReorderLevelField({
  field,
  kind,
}: {
  field: ReturnType<typeof useReorderLevelField>;
  kind: string;
}) {
  const { t } = useTranslation('stock');
  if (!field.allowed || kind !== 'stock') return null;
  return (
    <NumberInput
      label={t('reorder.label')}
      description={t('reorder.help')}
      allowDecimal={false}
      allowNegative={false}
      min={0}
      max={1_000_000}
      value={field.value}
      onChange={field.setValue}
    />
  );
}

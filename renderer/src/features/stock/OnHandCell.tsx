import { Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { useStockStore } from './stock-store';

/**
 * The Products table's "On hand" cell (issue 11, section 2): a stock product's on-hand as a button
 * that opens its Stock dialog, bold with a warning sign at or under the reorder level, red below
 * zero (colours that keep WCAG AA contrast); a dash for
 * non-stock kinds, which have no stock.
 */
export function OnHandCell({
  product,
  onOpen,
}: {
  product: ProductView;
  onOpen: (product: ProductView) => void;
}) {
  const { t } = useTranslation('stock');
  const { count } = useFormat();
  const level = useStockStore((s) => s.levels[product.id]);
  if (product.kind !== 'stock' || !level)
    return (
      <Text span c="gray.7" aria-label={t('column.none')}>
        –
      </Text>
    );
  const low = level.reorderLevel !== null && level.onHand <= level.reorderLevel;
  return (
    <Button
      size="compact-sm"
      variant="default"
      c={level.onHand < 0 ? 'red.9' : undefined}
      fw={low || level.onHand < 0 ? 700 : 400}
      leftSection={
        low ? <IconAlertTriangle size={16} color="var(--mantine-color-orange-8)" /> : null
      }
      className="k-num"
      disabled={product.archived}
      aria-label={t('column.open', { name: product.name, onHand: count(level.onHand) })}
      onClick={() => onOpen(product)}
    >
      {count(level.onHand)}
    </Button>
  );
}

import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';

/**
 * Issue 11, section 2: the cart line's negative-stock warning. The quote carries each stock line's
 * on-hand (null for non-stock kinds); when the cart takes more of a product than is on hand (over
 * all its lines) the line says so. In the store's default `warn` mode the sale still goes through;
 * in `refuse` mode checkout answers INSUFFICIENT_STOCK.
 */
export function LineStockWarning({ quote, index }: { quote: Quote | null; index: number }) {
  const { t } = useTranslation('stock');
  const { count } = useFormat();
  const line = quote?.lines[index];
  if (!quote || !line || line.onHand === null) return null;
  const wanted = quote.lines
    .filter((l) => l.productId === line.productId)
    .reduce((sum, l) => sum + l.quantity, 0);
  if (wanted <= line.onHand) return null;
  return (
    <Text c="red.9" size="sm" fw={600} className="k-co-line-stock" data-testid="stock-warning">
      {line.onHand <= 0
        ? t('warning.out')
        : t('warning.only', { count: line.onHand, shown: count(line.onHand) })}
    </Text>
  );
}

import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { ConfirmRemoveModal } from '../../components/ConfirmRemoveModal';
import { useProductsStore } from '../../stores/products';

/**
 * Asks before removing a product and explains the rule: a product never sold is deleted; one that
 * was sold is archived (kept for its sales, hidden from the till). Then says which happened.
 */
export function RemoveProductModal({
  product,
  onClose,
}: {
  product: ProductView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('products');
  const remove = useProductsStore((s) => s.remove);
  return (
    <ConfirmRemoveModal
      record={product}
      onClose={onClose}
      remove={remove}
      rule={t('remove.rule')}
      done={(p, outcome) =>
        outcome === 'deleted'
          ? t('remove.deleted', { name: p.name })
          : t('remove.archived', { name: p.name })
      }
      errorTitle={t('remove.failed')}
    />
  );
}

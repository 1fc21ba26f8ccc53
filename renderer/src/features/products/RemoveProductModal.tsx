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
  const remove = useProductsStore((s) => s.remove);
  return (
    <ConfirmRemoveModal
      record={product}
      onClose={onClose}
      remove={remove}
      rule="If this product has never been sold it is deleted. If it has been sold it is archived instead: it leaves the till and the lists, and every past sale keeps it. You can restore an archived product later."
      done={(p, outcome) =>
        outcome === 'deleted'
          ? `${p.name} was deleted: it had never been sold.`
          : `${p.name} was archived: it has been sold, so it is kept for the sales history. Find it under Archived.`
      }
      errorTitle="Product not removed"
    />
  );
}

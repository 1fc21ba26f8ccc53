import type { CustomerView } from '../../../../shared/contract';
import { ConfirmRemoveModal } from '../../components/ConfirmRemoveModal';
import { useCustomersStore } from '../../stores/customers';

/**
 * Asks before removing a customer and explains the rule: one with no sales is deleted; one with
 * sales is archived so their sales history stays whole. Then says which happened.
 */
export function RemoveCustomerModal({
  customer,
  onClose,
}: {
  customer: CustomerView | null;
  onClose: () => void;
}) {
  const remove = useCustomersStore((s) => s.remove);
  return (
    <ConfirmRemoveModal
      record={customer}
      onClose={onClose}
      remove={remove}
      rule="A customer with no sales is deleted. A customer with sales is archived instead: they leave the list, and their sales keep their name. You can restore an archived customer later."
      done={(c, outcome) =>
        outcome === 'deleted'
          ? `${c.name} was deleted: they had no sales.`
          : `${c.name} was archived: they have sales, so they are kept for the sales history. Turn on “Show archived” to find them.`
      }
      errorTitle="Customer not removed"
    />
  );
}

import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('customers');
  const remove = useCustomersStore((s) => s.remove);
  return (
    <ConfirmRemoveModal
      record={customer}
      onClose={onClose}
      remove={remove}
      rule={t('remove.rule')}
      done={(c, outcome) =>
        outcome === 'deleted'
          ? t('remove.deleted', { name: c.name })
          : t('remove.archived', { name: c.name })
      }
      errorTitle={t('remove.failed')}
    />
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { CustomerView } from '../../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
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
  const { busy, run } = useBusy();

  const confirm = () =>
    run(async () => {
      if (!customer) return;
      try {
        const { outcome } = await remove(customer.id);
        notifySuccess(
          outcome === 'deleted'
            ? `${customer.name} was deleted: they had no sales.`
            : `${customer.name} was archived: they have sales, so they are kept for the sales history. Turn on “Show archived” to find them.`,
        );
        onClose();
      } catch (error) {
        notifyError(error, 'Customer not removed');
      }
    });

  return (
    <Modal
      opened={customer !== null}
      onClose={onClose}
      title={customer ? `Remove ${customer.name}?` : ''}
      size="md"
    >
      {customer && (
        <Stack gap="lg">
          <Text>
            A customer with no sales is deleted. A customer with sales is archived instead: they
            leave the list, and their sales keep their name. You can restore an archived customer
            later.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>
              Remove
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

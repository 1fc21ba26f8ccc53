import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ProductView } from '../../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
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
  const { busy, run } = useBusy();

  const confirm = () =>
    run(async () => {
      if (!product) return;
      try {
        const { outcome } = await remove(product.id);
        notifySuccess(
          outcome === 'deleted'
            ? `${product.name} was deleted: it had never been sold.`
            : `${product.name} was archived: it has been sold, so it is kept for the sales history. Find it under Archived.`,
        );
        onClose();
      } catch (error) {
        notifyError(error, 'Product not removed');
      }
    });

  return (
    <Modal
      opened={product !== null}
      onClose={onClose}
      title={product ? `Remove ${product.name}?` : ''}
      size="md"
    >
      {product && (
        <Stack gap="lg">
          <Text>
            If this product has never been sold it is deleted. If it has been sold it is archived
            instead: it leaves the till and the lists, and every past sale keeps it. You can restore
            an archived product later.
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

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before cancelling a purchase order (it cannot be undone). */
export function CancelOrderConfirm({
  opened,
  busy,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('receiving');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('po.cancelTitle')}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Stack gap="md">
        <Text>{t('po.cancelText')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('po.keepOrder')}
          </Button>
          <Button color="red.9" loading={busy} onClick={onConfirm}>
            {t('po.cancelOrder')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

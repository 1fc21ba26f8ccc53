import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Confirmation } from './member-actions';

export interface ConfirmActionModalProps {
  confirmation: Confirmation | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks "are you sure?" before a destructive or disruptive action on a member. */
export function ConfirmActionModal({
  confirmation,
  busy,
  onConfirm,
  onClose,
}: ConfirmActionModalProps) {
  const { t } = useTranslation('common');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={confirmation !== null}
      onClose={onClose}
      title={confirmation?.title ?? ''}
      size="md"
    >
      {confirmation && (
        <Stack gap="lg">
          <Text>{confirmation.body}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('actions.cancel')}
            </Button>
            <Button
              color={confirmation.danger ? 'red' : undefined}
              loading={busy}
              onClick={onConfirm}
            >
              {confirmation.confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

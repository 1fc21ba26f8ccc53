import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from './notify';
import { useBusy } from '../hooks/useBusy';

/** What the core did on remove: deleted (nothing referenced it) or archived (kept for sales). */
export type RemoveOutcome = 'deleted' | 'archived';

export interface ConfirmRemoveModalProps<T extends { id: number; name: string }> {
  /** The record to remove; null keeps the modal closed. */
  record: T | null;
  onClose: () => void;
  /** Calls the store's remove; resolves with what the core did. */
  remove: (id: number) => Promise<{ outcome: RemoveOutcome }>;
  /** The delete-or-archive rule, shown before the member confirms. */
  rule: string;
  /** The success message for each outcome. */
  done: (record: T, outcome: RemoveOutcome) => string;
  /** The title of the error notification. */
  errorTitle: string;
}

/**
 * Asks before removing a record that may have to be archived instead of deleted (products and
 * customers once sold), explains the rule, then says which happened.
 */
export function ConfirmRemoveModal<T extends { id: number; name: string }>({
  record,
  onClose,
  remove,
  rule,
  done,
  errorTitle,
}: ConfirmRemoveModalProps<T>) {
  const { busy, run } = useBusy();
  const { t } = useTranslation('shell');

  const confirm = () =>
    run(async () => {
      if (!record) return;
      try {
        const { outcome } = await remove(record.id);
        notifySuccess(done(record, outcome));
        onClose();
      } catch (error) {
        notifyError(error, errorTitle);
      }
    });

  return (
    <Modal
      opened={record !== null}
      onClose={onClose}
      title={record ? t('remove.title', { name: record.name }) : ''}
      size="md"
    >
      {record && (
        <Stack gap="lg">
          <Text>{rule}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common:actions.cancel')}
            </Button>
            {/* red.9: white on red.7 is 3.7:1, under WCAG AA (4.5:1). */}
            <Button color="red.9" loading={busy} onClick={() => void confirm()}>
              {t('remove.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreTillSummary } from '../../../../shared/contract/store-server';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';

/**
 * Asks before retiring `till` from the store (`storeServer:retireTill`, with the password asked
 * again by the client): what it does and that it cannot be undone. Then says whether it was
 * done and calls `onDone`, which reads the list again: after a refusal (a till that started
 * meanwhile, or opened a shift) its row shows why.
 */
export function RetireTillModal({
  till,
  onClose,
  onDone,
}: {
  till: StoreTillSummary | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('settings');
  const { busy, run } = useBusy();
  const confirm = () =>
    run(async () => {
      if (!till) return;
      try {
        await call('storeServer:retireTill', { tillId: till.id });
        notifySuccess(t('storeServer.tills.retired', { till: till.name }));
      } catch (error) {
        notifyError(error, t('storeServer.tills.retireFailed', { till: till.name }));
      }
      onDone();
    });
  return (
    <Modal
      opened={till !== null}
      onClose={onClose}
      title={till ? t('storeServer.tills.retireTitle', { till: till.name }) : ''}
      size="md"
    >
      {till && (
        <Stack gap="lg">
          <Text>{t('storeServer.tills.retireRule', { till: till.name })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('storeServer.cancel')}
            </Button>
            {/* red.9: white on red.7 is 3.7:1, under WCAG AA (4.5:1). */}
            <Button color="red.9" loading={busy} onClick={() => void confirm()}>
              {t('storeServer.tills.retireConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Alert } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../api/messages';
import { useStorageStore } from '../stores/storage';

/**
 * D7: a standing warning while the till cannot store writes. Every sale is refused with the same
 * message until one is saved again; each new try is a clean retry.
 */
export function StorageBanner() {
  const writable = useStorageStore((s) => s.writable);
  const { t } = useTranslation('shell');
  if (writable) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      className="k-storage-banner"
      title={t('storage.title')}
      icon={<IconDeviceFloppy size={20} />}
    >
      {ERROR_MESSAGES.STORAGE_FAILED} {t('storage.retrying')}
    </Alert>
  );
}

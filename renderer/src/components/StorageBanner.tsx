import { Alert } from '@mantine/core';
import { IconDeviceFloppy, IconServerOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../api/messages';
import { useStorageStore } from '../stores/storage';
import { dateTimeFormat } from '../../../shared/intl-formats';

/**
 * D7: a standing warning while the till cannot store writes: its disk, or (issue 12, section 3)
 * its store server, unreachable since a time shown in the till's own clock. Every sale is refused
 * with the same message until one is saved again; each new try is a clean retry.
 */
export function StorageBanner() {
  const problem = useStorageStore((s) => s.problem);
  const { t, i18n } = useTranslation('shell');
  if (!problem) return null;
  const server = problem.reason === 'server';
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      className="k-storage-banner"
      title={
        server
          ? t('storage.serverTitle', {
              time: dateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
                new Date(problem.since),
              ),
            })
          : t('storage.title')
      }
      icon={server ? <IconServerOff size={20} /> : <IconDeviceFloppy size={20} />}
    >
      {server
        ? t('storage.serverRetrying')
        : `${ERROR_MESSAGES.STORAGE_FAILED} ${t('storage.retrying')}`}
    </Alert>
  );
}

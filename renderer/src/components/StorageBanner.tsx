import { Alert } from '@mantine/core';
import { IconDeviceFloppy, IconServerOff } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../api/messages';
import { useSessionStore } from '../stores/session';
import { useStorageStore } from '../stores/storage';
import { dateTimeFormat } from '../../../shared/intl-formats';

/**
 * While the store server is away, how often the till asks its core again (app:status), ms. The
 * core reaches for the server every SERVER_TICK_MS (5 s) and clears its fault once it answers.
 */
export const SERVER_RECHECK_MS = 2_000;

/**
 * D7: a standing warning while the till cannot store writes: its disk, or (issue 12, section 3)
 * its store server, unreachable since a time shown in the till's own clock. Every sale is refused
 * with the same message until one is saved again; each new try is a clean retry.
 *
 * A server that comes back is noticed without anyone trying a sale: while it is away the banner
 * reads app:status every SERVER_RECHECK_MS, and goes when the core says it answers again (the
 * cart then prices itself again: stores/cart.ts). Its going away is noticed by the session check
 * every few seconds (useSessionKeeper), which the server must answer.
 */
export function StorageBanner() {
  const problem = useStorageStore((s) => s.problem);
  const refreshStatus = useSessionStore((s) => s.refreshStatus);
  const { t, i18n } = useTranslation('shell');
  const server = problem?.reason === 'server';

  useEffect(() => {
    if (!server) return;
    const timer = setInterval(() => void refreshStatus(), SERVER_RECHECK_MS);
    return () => clearInterval(timer);
  }, [server, refreshStatus]);

  if (!problem) return null;
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

import { Alert } from '@mantine/core';
import { IconDeviceFloppy, IconHourglass, IconServerOff } from '@tabler/icons-react';
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
 * On a store server's till with nobody signed in, where no session check runs, how often it asks
 * its core (app:status, which reads the server) whether the server still answers, ms.
 */
export const SERVER_WATCH_MS = 5_000;

/**
 * D7: a standing warning while the till cannot store writes: its disk, or (issue 12, section 3)
 * its store server, unreachable since a time shown in the till's own clock. Every sale is refused
 * with the same message until one is saved again; each new try is a clean retry.
 *
 * A server that comes back is noticed without anyone trying a sale: while it is away the banner
 * reads app:status every SERVER_RECHECK_MS, and goes when the core says it answers again (the
 * cart then prices itself again: stores/cart.ts). Its going away is noticed by the session check
 * every few seconds (useSessionKeeper), which the server must answer, or, with nobody signed in
 * (the banner also shows on the sign-in, lock and password screens: AuthLayout), by app:status
 * every SERVER_WATCH_MS.
 *
 * A store server that holds this till's sale for its synchronous standby answers everything but
 * that sale's COMMIT. A write still waiting after SLOW_WRITE_MS (api/client.ts) has the banner
 * read app:status every SERVER_RECHECK_MS until it answers; while the core says the sale is held
 * (`replica`), the banner says so, since the COMMIT was sent, and goes when the sale completes.
 */
export function StorageBanner() {
  const problem = useStorageStore((s) => s.problem);
  const slowWrites = useStorageStore((s) => s.slowWrites);
  const refreshStatus = useSessionStore((s) => s.refreshStatus);
  const { t, i18n } = useTranslation('shell');
  const signedOutOnServer = useSessionStore(
    (s) => s.session === null && s.status?.database === 'server',
  );
  const every =
    problem?.reason === 'server' || problem?.reason === 'replica' || slowWrites > 0
      ? SERVER_RECHECK_MS
      : signedOutOnServer
        ? SERVER_WATCH_MS
        : null;

  useEffect(() => {
    if (every === null) return;
    const timer = setInterval(() => void refreshStatus(), every);
    return () => clearInterval(timer);
  }, [every, refreshStatus]);

  if (!problem) return null;
  const time =
    problem.reason === 'disk'
      ? ''
      : dateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(problem.since));
  const says = {
    disk: {
      title: t('storage.title'),
      body: `${ERROR_MESSAGES.STORAGE_FAILED} ${t('storage.retrying')}`,
      color: 'red',
      icon: <IconDeviceFloppy size={20} />,
    },
    server: {
      title: t('storage.serverTitle', { time }),
      body: t('storage.serverRetrying'),
      color: 'red',
      icon: <IconServerOff size={20} />,
    },
    replica: {
      title: t('storage.replicaTitle', { time }),
      body: t('storage.replicaBody'),
      color: 'orange',
      icon: <IconHourglass size={20} />,
    },
  }[problem.reason];
  return (
    <Alert
      color={says.color}
      variant="light"
      role="alert"
      className="k-storage-banner"
      title={says.title}
      icon={says.icon}
    >
      {says.body}
    </Alert>
  );
}

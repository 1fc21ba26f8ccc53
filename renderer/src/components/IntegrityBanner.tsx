import { Alert } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSessionStore } from '../stores/session';

/** How often a signed-in till re-reads app:status, to show what the background check found. */
export const STATUS_POLL_MS = 60_000;

/**
 * A persistent banner for those who may read the audit log (`audit.view`) while the audit chain is
 * broken (L2, D9): rewritten, truncated, or its seal forged. It stays until the till is restored;
 * it is not dismissible. Also polls app:status, so a problem found by the background integrity
 * check after start-up (a broken chain, or safe mode) reaches the screen.
 */
export function IntegrityBanner() {
  const session = useSessionStore((s) => s.session);
  const chain = useSessionStore((s) => s.status?.integrity.auditChain ?? null);
  const refreshStatus = useSessionStore((s) => s.refreshStatus);
  const signedIn = session !== null;
  const { t } = useTranslation('shell');

  useEffect(() => {
    if (!signedIn) return;
    const timer = setInterval(() => void refreshStatus(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [signedIn, refreshStatus]);

  if (!can(session, 'audit.view') || chain?.state !== 'broken') return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={t('integrity.title')}
      icon={<IconShieldExclamation size={20} />}
      role="alert"
    >
      {t('integrity.body', { detail: chain.detail ?? '' })}
    </Alert>
  );
}

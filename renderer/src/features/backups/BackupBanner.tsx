import { Alert } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { ERROR_MESSAGES } from '../../api/messages';
import { useBackupsStore } from '../../stores/backups';
import { can, useSessionStore } from '../../stores/session';

/** How often an admin's till re-reads the backup status. */
export const BACKUP_POLL_MS = 5 * 60_000;

/**
 * A standing warning for those who manage backups (`backups.manage`) while the last backup failed
 * or the daily one is overdue (D4). Not dismissible: it goes when a backup succeeds.
 */
export function BackupBanner() {
  const session = useSessionStore((s) => s.session);
  const allowed = can(session, 'backups.manage') && !session?.locked;
  const status = useBackupsStore((s) => s.status);
  const load = useBackupsStore((s) => s.load);
  const { t } = useTranslation('backups');

  useEffect(() => {
    if (!allowed) return;
    const read = () => void load().catch(() => {});
    read();
    const timer = setInterval(read, BACKUP_POLL_MS);
    return () => clearInterval(timer);
  }, [allowed, load]);

  if (!allowed || !status) return null;
  const last = status.lastRun;
  if (last && !last.ok)
    return (
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={t('banner.failedTitle')}
        icon={<IconDatabaseExport size={20} />}
      >
        {t('banner.failedBody', {
          detail: ERROR_MESSAGES[last.errorCode as ErrorCode] ?? ERROR_MESSAGES.BACKUP_FAILED,
        })}
      </Alert>
    );
  if (!status.overdue) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={t('banner.overdueTitle')}
      icon={<IconDatabaseExport size={20} />}
    >
      {t('banner.overdueBody')}
    </Alert>
  );
}

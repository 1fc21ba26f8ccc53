import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/session';
import { lazyScreen } from './lazy-screen';

/** The restore form, loaded only when safe mode shows it (kept out of the sign-in chunk). */
const SafeModeRestore = lazyScreen(() =>
  import('../features/backups/SafeModeRestore').then((m) => m.SafeModeRestore),
);

/**
 * A standing warning while the database is in safe mode (D5): what it means, the core's reason,
 * and the restore safe mode offers (a backup from this computer, proven by an admin's password
 * in that backup; issue 10, section 5). Nothing otherwise.
 */
export function SafeModeBanner() {
  const { t } = useTranslation();
  const safeMode = useSessionStore((s) => s.status?.safeMode ?? false);
  const reason = useSessionStore((s) => s.status?.integrity.safeModeReason ?? null);
  if (!safeMode) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('safeMode.title')}
      icon={<IconDatabaseExclamation size={20} />}
    >
      <Stack gap={4}>
        <Text size="sm">{t('errors:codes.SAFE_MODE')}</Text>
        {reason && <Text size="sm">{t('safeMode.reason', { reason })}</Text>}
        <Suspense fallback={<Loader size="sm" />}>
          <SafeModeRestore />
        </Suspense>
      </Stack>
    </Alert>
  );
}

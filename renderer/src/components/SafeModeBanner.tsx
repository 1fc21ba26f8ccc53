import { Alert, Stack, Text } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/session';

/**
 * A standing warning while the database is in safe mode (D5): what it means and what to do (call
 * support: Kassa has no restore of its own, so it never offers one), with the core's reason.
 * Nothing otherwise.
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
      </Stack>
    </Alert>
  );
}

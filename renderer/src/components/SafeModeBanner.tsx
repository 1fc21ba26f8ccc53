import { Alert, Text } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { ERROR_MESSAGES } from '../api/messages';
import { useSessionStore } from '../stores/session';

/** A standing warning while the database is in safe mode (D5), with the core's reason; nothing otherwise. */
export function SafeModeBanner() {
  const safeMode = useSessionStore((s) => s.status?.safeMode ?? false);
  const reason = useSessionStore((s) => s.status?.integrity.safeModeReason ?? null);
  if (!safeMode) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title="Safe mode"
      icon={<IconDatabaseExclamation size={20} />}
    >
      {reason ? <Text size="sm">{reason}</Text> : ERROR_MESSAGES.SAFE_MODE}
    </Alert>
  );
}

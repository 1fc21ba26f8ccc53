import { Alert } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { ERROR_MESSAGES } from '../api/messages';
import { useSessionStore } from '../stores/session';

/** A standing warning while the database is in safe mode (D5); nothing otherwise. */
export function SafeModeBanner() {
  const safeMode = useSessionStore((s) => s.status?.safeMode ?? false);
  if (!safeMode) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title="Safe mode"
      icon={<IconDatabaseExclamation size={20} />}
    >
      {ERROR_MESSAGES.SAFE_MODE}
    </Alert>
  );
}

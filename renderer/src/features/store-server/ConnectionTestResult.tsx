import { Alert } from '@mantine/core';
import { IconAlertCircle, IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTest } from '../../../../shared/contract/store-server';

/** What "Test connection" found: the server's version, or what failed in the till's words. */
export function ConnectionTestResult({ test }: { test: ConnectionTest | null }) {
  const { t } = useTranslation('setup');
  if (!test) return null;
  if (test.ok)
    return (
      <Alert role="status" color="teal" variant="light" icon={<IconPlugConnected size={20} />}>
        {t('server.testOk', { version: test.serverVersion })}
      </Alert>
    );
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertCircle size={20} />}
      title={t(`server.problems.${test.problem}`)}
    >
      {test.detail}
    </Alert>
  );
}

import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { useSessionStore } from '../../stores/session';

/**
 * The audit log's integrity above the log (L2, D9): a broken chain (red), a chain that cannot be
 * sealed because the OS keychain is missing (yellow), and when the full check last ran.
 */
export function AuditChainNotice() {
  const { t } = useTranslation('audit');
  const { dateTime } = useFormat();
  const integrity = useSessionStore((s) => s.status?.integrity ?? null);
  if (!integrity) return null;
  const { auditChain, lastFullCheck } = integrity;
  const checked = lastFullCheck
    ? t(lastFullCheck.ok ? 'chain.checkPassed' : 'chain.checkFailed', {
        at: dateTime(lastFullCheck.at),
      })
    : t('chain.notChecked');
  if (auditChain.state === 'ok')
    return (
      <Text c="gray.7" size="sm">
        {t('chain.ok')} {checked}
      </Text>
    );
  return (
    <Alert
      color={auditChain.state === 'broken' ? 'red' : 'yellow'}
      variant="light"
      title={t(auditChain.state === 'broken' ? 'chain.broken' : 'chain.unanchored')}
    >
      <Text size="sm">
        {auditChain.detail} {checked}
      </Text>
    </Alert>
  );
}

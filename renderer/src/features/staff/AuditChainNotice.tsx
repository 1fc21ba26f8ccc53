import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { useSessionStore } from '../../stores/session';
import { AuditVerifyNow } from './AuditVerifyNow';

/**
 * The audit log's integrity above the log (L2, D9): a broken chain (red), a chain that cannot be
 * sealed because the OS keychain is missing (yellow), when the full check last ran, and
 * "Verify now".
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
  // One place for "Verify now", so its answer stays on screen when the notice changes.
  const notice =
    auditChain.state === 'ok' ? (
      <Text c="gray.7" size="sm">
        {t('chain.ok')} {checked}
      </Text>
    ) : (
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
  return (
    <Stack gap={6}>
      {notice}
      <AuditVerifyNow />
    </Stack>
  );
}

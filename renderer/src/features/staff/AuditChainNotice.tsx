import { Alert, Text } from '@mantine/core';
import { formatDateTime } from '../../format/time';
import { useSessionStore } from '../../stores/session';

const TITLES = {
  broken: 'The audit log has been tampered with',
  unanchored: 'The audit log is not sealed on this till',
} as const;

/**
 * The audit log's integrity above the log (L2, D9): a broken chain (red), a chain that cannot be
 * sealed because the OS keychain is missing (yellow), and when the full check last ran.
 */
export function AuditChainNotice() {
  const integrity = useSessionStore((s) => s.status?.integrity ?? null);
  if (!integrity) return null;
  const { auditChain, lastFullCheck } = integrity;
  const checked = lastFullCheck
    ? `Last full check ${formatDateTime(lastFullCheck.at)}: ${lastFullCheck.ok ? 'passed' : 'FAILED'}.`
    : 'The full check has not run since Kassa started.';
  if (auditChain.state === 'ok')
    return (
      <Text c="dimmed" size="sm">
        The audit log is sealed and intact. {checked}
      </Text>
    );
  return (
    <Alert
      color={auditChain.state === 'broken' ? 'red' : 'yellow'}
      variant="light"
      title={TITLES[auditChain.state]}
    >
      <Text size="sm">
        {auditChain.detail} {checked}
      </Text>
    </Alert>
  );
}

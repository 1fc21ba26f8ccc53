import { Badge, Button, Center, Loader, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import type { AuditEventView } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../format/time';
import { useAuditStore } from '../../stores/audit';
import { AuditChainNotice } from './AuditChainNotice';

const OUTCOME_COLORS: Record<AuditEventView['outcome'], string> = {
  success: 'teal',
  failure: 'orange',
  denied: 'red',
};

/**
 * The audit log, newest first, with "Load more" for older events. Read-only. Above it, the chain's
 * integrity (broken, or not sealed for want of a keychain) and the last full check.
 */
export function AuditLog() {
  const { items, hasMore, loading, error } = useAuditStore();
  const load = useAuditStore((s) => s.load);
  const loadMore = useAuditStore((s) => s.loadMore);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <AuditChainNotice />
      <FormAlert message={error} />
      {loading && items.length === 0 && (
        <Center p="xl">
          <Loader aria-label="Loading audit log" />
        </Center>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" striped aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{formatDateTime(event.at)}</Table.Td>
                  <Table.Td>{event.actorName ?? 'Nobody signed in'}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {event.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {event.targetType ? `${event.targetType} ${event.targetId ?? ''}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLORS[event.outcome]} variant="light">
                      {event.outcome}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{event.detail ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!loading && !error && items.length === 0 && (
        <Text c="dimmed" p="lg" ta="center">
          No audit events yet.
        </Text>
      )}
      {hasMore && (
        <Center>
          <Button variant="default" loading={loading} onClick={() => void loadMore()}>
            Load more
          </Button>
        </Center>
      )}
    </>
  );
}

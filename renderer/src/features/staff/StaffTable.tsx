import { Table, Text } from '@mantine/core';
import type { StaffView } from '../../../../shared/contract';
import { formatDateTime } from '../../format/time';
import { actionsFor, type MemberAction } from './member-actions';
import { MemberActionsMenu } from './MemberActionsMenu';
import { StatusBadges } from './StatusBadges';

export interface StaffTableProps {
  items: readonly StaffView[];
  selfId: number | null;
  /** Null when the member may not change anything (no staff.manage). */
  onAction: ((action: MemberAction, member: StaffView) => void) | null;
}

/** The staff list as a table, one row per member, with a menu of actions when allowed. */
export function StaffTable({ items, selfId, onAction }: StaffTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Staff members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            {onAction && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td>
                <Text fw={600}>{member.displayName}</Text>
                <Text size="sm" c="dimmed">
                  {member.username}
                  {member.id === selfId ? ' (you)' : ''}
                </Text>
              </Table.Td>
              <Table.Td>{member.email}</Table.Td>
              <Table.Td>{member.roleName}</Table.Td>
              <Table.Td>
                <StatusBadges member={member} />
              </Table.Td>
              <Table.Td>{formatDateTime(member.lastLoginAt)}</Table.Td>
              {onAction && (
                <Table.Td>
                  <MemberActionsMenu
                    member={member}
                    actions={actionsFor(member, { selfId })}
                    onAction={onAction}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Table, Text } from '@mantine/core';
import type { StaffView } from '../../../../shared/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { actionsFor, type MemberAction } from './member-actions';
import { MemberActionsMenu } from './MemberActionsMenu';
import { StatusBadges } from './StatusBadges';
import { roleLabel } from './roles/role-label';
import { VerifiedMark } from './VerifiedMark';

export interface StaffTableProps {
  items: readonly StaffView[];
  selfId: number | null;
  /** Null when the member may not change anything (no staff.manage). */
  onAction: ((action: MemberAction, member: StaffView) => void) | null;
}

/** The staff list as a table, one row per member, with a menu of actions when allowed. */
export function StaffTable({ items, selfId, onAction }: StaffTableProps) {
  const { t } = useTranslation('staff');
  const { dateTime } = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.member')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th miw={130}>{t('table.status')}</Table.Th>
            <Table.Th>{t('table.lastSignIn')}</Table.Th>
            {onAction && <Table.Th aria-label={t('table.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td>
                <Text fw={600}>{member.displayName}</Text>
                <Text size="sm" c="gray.7">
                  {member.username}
                  {member.id === selfId ? ` ${t('table.you')}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {member.email}
                <VerifiedMark at={member.emailVerifiedAt} />
              </Table.Td>
              <Table.Td>{roleLabel(t, { id: member.role, name: member.roleName })}</Table.Td>
              <Table.Td>
                <StatusBadges member={member} />
              </Table.Td>
              <Table.Td>
                {member.lastLoginAt ? dateTime(member.lastLoginAt) : t('common:never')}
              </Table.Td>
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

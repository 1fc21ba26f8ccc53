import { Center, Group, Loader, Stack, Text } from '@mantine/core';
import { Pager } from '../../components/Pager';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { STAFF_PAGE_SIZE, useStaffStore } from '../../stores/staff';
import { RoleModal } from './RoleModal';
import { ConfirmActionModal } from './ConfirmActionModal';
import { EditMemberModal } from './EditMemberModal';
import { StaffFilters } from './StaffFilters';
import { StaffTable } from './StaffTable';
import { useMemberActions } from './useMemberActions';

export interface MembersPanelProps {
  selfId: number | null;
  canManage: boolean;
}

/** Filters, the staff table with its pages, and the dialogs of the per-member actions. */
export function MembersPanel({ selfId, canManage }: MembersPanelProps) {
  const { t } = useTranslation('staff');
  const { count } = useFormat();
  const { filters, roles, items, total, page, loading, error } = useStaffStore();
  const setFilters = useStaffStore((s) => s.setFilters);
  const setPage = useStaffStore((s) => s.setPage);
  const actions = useMemberActions();
  const pages = Math.ceil(total / STAFF_PAGE_SIZE);
  const { dialog } = actions;

  return (
    <Stack gap="md">
      <StaffFilters filters={filters} roles={roles} onChange={(f) => void setFilters(f)} />
      <FormAlert message={error} />
      {loading && items.length === 0 ? (
        <Center p="xl">
          <Loader aria-label={t('loading')} />
        </Center>
      ) : items.length === 0 && !error ? (
        <Text c="gray.7" p="lg" ta="center">
          {t('noMatch')}
        </Text>
      ) : (
        <StaffTable items={items} selfId={selfId} onAction={canManage ? actions.start : null} />
      )}
      {pages > 1 && (
        <Group justify="space-between">
          <Text size="sm" c="gray.7">
            {t('memberCount', { count: total, formatted: count(total) })}
          </Text>
          <Pager total={pages} value={page + 1} onChange={(p) => void setPage(p - 1)} />
        </Group>
      )}
      <EditMemberModal
        member={dialog.kind === 'edit' ? dialog.member : null}
        onClose={actions.close}
      />
      <RoleModal
        purpose="role"
        member={dialog.kind === 'role' ? dialog.member : null}
        onClose={actions.close}
      />
      <ConfirmActionModal
        confirmation={dialog.kind === 'confirm' ? dialog.confirmation : null}
        busy={actions.busy}
        onConfirm={actions.confirm}
        onClose={actions.close}
      />
    </Stack>
  );
}

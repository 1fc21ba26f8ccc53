import { Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { IconCopy, IconEye, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleView } from '../../../../../shared/contract';
import { useStaffStore } from '../../../stores/staff';
import { DeleteRoleModal } from './DeleteRoleModal';
import { RoleEditorModal, type RoleEditing } from './RoleEditorModal';
import { roleLabel } from './role-label';
import { useTwoFactorPolicies } from './useTwoFactorPolicies';
import { VerificationPolicyPanel } from './VerificationPolicyPanel';

/**
 * Staff → Roles (issue 9, section 2): every role with its member count and how many permissions
 * it grants. With staff.manage: new role, edit, duplicate and delete; the built-in Admin role is
 * shown read-only. Assigning a role to a member stays in the member's actions.
 */
export function RolesPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation('staff');
  const roles = useStaffStore((s) => s.roles);
  const [editing, setEditing] = useState<RoleEditing | null>(null);
  const [deleting, setDeleting] = useState<RoleView | null>(null);
  const twoFactor = useTwoFactorPolicies(roles.length);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" maw={720}>
          {t('rolesEditor.intro')}
        </Text>
        {canManage && (
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => setEditing({ mode: 'create' })}
          >
            {t('rolesEditor.create.button')}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="sm" aria-label={t('rolesEditor.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rolesEditor.columns.role')}</Table.Th>
              <Table.Th>{t('rolesEditor.columns.permissions')}</Table.Th>
              <Table.Th>{t('rolesEditor.columns.members')}</Table.Th>
              <Table.Th>{t('rolesEditor.columns.twoFactor')}</Table.Th>
              {canManage && <Table.Th>{t('table.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.map((role) => (
              <Table.Tr key={role.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={600}>{roleLabel(t, role)}</Text>
                    {role.locked && (
                      <Badge variant="outline" color="dark" tt="none">
                        {t('rolesEditor.builtIn')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t('rolesEditor.permissionCount', { count: role.permissions.length })}
                </Table.Td>
                <Table.Td>{t('rolesEditor.members', { count: role.memberCount })}</Table.Td>
                <Table.Td>
                  <Switch
                    checked={twoFactor.required.get(role.id) ?? false}
                    disabled={!canManage || twoFactor.saving === role.id}
                    onChange={(e) => void twoFactor.set(role.id, e.currentTarget.checked)}
                    aria-label={t('rolesEditor.twoFactor', { role: roleLabel(t, role) })}
                  />
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <RoleRowActions
                      role={role}
                      onEdit={(mode) => setEditing({ mode, role })}
                      onDelete={() => setDeleting(role)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canManage && <VerificationPolicyPanel />}
      <RoleEditorModal editing={editing} onClose={() => setEditing(null)} />
      <DeleteRoleModal role={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

function RoleRowActions({
  role,
  onEdit,
  onDelete,
}: {
  role: RoleView;
  onEdit: (mode: 'edit' | 'duplicate' | 'view') => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('staff');
  const name = roleLabel(t, role);
  return (
    <Group gap="xs" wrap="nowrap">
      {role.locked ? (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconEye size={16} />}
          onClick={() => onEdit('view')}
          aria-label={t('rolesEditor.view.aria', { name })}
        >
          {t('rolesEditor.view.button')}
        </Button>
      ) : (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPencil size={16} />}
          onClick={() => onEdit('edit')}
          aria-label={t('rolesEditor.edit.aria', { name })}
        >
          {t('rolesEditor.edit.button')}
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        leftSection={<IconCopy size={16} />}
        onClick={() => onEdit('duplicate')}
        aria-label={t('rolesEditor.duplicate.aria', { name })}
      >
        {t('rolesEditor.duplicate.button')}
      </Button>
      {!role.locked && (
        <Button
          size="xs"
          variant="default"
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={onDelete}
          aria-label={t('rolesEditor.delete.aria', { name })}
        >
          {t('rolesEditor.delete.button')}
        </Button>
      )}
    </Group>
  );
}

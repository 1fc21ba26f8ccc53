import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleView } from '../../../../../shared/contract';
import { AppError } from '../../../../../shared/errors';
import { messageFor } from '../../../api/messages';
import { FormAlert } from '../../../components/FormAlert';
import { notifySuccess } from '../../../components/notify';
import { useBusy } from '../../../hooks/useBusy';
import { useStaffStore } from '../../../stores/staff';
import { roleActions } from './role-actions';
import { roleLabel, roleOptions } from './role-label';

/**
 * Deletes a role. A role with members asks where they go ("move members to…"); the core moves
 * them and deletes the role in one transaction.
 */
export function DeleteRoleModal({ role, onClose }: { role: RoleView | null; onClose: () => void }) {
  const { t } = useTranslation('staff');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={role !== null}
      onClose={onClose}
      title={role ? t('rolesEditor.delete.title', { name: roleLabel(t, role) }) : ''}
      size="md"
    >
      {role && <DeleteRoleForm role={role} onClose={onClose} />}
    </Modal>
  );
}

function DeleteRoleForm({ role, onClose }: { role: RoleView; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const roles = useStaffStore((s) => s.roles);
  const { busy, run } = useBusy();
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const others = roles.filter((r) => r.id !== role.id);
  const needsTarget = role.memberCount > 0;

  const submit = () =>
    run(async () => {
      setError(null);
      if (needsTarget && !target) return setError(t('rolesEditor.delete.chooseTarget'));
      try {
        await roleActions.remove(
          needsTarget && target ? { id: role.id, moveMembersTo: target } : { id: role.id },
        );
        notifySuccess(t('rolesEditor.delete.done', { name: roleLabel(t, role) }));
        onClose();
      } catch (caught) {
        if (caught instanceof AppError && caught.code === 'REAUTH_REQUIRED') return;
        setError(messageFor(caught));
      }
    });

  return (
    <Stack gap="md">
      <FormAlert message={error} />
      <Text>
        {needsTarget
          ? t('rolesEditor.delete.withMembers', { count: role.memberCount })
          : t('rolesEditor.delete.empty')}
      </Text>
      {needsTarget && (
        <Select
          label={t('rolesEditor.delete.moveTo')}
          data={roleOptions(t, others)}
          value={target}
          onChange={setTarget}
          allowDeselect={false}
          data-autofocus
        />
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button color="red.9" loading={busy} onClick={() => void submit()}>
          {t('rolesEditor.delete.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

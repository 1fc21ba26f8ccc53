import { Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { StaffView } from '../../../../shared/contract';
import { useTranslation } from 'react-i18next';
import type { RoleId } from '../../../../shared/permissions';
import { roleLabel, roleOptions } from './roles/role-label';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useStaffStore } from '../../stores/staff';
import { AppError } from '../../../../shared/errors';

/** Changes a member's role, showing what the chosen role may do. Needs the password again. */
export function ChangeRoleModal({
  member,
  onClose,
}: {
  member: StaffView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('staff');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={member !== null}
      onClose={onClose}
      title={member ? t('role.title', { name: member.displayName }) : ''}
      size="lg"
    >
      {member && <ChangeRoleForm member={member} onClose={onClose} />}
    </Modal>
  );
}

function ChangeRoleForm({ member, onClose }: { member: StaffView; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const roles = useStaffStore((s) => s.roles);
  const setRole = useStaffStore((s) => s.setRole);
  const { busy, run } = useBusy();
  const [role, setRoleValue] = useState<RoleId>(member.role);
  const [error, setError] = useState<string | null>(null);
  const permissions = roles.find((r) => r.id === role)?.permissions ?? [];

  const submit = () =>
    run(async () => {
      setError(null);
      if (role === member.role) return onClose();
      try {
        const saved = await setRole(member.id, role);
        notifySuccess(
          t('role.done', {
            name: saved.displayName,
            role: roleLabel(t, { id: saved.role, name: saved.roleName }),
          }),
        );
        onClose();
      } catch (caught) {
        if (caught instanceof AppError && caught.code === 'REAUTH_REQUIRED') return; // Said by the dialog.
        setError(messageFor(caught));
      }
    });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <FormAlert message={error} />
        <Select
          label={t('fields.role')}
          data={roleOptions(t, roles)}
          value={role}
          onChange={(value) => value && setRoleValue(value)}
          allowDeselect={false}
          data-autofocus
        />
        <div>
          <Text size="sm" fw={600} mb={6}>
            {t('roleMay')}
          </Text>
          <Group gap={6}>
            {permissions.map((p) => (
              <Badge key={p} variant="outline" color="dark" tt="none" radius="sm">
                {t(`permissions.${p}`)}
              </Badge>
            ))}
          </Group>
        </div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('actions.role')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

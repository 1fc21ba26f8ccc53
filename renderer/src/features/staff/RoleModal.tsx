import { Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { RoleId } from '../../../../shared/permissions';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useStaffStore } from '../../stores/staff';
import { roleLabel, roleOptions } from './roles/role-label';

/**
 * What the role dialog does: `approve` an access request with the role chosen (item 15; the role
 * asked for, Cashier, is preselected), or change a member's `role`. Both show what the chosen
 * role may do and need the password again (S3: they change staff rights).
 */
export type RolePurpose = 'approve' | 'role';

/** The role dialog for `member` (closed while null); see {@link RolePurpose}. */
export function RoleModal({
  purpose,
  member,
  onClose,
}: {
  purpose: RolePurpose;
  member: StaffView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('staff');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={member !== null}
      onClose={onClose}
      title={member ? t(`${purpose}.title`, { name: member.displayName }) : ''}
      size="lg"
    >
      {member && <RoleForm purpose={purpose} member={member} onClose={onClose} />}
    </Modal>
  );
}

function RoleForm({
  purpose,
  member,
  onClose,
}: {
  purpose: RolePurpose;
  member: StaffView;
  onClose: () => void;
}) {
  const { t } = useTranslation('staff');
  const roles = useStaffStore((s) => s.roles);
  const save = useStaffStore((s) => (purpose === 'approve' ? s.approve : s.setRole));
  const { busy, run } = useBusy();
  const [role, setRole] = useState<RoleId>(member.role);
  const [error, setError] = useState<string | null>(null);
  const permissions = roles.find((r) => r.id === role)?.permissions ?? [];

  const submit = () =>
    run(async () => {
      // A role change to the role the member has is nothing to save.
      if (purpose === 'role' && role === member.role) return onClose();
      setError(null);
      try {
        const saved = await save(member.id, role);
        notifySuccess(
          t(`${purpose}.done`, {
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
        {purpose === 'approve' && (
          <Text>{t('approve.intro', { name: member.displayName, email: member.email })}</Text>
        )}
        <FormAlert message={error} />
        <Select
          label={t('fields.role')}
          data={roleOptions(t, roles)}
          value={role}
          onChange={(value) => value && setRole(value)}
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
            {purpose === 'approve' ? t('approve.confirm') : t('actions.role')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

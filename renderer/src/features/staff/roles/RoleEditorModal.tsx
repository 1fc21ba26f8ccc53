import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleView } from '../../../../../shared/contract';
import { AppError } from '../../../../../shared/errors';
import type { Permission } from '../../../../../shared/permissions';
import { messageFor } from '../../../api/messages';
import { FormAlert } from '../../../components/FormAlert';
import { notifySuccess } from '../../../components/notify';
import { useBusy } from '../../../hooks/useBusy';
import { PermissionChecklist } from './PermissionChecklist';
import { roleActions } from './role-actions';
import { roleLabel } from './role-label';

/** What the editor is open for: a new role, a copy of `role`, editing `role`, or viewing Admin. */
export type RoleEditing =
  { mode: 'create' } | { mode: 'duplicate' | 'edit' | 'view'; role: RoleView };

/** Creates, duplicates, renames and re-permissions a role; shows the locked Admin read-only. */
export function RoleEditorModal({
  editing,
  onClose,
}: {
  editing: RoleEditing | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('staff');
  const title = editing
    ? t(`rolesEditor.${editing.mode}.title`, {
        name: editing.mode === 'create' ? '' : roleLabel(t, editing.role),
      })
    : '';
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={editing !== null}
      onClose={onClose}
      title={title}
      size="xl"
    >
      {editing && <RoleForm editing={editing} onClose={onClose} />}
    </Modal>
  );
}

function RoleForm({ editing, onClose }: { editing: RoleEditing; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const { busy, run } = useBusy();
  const source = editing.mode === 'create' ? null : editing.role;
  const [name, setName] = useState(() =>
    !source
      ? ''
      : editing.mode === 'duplicate'
        ? t('rolesEditor.copyOf', { name: roleLabel(t, source) })
        : source.name,
  );
  const [permissions, setPermissions] = useState<Permission[]>(source?.permissions ?? []);
  const [error, setError] = useState<string | null>(null);
  const readOnly = editing.mode === 'view';

  const save = () => {
    if (editing.mode === 'create') return roleActions.create({ name, permissions });
    // A copy whose ticks were changed before saving is a new role with those ticks.
    if (editing.mode === 'duplicate')
      return sameSet(permissions, editing.role.permissions)
        ? roleActions.duplicate({ id: editing.role.id, name })
        : roleActions.create({ name, permissions });
    return roleActions.update({ id: editing.role.id, name, permissions });
  };

  const submit = () =>
    run(async () => {
      setError(null);
      try {
        const saved = await save();
        notifySuccess(t('rolesEditor.saved', { name: saved.name }));
        onClose();
      } catch (caught) {
        if (caught instanceof AppError && caught.code === 'REAUTH_REQUIRED') return;
        setError(messageFor(caught));
      }
    });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!readOnly) void submit();
      }}
    >
      <Stack gap="md">
        <FormAlert message={error} />
        {readOnly && <Text size="sm">{t('rolesEditor.lockedHint')}</Text>}
        <TextInput
          label={t('rolesEditor.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          readOnly={readOnly}
          required
          maxLength={40}
          data-autofocus
        />
        <PermissionChecklist value={permissions} onChange={setPermissions} readOnly={readOnly} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {readOnly ? t('common:actions.close') : t('common:actions.cancel')}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={busy}>
              {t(`rolesEditor.${editing.mode}.submit`)}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

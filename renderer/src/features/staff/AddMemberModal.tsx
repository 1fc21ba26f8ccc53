import { Button, Group, Modal, Select, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RoleId } from '../../../../shared/permissions';
import { roleOptions } from './roles/role-label';
import { FormAlert } from '../../components/FormAlert';
import { MemberDetailsFields } from '../../forms/MemberDetailsFields';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { memberDetailsSchema, zodValidator } from '../../forms/validation';
import { useStaffStore } from '../../stores/staff';

type AddValues = {
  displayName: string;
  username: string;
  email: string;
  role: RoleId;
  approve: boolean;
};
const FIELDS = ['displayName', 'username', 'email', 'role'] as const;
/**
 * Adds a staff member with a temporary password, which the staff store then shows once. With
 * "Approve now" off, the member stays pending until someone approves them.
 */
export function AddMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('staff');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={opened}
      onClose={onClose}
      title={t('add.title')}
      size="lg"
    >
      {opened && <AddMemberForm onClose={onClose} />}
    </Modal>
  );
}

function AddMemberForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('staff');
  const roles = useStaffStore((s) => s.roles);
  const create = useStaffStore((s) => s.create);
  const form = useForm<AddValues>({
    mode: 'controlled',
    initialValues: { displayName: '', username: '', email: '', role: 'cashier', approve: true },
    validate: zodValidator<AddValues>(memberDetailsSchema),
  });

  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (values: AddValues) => {
    await create(values);
    onClose();
  });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <MemberDetailsFields inputProps={form.getInputProps} context="admin" />
        <Select
          label={t('fields.role')}
          data={roleOptions(t, roles)}
          allowDeselect={false}
          {...form.getInputProps('role')}
          onChange={(value) => {
            if (value) form.setFieldValue('role', value);
          }}
        />
        <Switch
          label={t('add.approveNow')}
          description={t('add.approveNowHint')}
          size="md"
          {...form.getInputProps('approve', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('add.button')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

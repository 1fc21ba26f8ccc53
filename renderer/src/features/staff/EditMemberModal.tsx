import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, StaffView } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { MemberDetailsFields } from '../../forms/MemberDetailsFields';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { memberDetailsSchema, zodValidator } from '../../forms/validation';
import { useStaffStore } from '../../stores/staff';

type EditValues = { displayName: string; username: string; email: string };
const FIELDS = ['displayName', 'username', 'email'] as const;

/** The fields that changed, as a `staff:update` input; only those are sent. */
export function changedFields(member: StaffView, values: EditValues): ChannelInput<'staff:update'> {
  const input: ChannelInput<'staff:update'> = { id: member.id };
  if (values.displayName.trim() !== member.displayName) input.displayName = values.displayName;
  if (values.username.trim().toLowerCase() !== member.username) input.username = values.username;
  if (values.email.trim().toLowerCase() !== member.email) input.email = values.email;
  return input;
}

/** Edits a member's display name, username and email. */
export function EditMemberModal({
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
      title={t('edit.title')}
      size="lg"
    >
      {member && <EditMemberForm member={member} onClose={onClose} />}
    </Modal>
  );
}

function EditMemberForm({ member, onClose }: { member: StaffView; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const update = useStaffStore((s) => s.update);
  const form = useForm<EditValues>({
    mode: 'controlled',
    initialValues: {
      displayName: member.displayName,
      username: member.username,
      email: member.email,
    },
    validate: zodValidator<EditValues>(memberDetailsSchema),
  });

  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (values: EditValues) => {
    const input = changedFields(member, values);
    if (Object.keys(input).length > 1) {
      const saved = await update(input);
      notifySuccess(t('edit.done', { name: saved.displayName }));
    }
    onClose();
  });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <MemberDetailsFields inputProps={form.getInputProps} context="admin" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

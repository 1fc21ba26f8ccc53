import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { ChannelInput, StaffView } from '../../../../shared/contract';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { memberDetailsSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
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
  return (
    <Modal opened={member !== null} onClose={onClose} title="Edit member details" size="lg">
      {member && <EditMemberForm member={member} onClose={onClose} />}
    </Modal>
  );
}

function EditMemberForm({ member, onClose }: { member: StaffView; onClose: () => void }) {
  const update = useStaffStore((s) => s.update);
  const { busy, run } = useBusy();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditValues>({
    mode: 'controlled',
    initialValues: {
      displayName: member.displayName,
      username: member.username,
      email: member.email,
    },
    validate: zodValidator<EditValues>(memberDetailsSchema),
  });

  const submit = (values: EditValues) =>
    run(async () => {
      setFormError(null);
      const input = changedFields(member, values);
      if (Object.keys(input).length === 1) return onClose();
      try {
        const saved = await update(input);
        notifySuccess(`${saved.displayName}'s details were saved.`);
        onClose();
      } catch (error) {
        const split = splitFormError(error, FIELDS);
        form.setErrors(split.fields);
        setFormError(split.form);
      }
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <TextInput
          label="Display name"
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('displayName')}
        />
        <TextInput
          label="Username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('username')}
        />
        <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '../../components/FormAlert';
import { MemberDetailsFields } from '../../forms/MemberDetailsFields';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { newMemberSchema, zodValidator } from '../../forms/validation';
import { useSessionStore } from '../../stores/session';

type RequestValues = { username: string; email: string; displayName: string; password: string };
const FIELDS = ['username', 'email', 'displayName', 'password'] as const;

export interface RequestAccessFormProps {
  /** Called once the request is stored as pending. */
  onSent: () => void;
  onCancel: () => void;
}

/**
 * Asks for access as a new staff member. The main process stores a pending Cashier that an admin
 * must approve; role and status cannot be chosen here (A7). Refusals (weak password, username or
 * email taken, invalid fields) are shown next to the field they concern.
 */
export function RequestAccessForm({ onSent, onCancel }: RequestAccessFormProps) {
  const requestAccess = useSessionStore((s) => s.requestAccess);
  const form = useForm<RequestValues>({
    mode: 'controlled',
    initialValues: { username: '', email: '', displayName: '', password: '' },
    validate: zodValidator<RequestValues>(newMemberSchema),
    validateInputOnBlur: true,
  });

  const { busy, formError, submit } = useServerSubmit(
    form,
    FIELDS,
    async (values: RequestValues) => {
      await requestAccess(values);
      onSent();
    },
    { passwordField: 'password' },
  );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <MemberDetailsFields inputProps={form.getInputProps} context="self" />
        <PasswordInput
          label="Password"
          description="At least 8 characters"
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Button type="submit" size="lg" loading={busy} fullWidth>
          Request access
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          Back to sign in
        </Button>
      </Stack>
    </form>
  );
}

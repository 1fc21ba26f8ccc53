import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert } from '../../components/FormAlert';
import { MemberDetailsFields } from '../../forms/MemberDetailsFields';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { newMemberSchema, zodValidator } from '../../forms/validation';
import { useSessionStore } from '../../stores/session';

type SetupValues = { username: string; email: string; displayName: string; password: string };
const FIELDS = ['username', 'email', 'displayName', 'password'] as const;

/**
 * First run only: creates the first admin (there are no default accounts, A6) and signs them in.
 * The main process refuses it once any staff exist, so it is never shown again.
 */
export function SetupScreen() {
  const createAdmin = useSessionStore((s) => s.createAdmin);
  const form = useForm<SetupValues>({
    mode: 'controlled',
    initialValues: { username: '', email: '', displayName: '', password: '' },
    validate: zodValidator<SetupValues>(newMemberSchema),
    validateInputOnBlur: true,
  });

  const { busy, formError, submit } = useServerSubmit(form, FIELDS, createAdmin, {
    passwordField: 'password',
  });

  return (
    <AuthLayout
      title="Set up Kassa"
      subtitle="Create the first admin for this till. Kassa has no default accounts: this admin approves everyone else."
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <FormAlert message={formError} />
          <MemberDetailsFields inputProps={form.getInputProps} context="self" />
          <PasswordInput
            label="Password"
            description="At least 8 characters; a short sentence works well"
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" size="lg" loading={busy} fullWidth>
            Create admin
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

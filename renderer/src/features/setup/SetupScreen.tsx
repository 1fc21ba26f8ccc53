import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { splitFormError } from '../../api/form-errors';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert } from '../../components/FormAlert';
import { newMemberSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';

type SetupValues = { username: string; email: string; displayName: string; password: string };
const FIELDS = ['username', 'email', 'displayName', 'password'] as const;

/**
 * First run only: creates the first admin (there are no default accounts, A6) and signs them in.
 * The main process refuses it once any staff exist, so it is never shown again.
 */
export function SetupScreen() {
  const createAdmin = useSessionStore((s) => s.createAdmin);
  const { busy, run } = useBusy();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SetupValues>({
    mode: 'controlled',
    initialValues: { username: '', email: '', displayName: '', password: '' },
    validate: zodValidator<SetupValues>(newMemberSchema),
    validateInputOnBlur: true,
  });

  const submit = (values: SetupValues) =>
    run(async () => {
      setFormError(null);
      try {
        await createAdmin(values);
      } catch (error) {
        const split = splitFormError(error, FIELDS, { passwordField: 'password' });
        form.setErrors(split.fields);
        setFormError(split.form);
      }
    });

  return (
    <AuthLayout
      title="Set up Kassa"
      subtitle="Create the first admin for this till. Kassa has no default accounts: this admin approves everyone else."
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <FormAlert message={formError} />
          <TextInput
            label="Display name"
            description="The name shown on screen and on receipts"
            autoComplete="name"
            autoFocus
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label="Username"
            description="3 to 32 letters, digits, dots, dashes or underscores"
            autoComplete="username"
            {...form.getInputProps('username')}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            {...form.getInputProps('email')}
          />
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

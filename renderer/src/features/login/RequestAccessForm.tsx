import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { newMemberSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
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
  const { busy, run } = useBusy();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RequestValues>({
    mode: 'controlled',
    initialValues: { username: '', email: '', displayName: '', password: '' },
    validate: zodValidator<RequestValues>(newMemberSchema),
    validateInputOnBlur: true,
  });

  const submit = (values: RequestValues) =>
    run(async () => {
      setFormError(null);
      try {
        await requestAccess(values);
        onSent();
      } catch (error) {
        const split = splitFormError(error, FIELDS, { passwordField: 'password' });
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
          autoComplete="name"
          autoFocus
          {...form.getInputProps('displayName')}
        />
        <TextInput
          label="Username"
          description="3 to 32 letters, digits, dots, dashes or underscores"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
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

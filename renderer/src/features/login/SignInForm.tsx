import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { loginSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';

type SignInValues = { identifier: string; password: string };

/**
 * Username-or-email and password. Keyboard first: the identifier has focus, Enter submits, and
 * after a failure the password is cleared and focused for the next try. Every refusal (wrong
 * credentials, locked, pending, rejected, disabled, expired temporary password) gets its own
 * human message; an unknown user and a wrong password get the same one (A5).
 */
export function SignInForm() {
  const { t } = useTranslation('auth');
  const login = useSessionStore((s) => s.login);
  const notice = useSessionStore((s) => s.notice);
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInValues>({
    mode: 'controlled',
    initialValues: { identifier: '', password: '' },
    validate: zodValidator<SignInValues>(loginSchema),
  });

  const submit = (values: SignInValues) =>
    run(async () => {
      setError(null);
      try {
        await login(values);
      } catch (caught) {
        setError(messageFor(caught));
        form.setFieldValue('password', '');
        form.getInputNode('password')?.focus();
      }
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        {notice && !error && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} />}>
            {notice}
          </Alert>
        )}
        <FormAlert message={error} />
        <TextInput
          label={t('fields.identifier')}
          autoComplete="username"
          autoFocus
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('identifier')}
        />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <Button type="submit" size="lg" loading={busy} fullWidth>
          {t('login.signIn.button')}
        </Button>
      </Stack>
    </form>
  );
}

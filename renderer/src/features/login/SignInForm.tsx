import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../api/messages';
import { t as translate } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';

type SignInValues = { identifier: string; password: string };
type SignInErrors = Partial<Record<keyof SignInValues, string>>;

/**
 * Both fields are only required (the core decides the rest, A5). Checked by hand, without zod or
 * a form library, so the sign-in screen's JavaScript stays small (issue 8, item 23).
 */
function check(values: SignInValues): SignInErrors {
  const errors: SignInErrors = {};
  if (!values.identifier.trim()) errors.identifier = translate('forms:identifier.required');
  if (!values.password) errors.password = translate('forms:password.required');
  return errors;
}

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
  const [values, setValues] = useState<SignInValues>({ identifier: '', password: '' });
  const [errors, setErrors] = useState<SignInErrors>({});
  const passwordInput = useRef<HTMLInputElement>(null);

  /** Props for one field: its value, its error, and an edit that clears that error. */
  const field = (name: keyof SignInValues) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
      setErrors((e) => ({ ...e, [name]: undefined }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(values);
    setErrors(found);
    if (found.identifier || found.password) return;
    void run(async () => {
      setError(null);
      try {
        await login(values);
      } catch (caught) {
        setError(messageFor(caught));
        setValues((v) => ({ ...v, password: '' }));
        passwordInput.current?.focus();
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate>
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
          {...field('identifier')}
        />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          ref={passwordInput}
          {...field('password')}
        />
        <Button type="submit" size="lg" loading={busy} fullWidth>
          {t('login.signIn.button')}
        </Button>
      </Stack>
    </form>
  );
}

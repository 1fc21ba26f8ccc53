import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useBusy } from '../../hooks/useBusy';
import { AppError } from '../../../../shared/errors';

export interface ForgotPasswordFormProps {
  /** Back to the sign-in form (after the reset, or to give up). */
  onDone: () => void;
}

type Step = 'ask' | 'code' | 'done';

/**
 * "Forgot password" by e-mail (issue 9, section 6; OWASP Forgot Password): the member names their
 * account by username or e-mail and always sees the same answer; then types or pastes the code
 * from the e-mail and a new password. Nobody is signed in afterwards: the member signs in with the
 * new password, and any second factor, as usual. Loaded on demand: not in the sign-in chunk.
 */
export function ForgotPasswordForm({ onDone }: ForgotPasswordFormProps) {
  const { t } = useTranslation(['passwordReset', 'auth']);
  const { busy, run } = useBusy();
  const [step, setStep] = useState<Step>('ask');
  const [identifier, setIdentifier] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ identifier?: string; code?: string; password?: string }>(
    {},
  );
  const [error, setError] = useState<string | null>(null);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!identifier.trim()) return setErrors({ identifier: t('identifierRequired') });
    void run(async () => {
      setError(null);
      try {
        await call('reset:request', { identifier });
        setStep('code');
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  };

  const complete = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(code.trim() ? {} : { code: t('codeRequired') }),
      ...(password ? {} : { password: t('passwordRequired') }),
    };
    setErrors(found);
    if (found.code || found.password) return;
    void run(async () => {
      setError(null);
      try {
        await call('reset:complete', { identifier, code, newPassword: password });
        setStep('done');
      } catch (caught) {
        const field = caught instanceof AppError ? caught.issues?.[0]?.path : undefined;
        if (field === 'newPassword') setErrors({ password: messageFor(caught) });
        else if (field === 'code') setErrors({ code: t('codeShape') });
        else setError(messageFor(caught));
        setPassword('');
      }
    });
  };

  if (step === 'done')
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" icon={<IconMailCheck size={20} />}>
          {t('done')}
        </Alert>
        <Button size="lg" onClick={onDone}>
          {t('auth:login.backToSignIn')}
        </Button>
      </Stack>
    );

  return (
    <form onSubmit={step === 'ask' ? ask : complete} noValidate>
      <Stack gap="md">
        <FormAlert message={error} />
        {step === 'ask' ? (
          <TextInput
            label={t('auth:fields.identifier')}
            autoComplete="username"
            autoFocus
            autoCapitalize="none"
            spellCheck={false}
            value={identifier}
            error={errors.identifier}
            onChange={(e) => {
              setIdentifier(e.currentTarget.value);
              setErrors({});
            }}
          />
        ) : (
          <>
            <Alert color="blue" variant="light" icon={<IconMailCheck size={20} />}>
              {t('sent')}
            </Alert>
            <TextInput
              label={t('code')}
              description={t('codeHelp')}
              autoComplete="one-time-code"
              autoFocus
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              error={errors.code}
              onChange={(e) => {
                setCode(e.currentTarget.value);
                setErrors((x) => ({ ...x, code: undefined }));
              }}
            />
            <PasswordInput
              label={t('newPassword')}
              description={t('newPasswordHelp')}
              autoComplete="new-password"
              value={password}
              error={errors.password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setErrors((x) => ({ ...x, password: undefined }));
              }}
            />
          </>
        )}
        <Button type="submit" size="lg" loading={busy} fullWidth>
          {step === 'ask' ? t('send') : t('setPassword')}
        </Button>
        {step === 'code' && (
          <Text size="sm" c="dimmed">
            {t('noMail')}
          </Text>
        )}
        <Button variant="subtle" onClick={onDone}>
          {t('auth:login.backToSignIn')}
        </Button>
      </Stack>
    </form>
  );
}

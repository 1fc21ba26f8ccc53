import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';

/**
 * Turning one's own 2FA off: the password and a current code (or a recovery code), since 2FA
 * itself changes (issue 9 section 1). Wrong entries count towards the lockout (A4).
 */
export function TwoFactorRemove({
  onDone,
  onCancel,
}: {
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('profile');
  const { busy, run } = useBusy();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password || !code.trim()) {
      setError(t('twoFactor.remove.required'));
      return;
    }
    void run(async () => {
      setError(null);
      try {
        await call('twoFactor:remove', { password, code });
        notifySuccess(t('twoFactor.remove.done'));
        onDone();
      } catch (caught) {
        setError(messageFor(caught));
        setCode('');
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <Text size="sm">{t('twoFactor.remove.intro')}</Text>
        <FormAlert message={error} />
        <PasswordInput
          label={t('twoFactor.remove.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <TextInput
          label={t('twoFactor.remove.code')}
          autoComplete="one-time-code"
          maxLength={40}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" color="red.9" loading={busy}>
            {t('twoFactor.remove.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('twoFactor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

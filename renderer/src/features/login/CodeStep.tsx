import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';
import type { AppError } from '../../../../shared/errors';

/**
 * The second sign-in step (issue 9 section 1): the 6-digit code from the authenticator app, or a
 * recovery code in its place (the core tells them apart). Loaded only when a member with 2FA on
 * has given the right password, so the sign-in chunk stays within its budget. A wrong or replayed
 * code clears the field for the next try; a timed-out or locked sign-in goes back to the password.
 */
export function CodeStep() {
  const { t } = useTranslation('twoFactor');
  const verify = useSessionStore((s) => s.verifySecondFactor);
  const cancel = useSessionStore((s) => s.cancelSecondFactor);
  const { busy, run } = useBusy();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError(t(recovery ? 'code.recoveryRequired' : 'code.required'));
      return;
    }
    void run(async () => {
      setError(null);
      try {
        await verify(code);
      } catch (caught) {
        const wrong = (caught as AppError).code === 'INVALID_CREDENTIALS';
        setError(wrong ? t('code.wrong') : messageFor(caught));
        setCode('');
        input.current?.focus();
      }
    });
  };

  const switchKind = () => {
    setRecovery((r) => !r);
    setCode('');
    setError(null);
    input.current?.focus();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t(recovery ? 'code.recoveryIntro' : 'code.intro')}</Text>
        <FormAlert message={error} />
        <TextInput
          label={t(recovery ? 'code.recoveryLabel' : 'code.label')}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          autoFocus
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          ref={input}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          styles={{ input: { fontSize: 22, letterSpacing: 4, fontFamily: 'monospace' } }}
        />
        <Button type="submit" size="lg" loading={busy} fullWidth>
          {t('code.verify')}
        </Button>
        <Group justify="space-between" wrap="wrap">
          <Anchor component="button" type="button" size="sm" onClick={switchKind}>
            {t(recovery ? 'code.useApp' : 'code.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={cancel}>
            {t('code.back')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

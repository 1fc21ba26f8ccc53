import { Alert, Button, Stack, Text } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { OneTimeCodeInput } from '../../components/OneTimeCodeInput';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { useResendCooldown } from './useResendCooldown';

export type VerifyAnswer = Extract<ChannelOutput<'auth:requestAccess'>, { status: 'verify' }>;

export interface RequestCodeStepProps {
  /** The request's username, which names it to `contacts:verifyRequest`. */
  identifier: string;
  answer: VerifyAnswer;
  /** The code was right: the request is now on the admins' pending list. */
  onVerified: () => void;
  onCancel: () => void;
}

/**
 * The code step of a request for access while the store's "verified before access" policy is in
 * force (issue 9, section 4): the 6-digit code sent by e-mail or text message, typed or pasted; a
 * new code at most once a minute (shown as a count on the button); and a plain message when the
 * code could not be sent. Part of the lazily loaded request form, not of the sign-in chunk.
 */
export function RequestCodeStep({
  identifier,
  answer,
  onVerified,
  onCancel,
}: RequestCodeStepProps) {
  const { t } = useTranslation('auth');
  const { dateTime } = useFormat();
  const { busy, run } = useBusy();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(answer.sent);
  const [resent, setResent] = useState(false);
  const cooldown = useResendCooldown(answer.sent);
  const input = useRef<HTMLInputElement>(null);

  const verify = (event: FormEvent) => {
    event.preventDefault();
    if (code.length !== 6) return setError(t('login.verify.codeShape'));
    void run(async () => {
      setError(null);
      try {
        await call('contacts:verifyRequest', { identifier, code });
        onVerified();
      } catch (caught) {
        setError(messageFor(caught));
        setCode('');
        input.current?.focus();
      }
    });
  };
  const resend = () =>
    void run(async () => {
      setError(null);
      try {
        await call('contacts:resendRequestCode', { identifier });
        setSent(true);
        setResent(true);
        cooldown.start();
      } catch (caught) {
        setError(messageFor(caught));
      }
    });

  const where = answer.channel === 'email' ? 'email' : 'phone';
  return (
    <form onSubmit={verify} noValidate>
      <Stack gap="md">
        {sent ? (
          <Text size="sm" role="status">
            {t(resent ? `login.verify.resent.${where}` : `login.verify.sent.${where}`, {
              to: answer.sentTo,
            })}
            {!resent && answer.expiresAt
              ? ` ${t('login.verify.until', { when: dateTime(answer.expiresAt, { dateStyle: undefined }) })}`
              : ''}
          </Text>
        ) : (
          <Alert color="yellow" variant="light" role="alert">
            {t('login.verify.notSent')}
          </Alert>
        )}
        <FormAlert message={error} />
        <OneTimeCodeInput
          ref={input}
          label={t('login.verify.code')}
          description={t('login.verify.codeHelp')}
          autoFocus
          value={code}
          onChange={(digits) => {
            setCode(digits);
            setError(null);
          }}
          styles={{ input: { fontSize: 22, letterSpacing: 4, fontFamily: 'monospace' } }}
        />
        <Button type="submit" size="lg" loading={busy} fullWidth>
          {t('login.verify.button')}
        </Button>
        <Button variant="default" onClick={resend} disabled={busy || cooldown.left > 0}>
          {t('login.verify.resend')}
        </Button>
        <Text size="sm" c="dimmed">
          {cooldown.left > 0
            ? t('login.verify.resendIn', { count: cooldown.left })
            : t('login.verify.limit')}
        </Text>
        <Button variant="subtle" onClick={onCancel}>
          {t('login.backToSignIn')}
        </Button>
      </Stack>
    </form>
  );
}

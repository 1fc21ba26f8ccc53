import { Badge, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { PhoneContact } from './PhoneContact';

/**
 * The member's e-mail address and whether it is verified (issue 9, section 4): send a 6-digit
 * code, enter it, or change the address (which must be verified again); then the phone, whose
 * code the SMS provider sends (PhoneContact).
 */
export function ContactsSection() {
  const { t } = useTranslation('profile');
  const { dateTime } = useFormat();
  const { busy, run } = useBusy();
  const [status, setStatus] = useState<ContactStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [editing, setEditing] = useState(false);
  const [email, setEmail] = useState('');

  useEffect(() => {
    call('contacts:status').then(setStatus, (e: unknown) => setError(messageFor(e)));
  }, []);

  /** Runs one call; a refusal is shown above the section's buttons. */
  const attempt = (fn: () => Promise<void>) =>
    void run(async () => {
      setError(null);
      try {
        await fn();
      } catch (e) {
        setError(messageFor(e));
      }
    });

  const send = () =>
    attempt(async () => {
      const sent = await call('contacts:sendEmailCode');
      setStatus(await call('contacts:status'));
      notifySuccess(t('contacts.sent', { to: sent.sentTo }));
    });
  const verify = (event: FormEvent) => {
    event.preventDefault();
    attempt(async () => {
      await call('contacts:verifyEmail', { code });
      setCode('');
      setStatus(await call('contacts:status'));
      notifySuccess(t('contacts.verified'));
    });
  };
  const change = (event: FormEvent) => {
    event.preventDefault();
    attempt(async () => {
      setStatus(await call('contacts:changeEmail', { email }));
      setEditing(false);
    });
  };

  if (!status) return <FormAlert message={error} />;
  const pending = status.emailCodeExpiresAt !== null;
  return (
    <Stack gap="md">
      <FormAlert message={error} />
      <Group gap="sm" wrap="wrap">
        <Text fw={600}>{status.email}</Text>
        {status.emailVerifiedAt ? (
          <Badge color="teal" variant="light">
            {t('contacts.verifiedAt', { when: dateTime(status.emailVerifiedAt) })}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('contacts.notVerified')}
          </Badge>
        )}
      </Group>
      {!status.emailVerifiedAt && !status.mailAvailable && (
        <Text size="sm" c="dimmed">
          {t('contacts.mailOff')}
        </Text>
      )}
      {!status.emailVerifiedAt && status.mailAvailable && pending && (
        <form onSubmit={verify} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('contacts.code')}
              description={t('contacts.codeHelp', {
                when: dateTime(status.emailCodeExpiresAt!, { dateStyle: undefined }),
              })}
              autoComplete="one-time-code"
              inputMode="numeric"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" loading={busy} disabled={!code.trim()}>
              {t('contacts.verify')}
            </Button>
          </Group>
        </form>
      )}
      <Group gap="sm" wrap="wrap">
        {!status.emailVerifiedAt && status.mailAvailable && (
          <Button variant={pending ? 'default' : 'filled'} loading={busy} onClick={send}>
            {pending ? t('contacts.resend') : t('contacts.send')}
          </Button>
        )}
        {!editing && (
          <Button
            variant="subtle"
            onClick={() => {
              setEmail(status.email);
              setEditing(true);
            }}
          >
            {t('contacts.change')}
          </Button>
        )}
      </Group>
      {editing && (
        <form onSubmit={change} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('contacts.newEmail')}
              description={t('contacts.newEmailHelp')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              style={{ flex: '1 1 18rem' }}
            />
            <Button type="submit" loading={busy}>
              {t('contacts.save')}
            </Button>
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('contacts.cancel')}
            </Button>
          </Group>
        </form>
      )}
      <Divider label={t('phone.title')} labelPosition="left" />
      <PhoneContact status={status} onStatus={setStatus} />
    </Stack>
  );
}

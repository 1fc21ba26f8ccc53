import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';

/**
 * The member's phone and whether it is verified (issue 9, section 4): the SMS provider texts a
 * 6-digit code, the member enters it. The number itself is changed under "Your details".
 */
export function PhoneContact({
  status,
  onStatus,
}: {
  status: ContactStatus;
  onStatus: (s: ContactStatus) => void;
}) {
  const { t } = useTranslation('profile');
  const { dateTime } = useFormat();
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');

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
      const sent = await call('contacts:sendPhoneCode');
      onStatus(await call('contacts:status'));
      notifySuccess(t('phone.sent', { to: sent.sentTo }));
    });
  const verify = (event: FormEvent) => {
    event.preventDefault();
    attempt(async () => {
      await call('contacts:verifyPhone', { code });
      setCode('');
      onStatus(await call('contacts:status'));
      notifySuccess(t('phone.verified'));
    });
  };

  if (!status.phone)
    return (
      <Text size="sm" c="dimmed">
        {t('phone.none')}
      </Text>
    );
  const open = !status.phoneVerifiedAt && status.smsAvailable;
  const pending = status.phoneCodeExpiresAt !== null;
  return (
    <Stack gap="md">
      <FormAlert message={error} />
      <Group gap="sm" wrap="wrap">
        <Text fw={600}>{status.phone}</Text>
        <Badge color={status.phoneVerifiedAt ? 'teal' : 'gray'} variant="light">
          {status.phoneVerifiedAt
            ? t('contacts.verifiedAt', { when: dateTime(status.phoneVerifiedAt) })
            : t('contacts.notVerified')}
        </Badge>
      </Group>
      {!status.phoneVerifiedAt && !status.smsAvailable && (
        <Text size="sm" c="dimmed">
          {t('phone.smsOff')}
        </Text>
      )}
      {open && pending && (
        <form onSubmit={verify} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('phone.code')}
              description={t('contacts.codeHelp', {
                when: dateTime(status.phoneCodeExpiresAt!, { dateStyle: undefined }),
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
      {open && (
        <Group>
          <Button variant={pending ? 'default' : 'filled'} loading={busy} onClick={send}>
            {pending ? t('phone.resend') : t('phone.send')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

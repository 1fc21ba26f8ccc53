import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { OneTimeCodeInput } from '../../components/OneTimeCodeInput';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { ContactChangeForm } from './ContactChangeForm';
import { CONTACT_KINDS, type ContactKind } from './contact-kinds';

export interface ContactVerificationProps {
  kind: ContactKind;
  status: ContactStatus;
  onStatus: (status: ContactStatus) => void;
  /** Offer to change the address here (the phone is otherwise changed under "Your details"). */
  allowChange?: boolean;
  /** Called after a code was accepted and the new status read. */
  onVerified?: () => void;
}

/**
 * One contact of the member and whether it is verified (issue 9, section 4): send a 6-digit code
 * (by e-mail or by the SMS provider), enter it, or change the address, which must then be verified
 * again. Used by the profile and by the verify-only screen the store's policy can require.
 */
export function ContactVerification({
  kind,
  status,
  onStatus,
  allowChange = false,
  onVerified,
}: ContactVerificationProps) {
  const spec = CONTACT_KINDS[kind];
  const { t } = useTranslation('profile');
  const { dateTime } = useFormat();
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [editing, setEditing] = useState(false);

  /** Runs one call; a refusal is shown above the buttons. */
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
      const sent = await spec.send();
      onStatus(await call('contacts:status'));
      notifySuccess(t(spec.keys.sent, { to: sent.sentTo }));
    });
  const verify = (event: FormEvent) => {
    event.preventDefault();
    attempt(async () => {
      await spec.verify(code);
      setCode('');
      onStatus(await call('contacts:status'));
      notifySuccess(t(spec.keys.verified));
      onVerified?.();
    });
  };
  const change = (value: string) =>
    attempt(async () => {
      onStatus(await spec.change(value));
      setEditing(false);
    });

  const address = spec.address(status);
  const verifiedAt = spec.verifiedAt(status);
  const expiresAt = spec.codeExpiresAt(status);
  const open = address !== null && !verifiedAt && spec.available(status);
  return (
    <Stack gap="md">
      <FormAlert message={error} />
      {address === null ? ( // Only the phone can be missing.
        <Text size="sm" c="dimmed">
          {t(allowChange ? 'phone.noneHere' : 'phone.none')}
        </Text>
      ) : (
        <Group gap="sm" wrap="wrap">
          <Text fw={600}>{address}</Text>
          <Badge color={verifiedAt ? 'teal' : 'gray'} variant="light">
            {verifiedAt
              ? t('contacts.verifiedAt', { when: dateTime(verifiedAt) })
              : t('contacts.notVerified')}
          </Badge>
        </Group>
      )}
      {address !== null && !verifiedAt && !spec.available(status) && (
        <Text size="sm" c="dimmed">
          {t(spec.keys.off)}
        </Text>
      )}
      {open && expiresAt && (
        <form onSubmit={verify} noValidate>
          <Group align="flex-end" wrap="wrap">
            <OneTimeCodeInput
              label={t(spec.keys.code)}
              description={t('contacts.codeHelp', {
                when: dateTime(expiresAt, { dateStyle: undefined }),
              })}
              value={code}
              onChange={setCode}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" loading={busy} disabled={code.length !== 6}>
              {t('contacts.verify')}
            </Button>
          </Group>
        </form>
      )}
      <Group gap="sm" wrap="wrap">
        {open && (
          <Button variant={expiresAt ? 'default' : 'filled'} loading={busy} onClick={send}>
            {t(expiresAt ? spec.keys.resend : spec.keys.send)}
          </Button>
        )}
        {allowChange && !editing && (
          <Button variant="subtle" onClick={() => setEditing(true)}>
            {t(address === null && spec.keys.add ? spec.keys.add : spec.keys.change)}
          </Button>
        )}
      </Group>
      {editing && (
        <ContactChangeForm
          kind={kind}
          spec={spec}
          initial={address ?? ''}
          busy={busy}
          onSave={change}
          onCancel={() => setEditing(false)}
        />
      )}
    </Stack>
  );
}

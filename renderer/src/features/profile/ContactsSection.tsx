import { Divider, Loader, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { ContactVerification } from './ContactVerification';

/**
 * The member's e-mail address and phone and whether each is verified (issue 9, section 4): the
 * e-mail can be changed here (it must be verified again); the phone is changed under "Your
 * details", and its code is sent by the SMS provider.
 */
export function ContactsSection() {
  const { t } = useTranslation('profile');
  const [status, setStatus] = useState<ContactStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('contacts:status').then(setStatus, (e: unknown) => setError(messageFor(e)));
  }, []);

  if (error) return <FormAlert message={error} />;
  if (!status) return <Loader size="sm" aria-label={t('contacts.loading')} />;
  return (
    <Stack gap="md">
      <ContactVerification kind="email" status={status} onStatus={setStatus} allowChange />
      <Divider label={t('phone.title')} labelPosition="left" />
      <ContactVerification kind="phone" status={status} onStatus={setStatus} />
    </Stack>
  );
}

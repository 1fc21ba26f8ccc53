import { Button, Divider, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert } from '../../components/FormAlert';
import { notifyError } from '../../components/notify';
import { useSessionStore } from '../../stores/session';
import { ReauthDialog } from '../reauth/ReauthDialog';
import { ContactVerification } from './ContactVerification';

/**
 * Shown instead of the app while the store's "verified before access" policy asks for a contact
 * this member has not verified (issue 9, section 4): the session can only verify (send a code,
 * enter it, change the address), as the router enforces. Once a code is accepted the session is
 * read again and the app opens. Changing an address asks for the password (S3), hence the dialog.
 */
export function VerifyContactScreen() {
  const { t } = useTranslation('profile');
  const { t: tAuth } = useTranslation('auth');
  const required = useSessionStore((s) => s.session?.verificationRequired ?? 'either');
  const logout = useSessionStore((s) => s.logout);
  const refresh = useSessionStore((s) => s.refresh);
  const [status, setStatus] = useState<ContactStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('contacts:status').then(setStatus, (e: unknown) => setError(messageFor(e)));
  }, []);

  const part = (kind: 'email' | 'phone') =>
    status && (
      <ContactVerification
        kind={kind}
        status={status}
        onStatus={setStatus}
        allowChange
        onVerified={() => void refresh()}
      />
    );
  return (
    <AuthLayout title={t(`verifyScreen.title.${required}`)} subtitle={t('verifyScreen.subtitle')}>
      <Stack gap="md">
        <FormAlert message={error} />
        {!status && !error && <Loader size="sm" aria-label={t('contacts.loading')} />}
        {required !== 'phone' && part('email')}
        {required === 'either' && <Divider label={t('verifyScreen.or')} labelPosition="center" />}
        {required !== 'email' && part('phone')}
        {required === 'either' && (
          <Text size="sm" c="dimmed">
            {t('verifyScreen.eitherHelp')}
          </Text>
        )}
        <Button variant="subtle" onClick={() => logout().catch(notifyError)}>
          {tAuth('signOut')}
        </Button>
      </Stack>
      <ReauthDialog />
    </AuthLayout>
  );
}

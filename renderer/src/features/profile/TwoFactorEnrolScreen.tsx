import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { notifyError } from '../../components/notify';
import { useSessionStore } from '../../stores/session';
import { TwoFactorEnrol } from './TwoFactorEnrol';

/**
 * Shown instead of the app when the member's role requires two-factor sign-in and they have not
 * set it up (issue 9 section 1): the session can only enrol, as the router enforces. Once the
 * recovery codes are saved the session is read again and the app opens.
 */
export function TwoFactorEnrolScreen() {
  const { t } = useTranslation('profile');
  const { t: tAuth } = useTranslation('auth');
  const logout = useSessionStore((s) => s.logout);
  const refresh = useSessionStore((s) => s.refresh);
  return (
    <AuthLayout title={t('twoFactor.screen.title')} subtitle={t('twoFactor.screen.subtitle')}>
      <Stack gap="md">
        <TwoFactorEnrol onDone={() => void refresh()} />
        <Button variant="subtle" onClick={() => logout().catch(notifyError)}>
          {tAuth('signOut')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}

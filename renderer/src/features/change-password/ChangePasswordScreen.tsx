import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSessionStore } from '../../stores/session';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * Forced before anything else when the member signed in with a temporary password (R1). Within
 * 10 minutes of that sign-in only the new password is asked for (item 9); the admin who reset it
 * never learns the password chosen here.
 */
export function ChangePasswordScreen() {
  const { t } = useTranslation('auth');
  const logout = useSessionStore((s) => s.logout);
  const name = useSessionStore((s) => s.session?.staff.displayName ?? '');
  return (
    <AuthLayout
      title={t('changePassword.forcedTitle')}
      subtitle={t('changePassword.forcedIntro', { name })}
    >
      <Stack gap="md">
        <ChangePasswordForm
          currentPasswordHint={t('changePassword.temporaryHint')}
          onDone={() => notifySuccess(t('changePassword.welcome'))}
        />
        <Button variant="subtle" onClick={() => logout().catch(notifyError)}>
          {t('signOut')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}

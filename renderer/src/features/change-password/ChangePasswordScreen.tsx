import { Button, Stack } from '@mantine/core';
import { AuthLayout } from '../../components/AuthLayout';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSessionStore } from '../../stores/session';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * Forced before anything else when the member signed in with a temporary password (R1). The
 * admin who reset it never learns the password chosen here.
 */
export function ChangePasswordScreen() {
  const logout = useSessionStore((s) => s.logout);
  const name = useSessionStore((s) => s.session?.staff.displayName ?? '');
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle={`Welcome, ${name}. You signed in with a temporary password: choose your own to continue.`}
    >
      <Stack gap="md">
        <ChangePasswordForm
          currentPasswordHint="The temporary password you just signed in with"
          onDone={() => notifySuccess('Password changed. Welcome to Kassa.')}
        />
        <Button variant="subtle" onClick={() => logout().catch(notifyError)}>
          Sign out
        </Button>
      </Stack>
    </AuthLayout>
  );
}

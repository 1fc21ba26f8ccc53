import { Button, Stack } from '@mantine/core';
import { useNewMemberForm } from '../../forms/useNewMemberForm';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert } from '../../components/FormAlert';
import { useSessionStore } from '../../stores/session';

/**
 * First run only: creates the first admin (there are no default accounts, A6) and signs them in.
 * The main process refuses it once any staff exist, so it is never shown again.
 */
export function SetupScreen() {
  const createAdmin = useSessionStore((s) => s.createAdmin);
  const { busy, formError, onSubmit, fields } = useNewMemberForm(createAdmin);

  return (
    <AuthLayout
      title="Set up Kassa"
      subtitle="Create the first admin for this till. Kassa has no default accounts: this admin approves everyone else."
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={formError} />
          {fields}
          <Button type="submit" size="lg" loading={busy} fullWidth>
            Create admin
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert } from '../../components/FormAlert';
import { useNewMemberForm } from '../../forms/useNewMemberForm';
import { useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';

/**
 * First run, step 1 of 2: creates the first admin (there are no default accounts, A6) and signs
 * them in; step 2, the store details, follows at once (StoreSetupScreen). The main process refuses
 * this once any staff exist, so it is never shown again.
 */
export function SetupScreen() {
  const { t } = useTranslation('setup');
  const createAdmin = useSessionStore((s) => s.createAdmin);
  const requestSetup = useSettingsStore((s) => s.requestSetup);
  const { busy, formError, onSubmit, fields } = useNewMemberForm(async (input) => {
    // Asked for first, so the app never flashes between the two steps.
    requestSetup(true);
    try {
      await createAdmin(input);
    } catch (error) {
      requestSetup(false);
      throw error;
    }
  });

  return (
    <AuthLayout title={t('title')} subtitle={t('admin.subtitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={formError} />
          {fields}
          <Button type="submit" size="lg" loading={busy} fullWidth>
            {t('admin.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

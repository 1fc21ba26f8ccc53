import { Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert } from '../../components/FormAlert';
import { useNewMemberForm } from '../../forms/useNewMemberForm';
import { useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { JoinServerForm } from '../store-server/JoinServerForm';

type Place = 'local' | 'server';

/**
 * First run. A till on its own file first chooses where its data lives (issue 12, section 1):
 * "This till only" (a database on this computer, the default) or "Join a store server". Then,
 * step 1 of 2, the first admin (there are no default accounts, A6), signed in at once; step 2,
 * the store details, follows (StoreSetupScreen). A till that joined a server whose store has no
 * staff yet comes back here for the store's first admin. The core refuses both once any staff
 * exist, so this is never shown again.
 */
export function SetupScreen() {
  const { t } = useTranslation('setup');
  const onServer = useSessionStore((s) => s.status?.database === 'server');
  const [place, setPlace] = useState<Place>('local');

  return (
    <AuthLayout
      title={t('title')}
      subtitle={t(
        onServer ? 'admin.onServer' : place === 'server' ? 'join.subtitle' : 'admin.subtitle',
      )}
    >
      <Stack gap="md">
        {!onServer && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="k-setup-place">
              {t('place.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="k-setup-place"
              fullWidth
              value={place}
              onChange={(v) => setPlace(v as Place)}
              data={[
                { value: 'local', label: t('place.local') },
                { value: 'server', label: t('place.server') },
              ]}
            />
            <Text size="sm" c="dimmed">
              {t(`place.${place}Hint`)}
            </Text>
          </Stack>
        )}
        {place === 'server' && !onServer ? <JoinServerForm /> : <FirstAdminForm />}
      </Stack>
    </AuthLayout>
  );
}

/** Step 1 of 2: the first admin, signed in at once. */
function FirstAdminForm() {
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
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        {fields}
        <Button type="submit" size="lg" loading={busy} fullWidth>
          {t('admin.submit')}
        </Button>
      </Stack>
    </form>
  );
}

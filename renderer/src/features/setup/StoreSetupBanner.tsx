import { Alert, Button, Group, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can, useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';

/**
 * For a member who may change settings, while the store was never set up (the set-up after the
 * first admin was left before it was finished): says what that means and offers to finish it.
 */
export function StoreSetupBanner() {
  const { t } = useTranslation('setup');
  const notSetUp = useSettingsStore((s) => s.settings?.storeSetUp === false);
  const requestSetup = useSettingsStore((s) => s.requestSetup);
  const allowed = useSessionStore((s) => can(s.session, 'settings.manage'));
  if (!notSetUp || !allowed) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconBuildingStore size={20} />}
      title={t('banner.title')}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('banner.text')}</Text>
        <Button size="sm" onClick={() => requestSetup(true)}>
          {t('banner.action')}
        </Button>
      </Group>
    </Alert>
  );
}

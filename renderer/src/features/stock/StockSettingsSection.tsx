import { Paper, Stack, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockSettings } from '../../../../shared/contract/stock';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useLoadFollowing } from '../../hooks/useStoreChange';
import { StockSettingsForm } from './StockSettingsForm';

/**
 * Settings → Stock (issue 11, section 2; settings.manage): whether a sale may take a product's
 * stock below zero (the cart warns; the default) or is refused. Saving asks for the password again
 * (the core's reauth flag). Read again when the settings change elsewhere (issue 12); the form
 * keeps a mode the member picked meanwhile.
 */
export function StockSettingsSection() {
  const { t } = useTranslation('stock');
  const [settings, setSettings] = useState<StockSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setSettings(await call('stock:settings', {}));
      setError(null);
    } catch (caught) {
      setError(messageFor(caught));
    }
  }, []);
  useLoadFollowing('settings', load);
  const saved = (next: StockSettings) => {
    setSettings(next);
    notifySuccess(t('settings.saved'));
  };
  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-stock">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-stock">
          {t('settings.title')}
        </Title>
        <FormAlert message={error} />
        {settings && (
          <StockSettingsForm
            settings={settings}
            onSaved={saved}
            save={(input) => call('stock:updateSettings', input)}
          />
        )}
      </Stack>
    </Paper>
  );
}

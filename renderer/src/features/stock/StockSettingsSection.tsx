import { Button, Group, Paper, Radio, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NEGATIVE_STOCK_MODES,
  type NegativeStockMode,
  type StockSettings,
} from '../../../../shared/contract/stock';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';

/**
 * Settings → Stock (issue 11, section 2; settings.manage): whether a sale may take a product's
 * stock below zero (the cart warns; the default) or is refused. Saving asks for the password again
 * (the core's reauth flag).
 */
export function StockSettingsSection() {
  const { t } = useTranslation('stock');
  const [settings, setSettings] = useState<StockSettings | null>(null);
  const [mode, setMode] = useState<NegativeStockMode>('warn');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  useEffect(() => {
    call('stock:settings', {})
      .then((s) => {
        setSettings(s);
        setMode(s.negativeStock);
      })
      .catch((caught: unknown) => setError(messageFor(caught)));
  }, []);
  const save = () =>
    run(async () => {
      setError(null);
      try {
        setSettings(await call('stock:updateSettings', { negativeStock: mode }));
        notifySuccess(t('settings.saved'));
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-stock">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-stock">
          {t('settings.title')}
        </Title>
        <FormAlert message={error} />
        {settings && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <Stack gap="md">
              <Radio.Group
                label={t('settings.negative')}
                value={mode}
                onChange={(v) => setMode(v as NegativeStockMode)}
              >
                <Stack gap="xs" mt="xs">
                  {NEGATIVE_STOCK_MODES.map((m) => (
                    <Radio key={m} value={m} label={t(`settings.mode.${m}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Group justify="flex-end">
                <Button type="submit" loading={busy} disabled={mode === settings.negativeStock}>
                  {t('settings.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

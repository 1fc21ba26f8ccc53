import { Paper, Stack, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftSettings } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useLoadFollowing } from '../../hooks/useStoreChange';
import { useShiftsStore } from '../../stores/shifts';
import { DenominationsForm } from './DenominationsForm';
import { ShiftRulesForm } from './ShiftRulesForm';

/**
 * Settings → Shifts and cash (issue 10, section 1; permission settings.manage): whether sales
 * need an open shift, the over/short above which a close needs a note (store currency), and the
 * notes and coins counted in the store currency (Kassa's table for it unless edited). Saving asks
 * for the password again (the core's reauth flag). Read again when the settings change elsewhere
 * (issue 12); each form keeps the member's edits meanwhile.
 */
export function ShiftSettingsSection() {
  const { t } = useTranslation('shifts');
  const [settings, setSettings] = useState<ShiftSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setSettings(await call('shifts:settings', {}));
      setError(null);
    } catch (caught) {
      setError(messageFor(caught));
    }
  }, []);
  useLoadFollowing('settings', load);
  const saved = (next: ShiftSettings) => {
    setSettings(next);
    void useShiftsStore.getState().load();
    notifySuccess(t('settings.saved'));
  };
  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-shifts">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-shifts">
          {t('settings.title')}
        </Title>
        <FormAlert message={error} />
        {settings && (
          <ShiftRulesForm
            settings={settings}
            onSaved={saved}
            save={(input) => call('shifts:updateSettings', input)}
          />
        )}
        {settings && (
          <DenominationsForm
            settings={settings}
            onSaved={saved}
            save={(input) => call('shifts:setDenominations', input)}
          />
        )}
      </Stack>
    </Paper>
  );
}

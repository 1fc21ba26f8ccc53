import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftSettings } from '../../../../shared/contract';
import { currencyExponent, parseMoney } from '../../../../shared/money';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useShiftsStore } from '../../stores/shifts';
import { minorToText } from '../products/product-form';
import { denominationText, parseDenominations } from './denomination-text';

/**
 * Settings → Shifts and cash (issue 10, section 1; permission settings.manage): whether sales
 * need an open shift, the over/short above which a close needs a note (store currency), and the
 * notes and coins counted in the store currency (Kassa's table for it unless edited). Saving asks
 * for the password again (the core's reauth flag).
 */
export function ShiftSettingsSection() {
  const { t } = useTranslation('shifts');
  const [settings, setSettings] = useState<ShiftSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('shifts:settings', {})
      .then(setSettings)
      .catch((caught: unknown) => setError(messageFor(caught)));
  }, []);
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
          <ShiftRulesForm key={JSON.stringify(settings)} settings={settings} onSaved={saved} />
        )}
        {settings && (
          <DenominationsForm
            key={`d${JSON.stringify(settings)}`}
            settings={settings}
            onSaved={saved}
          />
        )}
      </Stack>
    </Paper>
  );
}

function ShiftRulesForm({
  settings,
  onSaved,
}: {
  settings: ShiftSettings;
  onSaved: (s: ShiftSettings) => void;
}) {
  const { t } = useTranslation('shifts');
  const exponent = currencyExponent(settings.currency);
  const [required, setRequired] = useState(settings.requireOpenShift);
  const [threshold, setThreshold] = useState(
    minorToText(settings.overShortNoteThreshold, exponent),
  );
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const minor = parseMoney(threshold, exponent);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (minor === null || minor < 0) return;
    void run(async () => {
      try {
        onSaved(
          await call('shifts:updateSettings', {
            requireOpenShift: required,
            overShortNoteThreshold: minor,
          }),
        );
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={error} />
        <Checkbox
          label={t('settings.required')}
          description={t('settings.requiredHelp')}
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
        <TextInput
          label={t('settings.threshold', { currency: settings.currency })}
          description={t('settings.thresholdHelp')}
          inputMode="decimal"
          w={260}
          value={threshold}
          error={minor === null || minor < 0 ? t('count.badAmount') : undefined}
          onChange={(e) => setThreshold(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DenominationsForm({
  settings,
  onSaved,
}: {
  settings: ShiftSettings;
  onSaved: (s: ShiftSettings) => void;
}) {
  const { t } = useTranslation('shifts');
  const exponent = currencyExponent(settings.currency);
  const [notes, setNotes] = useState(denominationText(settings.denominations, 'note', exponent));
  const [coins, setCoins] = useState(denominationText(settings.denominations, 'coin', exponent));
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const table = parseDenominations(notes, coins, exponent);
  const save = (denominations: ShiftSettings['denominations'] | null) =>
    run(async () => {
      try {
        onSaved(
          await call('shifts:setDenominations', { currency: settings.currency, denominations }),
        );
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (table && table.length > 0) void save(table);
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">{t('settings.denominationsIntro', { currency: settings.currency })}</Text>
        <FormAlert message={error} />
        <TextInput
          label={t('settings.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <TextInput
          label={t('settings.coins')}
          value={coins}
          error={table === null || table.length === 0 ? t('settings.badTable') : undefined}
          onChange={(e) => setCoins(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('settings.saveTable')}
          </Button>
          {settings.denominationsEdited && (
            <Button variant="default" onClick={() => void save(null)}>
              {t('settings.defaultTable')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

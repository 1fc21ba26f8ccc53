import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ShiftSettings } from '../../../../shared/contract';
import { currencyExponent } from '../../../../shared/money';
import { messageFor } from '../../api/messages';
import { ChangedElsewhereNotice } from '../../components/ChangedElsewhereNotice';
import { FormAlert } from '../../components/FormAlert';
import { useFollowStored } from '../../forms/useFollowStored';
import { useBusy } from '../../hooks/useBusy';
import { denominationText, parseDenominations } from './denomination-text';

interface DenominationValues {
  /** The notes as typed: "50, 20, 10" in the currency's major unit. */
  notes: string;
  /** The coins as typed: "2, 1, 0.50". */
  coins: string;
}

/** The form's values for the stored table of the store currency. */
function denominationValues(settings: ShiftSettings): DenominationValues {
  const exponent = currencyExponent(settings.currency);
  return {
    notes: denominationText(settings.denominations, 'note', exponent),
    coins: denominationText(settings.denominations, 'coin', exponent),
  };
}

/**
 * The notes and coins counted in the store currency (`shifts:setDenominations`, which answers
 * with the settings now stored), and "Use Kassa's table" once the store has its own. When the
 * settings change elsewhere the form follows them, keeping the member's edits
 * (`useFollowStored`).
 */
export function DenominationsForm({
  settings,
  onSaved,
  save,
}: {
  settings: ShiftSettings;
  onSaved: (next: ShiftSettings) => void;
  save: (input: ChannelInput<'shifts:setDenominations'>) => Promise<ShiftSettings>;
}) {
  const { t } = useTranslation('shifts');
  const exponent = currencyExponent(settings.currency);
  const tableOf = (v: DenominationValues) => {
    const table = parseDenominations(v.notes, v.coins, exponent);
    return table && table.length > 0 ? table : null;
  };
  // One rule: it holds back the submit and is shown under the coins as the member types.
  const rules = (v: DenominationValues): Partial<Record<keyof DenominationValues, string>> =>
    tableOf(v) === null ? { coins: t('settings.badTable') } : {};
  const form = useForm<DenominationValues>({
    mode: 'controlled',
    initialValues: denominationValues(settings),
    validate: rules,
  });
  const followed = useFollowStored(form, denominationValues(settings));
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  /** Saves `denominations`, or Kassa's table again for `null`. */
  const store = (denominations: ShiftSettings['denominations'] | null) =>
    run(async () => {
      setError(null);
      try {
        await followed.saving(async () => {
          const next = await save({ currency: settings.currency, denominations });
          followed.take(denominationValues(next));
          onSaved(next);
        });
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        const table = tableOf(v);
        if (table) void store(table);
      })}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">{t('settings.denominationsIntro', { currency: settings.currency })}</Text>
        <ChangedElsewhereNotice followed={followed} />
        <FormAlert message={error} />
        <TextInput label={t('settings.notes')} {...form.getInputProps('notes')} />
        <TextInput
          label={t('settings.coins')}
          {...form.getInputProps('coins')}
          error={rules(form.getValues()).coins}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('settings.saveTable')}
          </Button>
          {settings.denominationsEdited && (
            <Button variant="default" onClick={() => void store(null)}>
              {t('settings.defaultTable')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

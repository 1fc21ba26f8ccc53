import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ShiftSettings } from '../../../../shared/contract';
import { currencyExponent, parseMoney } from '../../../../shared/money';
import { messageFor } from '../../api/messages';
import { ChangedElsewhereNotice } from '../../components/ChangedElsewhereNotice';
import { FormAlert } from '../../components/FormAlert';
import { useFollowStored } from '../../forms/useFollowStored';
import { useBusy } from '../../hooks/useBusy';
import { minorToText } from '../products/product-form';

interface RulesValues {
  requireOpenShift: boolean;
  /** The over/short note threshold as typed, in the currency's major unit. */
  threshold: string;
}

/** The form's values for the stored shift rules. */
function rulesValues(settings: ShiftSettings): RulesValues {
  return {
    requireOpenShift: settings.requireOpenShift,
    threshold: minorToText(settings.overShortNoteThreshold, currencyExponent(settings.currency)),
  };
}

/**
 * Whether sales need an open shift and the over/short above which a close needs a note
 * (`shifts:updateSettings`, which answers with the settings now stored). When the settings
 * change elsewhere the form follows them, keeping the member's edits (`useFollowStored`).
 */
export function ShiftRulesForm({
  settings,
  onSaved,
  save,
}: {
  settings: ShiftSettings;
  onSaved: (next: ShiftSettings) => void;
  save: (input: ChannelInput<'shifts:updateSettings'>) => Promise<ShiftSettings>;
}) {
  const { t } = useTranslation('shifts');
  const exponent = currencyExponent(settings.currency);
  const thresholdMinor = (v: RulesValues) => {
    const minor = parseMoney(v.threshold, exponent);
    return minor === null || minor < 0 ? null : minor;
  };
  // One rule: it holds back the submit and is shown as the member types.
  const rules = (v: RulesValues): Partial<Record<keyof RulesValues, string>> =>
    thresholdMinor(v) === null ? { threshold: t('count.badAmount') } : {};
  const form = useForm<RulesValues>({
    mode: 'controlled',
    initialValues: rulesValues(settings),
    validate: rules,
  });
  const followed = useFollowStored(form, rulesValues(settings));
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const submit = (v: RulesValues) =>
    run(async () => {
      const minor = thresholdMinor(v);
      if (minor === null) return;
      setError(null);
      try {
        await followed.saving(async () => {
          const next = await save({
            requireOpenShift: v.requireOpenShift,
            overShortNoteThreshold: minor,
          });
          followed.take(rulesValues(next));
          onSaved(next);
        });
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <ChangedElsewhereNotice followed={followed} />
        <FormAlert message={error} />
        <Checkbox
          label={t('settings.required')}
          description={t('settings.requiredHelp')}
          {...form.getInputProps('requireOpenShift', { type: 'checkbox' })}
        />
        <TextInput
          label={t('settings.threshold', { currency: settings.currency })}
          description={t('settings.thresholdHelp')}
          inputMode="decimal"
          w={260}
          {...form.getInputProps('threshold')}
          error={rules(form.getValues()).threshold}
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

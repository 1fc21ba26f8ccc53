import { Button, Group, Radio, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../shared/contract';
import {
  NEGATIVE_STOCK_MODES,
  type NegativeStockMode,
  type StockSettings,
} from '../../../../shared/contract/stock';
import { messageFor } from '../../api/messages';
import { ChangedElsewhereNotice } from '../../components/ChangedElsewhereNotice';
import { FormAlert } from '../../components/FormAlert';
import { useFollowStored } from '../../forms/useFollowStored';
import { useBusy } from '../../hooks/useBusy';

/** The form's values for the stored settings. */
function stockValues(settings: StockSettings): StockSettings {
  return { negativeStock: settings.negativeStock };
}

/**
 * The negative-stock mode (`stock:updateSettings`, which answers with the settings now stored).
 * Save is on only for a mode other than the stored one. When the settings change elsewhere the
 * form follows them, keeping a mode the member picked (`useFollowStored`).
 */
export function StockSettingsForm({
  settings,
  onSaved,
  save,
}: {
  settings: StockSettings;
  onSaved: (next: StockSettings) => void;
  save: (input: ChannelInput<'stock:updateSettings'>) => Promise<StockSettings>;
}) {
  const { t } = useTranslation('stock');
  const form = useForm<StockSettings>({ mode: 'controlled', initialValues: stockValues(settings) });
  const followed = useFollowStored(form, stockValues(settings));
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const submit = (v: StockSettings) =>
    run(async () => {
      setError(null);
      try {
        await followed.saving(async () => {
          const next = await save({ negativeStock: v.negativeStock });
          followed.take(stockValues(next));
          onSaved(next);
        });
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  const mode = form.getValues().negativeStock;
  return (
    <form noValidate onSubmit={form.onSubmit((v) => void submit(v))}>
      <Stack gap="md">
        <ChangedElsewhereNotice followed={followed} />
        <FormAlert message={error} />
        <Radio.Group
          label={t('settings.negative')}
          {...form.getInputProps('negativeStock')}
          onChange={(v) => form.setFieldValue('negativeStock', v as NegativeStockMode)}
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
  );
}

import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, TillSettings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { ChangedElsewhereNotice } from '../../components/ChangedElsewhereNotice';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFollowStored } from '../../forms/useFollowStored';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useSettingsStore } from '../../stores/settings';
import { bpsToPercent } from '../products/product-form';
import { StoreFields } from './StoreFields';
import {
  changedStoreDetails,
  STORE_FIELDS,
  type StoreFormValues,
  storeFormValues,
  typedPercentBps,
  validateStoreForm,
} from './store-form';

interface SettingsValues extends StoreFormValues {
  idleLockMinutes: string;
  /** A percent as typed, e.g. "50" or "12.5"; sent as basis points. */
  maxDiscountBps: string;
  /** Open the customer display on a second monitor (issue 10, section 4). */
  customerDisplay: boolean;
}

const FIELDS = [...STORE_FIELDS, 'idleLockMinutes', 'maxDiscountBps', 'customerDisplay'] as const;

/** The form's values for the stored settings. */
function settingsValues(settings: TillSettings): SettingsValues {
  return {
    ...storeFormValues(settings),
    idleLockMinutes: String(settings.idleLockMinutes),
    maxDiscountBps: bpsToPercent(settings.maxDiscountBps),
    customerDisplay: settings.customerDisplay,
  };
}

/**
 * The `settings:update` input: only the settings that differ from the stored `settings` and that
 * the member changed since `start` (the values the form opened with). While the member edits,
 * another till may change a setting they did not touch (issue 12, section 2): the form still
 * shows its old value, which must not be sent back over the new one.
 */
export function changedSettings(
  settings: TillSettings,
  values: SettingsValues,
  start: SettingsValues = settingsValues(settings),
): ChannelInput<'settings:update'> {
  const input: ChannelInput<'settings:update'> = changedStoreDetails(settings, values);
  if (Number(values.idleLockMinutes) !== settings.idleLockMinutes)
    input.idleLockMinutes = Number(values.idleLockMinutes);
  const maxDiscountBps = typedPercentBps(values.maxDiscountBps);
  if (maxDiscountBps !== null && maxDiscountBps !== settings.maxDiscountBps)
    input.maxDiscountBps = maxDiscountBps;
  if (values.customerDisplay !== settings.customerDisplay)
    input.customerDisplay = values.customerDisplay;
  for (const key of Object.keys(input) as (keyof typeof input)[]) {
    const field = key === 'defaultTaxRateBps' ? 'defaultTaxRate' : key;
    if (values[field] === start[field]) delete input[key];
  }
  return input;
}

/**
 * The store's details, the discount limit and this till's options. Saving sends only what the
 * member changed (`changedSettings`), after re-authentication (the store's wiring). While the
 * settings change on another till, a clean form follows them and an edited one keeps the edits
 * with a notice (`useFollowStored`).
 */
export function SettingsForm({ settings }: { settings: TillSettings }) {
  const { t } = useTranslation('settings');
  const update = useSettingsStore((s) => s.update);
  const form = useForm<SettingsValues>({
    mode: 'controlled',
    initialValues: settingsValues(settings),
    validate: (values) => ({
      ...validateStoreForm(values),
      ...(typedPercentBps(values.maxDiscountBps) === null
        ? { maxDiscountBps: t('errors.discount') }
        : {}),
    }),
  });
  const followed = useFollowStored(form, settingsValues(settings));
  const values = form.getValues();
  const changes = changedSettings(settings, values, form.getInitialValues());
  // Unreadable entries change nothing yet, but Save stays on so that their errors are shown.
  const changed = Object.keys(changes).length > 0;
  const unreadable =
    typedPercentBps(values.maxDiscountBps) === null ||
    Object.keys(validateStoreForm(values)).length > 0;

  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (v) => {
    const input = changedSettings(settings, v, form.getInitialValues());
    if (Object.keys(input).length === 0) return;
    try {
      await followed.saving(async () => followed.take(settingsValues(await update(input))));
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT' && input.currency)
        throw new AppError('CONFLICT', error.message, [
          { path: 'currency', message: t('errors.currencyLocked') },
        ]);
      throw error;
    }
    const keys = Object.keys(input);
    notifySuccess(
      keys.length === 1 && keys[0] === 'idleLockMinutes' ? t('idleLockSaved') : t('saved'),
    );
  });

  const minuteOptions = Array.from({ length: 15 }, (_, i) => ({
    value: String(i + 1),
    label: t('minutes', { count: i + 1 }),
  }));

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="lg">
        <FormAlert message={formError} />
        <ChangedElsewhereNotice followed={followed} />
        <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-store">
          <Stack gap="md">
            <Title order={2} size="h4" id="settings-store">
              {t('store.title')}
            </Title>
            <StoreFields form={form as never} idPrefix="settings" />
            <TextInput
              label={t('discountLimit')}
              description={t('discountLimitHelp')}
              inputMode="decimal"
              autoComplete="off"
              {...form.getInputProps('maxDiscountBps')}
            />
          </Stack>
        </Paper>

        <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-till">
          <Stack gap="md">
            <Title order={2} size="h4" id="settings-till">
              {t('till.title')}
            </Title>
            <TextInput label={t('till.name')} value={settings.terminalName} readOnly />
            <Select
              label={t('till.lockAfter')}
              description={t('till.lockAfterHelp')}
              data={minuteOptions}
              allowDeselect={false}
              {...form.getInputProps('idleLockMinutes')}
            />
            <Checkbox
              label={t('till.customerDisplay')}
              description={t('till.customerDisplayHelp')}
              {...form.getInputProps('customerDisplay', { type: 'checkbox' })}
            />
          </Stack>
        </Paper>

        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('saveNote')}
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              disabled={!(changed || unreadable) || busy}
              onClick={() => form.reset()}
            >
              {t('undo')}
            </Button>
            <Button type="submit" loading={busy} disabled={!(changed || unreadable)}>
              {t('save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

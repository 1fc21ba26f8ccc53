import {
  Autocomplete,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo } from 'react';
import { z } from 'zod';
import {
  type ChannelInput,
  currencyCodeSchema,
  displayText,
  type TillSettings,
} from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { zodValidator } from '../../forms/validation';
import { useSettingsStore } from '../../stores/settings';
import { bpsToPercent, percentToBps } from '../products/product-form';

const MINUTE_OPTIONS = Array.from({ length: 15 }, (_, i) => {
  const minutes = String(i + 1);
  return { value: minutes, label: i === 0 ? '1 minute' : `${minutes} minutes` };
});

/** Currencies offered first; any other ISO 4217 code can be typed. */
const COMMON_CURRENCIES = [
  'GBP',
  'EUR',
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'JPY',
  'CNY',
  'INR',
  'SGD',
  'HKD',
  'ZAR',
  'AED',
  'KWD',
  'BRL',
  'MXN',
];

const currencyNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' });
  } catch {
    return null;
  }
})();

/** "Pound sterling" for GBP, or null for an unknown code. */
function currencyName(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) return null;
  const name = currencyNames?.of(c);
  return name && name !== c ? name : null;
}

/** Every IANA time zone the platform knows, plus `current` if it is missing (e.g. "UTC"). */
function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

const CURRENCY_CONFLICT =
  'The currency cannot change once sales are recorded: every amount is kept in its minor units.';

interface SettingsValues {
  idleLockMinutes: string;
  storeName: string;
  currency: string;
  pricesIncludeTax: boolean;
  timeZone: string;
  /** A percent as typed, e.g. "50" or "12.5"; sent as basis points. */
  maxDiscountBps: string;
}

const FIELDS = [
  'idleLockMinutes',
  'storeName',
  'currency',
  'pricesIncludeTax',
  'timeZone',
  'maxDiscountBps',
] as const;

const settingsFormSchema = z.object({
  storeName: displayText(80),
  currency: currencyCodeSchema,
  timeZone: z.string().trim().min(1, 'Choose a time zone'),
  maxDiscountBps: z
    .string()
    .refine((v) => percentToBps(v) !== null, 'Enter a percent from 0 to 100, e.g. 50 or 12.5'),
});

/** The `settings:update` input: only the settings that changed. */
export function changedSettings(
  settings: TillSettings,
  values: SettingsValues,
): ChannelInput<'settings:update'> {
  const input: ChannelInput<'settings:update'> = {};
  if (Number(values.idleLockMinutes) !== settings.idleLockMinutes)
    input.idleLockMinutes = Number(values.idleLockMinutes);
  if (values.storeName.trim() !== settings.storeName) input.storeName = values.storeName.trim();
  if (values.currency.trim().toUpperCase() !== settings.currency)
    input.currency = values.currency.trim().toUpperCase();
  if (values.pricesIncludeTax !== settings.pricesIncludeTax)
    input.pricesIncludeTax = values.pricesIncludeTax;
  if (values.timeZone !== settings.timeZone) input.timeZone = values.timeZone;
  const maxDiscountBps = percentToBps(values.maxDiscountBps);
  if (maxDiscountBps !== null && maxDiscountBps !== settings.maxDiscountBps)
    input.maxDiscountBps = maxDiscountBps;
  return input;
}

/**
 * Settings (permission settings.manage): the store (name, currency, whether prices include tax,
 * time zone, the largest discount without a manager) and the idle-lock time. Saving sends only what changed, and asks for the password
 * again.
 */
export function SettingsScreen() {
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        Settings
      </Title>
      <FormAlert message={loadError} />
      {!settings && !loadError && <Loader aria-label="Loading settings" />}
      {settings && <SettingsForm key={JSON.stringify(settings)} settings={settings} />}
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: TillSettings }) {
  const update = useSettingsStore((s) => s.update);
  const zones = useMemo(() => timeZones(settings.timeZone), [settings.timeZone]);
  const form = useForm<SettingsValues>({
    mode: 'controlled',
    initialValues: {
      idleLockMinutes: String(settings.idleLockMinutes),
      storeName: settings.storeName,
      currency: settings.currency,
      pricesIncludeTax: settings.pricesIncludeTax,
      timeZone: settings.timeZone,
      maxDiscountBps: bpsToPercent(settings.maxDiscountBps),
    },
    validate: zodValidator<SettingsValues>(settingsFormSchema),
  });
  const changes = changedSettings(settings, form.getValues());
  // An unreadable limit changes nothing yet, but Save stays on so that its error is shown.
  const changed =
    Object.keys(changes).length > 0 || percentToBps(form.getValues().maxDiscountBps) === null;

  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (values) => {
    const input = changedSettings(settings, values);
    if (Object.keys(input).length === 0) return;
    try {
      await update(input);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT' && input.currency)
        throw new AppError('CONFLICT', error.message, [
          { path: 'currency', message: CURRENCY_CONFLICT },
        ]);
      throw error;
    }
    const keys = Object.keys(input);
    notifySuccess(
      keys.length === 1 && keys[0] === 'idleLockMinutes' ? 'Idle lock updated.' : 'Settings saved.',
    );
  });

  const currencyHint = currencyName(form.getValues().currency);

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="lg">
        <FormAlert message={formError} />
        <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-store">
          <Stack gap="md">
            <Title order={2} size="h4" id="settings-store">
              Store
            </Title>
            <TextInput
              label="Store name"
              description="Printed at the top of receipts."
              {...form.getInputProps('storeName')}
            />
            <Autocomplete
              label="Currency"
              description={
                currencyHint
                  ? `${currencyHint}. Every amount is kept in this currency; it cannot change once a sale is recorded.`
                  : 'A three-letter ISO 4217 code. It cannot change once a sale is recorded.'
              }
              size="md"
              data={COMMON_CURRENCIES}
              maxLength={3}
              autoComplete="off"
              {...form.getInputProps('currency')}
              onChange={(value) => form.setFieldValue('currency', value.toUpperCase())}
            />
            <Stack gap={4}>
              <Switch
                label="Prices include tax"
                size="md"
                aria-describedby="settings-tax-help"
                {...form.getInputProps('pricesIncludeTax', { type: 'checkbox' })}
              />
              <Text size="sm" c="dimmed" id="settings-tax-help">
                On: shelf prices already include tax (UK, EU). Off: tax is added at the till (US).
              </Text>
            </Stack>
            <Select
              label="Time zone"
              description="Defines the store's day for the day summary and same-day voids."
              data={zones}
              searchable
              nothingFoundMessage="No such time zone"
              allowDeselect={false}
              {...form.getInputProps('timeZone')}
            />
            <TextInput
              label="Largest discount without a manager (%)"
              description="Line and sale discounts above this, and typed prices, need a manager or an admin; each one is recorded in the audit log."
              inputMode="decimal"
              autoComplete="off"
              {...form.getInputProps('maxDiscountBps')}
            />
          </Stack>
        </Paper>

        <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-till">
          <Stack gap="md">
            <Title order={2} size="h4" id="settings-till">
              This till
            </Title>
            <TextInput label="Till name" value={settings.terminalName} readOnly />
            <Select
              label="Lock the till after"
              description="The till locks itself when nobody has used it for this long."
              data={MINUTE_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('idleLockMinutes')}
            />
          </Stack>
        </Paper>

        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Saving asks for your password again. Changes are recorded in the audit log.
          </Text>
          <Group gap="sm">
            <Button variant="default" disabled={!changed || busy} onClick={() => form.reset()}>
              Undo changes
            </Button>
            <Button type="submit" loading={busy} disabled={!changed}>
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

import {
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, TillSettings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useSettingsStore } from '../../stores/settings';
import { bpsToPercent } from '../products/product-form';
import { BackupsSection } from '../backups/BackupsSection';
import { KeychainNotice } from './KeychainNotice';
import { MailSettings } from './MailSettings';
import { StoreServerSection } from '../store-server/StoreServerSection';
import { SmsSettingsSection } from './SmsSettingsSection';
import { PrintersSection } from '../printers/PrintersSection';
import { ShiftSettingsSection } from '../shifts/ShiftSettingsSection';
import { StockSettingsSection } from '../stock/StockSettingsSection';
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

/** The `settings:update` input: only the settings that changed. */
export function changedSettings(
  settings: TillSettings,
  values: SettingsValues,
): ChannelInput<'settings:update'> {
  const input: ChannelInput<'settings:update'> = changedStoreDetails(settings, values);
  if (Number(values.idleLockMinutes) !== settings.idleLockMinutes)
    input.idleLockMinutes = Number(values.idleLockMinutes);
  const maxDiscountBps = typedPercentBps(values.maxDiscountBps);
  if (maxDiscountBps !== null && maxDiscountBps !== settings.maxDiscountBps)
    input.maxDiscountBps = maxDiscountBps;
  if (values.customerDisplay !== settings.customerDisplay)
    input.customerDisplay = values.customerDisplay;
  return input;
}

/**
 * Settings (permission settings.manage): the store (what receipts print, country, currency, tax,
 * time zone, language), the largest discount without a manager, this till's idle lock, and
 * whether the customer display opens on a second monitor.
 * Saving sends only what changed, and asks for the password again.
 */
export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="lg" maw={860}>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <FormAlert message={loadError} />
      <KeychainNotice />
      {!settings && !loadError && <Loader aria-label={t('loading')} />}
      {settings && <SettingsForm key={JSON.stringify(settings)} settings={settings} />}
      {settings && <MailSettings />}
      {settings && <SmsSettingsSection />}
      {settings && <PrintersSection />}
      {settings && <ShiftSettingsSection />}
      {settings && <StockSettingsSection />}
      {settings && <BackupsSection />}
      {settings && <StoreServerSection />}
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: TillSettings }) {
  const { t } = useTranslation('settings');
  const update = useSettingsStore((s) => s.update);
  const form = useForm<SettingsValues>({
    mode: 'controlled',
    initialValues: {
      ...storeFormValues(settings),
      idleLockMinutes: String(settings.idleLockMinutes),
      maxDiscountBps: bpsToPercent(settings.maxDiscountBps),
      customerDisplay: settings.customerDisplay,
    },
    validate: (values) => ({
      ...validateStoreForm(values),
      ...(typedPercentBps(values.maxDiscountBps) === null
        ? { maxDiscountBps: t('errors.discount') }
        : {}),
    }),
  });
  const values = form.getValues();
  const changes = changedSettings(settings, values);
  // Unreadable entries change nothing yet, but Save stays on so that their errors are shown.
  const changed = Object.keys(changes).length > 0;
  const unreadable =
    typedPercentBps(values.maxDiscountBps) === null ||
    Object.keys(validateStoreForm(values)).length > 0;

  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (v) => {
    const input = changedSettings(settings, v);
    if (Object.keys(input).length === 0) return;
    try {
      await update(input);
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

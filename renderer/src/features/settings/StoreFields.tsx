import { Autocomplete, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import './store-fields.css';
import { useTranslation } from 'react-i18next';
import { type StoreFormValues, withCountryDefaults } from './store-form';
import {
  COMMON_CURRENCIES,
  countryOptions,
  currencyName,
  localeOptions,
  timeZones,
} from './store-options';

export interface StoreFieldsProps {
  form: UseFormReturnType<StoreFormValues>;
  /** Picking a country fills in its usual currency, tax, time zone and locale (first run). */
  countryFillsDefaults?: boolean;
  /** Prefix for the ids of help texts, unique per screen. */
  idPrefix: string;
}

/**
 * The store details (first-run set-up and Settings): what is printed on receipts, where the store
 * is, its money, its tax and its language. Two columns where there is room.
 */
export function StoreFields({ form, countryFillsDefaults = false, idPrefix }: StoreFieldsProps) {
  const { t } = useTranslation('settings');
  const values = form.getValues();
  // Named in the screen's language; a short list, made on each render.
  const countries = countryOptions(values.country);
  const zones = useMemo(() => timeZones(values.timeZone), [values.timeZone]);
  const locales = useMemo(() => localeOptions(values.locale), [values.locale]);
  const currencyHint = currencyName(values.currency);

  return (
    <Stack gap="md">
      <TextInput
        label={t('store.name')}
        description={t('store.nameHelp')}
        maxLength={80}
        {...form.getInputProps('storeName')}
      />
      <div className="k-store-grid">
        <Textarea
          label={t('store.address')}
          description={t('store.addressHelp')}
          rows={4}
          {...form.getInputProps('storeAddress')}
        />
        <Textarea
          label={t('store.footer')}
          description={t('store.footerHelp')}
          rows={4}
          {...form.getInputProps('receiptFooter')}
        />
        <TextInput
          label={t('store.taxNumber')}
          description={t('store.taxNumberHelp')}
          maxLength={40}
          autoComplete="off"
          {...form.getInputProps('taxNumber')}
        />
        <Select
          label={t('store.country')}
          description={countryFillsDefaults ? t('store.countryFills') : t('store.countryHelp')}
          data={countries}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('store.noCountry')}
          {...form.getInputProps('country')}
          onChange={(code) => {
            if (!code) return;
            if (countryFillsDefaults) form.setValues(withCountryDefaults(form.getValues(), code));
            else form.setFieldValue('country', code);
          }}
        />
        <Autocomplete
          label={t('store.currency')}
          description={
            currencyHint
              ? t('store.currencyNamed', { name: currencyHint })
              : t('store.currencyHelp')
          }
          data={COMMON_CURRENCIES}
          maxLength={3}
          autoComplete="off"
          {...form.getInputProps('currency')}
          onChange={(value) => form.setFieldValue('currency', value.toUpperCase())}
        />
        <TextInput
          label={t('store.taxRate')}
          description={t('store.taxRateHelp')}
          inputMode="decimal"
          autoComplete="off"
          rightSection={<Text size="sm">%</Text>}
          {...form.getInputProps('defaultTaxRate')}
        />
        <Select
          label={t('store.timeZone')}
          description={t('store.timeZoneHelp')}
          data={zones}
          searchable
          nothingFoundMessage={t('store.noTimeZone')}
          allowDeselect={false}
          {...form.getInputProps('timeZone')}
        />
        <Select
          label={t('store.locale')}
          description={t('store.localeHelp')}
          data={locales}
          allowDeselect={false}
          {...form.getInputProps('locale')}
        />
      </div>
      <Stack gap={4}>
        <Switch
          label={t('store.pricesIncludeTax')}
          size="md"
          aria-describedby={`${idPrefix}-tax-help`}
          {...form.getInputProps('pricesIncludeTax', { type: 'checkbox' })}
        />
        <Text size="sm" c="dimmed" id={`${idPrefix}-tax-help`}>
          {t('store.pricesIncludeTaxHelp')}
        </Text>
      </Stack>
    </Stack>
  );
}

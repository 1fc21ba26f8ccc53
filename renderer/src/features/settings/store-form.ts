/**
 * The store details form, shared by the first-run set-up and Settings: its values as typed, the
 * checks made before sending (each message from the `settings` catalogue, so it reads in the
 * screen's language), and the conversions to `settings:setUpStore` / `settings:update` input.
 * The contract's own schemas decide what is valid, so the screens and the core always agree.
 */
import type { z } from 'zod';
import {
  type ChannelInput,
  countryCodeSchema,
  currencyCodeSchema,
  displayText,
  localeSchema,
  storeReceiptText,
  taxNumberSchema,
  type TillSettings,
  timeZoneSchema,
} from '../../../../shared/contract';
import { t } from '../../i18n';
import { bpsToPercent, percentToBps } from '../products/product-form';
import { COUNTRY_DEFAULTS } from './store-options';

export interface StoreFormValues {
  storeName: string;
  storeAddress: string;
  taxNumber: string;
  country: string;
  currency: string;
  pricesIncludeTax: boolean;
  /** A percent as typed, "20", "7.5" or "7,5"; sent as basis points. */
  defaultTaxRate: string;
  timeZone: string;
  receiptFooter: string;
  locale: string;
}

export const STORE_FIELDS = [
  'storeName',
  'storeAddress',
  'taxNumber',
  'country',
  'currency',
  'pricesIncludeTax',
  'defaultTaxRate',
  'timeZone',
  'receiptFooter',
  'locale',
] as const;

/** The form's values from the stored settings. */
export function storeFormValues(s: TillSettings): StoreFormValues {
  return {
    storeName: s.storeName,
    storeAddress: s.storeAddress,
    taxNumber: s.taxNumber,
    country: s.country,
    currency: s.currency,
    pricesIncludeTax: s.pricesIncludeTax,
    defaultTaxRate: bpsToPercent(s.defaultTaxRateBps),
    timeZone: s.timeZone,
    receiptFooter: s.receiptFooter,
    locale: s.locale,
  };
}

/** A typed percent as basis points ("7.5" or "7,5"); null when not 0..100 with at most 2 decimals. */
export function typedPercentBps(typed: string): number | null {
  const text = typed.includes('.') ? typed : typed.replace(',', '.');
  return percentToBps(text);
}

/** The values a country usually starts with (its currency, tax, zone, locale), if Kassa knows it. */
export function withCountryDefaults(values: StoreFormValues, country: string): StoreFormValues {
  const d = COUNTRY_DEFAULTS[country];
  if (!d) return { ...values, country };
  return {
    ...values,
    country,
    currency: d.currency,
    defaultTaxRate: bpsToPercent(d.taxRateBps),
    pricesIncludeTax: d.pricesIncludeTax,
    timeZone: d.timeZone,
    locale: d.locale,
  };
}

const CHECKS: ReadonlyArray<[keyof StoreFormValues, z.ZodType, string]> = [
  ['storeName', displayText(80), 'settings:errors.storeName'],
  ['storeAddress', storeReceiptText, 'settings:errors.receiptText'],
  ['taxNumber', taxNumberSchema, 'settings:errors.taxNumber'],
  ['country', countryCodeSchema, 'settings:errors.country'],
  ['currency', currencyCodeSchema, 'settings:errors.currency'],
  ['timeZone', timeZoneSchema, 'settings:errors.timeZone'],
  ['receiptFooter', storeReceiptText, 'settings:errors.receiptText'],
  ['locale', localeSchema, 'settings:errors.locale'],
];

/** A `validate` function for @mantine/form: one translated message per field in error. */
export function validateStoreForm(values: StoreFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, schema, key] of CHECKS)
    if (!schema.safeParse(values[field]).success) errors[field] = t(key);
  if (typedPercentBps(values.defaultTaxRate) === null)
    errors.defaultTaxRate = t('settings:errors.taxRate');
  return errors;
}

/** The `settings:setUpStore` input from valid values. */
export function setUpInput(v: StoreFormValues): ChannelInput<'settings:setUpStore'> {
  return {
    storeName: v.storeName.trim(),
    storeAddress: v.storeAddress,
    taxNumber: v.taxNumber.trim(),
    country: v.country.trim().toUpperCase(),
    currency: v.currency.trim().toUpperCase(),
    pricesIncludeTax: v.pricesIncludeTax,
    defaultTaxRateBps: typedPercentBps(v.defaultTaxRate) ?? 0,
    timeZone: v.timeZone,
    receiptFooter: v.receiptFooter,
    locale: v.locale,
  };
}

/** The store details that differ from `settings` (for `settings:update`). */
export function changedStoreDetails(
  settings: TillSettings,
  v: StoreFormValues,
): ChannelInput<'settings:update'> {
  const next = setUpInput(v);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (key === 'defaultTaxRateBps' && typedPercentBps(v.defaultTaxRate) === null) continue;
    const stored = key === 'defaultTaxRateBps' ? settings.defaultTaxRateBps : settings[key];
    const normalised =
      key === 'storeAddress' || key === 'receiptFooter'
        ? (storeReceiptText.safeParse(next[key]).data ?? next[key])
        : next[key];
    if (normalised !== stored) changes[key] = next[key];
  }
  return changes as ChannelInput<'settings:update'>;
}

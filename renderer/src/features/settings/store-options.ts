/**
 * The choices the store details offer (first-run set-up and Settings): countries with what a shop
 * there usually starts with, currencies, locales and time zones. Names come from the platform's
 * CLDR data (Intl.DisplayNames) in the screen's locale; any other ISO code can still be typed
 * where the field allows it, and the core validates every value (shared/contract/settings.ts).
 */
import { currentLocale } from '../../i18n';

/** What a new store in a country usually starts with; every value can be changed. */
export interface CountryDefaults {
  currency: string;
  /** Standard VAT / sales-tax rate, basis points (public rates as of 2026). */
  taxRateBps: number;
  pricesIncludeTax: boolean;
  timeZone: string;
  locale: string;
}

/** ISO 3166-1 alpha-2 → defaults. Countries not listed keep the values already chosen. */
export const COUNTRY_DEFAULTS: Readonly<Record<string, CountryDefaults>> = {
  GB: {
    currency: 'GBP',
    taxRateBps: 2000,
    pricesIncludeTax: true,
    timeZone: 'Europe/London',
    locale: 'en-GB',
  },
  IE: {
    currency: 'EUR',
    taxRateBps: 2300,
    pricesIncludeTax: true,
    timeZone: 'Europe/Dublin',
    locale: 'en-IE',
  },
  DE: {
    currency: 'EUR',
    taxRateBps: 1900,
    pricesIncludeTax: true,
    timeZone: 'Europe/Berlin',
    locale: 'de-DE',
  },
  AT: {
    currency: 'EUR',
    taxRateBps: 2000,
    pricesIncludeTax: true,
    timeZone: 'Europe/Vienna',
    locale: 'de-AT',
  },
  CH: {
    currency: 'CHF',
    taxRateBps: 810,
    pricesIncludeTax: true,
    timeZone: 'Europe/Zurich',
    locale: 'de-CH',
  },
  LI: {
    currency: 'CHF',
    taxRateBps: 810,
    pricesIncludeTax: true,
    timeZone: 'Europe/Vaduz',
    locale: 'de-LI',
  },
  LU: {
    currency: 'EUR',
    taxRateBps: 1700,
    pricesIncludeTax: true,
    timeZone: 'Europe/Luxembourg',
    locale: 'de-LU',
  },
  NL: {
    currency: 'EUR',
    taxRateBps: 2100,
    pricesIncludeTax: true,
    timeZone: 'Europe/Amsterdam',
    locale: 'en-NL',
  },
  BE: {
    currency: 'EUR',
    taxRateBps: 2100,
    pricesIncludeTax: true,
    timeZone: 'Europe/Brussels',
    locale: 'de-BE',
  },
  FR: {
    currency: 'EUR',
    taxRateBps: 2000,
    pricesIncludeTax: true,
    timeZone: 'Europe/Paris',
    locale: 'en-FR',
  },
  DK: {
    currency: 'DKK',
    taxRateBps: 2500,
    pricesIncludeTax: true,
    timeZone: 'Europe/Copenhagen',
    locale: 'en-DK',
  },
  SE: {
    currency: 'SEK',
    taxRateBps: 2500,
    pricesIncludeTax: true,
    timeZone: 'Europe/Stockholm',
    locale: 'en-SE',
  },
  NO: {
    currency: 'NOK',
    taxRateBps: 2500,
    pricesIncludeTax: true,
    timeZone: 'Europe/Oslo',
    locale: 'en-NO',
  },
  PL: {
    currency: 'PLN',
    taxRateBps: 2300,
    pricesIncludeTax: true,
    timeZone: 'Europe/Warsaw',
    locale: 'en-PL',
  },
  US: {
    currency: 'USD',
    taxRateBps: 0,
    pricesIncludeTax: false,
    timeZone: 'America/New_York',
    locale: 'en-US',
  },
  CA: {
    currency: 'CAD',
    taxRateBps: 500,
    pricesIncludeTax: false,
    timeZone: 'America/Toronto',
    locale: 'en-CA',
  },
  AU: {
    currency: 'AUD',
    taxRateBps: 1000,
    pricesIncludeTax: true,
    timeZone: 'Australia/Sydney',
    locale: 'en-AU',
  },
  NZ: {
    currency: 'NZD',
    taxRateBps: 1500,
    pricesIncludeTax: true,
    timeZone: 'Pacific/Auckland',
    locale: 'en-NZ',
  },
  JP: {
    currency: 'JPY',
    taxRateBps: 1000,
    pricesIncludeTax: true,
    timeZone: 'Asia/Tokyo',
    locale: 'en-JP',
  },
  SG: {
    currency: 'SGD',
    taxRateBps: 900,
    pricesIncludeTax: true,
    timeZone: 'Asia/Singapore',
    locale: 'en-SG',
  },
  ZA: {
    currency: 'ZAR',
    taxRateBps: 1500,
    pricesIncludeTax: true,
    timeZone: 'Africa/Johannesburg',
    locale: 'en-ZA',
  },
  IN: {
    currency: 'INR',
    taxRateBps: 1800,
    pricesIncludeTax: true,
    timeZone: 'Asia/Kolkata',
    locale: 'en-IN',
  },
};

/** Currencies offered first; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = [
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

/** The locales offered: the languages Kassa's screens speak, in the regions shops ask for. */
export const LOCALES = ['en-GB', 'en-US', 'en-IE', 'en-AU', 'en-CA', 'de-DE', 'de-AT', 'de-CH'];

function displayNames(type: 'region' | 'currency' | 'language'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([currentLocale()], { type, fallback: 'none' });
  } catch {
    return null;
  }
}

/** "Pound sterling" for GBP (in the screen's language), or null for an unknown code. */
export function currencyName(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) return null;
  return displayNames('currency')?.of(c) ?? null;
}

/** Select options for the countries: every country with defaults, plus `current`, by name. */
export function countryOptions(current: string): { value: string; label: string }[] {
  const names = displayNames('region');
  const codes = new Set([...Object.keys(COUNTRY_DEFAULTS), current.toUpperCase()]);
  return [...codes]
    .filter((c) => /^[A-Z]{2}$/.test(c))
    .map((c) => ({ value: c, label: `${names?.of(c) ?? c} (${c})` }))
    .sort((a, b) => a.label.localeCompare(b.label, currentLocale()));
}

/** Select options for the locales, each named in its own language ("Deutsch (Österreich)"). */
export function localeOptions(current: string): { value: string; label: string }[] {
  const tags = LOCALES.includes(current) ? LOCALES : [current, ...LOCALES];
  return tags.map((tag) => {
    let label = tag;
    try {
      label = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    } catch {
      label = tag;
    }
    return { value: tag, label: `${label.charAt(0).toLocaleUpperCase(tag)}${label.slice(1)}` };
  });
}

/** Every IANA time zone the platform knows, plus `current` if it is missing (e.g. "UTC"). */
export function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

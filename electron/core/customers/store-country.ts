/**
 * The country a customer's phone is read in when typed without a country code: the store's
 * `country` setting (ISO 3166-1 alpha-2) when there is one; else the country of the store's time
 * zone, then of its currency; else GB (Kassa's default currency is GBP). One function, so the
 * `country` setting replaces the guesses the day it exists.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { EntityManager } from 'typeorm';
import { phoneCountry } from '../../../shared/phone';
import { run } from '../db/sql';

/** Settings keys read (settings table `key`). */
export const COUNTRY_SETTING_KEYS = ['country', 'time_zone', 'currency'] as const;

/** Zones whose country is unambiguous and common for Kassa's shops. */
const ZONE_COUNTRY: Record<string, CountryCode> = {
  'Europe/London': 'GB',
  'Europe/Belfast': 'GB',
  'Europe/Dublin': 'IE',
  'Europe/Berlin': 'DE',
  'Europe/Vienna': 'AT',
  'Europe/Zurich': 'CH',
  'Europe/Paris': 'FR',
  'Europe/Brussels': 'BE',
  'Europe/Amsterdam': 'NL',
  'Europe/Luxembourg': 'LU',
  'Europe/Madrid': 'ES',
  'Europe/Lisbon': 'PT',
  'Europe/Rome': 'IT',
  'Europe/Copenhagen': 'DK',
  'Europe/Oslo': 'NO',
  'Europe/Stockholm': 'SE',
  'Europe/Helsinki': 'FI',
  'Europe/Warsaw': 'PL',
  'Europe/Prague': 'CZ',
  'Europe/Budapest': 'HU',
  'Europe/Athens': 'GR',
  'America/New_York': 'US',
  'America/Chicago': 'US',
  'America/Denver': 'US',
  'America/Los_Angeles': 'US',
  'America/Toronto': 'CA',
  'America/Vancouver': 'CA',
  'Australia/Sydney': 'AU',
  'Australia/Melbourne': 'AU',
  'Pacific/Auckland': 'NZ',
  'Asia/Tokyo': 'JP',
};

/** Currencies used by one country (EUR and USD are not: the zone decides those first). */
const CURRENCY_COUNTRY: Record<string, CountryCode> = {
  GBP: 'GB',
  USD: 'US',
  CHF: 'CH',
  DKK: 'DK',
  NOK: 'NO',
  SEK: 'SE',
  PLN: 'PL',
  CZK: 'CZ',
  HUF: 'HU',
  CAD: 'CA',
  AUD: 'AU',
  NZD: 'NZ',
  JPY: 'JP',
};

/** The store's phone country from its stored settings (key → value); see the file comment. */
export function storeCountry(settings: ReadonlyMap<string, string>): CountryCode {
  return (
    phoneCountry(settings.get('country')) ??
    ZONE_COUNTRY[settings.get('time_zone') ?? ''] ??
    CURRENCY_COUNTRY[settings.get('currency') ?? ''] ??
    'GB'
  );
}

/** `storeCountry` read through `em` (inside the caller's transaction when `em` is one). */
export async function readStoreCountry(em: EntityManager): Promise<CountryCode> {
  const rows = await run<{ key: string; value: string }>(
    em,
    `SELECT key, value FROM settings WHERE key IN (${COUNTRY_SETTING_KEYS.map(() => '?').join(', ')})`,
    [...COUNTRY_SETTING_KEYS],
    { reusePlan: true },
  );
  return storeCountry(new Map(rows.map((r) => [r.key, r.value])));
}

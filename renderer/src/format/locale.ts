/**
 * Formatting at the edge, in the store's locale (i18n/index.ts `currentLocale()`): money from
 * integer minor units, counts, dates and times from UTC ISO strings. Components use
 * `useFormat()`, which re-renders when the locale changes; other code calls the functions.
 */
import { useTranslation } from 'react-i18next';
import { dateTimeFormat, numberFormat } from '../../../shared/intl-formats';
import { formatMoney } from '../../../shared/money';
import { currentLocale } from '../i18n';

/** "£12.34" / "12,34 £" from minor units and an ISO 4217 code, in the current locale. */
export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency, currentLocale());
}

/** "1,234" / "1.234". */
export function count(n: number): string {
  return numberFormat(currentLocale()).format(n);
}

/** "23 Nov 2026, 10:42" / "23.11.2026, 10:42" from a UTC ISO string. */
export function dateTime(iso: string, options: Intl.DateTimeFormatOptions = {}): string {
  return dateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...options,
  }).format(new Date(iso));
}

/**
 * The formatters bound to the current locale; using it subscribes the component to locale
 * changes (through react-i18next), so a switch to German re-formats every amount on screen.
 */
export function useFormat() {
  useTranslation();
  return { money, count, dateTime, locale: currentLocale() };
}

/**
 * Dates and times as shown on screen, in the store's locale (i18n `currentLocale()`, so a German
 * till shows "23.11.2026, 10:42") and the till's time zone. Stored values are UTC.
 */
import { dateTimeFormat } from '../../../shared/intl-formats';
import { currentLocale, t } from '../i18n';
import { dateTime } from './locale';

/** "23 Nov 2026, 10:42", or `fallback` (by default "Never", translated) when there is no value. */
export function formatDateTime(iso: string | null, fallback?: string): string {
  return iso ? dateTime(iso) : (fallback ?? t('common:never'));
}

/** "10:42". */
export function formatTime(iso: string): string {
  return dateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(new Date(iso));
}

/** True while `iso` is in the future. */
export function isFuture(iso: string | null, now: number = Date.now()): boolean {
  return iso !== null && new Date(iso).getTime() > now;
}

/**
 * Labels of the trend's buckets in the current locale: an hour `YYYY-MM-DDTHH` as "14:00", a day
 * as "23 Nov", an ISO week by its Monday ("w/c 23 Nov" through the `week` text), a month as
 * "Nov 2026". The buckets are store-local calendar values, so they are formatted in UTC and no
 * time zone can move them.
 */
import { currentLocale } from '../../i18n';
import { dateTimeFormat } from '../../../../shared/intl-formats';

export function bucketLabel(bucket: string, grain: 'hour' | 'day' | 'week' | 'month'): string {
  const locale = currentLocale();
  if (grain === 'hour')
    return dateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(`${bucket}:00:00Z`));
  if (grain === 'month')
    return dateTimeFormat(locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${bucket}-01T00:00:00Z`));
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${bucket}T00:00:00Z`));
}

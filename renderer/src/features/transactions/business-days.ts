/**
 * Business days as the renderer shows and sends them: `YYYY-MM-DD` strings, days in the store's
 * time zone. The renderer never derives a day from this computer's clock or zone: "today" comes
 * from the core (`reports:today`), and the core alone turns days into UTC ranges (issue 7 §10).
 * What is here is calendar math on the strings, done by Luxon in UTC so no zone plays a part.
 */
import { DateTime } from 'luxon';
import { currentLocale } from '../../i18n';
import { dateTimeFormat } from '../../../../shared/intl-formats';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const parse = (day: string) => DateTime.fromISO(day, { zone: 'utc' });

/** True for a real calendar day written YYYY-MM-DD. */
export function isBusinessDay(day: string): boolean {
  return DAY.test(day) && parse(day).isValid;
}

/** The day `days` after (or before, when negative) `day`. RangeError if `day` is not a day. */
export function addDays(day: string, days: number): string {
  if (!isBusinessDay(day)) throw new RangeError(`Not a day: ${day}`);
  return parse(day).plus({ days }).toISODate()!;
}

/**
 * A YYYY-MM-DD day for display in the current locale (i18n `currentLocale()`): "Monday 23 November
 * 2026" / "Montag, 23. November 2026" (`full`), "23 Nov 2026" / "23.11.2026" (`medium`). The day
 * is formatted as a calendar date in UTC, so no time zone can move it to a neighbouring day.
 * RangeError if `day` is not a day.
 */
export function formatBusinessDay(day: string, style: 'full' | 'medium' = 'full'): string {
  if (!isBusinessDay(day)) throw new RangeError(`Not a day: ${day}`);
  return dateTimeFormat(currentLocale(), { dateStyle: style, timeZone: 'UTC' }).format(
    parse(day).toJSDate(),
  );
}

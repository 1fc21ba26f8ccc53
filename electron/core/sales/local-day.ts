/**
 * Business days: calendar days (`YYYY-MM-DD`) in the store's time zone (an IANA name from the
 * settings). Times are stored in UTC; the core alone turns a business day into the UTC range it
 * covers, and fixes each sale's business day when it is made (`sales.business_date`). The renderer
 * never computes one from the computer's clock or zone. Zone rules come from Luxon over Intl, so
 * daylight-saving days have 23 or 25 hours.
 */
import { DateTime } from 'luxon';

/** The business day (YYYY-MM-DD) that the UTC instant `instant` falls on in `timeZone`. */
export function businessDay(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/**
 * The UTC range [from, to) that the business day `day` (YYYY-MM-DD) covers in `timeZone`: from
 * the start of that day to the start of the next (23, 24 or 25 hours across a DST change).
 * Throws RangeError for a day or zone Luxon cannot read (the contract validates both first).
 */
export function businessDayRange(day: string, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(day, { zone: timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`Not a day in ${timeZone}: ${day}`);
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).startOf('day').toJSDate() };
}

/**
 * The UTC range [from, to) that the business days `fromDay`..`toDay` (both included) can cover in
 * ANY time zone: IANA offsets lie between UTC−12 and UTC+14, so a sale stamped with one of these
 * days, whatever the zone was then, was made in this range. Lets a query on `business_date` keep
 * walking the `created_at` indexes after the store changes its zone.
 */
export function anyZoneRange(fromDay: string, toDay: string): { from: string; to: string } {
  const start = DateTime.fromISO(fromDay, { zone: 'utc' }).minus({ hours: 14 });
  const end = DateTime.fromISO(toDay, { zone: 'utc' }).plus({ days: 1, hours: 12 });
  return { from: start.toISO()!, to: end.toISO()! };
}

/**
 * A memo of the last day seen per zone, for writers that stamp many sales in time order (the seed,
 * the importer): an instant inside the memoised range skips the zone computation.
 */
export class BusinessDayStamper {
  private day = '';
  private from = 0;
  private to = 0;

  constructor(readonly timeZone: string) {}

  /** Same answer as `businessDay(instant, this.timeZone)`. */
  dayOf(instant: Date): string {
    const t = instant.getTime();
    if (t < this.from || t >= this.to) {
      this.day = businessDay(instant, this.timeZone);
      const range = businessDayRange(this.day, this.timeZone);
      this.from = range.from.getTime();
      this.to = range.to.getTime();
    }
    return this.day;
  }
}

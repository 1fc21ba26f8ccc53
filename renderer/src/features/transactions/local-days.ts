/**
 * Calendar days as the member picks them (YYYY-MM-DD, in this computer's local time zone) and the
 * UTC instants the core filters on. A range of days [from, to] becomes the UTC range
 * [local midnight starting `from`, local midnight after `to`), so daylight-saving days are right.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar day of `date` as YYYY-MM-DD. */
export function localDay(date: Date = new Date()): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isLocalDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return localDay(date) === day;
}

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

/** The day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return localDay(new Date(y, m, d + days));
}

/** Local midnight at the start of `day`, as a UTC ISO timestamp. */
export function startOfLocalDayUtc(day: string): string {
  const [y, m, d] = parts(day);
  return new Date(y, m, d).toISOString();
}

/** The UTC range [from, to) covering the local days `fromDay` to `toDay`, both included. */
export function localDaysToUtcRange(fromDay: string, toDay: string): { from: string; to: string } {
  return { from: startOfLocalDayUtc(fromDay), to: startOfLocalDayUtc(addDays(toDay, 1)) };
}

const longDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });

/** "Monday 23 November 2026" for a YYYY-MM-DD day. */
export function formatLocalDay(day: string): string {
  const [y, m, d] = parts(day);
  return longDay.format(new Date(y, m, d));
}

/** Dates and times as shown on screen, in the till's locale and time zone. Stored values are UTC. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "23 Nov 2026, 10:42", or `fallback` when there is no value. */
export function formatDateTime(iso: string | null, fallback = 'Never'): string {
  return iso ? dateTime.format(new Date(iso)) : fallback;
}

/** "10:42". */
export function formatTime(iso: string): string {
  return timeOnly.format(new Date(iso));
}

/** True while `iso` is in the future. */
export function isFuture(iso: string | null, now: number = Date.now()): boolean {
  return iso !== null && new Date(iso).getTime() > now;
}

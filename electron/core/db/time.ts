/**
 * Times are stored as ISO-8601 UTC strings (`Date#toISOString()`, `2026-11-23T10:00:00.000Z`) in
 * VARCHAR(24) columns: the same text on SQLite and PostgreSQL, unambiguous about the zone, and
 * ordered as text.
 */

/** `date` moved by `minutes` (negative for earlier): session, lockout and password expiries. */
export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

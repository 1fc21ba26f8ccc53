/** Times as the screens compare them. Stored values are UTC ISO strings. */

/** True while `iso` is in the future. */
export function isFuture(iso: string | null, now: number = Date.now()): boolean {
  return iso !== null && new Date(iso).getTime() > now;
}

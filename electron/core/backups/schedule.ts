/**
 * When the daily backup is due (D4): a day after the last good backup, or at the first check
 * after start-up when there never was one. Overdue: half a day past due without a good backup,
 * a standing warning to admins. The timer only asks "is it due?" by the core's clock, so the fake
 * clock drives it in tests.
 */
export const DAY_MS = 86_400_000;
/** How often the schedule asks whether a backup is due. */
export const CHECK_EVERY_MS = 10 * 60_000;
/** Grace after the due time before a missing backup is a warning. */
export const OVERDUE_AFTER_MS = 12 * 3_600_000;

/** The next daily backup's due time (UTC). */
export function nextDailyDue(lastSuccessAt: string | null, startedAt: Date): Date {
  return lastSuccessAt ? new Date(Date.parse(lastSuccessAt) + DAY_MS) : startedAt;
}

export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() - due.getTime() > OVERDUE_AFTER_MS;
}

/** Calls `tick` every `everyMs` until the returned stop function runs (the timer does not keep Node alive). */
export function every(everyMs: number, tick: () => void): () => void {
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

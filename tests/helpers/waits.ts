/**
 * Waits with a bound, for tests of things that may hang: a hang then fails the test at once and
 * says what it waited for, instead of running into Vitest's time-out.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** `promise`, or a rejection naming `what` once `ms` have passed. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves once `check()` holds, looking every 50 ms; rejects after `ms` (10 s) without. */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await sleep(50))
    if (Date.now() > end) throw new Error(`still not so after ${ms} ms`);
}

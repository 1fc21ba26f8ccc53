/**
 * Store changes (issue 12, section 2): when a till (another one, or this one) changes the
 * catalogue, the settings, the staff or stock levels, the shell says so (`onStoreChange` in the
 * API client) and this module, subscribed once by `connectStores`, has the stores read again what
 * this window has loaded (each registers with `refreshOn`): the products page and the category
 * tree, the settings, the staff list with its pending requests and roles, the stock store (the
 * low-stock badge and list, the on-hand figures on screen). A store never loaded here is left
 * alone (its screen was never open, and it may be one this member cannot read). The Settings
 * panels that keep their values in the component (mail, SMS, printers, backups) register while
 * they are open (`hooks/useStoreChange.ts`), through the same gate below.
 *
 * A busy store announces `stock` with every sale on every till, several a second. So each
 * registered read runs at most once at a time: a topic heard while it is in flight asks for one
 * more read after it (what it read may predate the change), however many topics came meanwhile.
 * A burst of N topics costs two reads, not N.
 *
 * The reads count as activity for the idle lock (S2), so a change elsewhere must not keep an
 * unattended till unlocked: while nobody has used this window for ACTIVE_WINDOW_MS (the session
 * store's last activity report), or it is locked or signed out, the topics wait and are read
 * again at the member's next reported activity.
 */
import type { StoreChangeTopic } from '../../../shared/contract/store-changes';
import { onStoreChange } from '../api/client';
import { ACTIVITY_THROTTLE_MS, useSessionStore } from './session';

/** How recent the member's last reported activity must be for a read at once (3 reports' gap). */
export const ACTIVE_WINDOW_MS = 3 * ACTIVITY_THROTTLE_MS;

/** What each topic reads again: each store registers its own (`refreshOn`). */
const refreshers = new Map<StoreChangeTopic, Set<() => unknown>>();

/**
 * Registers `refresh` to run when `topic` changed: a store calls it once, as its module loads,
 * with a function that reads again what this window has loaded of it (and nothing otherwise),
 * returning the read's promise (or nothing when there is nothing to read). The same function may
 * follow several topics: it then runs once for topics heard together. The stores register
 * themselves so this module imports none of them, and a screen's store stays in that screen's
 * chunk. A screen that keeps what it shows in its own state registers while it is mounted
 * instead (`useStoreChange`), with the function this returns to unregister.
 */
export function refreshOn(topic: StoreChangeTopic, refresh: () => unknown): () => void {
  const set = refreshers.get(topic) ?? new Set();
  set.add(refresh);
  refreshers.set(topic, set);
  return () => {
    set.delete(refresh);
    flights.delete(refresh);
  };
}

/** A registered read's state: one in flight at most, and whether another is owed after it. */
interface Flight {
  running: boolean;
  again: boolean;
}
const flights = new Map<() => unknown, Flight>();

/**
 * Runs `refresh` now, or, while an earlier run of it has not settled, once more after it (the
 * earlier run may have read before the change). Its errors are the store's to show; here they
 * only end the run.
 */
function readLatest(refresh: () => unknown): void {
  let flight = flights.get(refresh);
  if (!flight) flights.set(refresh, (flight = { running: false, again: false }));
  if (flight.running) {
    flight.again = true;
    return;
  }
  const current = flight;
  current.running = true;
  void Promise.resolve()
    .then(refresh)
    .catch(() => undefined)
    .finally(() => {
      current.running = false;
      if (!current.again) return;
      current.again = false;
      readLatest(refresh);
    });
}

const waiting = new Set<StoreChangeTopic>();

/** True while a signed-in, unlocked member has used this window lately. */
function attended(): boolean {
  const { session, lastActivityReportAt } = useSessionStore.getState();
  return (
    session !== null && !session.locked && Date.now() - lastActivityReportAt < ACTIVE_WINDOW_MS
  );
}

/** Reads the waiting topics again, if the window is attended. */
function flush(): void {
  if (!attended()) return;
  const due = new Set<() => unknown>();
  for (const topic of waiting) refreshers.get(topic)?.forEach((refresh) => due.add(refresh));
  waiting.clear();
  due.forEach(readLatest);
}

let stop: (() => void) | null = null;

/** Follows store changes from now on; once (`connectStores` calls it, maybe more than once). */
export function followStoreChanges(): void {
  if (stop) return;
  const unsubscribe = onStoreChange((topic) => {
    waiting.add(topic);
    flush();
  });
  const unfollowSession = useSessionStore.subscribe((state, previous) => {
    if (state.lastActivityReportAt !== previous.lastActivityReportAt) flush();
  });
  stop = () => {
    unsubscribe();
    unfollowSession();
  };
}

/**
 * Stops following and forgets the waiting topics and the reads in flight. For tests, which
 * replace `window.api`.
 */
export function unfollowStoreChanges(): void {
  stop?.();
  stop = null;
  waiting.clear();
  flights.clear();
}

/**
 * Store changes (issue 12, section 2): when a till (another one, or this one) changes the
 * catalogue, the settings or the staff, the shell says so (`onStoreChange` in the API client) and
 * this module, subscribed once by `connectStores`, has the stores read again what this window has
 * loaded (each registers with `refreshOn`): the products page and the category tree, the
 * settings, the staff list with its pending requests and roles. A store never loaded here is left
 * alone (its screen was never open, and it may be one this member cannot read). The Settings
 * panels that keep their values in the component (mail, SMS, printers, backups) register while
 * they are open (`hooks/useStoreChange.ts`), through the same gate below.
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
 * with a function that reads again what this window has loaded of it (and nothing otherwise).
 * The stores register themselves so this module imports none of them, and a screen's store
 * stays in that screen's chunk. A screen that keeps what it shows in its own state registers
 * while it is mounted instead (`useStoreChange`), with the function this returns to unregister.
 */
export function refreshOn(topic: StoreChangeTopic, refresh: () => unknown): () => void {
  const set = refreshers.get(topic) ?? new Set();
  set.add(refresh);
  refreshers.set(topic, set);
  return () => {
    set.delete(refresh);
  };
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
  const topics = [...waiting];
  waiting.clear();
  for (const topic of topics) refreshers.get(topic)?.forEach((refresh) => void refresh());
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

/** Stops following and forgets the waiting topics. For tests, which replace `window.api`. */
export function unfollowStoreChanges(): void {
  stop?.();
  stop = null;
  waiting.clear();
}

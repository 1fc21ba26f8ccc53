/**
 * Store changes (issue 12, section 2): when a till (another one, or this one) changes the
 * catalogue, the settings or the staff, the shell says so (`onStoreChange` in the API client) and
 * this module, subscribed once by `connectStores`, has the stores read again what this window has
 * loaded: the products page and the category tree, the settings, the staff list with its pending
 * requests and roles. A store never loaded here is left alone (its screen was never open, and it
 * may be one this member cannot read).
 *
 * The reads count as activity for the idle lock (S2), so a change elsewhere must not keep an
 * unattended till unlocked: while nobody has used this window for ACTIVE_WINDOW_MS (the session
 * store's last activity report), or it is locked or signed out, the topics wait and are read
 * again at the member's next reported activity.
 */
import type { StoreChangeTopic } from '../../../shared/contract/store-changes';
import { onStoreChange } from '../api/client';
import { useCategoriesStore } from './categories';
import { useProductsStore } from './products';
import { ACTIVITY_THROTTLE_MS, useSessionStore } from './session';
import { useSettingsStore } from './settings';
import { useStaffStore } from './staff';

/** How recent the member's last reported activity must be for a read at once (3 reports' gap). */
export const ACTIVE_WINDOW_MS = 3 * ACTIVITY_THROTTLE_MS;

/** What each topic reads again, among what this window has loaded. */
const refreshers: Record<StoreChangeTopic, () => Promise<unknown>> = {
  catalogue: () => {
    const products = useProductsStore.getState();
    const categories = useCategoriesStore.getState();
    return Promise.all([
      products.loaded ? products.load() : undefined,
      categories.loaded ? categories.load() : undefined,
    ]);
  },
  settings: async () => {
    const settings = useSettingsStore.getState();
    if (settings.settings) await settings.load();
  },
  staff: async () => {
    const staff = useStaffStore.getState();
    if (staff.loaded) await staff.init();
  },
};

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
  for (const topic of topics) void refreshers[topic]();
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

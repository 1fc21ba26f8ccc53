/**
 * Store changes (issue 12, section 2): when another till sharing the store server changes the
 * catalogue, the settings, the staff, stock levels or the store's tills, this till's screens are
 * told so they read them again, without polling. The core hears the server's notification (PostgreSQL LISTEN/NOTIFY), the shell
 * sends the main window `STORE_CHANGED_EVENT` with the topic, and the preload hands only a topic
 * of this closed list to the page (`window.api.onStoreChange`). Zod-free: the preload imports it.
 */

/**
 * What changed:
 * - `catalogue`: products (prices included) and categories;
 * - `settings`: the store's and till's settings;
 * - `staff`: staff members and roles;
 * - `stock`: products' on-hand or reorder levels: every committed stock movement (a sale, a void,
 *   a refund, goods received, an adjustment, a posted stock count) and every reorder-level change.
 *   Busy stores send several a second: a screen that follows it reads at most once at a time;
 * - `tills`: the store's tills and their shifts: a till joins or is retired, a shift opens or
 *   closes (with its Z report).
 */
export const STORE_CHANGE_TOPICS = ['catalogue', 'settings', 'staff', 'stock', 'tills'] as const;
export type StoreChangeTopic = (typeof STORE_CHANGE_TOPICS)[number];

/** The IPC event the shell sends the main window with one StoreChangeTopic as its argument. */
export const STORE_CHANGED_EVENT = 'store:changed';

/** True for a topic of STORE_CHANGE_TOPICS; anything else (a string or not) is false. */
export function isStoreChangeTopic(value: unknown): value is StoreChangeTopic {
  return (STORE_CHANGE_TOPICS as readonly unknown[]).includes(value);
}

/**
 * The stores, and the one place that connects them to the API client's global policies:
 * session problems go to the session store, REAUTH_REQUIRED opens the re-authentication dialog.
 * When the session ends or locks, any open re-authentication is cancelled and the data other
 * members must not see is dropped from memory. The store's locale follows `app:status` before
 * sign-in, and the settings are loaded as soon as a member signs in or unlocks (item 25). The
 * screens follow the store's changes made on any till (store-changes.ts).
 */
import { configureClient } from '../api/client';
import { setLocale } from '../i18n';
import { useAuditStore } from './audit';
import { cartSync } from './cart-sync';
import { useCartTakeoverStore } from './cart-takeover';
import { useNavigationStore } from './navigation';
import { useReauthStore } from './reauth';
import { selectPhase, useSessionStore } from './session';
import { useSettingsStore } from './settings';
import { useStaffStore } from './staff';
import { useStorageStore } from './storage';
import { followStoreChanges } from './store-changes';

export {
  useAuditStore,
  useCartTakeoverStore,
  useNavigationStore,
  useReauthStore,
  useSessionStore,
  useSettingsStore,
  useStaffStore,
  useStorageStore,
};
export { can, selectPhase } from './session';

/** Connects the API client's hooks to the stores. Safe to call more than once. */
export function connectStores(): void {
  configureClient({
    onSessionProblem: (error) => useSessionStore.getState().handleSessionProblem(error),
    onReauthRequired: () => useReauthStore.getState().request(),
    onStorage: (writable) => useStorageStore.getState().setWritable(writable),
    onServerAway: () => useStorageStore.getState().setServerAway(new Date().toISOString()),
    // A slow write: the banner asks the core why while it waits (StorageBanner).
    onWriteSlow: (slow) => useStorageStore.getState().setWriteSlow(slow),
    // app:status then says when and by whom: the retired screen replaces whatever showed.
    onRetired: () => void useSessionStore.getState().refreshStatus(),
  });
  cartSync.start(() => void useCartTakeoverStore.getState().check(true));
  // Other tills' changes of the catalogue, settings and staff (issue 12, section 2).
  followStoreChanges();
}

useSessionStore.subscribe((state, previous) => {
  const storage = state.status !== previous.status ? state.status?.storage : undefined;
  const problem = useStorageStore.getState().problem;
  if (storage?.reason === 'server' && storage.since)
    useStorageStore.getState().setServerAway(storage.since);
  else if (storage?.reason === 'replica' && storage.since)
    useStorageStore.getState().setHeldForReplica(storage.since);
  else if (storage && !storage.ok) useStorageStore.getState().setWritable(false);
  else if (storage?.ok && (problem?.reason === 'server' || problem?.reason === 'replica'))
    useStorageStore.getState().setWritable(true);
  // The store's language, before anyone signs in (the sign-in screen) …
  if (state.status?.locale && state.status.locale !== previous.status?.locale)
    void setLocale(state.status.locale);
  const before = previous.session;
  const after = state.session;
  if (before && (!after || after.locked) && useReauthStore.getState().open)
    useReauthStore.getState().cancel();
  if (before && (!after || after.staff.id !== before.staff.id)) {
    useStaffStore.getState().reset();
    useAuditStore.getState().reset();
    useSettingsStore.getState().reset();
    useNavigationStore.getState().reset();
  }
  // The till's cart in progress (issue 8, item 4): read it again for each member who signs in.
  if (before?.staff.id !== after?.staff.id) useCartTakeoverStore.getState().reset();
  const me = after?.staff.id;
  if (
    me !== undefined &&
    selectPhase(state) === 'ready' &&
    useCartTakeoverStore.getState().checkedFor !== me
  )
    void useCartTakeoverStore.getState().check();
  // … and all the store settings as soon as a member is in, so every screen follows them.
  if (after && !after.locked && (!before || before.locked || before.staff.id !== after.staff.id))
    void useSettingsStore.getState().load();
});

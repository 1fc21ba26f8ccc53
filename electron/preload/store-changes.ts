/**
 * `window.api.onStoreChange` (issue 12, section 2): the main preload's one subscription. The shell
 * sends `STORE_CHANGED_EVENT` with a topic when the catalogue, the settings, the staff or stock
 * levels changed (electron/main/store-changes.ts); the page's listener receives that topic and nothing else: no
 * IpcRendererEvent, no sender, and no call at all for a value outside the closed list (E2). Pure
 * and zod-free, like build-api.ts, so the preload bundle stays small and it is tested without
 * Electron.
 */
import type { IpcRenderer } from 'electron';
import {
  isStoreChangeTopic,
  STORE_CHANGED_EVENT,
  type StoreChangeTopic,
} from '../../shared/contract/store-changes';

/** Subscribes `listener` to store changes; answers the unsubscribe function. */
export type OnStoreChange = (listener: (topic: StoreChangeTopic) => void) => () => void;

/**
 * Builds `onStoreChange` over `ipc` (the preload's ipcRenderer). A listener that is not a function
 * subscribes nothing and gets a no-op unsubscribe.
 */
export function storeChangeSubscriber(
  ipc: Pick<IpcRenderer, 'on' | 'removeListener'>,
): OnStoreChange {
  return (listener) => {
    if (typeof listener !== 'function') return () => undefined;
    const relay = (_event: unknown, topic: unknown) => {
      if (isStoreChangeTopic(topic)) listener(topic);
    };
    ipc.on(STORE_CHANGED_EVENT, relay);
    return () => {
      ipc.removeListener(STORE_CHANGED_EVENT, relay);
    };
  };
}

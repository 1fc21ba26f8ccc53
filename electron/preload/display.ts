/**
 * The customer display window's preload (issue 10, section 4): read-only. It exposes
 * `window.kassaDisplay` with ONE read (`cart()`, the `display:cart` channel) and ONE subscription
 * (`onChange(listener)`, fired on the shell's "cart changed" event) and nothing else: no
 * `window.api`, no raw IPC, no event objects (E2). The router refuses every other channel from
 * this window's sender anyway (E5). Sandboxed (E1), so bundled alone like the main preload
 * (vite.display-preload.config.ts); it imports no zod.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../shared/errors';

/** Kept here as literals (not imported from the contract) so the bundle stays tiny. */
const READ_CHANNEL = 'display:cart';
const CHANGED_EVENT = 'display:changed';

contextBridge.exposeInMainWorld(
  'kassaDisplay',
  Object.freeze({
    cart: () => ipcRenderer.invoke(READ_CHANNEL, {}) as Promise<Result<unknown>>,
    onChange: (listener: () => void) => {
      if (typeof listener !== 'function') return () => undefined;
      // The IpcRendererEvent never reaches the page: the listener is called with nothing.
      const relay = () => listener();
      ipcRenderer.on(CHANGED_EVENT, relay);
      return () => {
        ipcRenderer.removeListener(CHANGED_EVENT, relay);
      };
    },
  }),
);

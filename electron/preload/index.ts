/**
 * The preload: exposes `window.api`, one named function per contract channel, plus the one
 * subscription `onStoreChange` (issue 12, section 2), and nothing else (E2; Electron security
 * checklist #20 "do not expose Electron APIs to untrusted web content"). It runs sandboxed (E1),
 * so it is bundled into ONE CommonJS file that requires only `electron` (vite.preload.config.ts).
 * It imports the zod-free channel list and topics, not the contract itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';
import { storeChangeSubscriber } from './store-changes';
import type { Result } from '../../shared/errors';

contextBridge.exposeInMainWorld(
  'api',
  Object.freeze(
    Object.assign(
      Object.create(null),
      // Only the channel name and the input cross: the IpcRendererEvent never reaches the page.
      buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>),
      { onStoreChange: storeChangeSubscriber(ipcRenderer) },
    ),
  ),
);

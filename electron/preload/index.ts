/**
 * The preload: exposes `window.api`, one named function per contract channel and nothing else
 * (E2; Electron security checklist #20 "do not expose Electron APIs to untrusted web content").
 * It runs sandboxed (E1), so it is bundled into ONE CommonJS file that requires only `electron`
 * (vite.preload.config.ts). It imports the zod-free channel list, not the contract itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';
import type { Result } from '../../shared/errors';

contextBridge.exposeInMainWorld(
  'api',
  // Only the channel name and the input cross: the IpcRendererEvent never reaches the page.
  buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>),
);

/**
 * Store changes (issue 12, section 2): the shell passes each topic the core hears
 * (`core.onStoreChange`: another till, or this one, changed the catalogue, the settings or the
 * staff) to the till's main window as the `STORE_CHANGED_EVENT` IPC event, whose only argument is
 * the topic; the main preload hands it to the page (`window.api.onStoreChange`), and the open
 * screens read what they show again.
 */
import type { BrowserWindow } from 'electron';
import type { Core } from '../core/types';
import { isStoreChangeTopic, STORE_CHANGED_EVENT } from '../../shared/contract/store-changes';

/**
 * Sends `window` every store change until it closes (or the returned function runs). Only a topic
 * of the closed list is sent, and nothing once the window is destroyed.
 */
export function forwardStoreChanges(
  core: Pick<Core, 'onStoreChange'>,
  window: Pick<BrowserWindow, 'isDestroyed' | 'once' | 'webContents'>,
): () => void {
  const contents = window.webContents;
  const stop = core.onStoreChange((topic) => {
    if (isStoreChangeTopic(topic) && !window.isDestroyed())
      contents.send(STORE_CHANGED_EVENT, topic);
  });
  window.once('closed', stop);
  return stop;
}

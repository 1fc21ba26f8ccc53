/**
 * The shell's save dialog for exports (issue 10, section 6): the core asks where to write, the
 * person picks the file here, in the window that asked, starting in their Documents folder. The
 * renderer never names a path.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { SaveDialog } from '../core/exports/save-path';

export const electronSaveDialog: SaveDialog = async ({ suggestedName, extension }, caller) => {
  const options = {
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
  };
  const window = BrowserWindow.fromId(caller.windowId);
  const picked = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  return picked.canceled || !picked.filePath ? null : picked.filePath;
};

/**
 * The shell's folder dialog for the second backup folder (issue 10, section 5): the admin picks a
 * USB drive or a network share in the window that asked, starting at the computer's drives (the
 * home folder where there are none). The core checks it can write there before answering.
 */
import { app, BrowserWindow, dialog } from 'electron';
import type { FolderDialog } from '../core/backups/folder-dialog';

export const electronFolderDialog: FolderDialog = async (caller) => {
  const options: Electron.OpenDialogOptions = {
    defaultPath: app.getPath('home'),
    properties: ['openDirectory', 'createDirectory'],
  };
  const window = BrowserWindow.fromId(caller.windowId);
  const picked = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
};

/**
 * The shell's folder dialog for the second backup folder (issue 10, section 5: "a folder the
 * admin chooses, a USB drive or a network share"). Shop staff pick a drive; they do not type paths.
 * The shell provides it (electron/main/folder-dialog.ts, Electron's `dialog.showOpenDialog`);
 * without a shell (tests, scripts) there is none and the folder is typed instead.
 */
import type { Caller } from '../types';

/**
 * Asks for a folder in the window of `caller`: the absolute path picked, or null when the person
 * closed the dialog.
 */
export type FolderDialog = (caller: Caller) => Promise<string | null>;

/**
 * Where an export is saved. The renderer never names a path (a page could otherwise write any
 * file the app may write): the shell shows its save dialog (Electron's `dialog.showSaveDialog`,
 * wired in electron/main/index.ts) and the core writes the file the person picked.
 *
 * Without a shell (tests, the browser e2e bridge, scripts) exports go to the `exports` folder
 * beside the database, under the suggested name, never replacing a file there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Caller } from '../types';

export interface SaveRequest {
  /** A file name to offer, e.g. `kassa-sales-2026-01-01_2026-12-31.csv`. */
  suggestedName: string;
  /** The format's extension without the dot (`csv`, `xlsx`). */
  extension: string;
}

/**
 * Asks where to save: the absolute path picked, or null when the person closed the dialog.
 * `caller` names the window the dialog belongs to.
 */
export type SaveDialog = (request: SaveRequest, caller: Caller) => Promise<string | null>;

/**
 * A SaveDialog that picks `<folder>/<suggested name>`, or `<stem> (2)<ext>`, `(3)` … when taken;
 * it creates the file empty (exclusively), so exports running at once never share a file.
 */
export function folderSaveDialog(folder: string): SaveDialog {
  return async ({ suggestedName }) => {
    mkdirSync(folder, { recursive: true });
    const ext = extname(suggestedName);
    const stem = suggestedName.slice(0, suggestedName.length - ext.length);
    for (let n = 1; ; n++) {
      const path = join(folder, n === 1 ? suggestedName : `${stem} (${n})${ext}`);
      try {
        writeFileSync(path, '', { flag: 'wx' });
        return path;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  };
}

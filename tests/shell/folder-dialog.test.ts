/**
 * The shell's folder dialog for the second backup folder (electron/main/folder-dialog.ts), with
 * `electron` mocked: it opens in the window that asked, lets the admin pick or create a folder,
 * and answers null when the dialog is closed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: unknown[][] = [];
let answer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
const tillWindow = { id: 1 };

vi.mock('electron', () => ({
  app: { getPath: (name: string) => `/home/till/${name === 'home' ? '' : name}` },
  BrowserWindow: { fromId: (id: number) => (id === tillWindow.id ? tillWindow : null) },
  dialog: {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(args);
      return answer;
    },
  },
}));

const { electronFolderDialog } = await import('../../electron/main/folder-dialog');
const caller = (windowId: number) => ({ origin: 'app://kassa', isTopFrame: true, windowId });

describe('the backup folder dialog', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('opens on the asking window for a folder, which may be created there', async () => {
    answer = { canceled: false, filePaths: ['/media/till/USB STICK'] };
    expect(await electronFolderDialog(caller(1))).toBe('/media/till/USB STICK');
    expect(calls).toHaveLength(1);
    const [parent, options] = calls[0] as [unknown, { properties: string[] }];
    expect(parent).toBe(tillWindow);
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
  });

  it('answers null when the dialog is closed', async () => {
    answer = { canceled: true, filePaths: [] };
    expect(await electronFolderDialog(caller(1))).toBeNull();
  });

  it('still opens (unparented) when the window is gone', async () => {
    answer = { canceled: false, filePaths: ['/mnt/share'] };
    expect(await electronFolderDialog(caller(7))).toBe('/mnt/share');
    expect(calls[0]).toHaveLength(1);
  });
});

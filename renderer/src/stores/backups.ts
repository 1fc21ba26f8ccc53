/**
 * Backups (issue 10, section 5): the status for Settings → Backups and the admins' banner, the
 * list of backup files, and the actions. `restore` ends every session (the core restarts on the
 * restored file), so it re-reads the session afterwards and the sign-in screen shows.
 */
import { create } from 'zustand';
import type { BackupEntry, BackupRun, BackupStatus, ChannelInput } from '../../../shared/contract';
import { call } from '../api/client';
import { useSessionStore } from './session';

export interface BackupsState {
  status: BackupStatus | null;
  list: BackupEntry[] | null;
  /** Reads the status (and the list when `withList`); a refusal leaves the last values. */
  load: (withList?: boolean) => Promise<void>;
  run: () => Promise<BackupRun>;
  updateSettings: (input: ChannelInput<'backups:updateSettings'>) => Promise<void>;
  restore: (input: ChannelInput<'backups:restore'>) => Promise<void>;
}

export const useBackupsStore = create<BackupsState>()((set, get) => ({
  status: null,
  list: null,
  async load(withList = false) {
    const [status, list] = await Promise.all([
      call('backups:status'),
      withList ? call('backups:list') : Promise.resolve(get().list),
    ]);
    set({ status, list });
  },
  async run() {
    const run = await call('backups:run');
    await get().load(true);
    return run;
  },
  async updateSettings(input) {
    set({ status: await call('backups:updateSettings', input) });
    await get().load(true);
  },
  async restore(input) {
    await call('backups:restore', input);
    set({ status: null, list: null });
    await useSessionStore.getState().refresh();
  },
}));

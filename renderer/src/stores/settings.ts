/**
 * The till settings store (terminal name, idle-lock minutes). Calls the API client only; a change
 * needs the password again (REAUTH_REQUIRED), which the client handles.
 */
import { create } from 'zustand';
import type { TillSettings } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { useSessionStore } from './session';

export interface SettingsState {
  settings: TillSettings | null;
  error: string | null;
  load: () => Promise<void>;
  /** Saves the idle-lock minutes; throws the AppError on failure. */
  setIdleLockMinutes: (minutes: number) => Promise<void>;
  reset: () => void;
}

/** The till settings store; see the module comment. */
export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  error: null,
  load: async () => {
    try {
      set({ settings: await call('settings:get'), error: null });
    } catch (error) {
      set({ error: messageFor(error) });
    }
  },
  setIdleLockMinutes: async (idleLockMinutes) => {
    set({ settings: await call('settings:update', { idleLockMinutes }) });
    // The session carries the idle-lock minutes too: read it again.
    await useSessionStore.getState().refresh();
  },
  reset: () => set({ settings: null, error: null }),
}));

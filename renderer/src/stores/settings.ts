/**
 * The till and store settings store (terminal name, idle-lock minutes, store name, currency and its
 * minor-unit exponent, whether prices include tax, time zone). Calls the API client only; a change
 * needs the password again (REAUTH_REQUIRED), which the client handles. Screens that format money
 * call `ensureLoaded()` and read `settings.currency` / `settings.currencyExponent`.
 */
import { create } from 'zustand';
import type { ChannelInput, TillSettings } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { useSessionStore } from './session';

export interface SettingsState {
  settings: TillSettings | null;
  error: string | null;
  load: () => Promise<void>;
  /** Saves the idle-lock minutes; throws the AppError on failure. */
  setIdleLockMinutes: (minutes: number) => Promise<void>;
  /** Loads the settings unless they are already here (for screens that format money). */
  ensureLoaded: () => Promise<void>;
  /**
   * Saves the given settings (send only the changed ones); throws the AppError on failure, e.g.
   * CONFLICT when the currency changes after the first sale.
   */
  update: (changes: ChannelInput<'settings:update'>) => Promise<TillSettings>;
  reset: () => void;
}

/** The till settings store; see the module comment. */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
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
  ensureLoaded: async () => {
    if (!get().settings) await get().load();
  },
  update: async (changes) => {
    const settings = await call('settings:update', changes);
    set({ settings, error: null });
    if (changes.idleLockMinutes !== undefined) await useSessionStore.getState().refresh();
    return settings;
  },
  reset: () => set({ settings: null, error: null }),
}));

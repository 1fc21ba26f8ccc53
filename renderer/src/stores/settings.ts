/**
 * The till and store settings store (terminal name, idle-lock minutes, the store's name, address,
 * VAT number, receipt footer, country, currency and its minor-unit exponent, tax mode and default
 * tax rate, time zone, locale, and whether the first-run store set-up is done). Calls the API
 * client only; a change needs the password again (REAUTH_REQUIRED), which the client handles.
 * Screens that format money call `ensureLoaded()` and read `settings.currency` /
 * `settings.currencyExponent`.
 *
 * The locale is applied here: whenever settings arrive (load, update, set-up), the screens switch
 * to `settings.locale` (i18n `setLocale`), so the whole app follows the store's language. The
 * stores' wiring (stores/index.ts) loads the settings as soon as a member signs in.
 */
import { create } from 'zustand';
import type { ChannelInput, TillSettings } from '../../../shared/contract';
import { call } from '../api/client';
import { refreshOn } from './store-changes';
import { messageFor } from '../api/messages';
import { setLocale } from '../i18n';
import { useSessionStore } from './session';

export interface SettingsState {
  settings: TillSettings | null;
  error: string | null;
  /**
   * True once the first admin was created in this window: the store set-up follows at once
   * (features/setup/StoreSetupGate.tsx). An admin who signs in later to a store that was never
   * set up is offered it from a banner instead.
   */
  setupRequested: boolean;
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
  /** The first-run store set-up (`settings:setUpStore`); throws the AppError on failure. */
  setUpStore: (details: ChannelInput<'settings:setUpStore'>) => Promise<TillSettings>;
  /** Shows (or stops showing) the store set-up in place of the app. */
  requestSetup: (requested: boolean) => void;
  reset: () => void;
}

/** Keeps the settings and switches the screens to their locale. */
function arrived(settings: TillSettings): Pick<SettingsState, 'settings' | 'error'> {
  void setLocale(settings.locale);
  return { settings, error: null };
}

/** The till settings store; see the module comment. */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  error: null,
  setupRequested: false,
  load: async () => {
    try {
      set(arrived(await call('settings:get')));
    } catch (error) {
      set({ error: messageFor(error) });
    }
  },
  setIdleLockMinutes: async (idleLockMinutes) => {
    set(arrived(await call('settings:update', { idleLockMinutes })));
    // The session carries the idle-lock minutes too: read it again.
    await useSessionStore.getState().refresh();
  },
  ensureLoaded: async () => {
    if (!get().settings) await get().load();
  },
  update: async (changes) => {
    const settings = await call('settings:update', changes);
    set(arrived(settings));
    if (changes.idleLockMinutes !== undefined) await useSessionStore.getState().refresh();
    return settings;
  },
  setUpStore: async (details) => {
    const settings = await call('settings:setUpStore', details);
    set({ ...arrived(settings), setupRequested: false });
    return settings;
  },
  requestSetup: (setupRequested) => set({ setupRequested }),
  reset: () => set({ settings: null, error: null, setupRequested: false }),
}));

// Another till (or this one) changed the settings: read them again (issue 12).
refreshOn('settings', () => {
  const settings = useSettingsStore.getState();
  return settings.settings ? settings.load() : undefined;
});

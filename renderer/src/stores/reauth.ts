/**
 * The re-authentication store behind the password dialog. When a sensitive action answers
 * REAUTH_REQUIRED, the API client calls `request()`: the dialog opens, and the promise resolves
 * true once the member has entered their password (the client then retries the action) or false
 * if they cancel. Concurrent requests share one dialog.
 */
import { create } from 'zustand';
import { useSessionStore } from './session';

export interface ReauthState {
  open: boolean;
  /** Opens the dialog; resolves true after a successful re-authentication, false on cancel. */
  request: () => Promise<boolean>;
  /** Re-authenticates with `password`; throws the AppError (e.g. wrong password) and stays open. */
  confirm: (password: string) => Promise<void>;
  /** Closes the dialog; the waiting action is not retried. */
  cancel: () => void;
}

let waiting: { promise: Promise<boolean>; resolve: (confirmed: boolean) => void } | null = null;

function settle(confirmed: boolean): void {
  const current = waiting;
  waiting = null;
  current?.resolve(confirmed);
}

/** The re-authentication store; see the module comment. */
export const useReauthStore = create<ReauthState>()((set) => ({
  open: false,

  request: () => {
    if (!waiting) {
      let resolve: (confirmed: boolean) => void = () => undefined;
      const promise = new Promise<boolean>((r) => {
        resolve = r;
      });
      waiting = { promise, resolve };
    }
    set({ open: true });
    return waiting.promise;
  },

  confirm: async (password) => {
    await useSessionStore.getState().reauthenticate(password);
    set({ open: false });
    settle(true);
  },

  cancel: () => {
    set({ open: false });
    settle(false);
  },
}));

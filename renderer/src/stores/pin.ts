/**
 * The till PIN (issue 9, section 5): the member's own PIN state for the profile, and the lock
 * screen's PIN unlock and quick switch. Unlock and switch answer a session, which goes to the
 * session store: a switch to another member then runs the cart question of issue 8 (stores/index.ts
 * reacts to the staff id changing).
 */
import { create } from 'zustand';
import type { PinStatus, SessionInfo, SwitchMember } from '../../../shared/contract';
import { call } from '../api/client';
import { clearToasts } from '../components/notify';
import { useSessionStore } from './session';

export interface PinState {
  status: PinStatus | null;
  members: SwitchMember[];
  loadStatus: () => Promise<void>;
  setPin: (password: string, pin: string) => Promise<void>;
  clearPin: () => Promise<void>;
  /** Who may take this till with their PIN now (pin:members). */
  loadMembers: () => Promise<void>;
  unlock: (pin: string) => Promise<void>;
  switchTo: (staffId: number, pin: string) => Promise<void>;
  reset: () => void;
}

/** A session answered by unlock or switch becomes this window's session. */
const adopt = (session: SessionInfo) => {
  // Another member takes the till: the previous one's toasts close (see clearToasts).
  if (useSessionStore.getState().session?.staff.id !== session.staff.id) clearToasts();
  useSessionStore.setState({ session, notice: null });
};

export const usePinStore = create<PinState>()((set) => ({
  status: null,
  members: [],
  loadStatus: async () => set({ status: await call('pin:status') }),
  setPin: async (password, pin) => set({ status: await call('pin:set', { password, pin }) }),
  clearPin: async () => set({ status: await call('pin:clear') }),
  loadMembers: async () => set({ members: await call('pin:members') }),
  unlock: async (pin) => {
    try {
      adopt(await call('pin:unlock', { pin }));
    } catch (error) {
      await useSessionStore.getState().refresh();
      throw error;
    }
  },
  switchTo: async (staffId, pin) => adopt(await call('pin:switch', { staffId, pin })),
  reset: () => set({ status: null, members: [] }),
}));

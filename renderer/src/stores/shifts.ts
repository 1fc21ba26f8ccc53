/**
 * The shifts store (issue 10, section 1): the till's open shift for the shift bar
 * (`shifts:current`), the store's shift settings and denomination table (`shifts:settings`), and
 * the actions of the shift: open with a counted float, paid in/out, no sale, X report, close with
 * a blind count. Amounts are minor units of the store currency. Actions throw the AppError so the
 * dialog that started them can show it (paid out and close need the password again: the API
 * client opens the re-authentication dialog on REAUTH_REQUIRED and retries by itself).
 *
 * After every action that changes the shift the current shift is read again, since another
 * window of the till may have opened or closed it.
 */
import { create } from 'zustand';
import type {
  ChannelInput,
  CurrentShift,
  ShiftFigures,
  ShiftSettings,
  ZReport,
} from '../../../shared/contract';
import type { DenominationCount } from '../../../shared/denominations';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { useSessionStore } from './session';

export type CashMovementInput = Omit<ChannelInput<'shifts:cashMovement'>, 'id'>;
export type CloseInput = Omit<ChannelInput<'shifts:close'>, 'shiftId'>;

export interface ShiftsState {
  /** The till's open shift; null when none is open (or not known yet: see `loaded`). */
  current: CurrentShift | null;
  settings: ShiftSettings | null;
  /** True once `shifts:current` has answered since the member signed in. */
  loaded: boolean;
  /** Why the shift could not be read. */
  error: string | null;
  /** Reads the open shift and the shift settings. */
  load: () => Promise<void>;
  /** Opens a shift with the float counted by denomination. */
  open: (floatCount: DenominationCount[]) => Promise<CurrentShift>;
  /** Pays cash in or out of the drawer (a fresh id per call: a retry of the call is safe). */
  cashMovement: (input: CashMovementInput, id: string) => Promise<void>;
  /** Opens the drawer without a sale; audited by the core. */
  noSale: (reason: string | null) => Promise<void>;
  /** The open shift's figures so far; changes nothing. */
  xReport: () => Promise<ShiftFigures>;
  /** Closes the open shift with the blind count; resolves to its Z report. */
  close: (input: CloseInput) => Promise<ZReport>;
  reset: () => void;
}

const initialState = () => ({
  current: null as CurrentShift | null,
  settings: null as ShiftSettings | null,
  loaded: false,
  error: null as string | null,
});

let seq = 0;

/** The shifts store; see the module comment. */
export const useShiftsStore = create<ShiftsState>()((set, get) => ({
  ...initialState(),

  load: async () => {
    const mine = ++seq;
    try {
      const [current, settings] = await Promise.all([
        call('shifts:current', {}),
        call('shifts:settings', {}),
      ]);
      if (mine === seq) set({ current, settings, loaded: true, error: null });
    } catch (error) {
      if (mine === seq) set({ loaded: true, error: messageFor(error) });
    }
  },

  open: async (floatCount) => {
    try {
      const current = await call('shifts:open', { floatCount });
      seq++;
      set({ current, error: null });
      return current;
    } catch (error) {
      await get().load(); // e.g. another window opened one meanwhile
      throw error;
    }
  },

  cashMovement: async (input, id) => {
    await call('shifts:cashMovement', { ...input, id });
  },

  noSale: async (reason) => {
    await call('shifts:noSale', { reason });
  },

  xReport: () => call('shifts:xReport', {}),

  close: async (input) => {
    const shift = get().current;
    if (!shift) throw new Error('no open shift'); // the screens only offer Close with one open
    try {
      const report = await call('shifts:close', { ...input, shiftId: shift.id });
      seq++;
      set({ current: null });
      return report;
    } catch (error) {
      await get().load();
      throw error;
    }
  },

  reset: () => {
    seq++;
    set(initialState());
  },
}));

// The shift is the till's, but what a member may see of it is theirs: read it again per member.
useSessionStore.subscribe((state, previous) => {
  if (state.session?.staff.id !== previous.session?.staff.id) useShiftsStore.getState().reset();
});

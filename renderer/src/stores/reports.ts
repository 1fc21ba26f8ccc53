/**
 * The reports store: the day summary (`reports:daySummary`) for one business day (YYYY-MM-DD in
 * the store's time zone), today by default, of the whole store or of one till. "Today" is the
 * core's (`reports:today`), never this computer's clock; previous/next day is calendar math on the
 * string. Amounts are minor units of the store currency. Calls the API client only.
 */
import { create } from 'zustand';
import type { DaySummary } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { addDays } from '../features/transactions/business-days';
import { useSessionStore } from './session';

export interface ReportsState {
  /** The business day shown, YYYY-MM-DD ('' until the core has said which day it is). */
  day: string;
  /** Today's business day from the core; null until it answered. */
  today: string | null;
  /** One till's day (its id), or the whole store's (null). */
  tillId: number | null;
  summary: DaySummary | null;
  loading: boolean;
  error: string | null;
  /** Opens the screen: asks the core for today, then shows today the first time, else the day last shown. */
  init: () => Promise<void>;
  /** Loads the summary of `day`. */
  load: () => Promise<void>;
  setDay: (day: string) => Promise<void>;
  /**
   * Chooses one till (its id), or every till (null), for both Reports tabs that filter by till:
   * a manager looking into one till keeps it from tab to tab. Reads nothing: the Shifts tab lists
   * that till's Z reports itself, and the day summary is read when its tab opens (`init`).
   */
  chooseTill: (tillId: number | null) => void;
  /** Shows one till's day (its id), or the whole store's (null): `chooseTill`, then `load`. */
  setTill: (tillId: number | null) => Promise<void>;
  /** Moves by `days` (−1: previous day, +1: next day). */
  step: (days: number) => Promise<void>;
  reset: () => void;
}

const initialState = () => ({
  day: '',
  today: null as string | null,
  tillId: null as number | null,
  summary: null as DaySummary | null,
  loading: false,
  error: null as string | null,
});

let seq = 0;

/** The reports store; see the module comment. */
export const useReportsStore = create<ReportsState>()((set, get) => ({
  ...initialState(),
  init: async () => {
    const mine = ++seq;
    set({ loading: true });
    try {
      const { date } = await call('reports:today', {});
      if (mine !== seq) return;
      set({ today: date });
      if (get().day === '') set({ day: date });
    } catch (error) {
      if (mine === seq) set({ loading: false, error: messageFor(error) });
      return;
    }
    await get().load();
  },
  load: async () => {
    const { day, tillId } = get();
    if (day === '') return; // today is not known yet: init() asks first
    const mine = ++seq;
    set({ loading: true, error: null });
    try {
      const summary = await call(
        'reports:daySummary',
        tillId === null ? { date: day } : { date: day, tillId },
      );
      if (mine === seq) set({ summary, loading: false });
    } catch (error) {
      if (mine === seq) set({ summary: null, loading: false, error: messageFor(error) });
    }
  },
  setDay: async (day) => {
    set({ day });
    await get().load();
  },
  chooseTill: (tillId) => set({ tillId }),
  setTill: async (tillId) => {
    get().chooseTill(tillId);
    await get().load();
  },
  step: async (days) => {
    if (get().day !== '') await get().setDay(addDays(get().day, days));
  },
  reset: () => {
    seq++;
    set(initialState());
  },
}));

// Figures of one member's session are not for the next one.
useSessionStore.subscribe((state, previous) => {
  if (previous.session && (!state.session || state.session.staff.id !== previous.session.staff.id))
    useReportsStore.getState().reset();
});

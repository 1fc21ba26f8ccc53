/**
 * The reports store: the day summary (`reports:daySummary`) for one calendar day, today by
 * default. Amounts are minor units of the store currency. Calls the API client only.
 */
import { create } from 'zustand';
import type { DaySummary } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { addDays, localDay } from '../features/transactions/local-days';
import { useSessionStore } from './session';

export interface ReportsState {
  /** YYYY-MM-DD. */
  day: string;
  summary: DaySummary | null;
  loading: boolean;
  error: string | null;
  /** Opens the screen: today the first time, else the day last shown. */
  init: () => Promise<void>;
  /** Loads the summary of `day`. */
  load: () => Promise<void>;
  setDay: (day: string) => Promise<void>;
  /** Moves by `days` (−1: previous day, +1: next day). */
  step: (days: number) => Promise<void>;
  reset: () => void;
}

const initialState = () => ({
  day: localDay(),
  summary: null as DaySummary | null,
  loading: false,
  error: null as string | null,
});

let seq = 0;

/** The reports store; see the module comment. */
export const useReportsStore = create<ReportsState>()((set, get) => ({
  ...initialState(),
  init: async () => {
    if (!get().summary && !get().error) set({ day: localDay() });
    await get().load();
  },
  load: async () => {
    const mine = ++seq;
    const { day } = get();
    set({ loading: true, error: null });
    try {
      const summary = await call('reports:daySummary', { date: day });
      if (mine === seq) set({ summary, loading: false });
    } catch (error) {
      if (mine === seq) set({ summary: null, loading: false, error: messageFor(error) });
    }
  },
  setDay: async (day) => {
    set({ day });
    await get().load();
  },
  step: (days) => get().setDay(addDays(get().day, days)),
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

/**
 * The Reports dashboard's store (issue 11, section 4): the range (a preset counted from the
 * core's today, or custom days), and the figures the core answers for it from its daily rollups:
 * key figures (with margin) against the previous period, the trend, the weekday × hour heatmap,
 * top products and top categories (each ranked by revenue, quantity or margin, both within the
 * category filter when one is chosen), staff performance, the tax report and customers. All
 * amounts are minor units of the store currency. A newer load wins over an older one still
 * answering. Calls the API client only.
 */
import { create } from 'zustand';
import type { ChannelOutput, TopBy } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { useSessionStore } from './session';
import {
  presetRange,
  trendGrain,
  type DayRange,
  type Preset,
} from '../features/analytics/date-presets';

export interface DashboardData {
  keyFigures: ChannelOutput<'analytics:keyFigures'>;
  trend: ChannelOutput<'analytics:trend'>;
  heatmap: ChannelOutput<'analytics:heatmap'>;
  topProducts: ChannelOutput<'analytics:topProducts'>;
  topCategories: ChannelOutput<'analytics:topCategories'>;
  staff: ChannelOutput<'analytics:staffPerformance'>;
  tax: ChannelOutput<'analytics:taxReport'>;
  customers: ChannelOutput<'analytics:customers'>;
}

export interface AnalyticsState {
  today: string | null;
  /** The preset shown, or 'custom' for typed days. */
  preset: Preset | 'custom';
  range: DayRange | null;
  topBy: TopBy;
  categoryBy: TopBy;
  /** The category (with those below it) the top lists are limited to; null: every product. */
  categoryId: number | null;
  data: DashboardData | null;
  loading: boolean;
  error: string | null;
  /** Asks the core for today, then loads this week the first time. */
  init: () => Promise<void>;
  choosePreset: (preset: Preset) => Promise<void>;
  /** Typed days; nothing is asked of the core until both are days and in order. */
  chooseRange: (range: DayRange) => Promise<void>;
  chooseTopBy: (by: TopBy) => Promise<void>;
  chooseCategoryBy: (by: TopBy) => Promise<void>;
  chooseCategory: (categoryId: number | null) => Promise<void>;
  load: () => Promise<void>;
  reset: () => void;
}

const initialState = () => ({
  today: null as string | null,
  preset: 'thisWeek' as Preset | 'custom',
  range: null as DayRange | null,
  topBy: 'revenue' as TopBy,
  categoryBy: 'revenue' as TopBy,
  categoryId: null as number | null,
  data: null as DashboardData | null,
  loading: false,
  error: null as string | null,
});

let seq = 0;

/** The dashboard store; see the module comment. */
export const useAnalyticsStore = create<AnalyticsState>()((set, get) => ({
  ...initialState(),
  init: async () => {
    try {
      const { date } = await call('reports:today', {});
      set({ today: date });
      const { preset, range } = get();
      if (!range) set({ range: presetRange(preset === 'custom' ? 'thisWeek' : preset, date) });
    } catch (error) {
      set({ error: messageFor(error) });
      return;
    }
    await get().load();
  },
  choosePreset: async (preset) => {
    const { today } = get();
    if (!today) return;
    set({ preset, range: presetRange(preset, today) });
    await get().load();
  },
  chooseRange: async (range) => {
    set({ preset: 'custom', range });
    await get().load();
  },
  chooseTopBy: async (topBy) => {
    set({ topBy });
    await get().load();
  },
  chooseCategoryBy: async (categoryBy) => {
    set({ categoryBy });
    await get().load();
  },
  chooseCategory: async (categoryId) => {
    set({ categoryId });
    await get().load();
  },
  load: async () => {
    const { range, topBy, categoryBy, categoryId } = get();
    if (!range) return;
    const mine = ++seq;
    set({ loading: true, error: null });
    const within = categoryId === null ? {} : { categoryId };
    try {
      const [keyFigures, trend, heatmap, topProducts, topCategories, staff, tax, customers] =
        await Promise.all([
          call('analytics:keyFigures', range),
          call('analytics:trend', { ...range, grain: trendGrain(range) }),
          call('analytics:heatmap', range),
          call('analytics:topProducts', { ...range, by: topBy, limit: 10, ...within }),
          call('analytics:topCategories', { ...range, by: categoryBy, limit: 10, ...within }),
          call('analytics:staffPerformance', range),
          call('analytics:taxReport', range),
          call('analytics:customers', range),
        ]);
      if (mine !== seq) return;
      set({
        data: { keyFigures, trend, heatmap, topProducts, topCategories, staff, tax, customers },
        loading: false,
      });
    } catch (error) {
      if (mine === seq) set({ loading: false, error: messageFor(error) });
    }
  },
  reset: () => {
    seq++;
    set(initialState());
  },
}));

// Another member's figures are never shown to the next one (subscribed here, not in
// stores/index.ts, so the sign-in chunk does not carry the dashboard's code).
useSessionStore.subscribe((state, previous) => {
  if (previous.session && (!state.session || state.session.staff.id !== previous.session.staff.id))
    useAnalyticsStore.getState().reset();
});

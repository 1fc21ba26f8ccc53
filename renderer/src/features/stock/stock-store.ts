/**
 * The stock store (issue 11, section 2): the low-stock count for the Products badge and the list,
 * and the on-hand of the products on screen. It calls the API client only; actions that write
 * throw the AppError so forms can show it, and refresh what they changed. When any till moves
 * stock (topic `stock`) or changes the catalogue (a product archived or made a non-stock kind
 * leaves the low-stock list), it reads again what this window has loaded (issue 12, section 2).
 */
import { create } from 'zustand';
import type { ChannelInput, StockLevel } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useSessionStore } from '../../stores/session';
import { refreshOn } from '../../stores/store-changes';

/** How many low-stock products the list shows (the badge counts them all). */
export const LOW_STOCK_PAGE = 100;

interface StockState {
  /** Products at or under their reorder level (the badge). */
  lowCount: number;
  lowItems: StockLevel[];
  /** True once the low-stock list has arrived (the badge or the list was shown here). */
  lowLoaded: boolean;
  /** On-hand and reorder level by product id, for the rows on screen. */
  levels: Record<number, StockLevel>;
  loadLow: () => Promise<void>;
  loadLevels: (productIds: readonly number[]) => Promise<void>;
  /** Loads again the on-hand of every product shown (after a stock take moved many). */
  reloadLevels: () => Promise<void>;
  /** `stock:adjust`; refreshes the product's level and the low-stock list. */
  adjust: (input: ChannelInput<'stock:adjust'>) => Promise<StockLevel>;
  /** `stock:setReorderLevel`; refreshes as `adjust` does. */
  setReorderLevel: (productId: number, reorderLevel: number | null) => Promise<StockLevel>;
  /** Forgets everything (another member signed in). */
  reset: () => void;
}

const initial = () => ({
  lowCount: 0,
  lowItems: [] as StockLevel[],
  lowLoaded: false,
  levels: {} as Record<number, StockLevel>,
});

export const useStockStore = create<StockState>()((set, get) => {
  const changed = (level: StockLevel) => {
    set((s) => ({ levels: { ...s.levels, [level.productId]: level } }));
    void get().loadLow();
    return level;
  };
  return {
    ...initial(),
    loadLow: async () => {
      try {
        const low = await call('stock:lowStock', { limit: LOW_STOCK_PAGE, offset: 0 });
        set({ lowCount: low.total, lowItems: low.items, lowLoaded: true });
      } catch {
        // The badge keeps its last count; the next load tries again.
      }
    },
    loadLevels: async (productIds) => {
      if (productIds.length === 0) return;
      try {
        const rows = await call('stock:levels', { productIds: [...productIds].slice(0, 200) });
        set((s) => ({
          levels: { ...s.levels, ...Object.fromEntries(rows.map((r) => [r.productId, r])) },
        }));
      } catch {
        // The column shows a dash until the next load.
      }
    },
    reloadLevels: () => get().loadLevels(Object.keys(get().levels).map(Number)),
    adjust: async (input) => changed(await call('stock:adjust', input)),
    setReorderLevel: async (productId, reorderLevel) =>
      changed(await call('stock:setReorderLevel', { productId, reorderLevel })),
    reset: () => set(initial()),
  };
});

// Forgets the counts when another member signs in (as the categories store does).
useSessionStore.subscribe((state, previous) => {
  if (previous.session && (!state.session || state.session.staff.id !== previous.session.staff.id))
    useStockStore.getState().reset();
});

/**
 * Reads again what this window shows of stock: the low-stock count and list once loaded, and the
 * on-hand of the products whose levels it holds (the Products rows, the Stock and receiving
 * dialogs). Nothing when neither was loaded. Forms keep what is typed: they copy a level once.
 */
function refreshStock(): Promise<unknown> | undefined {
  const stock = useStockStore.getState();
  const reads = [
    stock.lowLoaded ? stock.loadLow() : null,
    Object.keys(stock.levels).length > 0 ? stock.reloadLevels() : null,
  ].filter((read) => read !== null);
  return reads.length > 0 ? Promise.all(reads) : undefined;
}

// Any till (this one too) sold, refunded, voided, received, adjusted, counted or changed a reorder
// level, or changed the catalogue: read the figures shown again (issue 12, section 2).
refreshOn('stock', refreshStock);
refreshOn('catalogue', refreshStock);

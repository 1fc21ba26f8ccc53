/**
 * The customers store: the search results (the core ranks them: exact email/phone, then name
 * prefix, word prefix, anywhere), grown page by page with "Load more", the open customer's page
 * (details, lifetime figures, recent sales) and the actions on customers. It calls the API client
 * only. Actions throw the AppError so the dialog that started them can show it.
 */
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput, CustomerView } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { useSessionStore } from './session';

export const CUSTOMERS_PAGE_SIZE = 25;

export type CustomerDetail = ChannelOutput<'customers:get'>;

export interface CustomersState {
  search: string;
  includeArchived: boolean;
  items: CustomerView[];
  hasMore: boolean;
  loading: boolean;
  loaded: boolean;
  error: string | null;

  /** The customer whose page is open, its detail once loaded, and a load error. */
  selectedId: number | null;
  detail: CustomerDetail | null;
  detailError: string | null;

  /** Loads the first page for the current search. */
  load: () => Promise<void>;
  /** Appends the next page. */
  loadMore: () => Promise<void>;
  setFilters: (filters: { search?: string; includeArchived?: boolean }) => Promise<void>;

  /** Opens a customer's page and loads it (`customers:get`). */
  open: (id: number) => Promise<void>;
  close: () => void;

  create: (input: ChannelInput<'customers:create'>) => Promise<CustomerView>;
  update: (input: ChannelInput<'customers:update'>) => Promise<CustomerView>;
  /** Deletes a customer with no sales, archives one with sales; says which. */
  remove: (id: number) => Promise<ChannelOutput<'customers:remove'>>;
  restore: (id: number) => Promise<CustomerView>;
  importCsv: (
    input: ChannelInput<'customers:import'>,
  ) => Promise<ChannelOutput<'customers:import'>>;
  reset: () => void;
}

export const initialCustomersState = {
  search: '',
  includeArchived: false,
  items: [] as CustomerView[],
  hasMore: false,
  loading: false,
  loaded: false,
  error: null as string | null,
  selectedId: null as number | null,
  detail: null as CustomerDetail | null,
  detailError: null as string | null,
};

let loadSeq = 0;
let detailSeq = 0;

/** The customers store; see the module comment. */
export const useCustomersStore = create<CustomersState>()((set, get) => {
  const fetchPage = async (offset: number) => {
    const { search, includeArchived } = get();
    return call('customers:search', {
      search: search.trim(),
      includeArchived,
      limit: CUSTOMERS_PAGE_SIZE,
      offset,
    });
  };

  /** Reloads the list (as many rows as were shown) and the open customer after a change. */
  const refresh = async () => {
    const { selectedId } = get();
    await get().load();
    if (selectedId !== null && get().selectedId === selectedId) await get().open(selectedId);
  };

  return {
    ...initialCustomersState,

    load: async () => {
      const seq = ++loadSeq;
      set({ loading: true, error: null });
      try {
        const { items, hasMore } = await fetchPage(0);
        if (seq === loadSeq) set({ items, hasMore, loading: false, loaded: true });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, loaded: true, error: messageFor(error) });
      }
    },

    loadMore: async () => {
      const seq = ++loadSeq;
      set({ loading: true, error: null });
      try {
        const { items, hasMore } = await fetchPage(get().items.length);
        if (seq !== loadSeq) return;
        const seen = new Set(get().items.map((c) => c.id));
        set({
          items: [...get().items, ...items.filter((c) => !seen.has(c.id))],
          hasMore,
          loading: false,
        });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, error: messageFor(error) });
      }
    },

    setFilters: async (filters) => {
      set(filters);
      await get().load();
    },

    open: async (id) => {
      const seq = ++detailSeq;
      if (get().selectedId !== id) set({ selectedId: id, detail: null });
      set({ detailError: null });
      try {
        const detail = await call('customers:get', { id });
        if (seq === detailSeq) set({ detail });
      } catch (error) {
        if (seq === detailSeq) set({ detailError: messageFor(error) });
      }
    },

    close: () => {
      detailSeq++;
      set({ selectedId: null, detail: null, detailError: null });
    },

    create: async (input) => {
      const customer = await call('customers:create', input);
      await get().load();
      return customer;
    },
    update: async (input) => {
      const customer = await call('customers:update', input);
      await refresh();
      return customer;
    },
    remove: async (id) => {
      const answer = await call('customers:remove', { id });
      if (answer.outcome === 'deleted' && get().selectedId === id) get().close();
      await refresh();
      return answer;
    },
    restore: async (id) => {
      const customer = await call('customers:restore', { id });
      await refresh();
      return customer;
    },
    importCsv: async (input) => {
      const report = await call('customers:import', input);
      if (input.commit) await get().load();
      return report;
    },

    reset: () => {
      loadSeq++;
      detailSeq++;
      set(initialCustomersState);
    },
  };
});

// Another member must not see this member's customers: drop them when the session changes hands.
useSessionStore.subscribe((state, previous) => {
  if (previous.session && (!state.session || state.session.staff.id !== previous.session.staff.id))
    useCustomersStore.getState().reset();
});

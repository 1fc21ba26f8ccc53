/**
 * The transactions store: the filtered list of sales and refunds, newest first, grown a page at a
 * time with the core's keyset cursor (never an offset), the open sale's detail, and the actions on
 * it (void, refund, annotate). It calls the API client only. Actions throw the AppError so the
 * dialog that started them can show it; after a change the list and the open sale are read again.
 *
 * Days are business days (YYYY-MM-DD in the store's time zone), sent as they are; the core turns
 * them into UTC times. "Today" is the core's (`reports:today`), never this computer's clock.
 */
import { create } from 'zustand';
import type {
  ChannelInput,
  ChannelOutput,
  SaleDetail,
  SaleSummary,
} from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { useSessionStore } from './session';

export const TRANSACTIONS_PAGE_SIZE = 50;

export type SaleCursor = NonNullable<ChannelOutput<'sales:list'>['nextCursor']>;
export type SaleKind = SaleSummary['kind'];
export type SaleStatus = SaleSummary['status'];

export interface TransactionFilters {
  /** Business days, YYYY-MM-DD, both included ('' until the core has said which day it is). */
  fromDay: string;
  toDay: string;
  staffId: number | null;
  /** One till's sales (receipt numbers are per till), or every till's. */
  tillId: number | null;
  /** The chosen customer (the name is kept to show it in the picker). */
  customer: { id: number; name: string } | null;
  status: SaleStatus | null;
  kind: SaleKind | null;
  receiptNo: number | null;
}

export type ListInput = ChannelInput<'sales:list'>;

export interface TransactionsState {
  /** Today's business day from the core (`reports:today`); null until it answered. */
  today: string | null;
  filters: TransactionFilters;
  items: SaleSummary[];
  nextCursor: SaleCursor | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;

  selectedId: number | null;
  detail: SaleDetail | null;
  detailError: string | null;

  /** Opens the screen: asks the core for today, then today's list the first time, else the filters last used. */
  init: () => Promise<void>;
  /** Loads the first page for the current filters. */
  load: () => Promise<void>;
  /** Appends the page after `nextCursor`. */
  loadMore: () => Promise<void>;
  setFilters: (filters: Partial<TransactionFilters>) => Promise<void>;

  /** Opens a sale (`sales:get`). */
  open: (id: number) => Promise<void>;
  close: () => void;

  /** Voids the open sale; throws the AppError (e.g. VOID_NOT_ALLOWED). */
  voidSale: (id: number, reason: string) => Promise<SaleDetail>;
  /** Records a refund; answers the refund sale. Throws the AppError (e.g. REFUND_LIMIT). */
  refund: (input: ChannelInput<'sales:refund'>) => Promise<SaleDetail>;
  /** Changes a sale's customer and note. */
  annotate: (input: ChannelInput<'sales:annotate'>) => Promise<SaleDetail>;
  reset: () => void;
}

/** Filters for the business day `today` (from the core), no other restriction. */
export function defaultFilters(today: string): TransactionFilters {
  return {
    fromDay: today,
    toDay: today,
    staffId: null,
    tillId: null,
    customer: null,
    status: null,
    kind: null,
    receiptNo: null,
  };
}

/** The `sales:list` input (first page) for `filters`. */
export function listInput(filters: TransactionFilters): ListInput {
  const input: ListInput = {
    fromDay: filters.fromDay,
    toDay: filters.toDay,
    limit: TRANSACTIONS_PAGE_SIZE,
  };
  if (filters.staffId !== null) input.staffId = filters.staffId;
  if (filters.tillId !== null) input.tillId = filters.tillId;
  if (filters.customer) input.customerId = filters.customer.id;
  if (filters.status) input.status = filters.status;
  if (filters.kind) input.kind = filters.kind;
  if (filters.receiptNo !== null) input.receiptNo = filters.receiptNo;
  return input;
}

const initialState = () => ({
  today: null as string | null,
  filters: defaultFilters(''),
  items: [] as SaleSummary[],
  nextCursor: null as SaleCursor | null,
  loading: false,
  loaded: false,
  error: null as string | null,
  selectedId: null as number | null,
  detail: null as SaleDetail | null,
  detailError: null as string | null,
});

let loadSeq = 0;
let detailSeq = 0;
/** The input of the first page shown, so "Load more" continues the same query. */
let shownQuery: ListInput | null = null;

/** The transactions store; see the module comment. */
export const useTransactionsStore = create<TransactionsState>()((set, get) => {
  /** Reads the list again and the open sale after a change. */
  const refresh = async () => {
    const { selectedId } = get();
    await Promise.all([
      get().load(),
      selectedId !== null ? get().open(selectedId) : Promise.resolve(),
    ]);
  };

  return {
    ...initialState(),

    init: async () => {
      const seq = ++loadSeq;
      try {
        const { date } = await call('reports:today', {});
        if (seq !== loadSeq) return;
        set({ today: date });
        if (!get().loaded) set({ filters: defaultFilters(date) });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, loaded: true, error: messageFor(error) });
        return;
      }
      await get().load();
    },

    load: async () => {
      const seq = ++loadSeq;
      const { filters } = get();
      if (filters.fromDay === '') return; // today is not known yet: init() asks first
      if (filters.fromDay > filters.toDay) {
        set({ loading: false, loaded: true, items: [], nextCursor: null, error: null });
        return;
      }
      const input = listInput(filters);
      set({ loading: true, error: null });
      try {
        const page = await call('sales:list', input);
        if (seq !== loadSeq) return;
        shownQuery = input;
        set({ items: page.items, nextCursor: page.nextCursor, loading: false, loaded: true });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, loaded: true, error: messageFor(error) });
      }
    },

    loadMore: async () => {
      const { nextCursor } = get();
      if (!nextCursor || !shownQuery) return;
      const seq = ++loadSeq;
      set({ loading: true, error: null });
      try {
        const page = await call('sales:list', { ...shownQuery, cursor: nextCursor });
        if (seq !== loadSeq) return;
        const seen = new Set(get().items.map((s) => s.id));
        set({
          items: [...get().items, ...page.items.filter((s) => !seen.has(s.id))],
          nextCursor: page.nextCursor,
          loading: false,
        });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, error: messageFor(error) });
      }
    },

    setFilters: async (filters) => {
      set({ filters: { ...get().filters, ...filters } });
      await get().load();
    },

    open: async (id) => {
      const seq = ++detailSeq;
      if (get().selectedId !== id) set({ selectedId: id, detail: null });
      set({ detailError: null });
      try {
        const detail = await call('sales:get', { id });
        if (seq === detailSeq) set({ detail });
      } catch (error) {
        if (seq === detailSeq) set({ detailError: messageFor(error) });
      }
    },

    close: () => {
      detailSeq++;
      set({ selectedId: null, detail: null, detailError: null });
    },

    voidSale: async (id, reason) => {
      const voided = await call('sales:void', { id, reason });
      await refresh();
      return voided;
    },

    refund: async (input) => {
      const refund = await call('sales:refund', input);
      await refresh();
      return refund;
    },

    annotate: async (input) => {
      const sale = await call('sales:annotate', input);
      await refresh();
      return sale;
    },

    reset: () => {
      loadSeq++;
      detailSeq++;
      shownQuery = null;
      set(initialState());
    },
  };
});

// Another member must not see this member's list: drop it when the session changes hands.
useSessionStore.subscribe((state, previous) => {
  if (previous.session && (!state.session || state.session.staff.id !== previous.session.staff.id))
    useTransactionsStore.getState().reset();
});

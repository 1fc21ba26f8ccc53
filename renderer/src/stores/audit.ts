/**
 * The audit log store: newest events first, a page at a time with keyset pagination
 * (`beforeId`), narrowed by the filters the core applies (actor, action, outcome, terminal,
 * business days), the choices for those filters, and the CSV export of what the filters match.
 * Read-only; calls the API client only.
 */
import { create } from 'zustand';
import type { AuditEventView, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';

export const AUDIT_PAGE_SIZE = 50;

/** The filters as the screen holds them; unset ones are left out of the call. */
export type AuditFilters = Omit<ChannelInput<'audit:exportCsv'>, 'staffId'>;
export type AuditFilterOptions = ChannelOutput<'audit:filterOptions'>;
export type AuditExport = ChannelOutput<'audit:exportCsv'>;

export interface AuditState {
  items: AuditEventView[];
  filters: AuditFilters;
  options: AuditFilterOptions;
  /** False once a page came back shorter than AUDIT_PAGE_SIZE. */
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  /** Loads the newest page, replacing what is shown. */
  load: () => Promise<void>;
  /** Appends the next older page. */
  loadMore: () => Promise<void>;
  /** Loads the actors and terminals the filters offer. */
  loadOptions: () => Promise<void>;
  /** Changes some filters (undefined clears one) and loads the newest page. */
  setFilters: (filters: Partial<AuditFilters>) => Promise<void>;
  /** The CSV of everything the filters match; throws the AppError (REAUTH_REQUIRED if cancelled). */
  exportCsv: () => Promise<AuditExport>;
  reset: () => void;
}

export const initialAuditState = {
  items: [],
  filters: {},
  options: { actors: [], terminals: [] },
  hasMore: false,
  loading: false,
  error: null,
} satisfies Partial<AuditState>;

/** The filters with unset values dropped, as the channels take them. */
export function filterInput(filters: AuditFilters): AuditFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as AuditFilters;
}

/** Counts page loads so a slow answer for old filters cannot overwrite a newer one. */
let loadSeq = 0;

/** The audit log store; see the module comment. */
export const useAuditStore = create<AuditState>()((set, get) => {
  const fetchPage = async (beforeId: number | undefined, append: boolean) => {
    const seq = ++loadSeq;
    set({ loading: true, error: null });
    try {
      const { items } = await call('audit:list', {
        limit: AUDIT_PAGE_SIZE,
        ...filterInput(get().filters),
        ...(beforeId ? { beforeId } : {}),
      });
      if (seq !== loadSeq) return;
      set({
        items: append ? [...get().items, ...items] : items,
        hasMore: items.length === AUDIT_PAGE_SIZE,
        loading: false,
      });
    } catch (error) {
      if (seq === loadSeq) set({ loading: false, error: messageFor(error) });
    }
  };
  return {
    ...initialAuditState,
    load: () => fetchPage(undefined, false),
    loadMore: () => fetchPage(get().items.at(-1)?.id, true),
    loadOptions: async () => {
      try {
        set({ options: await call('audit:filterOptions') });
      } catch {
        // The filters then offer only "everyone" and "every till"; the list says what failed.
      }
    },
    setFilters: async (filters) => {
      set({ filters: filterInput({ ...get().filters, ...filters }) });
      await get().load();
    },
    exportCsv: () => call('audit:exportCsv', filterInput(get().filters)),
    reset: () => {
      loadSeq++;
      set(initialAuditState);
    },
  };
});

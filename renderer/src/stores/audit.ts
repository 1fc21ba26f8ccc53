/**
 * The audit log store: newest events first, loaded a page at a time with keyset pagination
 * (`beforeId`). Read-only; calls the API client only.
 */
import { create } from 'zustand';
import type { AuditEventView } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditState {
  items: AuditEventView[];
  /** False once a page came back shorter than AUDIT_PAGE_SIZE. */
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  /** Loads the newest page, replacing what is shown. */
  load: () => Promise<void>;
  /** Appends the next older page. */
  loadMore: () => Promise<void>;
  reset: () => void;
}

export const initialAuditState = {
  items: [],
  hasMore: false,
  loading: false,
  error: null,
} satisfies Partial<AuditState>;

/** The audit log store; see the module comment. */
export const useAuditStore = create<AuditState>()((set, get) => {
  const fetchPage = async (beforeId: number | undefined, append: boolean) => {
    set({ loading: true, error: null });
    try {
      const { items } = await call('audit:list', {
        limit: AUDIT_PAGE_SIZE,
        ...(beforeId ? { beforeId } : {}),
      });
      set({
        items: append ? [...get().items, ...items] : items,
        hasMore: items.length === AUDIT_PAGE_SIZE,
        loading: false,
      });
    } catch (error) {
      set({ loading: false, error: messageFor(error) });
    }
  };
  return {
    ...initialAuditState,
    load: () => fetchPage(undefined, false),
    loadMore: () => fetchPage(get().items.at(-1)?.id, true),
    reset: () => set(initialAuditState),
  };
});

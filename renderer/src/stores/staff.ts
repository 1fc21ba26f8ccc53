/**
 * The staff administration store: the filtered staff list, the pending access requests, the
 * roles, and the actions on members. It calls the API client only. Actions throw the AppError so
 * the dialog that started them can show it; after a change the list and the pending requests are
 * loaded again.
 *
 * A temporary password (new member or reset) is kept in `revealed` until the admin closes it,
 * then dropped: it is shown once and can never be shown again.
 */
import { create } from 'zustand';
import type {
  ChannelInput,
  ChannelOutput,
  RoleView,
  StaffStatus,
  StaffView,
} from '../../../shared/contract';
import type { RoleId } from '../../../shared/permissions';
import { call } from '../api/client';
import { refreshOn } from './store-changes';
import { messageFor } from '../api/messages';

export const STAFF_PAGE_SIZE = 25;

export interface StaffFilters {
  status: StaffStatus | null;
  role: RoleId | null;
  search: string;
}

/** A temporary password on its single showing. */
export interface RevealedPassword {
  staff: StaffView;
  temporaryPassword: string;
  expiresAt: string;
  reason: 'created' | 'reset';
}

export type DeleteOutcome = ChannelOutput<'staff:delete'>;

export interface StaffState {
  filters: StaffFilters;
  page: number;
  items: StaffView[];
  total: number;
  loading: boolean;
  /** True once a page was asked for (the staff screen is or was open in this window). */
  loaded: boolean;
  /** Human message when the list could not be loaded. */
  error: string | null;
  pending: StaffView[];
  /** How many requests wait: the Staff navigation badge (kept up to date by `loadPendingCount`). */
  pendingCount: number;
  roles: RoleView[];
  revealed: RevealedPassword | null;

  /** Loads roles, the pending requests and the first page. */
  init: () => Promise<void>;
  /** Loads the current page with the current filters. */
  load: () => Promise<void>;
  loadPending: () => Promise<void>;
  /** Reads only the count of waiting requests (a poll that does not count as activity, S2). */
  loadPendingCount: () => Promise<void>;
  loadRoles: () => Promise<void>;
  /** Changes some filters, goes back to the first page and loads. */
  setFilters: (filters: Partial<StaffFilters>) => Promise<void>;
  setPage: (page: number) => Promise<void>;

  /** Approves a pending request, as `role` when given (a different role needs staff.manage). */
  approve: (id: number, role?: RoleId) => Promise<StaffView>;
  reject: (id: number) => Promise<StaffView>;
  create: (input: ChannelInput<'staff:create'>) => Promise<StaffView>;
  update: (input: ChannelInput<'staff:update'>) => Promise<StaffView>;
  setRole: (id: number, role: RoleId) => Promise<StaffView>;
  disable: (id: number) => Promise<StaffView>;
  enable: (id: number) => Promise<StaffView>;
  unlock: (id: number) => Promise<StaffView>;
  remove: (id: number) => Promise<DeleteOutcome>;
  resetPassword: (id: number) => Promise<StaffView>;
  endSessions: (id: number) => Promise<number>;
  /** Forgets the temporary password on show. */
  dismissRevealed: () => void;
  /** Drops everything, e.g. at sign-out. */
  reset: () => void;
}

export const initialStaffState = {
  filters: { status: null, role: null, search: '' },
  page: 0,
  items: [],
  total: 0,
  loading: false,
  loaded: false,
  error: null,
  pending: [],
  pendingCount: 0,
  roles: [],
  revealed: null,
} satisfies Partial<StaffState>;

/** The input for `staff:list`: only the filters that are set. */
export function listInput(filters: StaffFilters, page: number): ChannelInput<'staff:list'> {
  const search = filters.search.trim();
  return {
    limit: STAFF_PAGE_SIZE,
    offset: page * STAFF_PAGE_SIZE,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(search ? { search } : {}),
  };
}

/** How many access requests wait for a decision: the Staff navigation item's badge. */
export const selectPendingCount = (s: Pick<StaffState, 'pendingCount'>): number => s.pendingCount;

/** Counts list loads so a slow answer cannot overwrite a newer one. */
let loadSeq = 0;

/** The staff store; see the module comment. */
export const useStaffStore = create<StaffState>()((set, get) => {
  /** Runs a change, then reloads the list and the pending requests. */
  const change = async <T>(action: () => Promise<T>): Promise<T> => {
    const result = await action();
    // Roles too: their member counts move with a new, approved, re-roled or deleted member.
    await Promise.all([get().load(), get().loadPending(), get().loadRoles()]);
    return result;
  };

  return {
    ...initialStaffState,

    init: async () => {
      await Promise.all([get().loadRoles(), get().loadPending(), get().load()]);
    },

    load: async () => {
      const seq = ++loadSeq;
      set({ loading: true, loaded: true, error: null });
      try {
        const { items, total } = await call('staff:list', listInput(get().filters, get().page));
        if (seq === loadSeq) set({ items, total, loading: false });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, error: messageFor(error) });
      }
    },

    loadPending: async () => {
      try {
        const { items } = await call('staff:list', { status: 'pending', limit: 200, offset: 0 });
        set({ pending: items, pendingCount: items.length });
      } catch {
        set({ pending: [] }); // The list's own error message covers this.
      }
    },

    loadPendingCount: async () => {
      try {
        set({ pendingCount: (await call('staff:pendingCount')).count });
      } catch {
        // The badge keeps its last count; the next poll tries again.
      }
    },

    loadRoles: async () => {
      try {
        set({ roles: await call('roles:list') });
      } catch {
        set({ roles: [] });
      }
    },

    setFilters: async (filters) => {
      set({ filters: { ...get().filters, ...filters }, page: 0 });
      await get().load();
    },

    setPage: async (page) => {
      set({ page });
      await get().load();
    },

    approve: (id, role) => change(() => call('staff:approve', role ? { id, role } : { id })),
    reject: (id) => change(() => call('staff:reject', { id })),

    create: (input) =>
      change(async () => {
        const answer = await call('staff:create', input);
        set({
          revealed: {
            staff: answer.staff,
            temporaryPassword: answer.temporaryPassword,
            expiresAt: answer.temporaryPasswordExpiresAt,
            reason: 'created',
          },
        });
        return answer.staff;
      }),

    update: (input) => change(() => call('staff:update', input)),
    setRole: (id, role) => change(() => call('staff:setRole', { id, role })),
    disable: (id) => change(() => call('staff:disable', { id })),
    enable: (id) => change(() => call('staff:enable', { id })),
    unlock: (id) => change(() => call('staff:unlock', { id })),
    remove: (id) => change(() => call('staff:delete', { id })),

    resetPassword: (id) =>
      change(async () => {
        const answer = await call('staff:resetPassword', { id });
        set({
          revealed: {
            staff: answer.staff,
            temporaryPassword: answer.temporaryPassword,
            expiresAt: answer.temporaryPasswordExpiresAt,
            reason: 'reset',
          },
        });
        return answer.staff;
      }),

    endSessions: async (id) => (await call('staff:endSessions', { id })).ended,

    dismissRevealed: () => set({ revealed: null }),

    reset: () => {
      loadSeq++;
      set(initialStaffState);
    },
  };
});

// Another till (or this one) changed the staff or roles: read the screen again (issue 12).
refreshOn('staff', () => {
  const staff = useStaffStore.getState();
  return staff.loaded ? staff.init() : undefined;
});

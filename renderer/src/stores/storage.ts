/**
 * D7: whether the till can store what it is asked to. It turns false when any call answers
 * STORAGE_FAILED (disk full, I/O error) or SERVER_UNREACHABLE (its store server is away, issue
 * 12), or when app:status says so (also while the store server holds this till's sale for its
 * standby), and true again as soon as a write succeeds or app:status says all is well. The shell
 * shows a standing banner while it is false, saying which.
 */
import { create } from 'zustand';

/** Why the till cannot store writes (see StorageState.problem). */
export type StorageProblem =
  { reason: 'disk' } | { reason: 'server'; since: string } | { reason: 'replica'; since: string };

export interface StorageState {
  writable: boolean;
  /**
   * Why not: the till's disk, the store server (unreachable since `since`, UTC ISO-8601), or the
   * store server holding this till's sale for its synchronous standby since `since` (issue 12).
   */
  problem: StorageProblem | null;
  /** How many `writes` calls have waited longer than SLOW_WRITE_MS for their answer, now. */
  slowWrites: number;
  setWritable: (writable: boolean) => void;
  /** The store server is away since `since` (the first time said is kept). */
  setServerAway: (since: string) => void;
  /** The store server holds this till's sale for its standby since `since` (app:status says). */
  setHeldForReplica: (since: string) => void;
  /** A write call went past SLOW_WRITE_MS (`true`), or one that had has answered (`false`). */
  setWriteSlow: (slow: boolean) => void;
}

export const useStorageStore = create<StorageState>()((set, get) => ({
  writable: true,
  problem: null,
  slowWrites: 0,
  setWritable: (writable) =>
    set(writable ? { writable, problem: null } : { writable, problem: { reason: 'disk' } }),
  setServerAway: (since) => {
    if (get().problem?.reason !== 'server')
      set({ writable: false, problem: { reason: 'server', since } });
  },
  setHeldForReplica: (since) => set({ writable: false, problem: { reason: 'replica', since } }),
  setWriteSlow: (slow) => set({ slowWrites: Math.max(0, get().slowWrites + (slow ? 1 : -1)) }),
}));

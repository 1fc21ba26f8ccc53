/**
 * D7: whether the till can store what it is asked to. It turns false when any call answers
 * STORAGE_FAILED (disk full, I/O error) or SERVER_UNREACHABLE (its store server is away, issue
 * 12), or when app:status says so, and true again as soon as a write succeeds or app:status says
 * all is well. The shell shows a standing banner while it is false, saying which.
 */
import { create } from 'zustand';

export interface StorageState {
  writable: boolean;
  /** Why not: the till's disk, or the store server (unreachable since `since`, UTC ISO-8601). */
  problem: { reason: 'disk' } | { reason: 'server'; since: string } | null;
  setWritable: (writable: boolean) => void;
  /** The store server is away since `since` (the first time said is kept). */
  setServerAway: (since: string) => void;
}

export const useStorageStore = create<StorageState>()((set, get) => ({
  writable: true,
  problem: null,
  setWritable: (writable) =>
    set(writable ? { writable, problem: null } : { writable, problem: { reason: 'disk' } }),
  setServerAway: (since) => {
    if (get().problem?.reason !== 'server')
      set({ writable: false, problem: { reason: 'server', since } });
  },
}));

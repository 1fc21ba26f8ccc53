/**
 * D7: whether the till can store what it is asked to. It turns false when any call answers
 * STORAGE_FAILED (disk full, I/O error) or when app:status says so at start, and true again as
 * soon as a write succeeds. The shell shows a standing banner while it is false.
 */
import { create } from 'zustand';

export interface StorageState {
  writable: boolean;
  setWritable: (writable: boolean) => void;
}

export const useStorageStore = create<StorageState>()((set) => ({
  writable: true,
  setWritable: (writable) => set({ writable }),
}));

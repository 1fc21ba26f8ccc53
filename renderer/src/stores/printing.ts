/**
 * The print queue as the till sees it (issue 10, section 2): `printing:status` polled while a
 * checkout screen shows it, for the banner "Printer offline — 2 receipts waiting", and "Retry"
 * on the oldest failed job. Printing never blocks a sale: this store only reads and retries.
 */
import { create } from 'zustand';
import type { PrintStatus } from '../../../shared/contract';
import { call } from '../api/client';

export interface PrintingState {
  status: PrintStatus | null;
  /** Reads the queue (`printing:status`); a failure keeps the last status (never blocks a sale). */
  refresh: () => Promise<void>;
  /** Tries the oldest failed job again now (`printing:retryJob`), then reads the queue. */
  retry: () => Promise<void>;
}

export const usePrintingStore = create<PrintingState>()((set, get) => ({
  status: null,
  refresh: async () => {
    try {
      set({ status: await call('printing:status') });
    } catch {
      // No permission or the core is busy: the banner just stays as it was.
    }
  },
  retry: async () => {
    const failed = get().status?.jobs.find((j) => j.status === 'failed');
    if (failed) await call('printing:retryJob', { id: failed.id }).catch(() => undefined);
    await get().refresh();
  },
}));

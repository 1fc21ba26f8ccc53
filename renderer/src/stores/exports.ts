/**
 * The accountant's export (issue 10, section 6): the chosen range of business days, format and
 * datasets, and the export running now. `start` sends `exports:run` with a fresh job id and, while
 * it is pending, asks `exports:progress` every POLL_MS (the next question only after the last
 * answer); `cancel` sends `exports:cancel`. The shell's save dialog picks the file: the renderer
 * never names a path. Calls the API client only.
 */
import { create } from 'zustand';
import {
  EXPORT_DATASETS,
  MAX_EXPORT_DAYS,
  exportRangeDays,
  type ExportDataset,
  type ExportFormat,
  type ExportProgress,
  type ExportResult,
} from '../../../shared/contract/exports';
import { call } from '../api/client';
import { messageFor } from '../api/messages';

/** How often the export's progress is asked for while it runs, in milliseconds. */
export const POLL_MS = 250;

/** Why the range cannot be exported (a catalogue key of `reports:export.errors`), or null. */
export type RangeProblem = 'order' | 'tooLong' | null;

export function rangeProblem(from: string, to: string): RangeProblem {
  if (from > to) return 'order';
  return exportRangeDays(from, to) > MAX_EXPORT_DAYS ? 'tooLong' : null;
}

export interface ExportsState {
  from: string;
  to: string;
  format: ExportFormat;
  /** The datasets chosen; with CSV exactly one. */
  datasets: ExportDataset[];
  /** The running export's job id, or null. */
  jobId: string | null;
  progress: ExportProgress | null;
  /** The last export's answer (saved or cancelled), until the next starts. */
  result: ExportResult | null;
  error: string | null;
  setRange: (from: string, to: string) => void;
  setFormat: (format: ExportFormat) => void;
  /** XLSX: adds or removes `dataset`; CSV: makes it the one dataset. */
  toggleDataset: (dataset: ExportDataset) => void;
  start: () => Promise<void>;
  cancel: () => Promise<void>;
  reset: () => void;
}

const initialState = () => ({
  from: '',
  to: '',
  format: 'xlsx' as ExportFormat,
  datasets: [...EXPORT_DATASETS] as ExportDataset[],
  jobId: null as string | null,
  progress: null as ExportProgress | null,
  result: null as ExportResult | null,
  error: null as string | null,
});

export const useExportsStore = create<ExportsState>()((set, get) => ({
  ...initialState(),
  setRange: (from, to) => set({ from, to, result: null, error: null }),
  setFormat: (format) =>
    set((s) => ({
      format,
      datasets: format === 'csv' ? [s.datasets[0] ?? 'sales'] : s.datasets,
      result: null,
    })),
  toggleDataset: (dataset) =>
    set((s) => {
      if (s.format === 'csv') return { datasets: [dataset], result: null };
      const on = s.datasets.includes(dataset);
      const next = on ? s.datasets.filter((d) => d !== dataset) : [...s.datasets, dataset];
      return { datasets: EXPORT_DATASETS.filter((d) => next.includes(d)), result: null };
    }),
  start: async () => {
    const { from, to, format, datasets, jobId: running } = get();
    if (running !== null || datasets.length === 0 || rangeProblem(from, to)) return;
    const jobId = crypto.randomUUID();
    set({ jobId, progress: null, result: null, error: null });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { progress } = await call('exports:progress', { jobId });
        if (get().jobId === jobId) set({ progress });
      } catch {
        // The export's own answer reports any problem.
      }
      if (get().jobId === jobId) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    try {
      const result = await call('exports:run', { jobId, from, to, format, datasets });
      set({ result });
    } catch (error) {
      set({ error: messageFor(error) });
    } finally {
      clearTimeout(timer);
      if (get().jobId === jobId) set({ jobId: null, progress: null });
    }
  },
  cancel: async () => {
    const { jobId } = get();
    if (jobId === null) return;
    try {
      await call('exports:cancel', { jobId });
    } catch (error) {
      set({ error: messageFor(error) });
    }
  },
  reset: () => set(initialState()),
}));

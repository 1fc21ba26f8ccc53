/**
 * Running imports (F1, F3): one at a time, each under the client's `jobId`, each reporting how far
 * it is for `import:progress`, and each doing its work in slices that give the event loop back.
 *
 * Why slices: the main process also answers every other IPC call and paints nothing while it is
 * busy, so a 20 MB file read in one go froze the till for seconds. An import calls
 * `job.advance()` after each row (or batch of rows) and awaits `job.pause()` when it answers
 * true, which is after at most MAX_ROWS_PER_SLICE rows or SLICE_BUDGET_MS milliseconds, whichever
 * comes first. `pause()` waits one turn of the event loop (setImmediate), so timers, I/O and
 * other IPC calls run in between.
 */
import { performance } from 'node:perf_hooks';
import type { ImportProgress } from '../../../shared/contract/imports';
import { AppError } from '../../../shared/errors';
import type { Session } from '../auth/sessions';

/** Rows an import handles between two turns of the event loop, at most. */
export const MAX_ROWS_PER_SLICE = 500;
/** Milliseconds of work between two turns of the event loop, about (checked after each row). */
export const SLICE_BUDGET_MS = 8;

/** One running import: its progress, and its slicing of work. */
export class ImportJob {
  private state: ImportProgress = { phase: 'queued', rowsDone: 0, rowsTotal: 0 };
  private rowsInSlice = 0;
  private sliceStart = performance.now();

  constructor(
    readonly id: string,
    readonly staffId: number,
  ) {}

  /** A copy of the progress now. */
  get progress(): ImportProgress {
    return { ...this.state };
  }

  /** Enters `phase` with `rowsTotal` expected rows; rows done start at 0, and a new slice. */
  phase(phase: ImportProgress['phase'], rowsTotal = 0): void {
    this.state = { phase, rowsDone: 0, rowsTotal };
    this.rowsInSlice = 0;
    this.sliceStart = performance.now();
  }

  /** Sets the expected rows of the current phase (e.g. when the true count is known). */
  expect(rowsTotal: number): void {
    this.state.rowsTotal = rowsTotal;
  }

  /**
   * Counts `rows` done (0 for work that is not rows, e.g. bytes decoded). True when the slice is
   * used up: the caller must then `await job.pause()` before doing more.
   */
  advance(rows = 1): boolean {
    this.state.rowsDone += rows;
    this.rowsInSlice += rows;
    return (
      this.rowsInSlice >= MAX_ROWS_PER_SLICE ||
      performance.now() - this.sliceStart >= SLICE_BUDGET_MS
    );
  }

  /** Gives the event loop one turn, then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.rowsInSlice = 0;
    this.sliceStart = performance.now();
  }
}

/** The imports running or waiting, and the FIFO that runs them one at a time. */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private tail: Promise<void> = Promise.resolve();

  /**
   * Runs `work` as import `jobId` of `actor`, after every import started before it (one at a
   * time, so at most one file is being read and held in memory). The job shows in `progress`
   * from now until `work` settles, whatever the outcome.
   * Errors: CONFLICT when an import with this id is already running or waiting; else `work`'s own.
   */
  async run<T>(actor: Session, jobId: string, work: (job: ImportJob) => Promise<T>): Promise<T> {
    if (this.jobs.has(jobId))
      throw new AppError('CONFLICT', 'An import with this id is already running.');
    const job = new ImportJob(jobId, actor.staff.id);
    this.jobs.set(jobId, job);
    const before = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await before;
      job.phase('reading');
      return await work(job);
    } finally {
      this.jobs.delete(jobId);
      release();
    }
  }

  /** The progress of `actor`'s import `jobId`, or null if no such import of theirs is running. */
  progress(actor: Session, jobId: string): ImportProgress | null {
    const job = this.jobs.get(jobId);
    return job && job.staffId === actor.staff.id ? job.progress : null;
  }
}

/**
 * Running exports: each under the client's `jobId`, each reporting how far it is for
 * `exports:progress`, each stoppable by its owner through `exports:cancel`. The export checks
 * `cancelled` between pages; the job only carries the flag.
 */
import type { ExportProgress } from '../../../shared/contract/exports';
import { AppError } from '../../../shared/errors';
import type { Session } from '../auth/sessions';

/** One running export: its progress and whether its owner asked to stop it. */
export class ExportJob {
  private state: ExportProgress = { phase: 'choosing', rowsDone: 0, rowsTotal: 0 };
  cancelled = false;

  constructor(readonly staffId: number) {}

  get progress(): ExportProgress {
    return { ...this.state };
  }

  phase(phase: ExportProgress['phase']): void {
    this.state.phase = phase;
  }

  /** Adds `rows` to the rows expected (counting goes day by day). */
  expect(rows: number): void {
    this.state.rowsTotal += rows;
  }

  /** Adds `rows` to the rows written. */
  advance(rows: number): void {
    this.state.rowsDone += rows;
  }
}

/** How many finished export ids are remembered (the screen makes a new one for every export). */
export const FINISHED_IDS_KEPT = 1000;

export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();
  /** Ids of finished exports, oldest first (a Set keeps insertion order). */
  private readonly finished = new Set<string>();

  /**
   * Runs `work` as export `jobId` of `actor`; the job shows in `progress` until `work` settles.
   * A job id names ONE export: the same id again, while it runs or after it ended (among the
   * last FINISHED_IDS_KEPT), is refused, so a repeated click or a retried call never writes a
   * second file. That holds however quickly the first one ran, which on a store server can be
   * before the second call has passed its checks (issue 12).
   * Errors: CONFLICT when an export with this id is running or has run; else `work`'s own.
   */
  async run<T>(actor: Session, jobId: string, work: (job: ExportJob) => Promise<T>): Promise<T> {
    if (this.jobs.has(jobId))
      throw new AppError('CONFLICT', 'An export with this id is already running.');
    if (this.finished.has(jobId))
      throw new AppError('CONFLICT', 'An export with this id has already run.');
    const job = new ExportJob(actor.staff.id);
    this.jobs.set(jobId, job);
    try {
      return await work(job);
    } finally {
      this.jobs.delete(jobId);
      this.finished.add(jobId);
      if (this.finished.size > FINISHED_IDS_KEPT)
        this.finished.delete(this.finished.values().next().value!);
    }
  }

  /** The progress of `actor`'s export `jobId`, or null if no such export of theirs is running. */
  progress(actor: Session, jobId: string): ExportProgress | null {
    const job = this.jobs.get(jobId);
    return job && job.staffId === actor.staff.id ? job.progress : null;
  }

  /** Asks `actor`'s export `jobId` to stop; false when no such export of theirs is running. */
  cancel(actor: Session, jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.staffId !== actor.staff.id) return false;
    job.cancelled = true;
    return true;
  }
}

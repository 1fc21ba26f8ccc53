/**
 * The print worker: sends its till's jobs one at a time, each printer's in order, and records
 * the outcome (on a store server every till runs its own, for its own printers). It runs in the main process beside the core, never inside a sale's transaction: a
 * printer that is off, out of paper or slow only makes jobs wait. Failed jobs come back after
 * their backoff (print-jobs.ts); at start, jobs left `printing` are queued again.
 */
import type { Database } from '../db/database';
import type { Clock, Logger } from '../types';
import {
  claimJob,
  hasInterrupted,
  nextDueJobId,
  markFailed,
  markPrinted,
  requeueInterrupted,
  type DueJob,
} from './print-jobs';

export class PrintWorker {
  private wake: () => void = () => {};
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    /** The till (`tills.id`) whose printers' jobs it sends. */
    private readonly tillId: number,
    private readonly clock: Clock,
    private readonly send: (job: DueJob) => Promise<void>,
    private readonly logger: Logger,
    /** How often it looks for failed jobs whose retry time has come (ms). */
    private readonly pollMs = 1_000,
  ) {}

  /** Starts the loop (once). Called outside any request, so no caller's context follows it. */
  start(): void {
    this.loop ??= this.run();
  }

  /** A job was queued or made due: look now instead of at the next poll. */
  notify(): void {
    this.wake();
  }

  /** Stops after the job being sent, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    try {
      // A read first: a till with nothing interrupted starts without taking the write lock.
      const requeued = !(await hasInterrupted(this.db.manager, this.tillId))
        ? 0
        : await this.db.write((em) =>
            requeueInterrupted(em, this.tillId, this.clock.now().toISOString()),
          );
      if (requeued > 0) this.logger.info('print jobs resent after a restart', { requeued });
    } catch (e) {
      this.logger.error('print queue: could not requeue interrupted jobs', { error: String(e) });
    }
    while (!this.stopped) {
      let job: DueJob | null = null;
      try {
        const id = await nextDueJobId(this.db.manager, this.tillId, this.clock.now().toISOString());
        if (id !== null)
          job = await this.db.write((em) => claimJob(em, id, this.clock.now().toISOString()));
        if (job) await this.sendOne(job);
      } catch (e) {
        this.logger.error('print queue: worker step failed', { error: String(e) });
      }
      if (!job && !this.stopped) await this.sleep();
    }
  }

  private async sendOne(job: DueJob): Promise<void> {
    try {
      await this.send(job);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.logger.warn('print job failed', { job: job.id, error: message });
      await this.db.write((em) => markFailed(em, job.id, message, this.clock.now()));
      return;
    }
    await this.db.write((em) => markPrinted(em, job.id, this.clock.now().toISOString()));
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = () => {};
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      this.wake = done;
    });
  }
}

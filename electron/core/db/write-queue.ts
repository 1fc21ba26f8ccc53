/**
 * One writer: every top-level write transaction runs through this FIFO queue, one at a time.
 * TypeORM shares one query runner on SQLite, so two concurrent `transaction()` calls would fail
 * with "cannot start a transaction within a transaction".
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Runs `job` after every job queued before it; resolves or rejects with the job's own outcome. */
  run<T>(job: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(job, job);
    this.tail = result
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.pending -= 1;
      });
    return result;
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once every job queued so far has settled. */
  async drain(): Promise<void> {
    await this.tail;
  }
}

/**
 * The core's handle on the database: the TypeORM DataSource plus the single write queue.
 * `write(fn)` runs `fn` in ONE transaction, after every write queued before it (D2).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { WriteQueue } from './write-queue';

export class Database {
  readonly queue = new WriteQueue();

  constructor(readonly dataSource: DataSource) {}

  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Runs `fn` in one transaction through the write queue; resolves after the commit. */
  write<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.queue.run(() => this.dataSource.transaction(fn));
  }

  async close(): Promise<void> {
    await this.queue.drain();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

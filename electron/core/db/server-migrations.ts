/**
 * Migrations on a store server several tills share (issue 12, section 1; D3). The first till to
 * start migrates; a till that starts at the same moment waits for it and then finds nothing to do.
 */
import { MigrationExecutor, type DataSource } from 'typeorm';

/** The session advisory lock every till takes to migrate: "kassa" in ASCII, as one bigint. */
export const MIGRATION_LOCK = 0x6b61737361;

/**
 * Runs the pending migrations of `ds` (initialized, PostgreSQL) while holding the session advisory
 * lock MIGRATION_LOCK (PostgreSQL docs, "Advisory Locks"), each migration in its own transaction,
 * on the connection that holds the lock. The lock dies with its connection, so a till killed
 * mid-migration blocks nobody; that migration's transaction is rolled back and the next till runs
 * it again. That connection waits for locks without the tills' limit (data-source.ts
 * SERVER_LOCK_WAIT_MS): a till that starts while another migrates waits for it to finish, however
 * long its migrations take, and a migration's DDL waits for the sales under way rather than fail
 * the till's start. Rejects with the server's error when a migration fails.
 */
export async function migrateStoreServer(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET lock_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const migrations = new MigrationExecutor(ds, runner);
      migrations.transaction = 'each';
      await migrations.executePendingMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      // Back to the session's own limit before the connection returns to the pool.
      await runner.query('RESET lock_timeout');
    }
  } finally {
    await runner.release();
  }
}

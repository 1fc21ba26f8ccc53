/**
 * Issue 12: when each till of a store server was last running, for Settings → Store server's list
 * of the store's tills (`storeServer:tills`). Without it an admin could not tell a till that is
 * switched off, or whose computer died with its shift open, from one that is selling.
 *
 * - `tills.last_seen_at` (UTC ISO 8601): written by the till at its start and then every minute
 *   while it runs on a server (electron/core/tills/till-service.ts, `markSeen`). Null until then,
 *   and always on a SQLite file, which is one till's.
 * - `tills.stopped_at` (UTC): written when the till closes cleanly (`markStopped`), cleared at its
 *   next start, so a till switched off shows as off at once rather than minutes later.
 *
 * Plain SQL: `ADD COLUMN` with no default rewrites nothing on either engine.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TillsLastSeen1790000019000 implements MigrationInterface {
  name = 'TillsLastSeen1790000019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tills ADD COLUMN last_seen_at varchar(24)');
    await q.query('ALTER TABLE tills ADD COLUMN stopped_at varchar(24)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tills DROP COLUMN stopped_at');
    await q.query('ALTER TABLE tills DROP COLUMN last_seen_at');
  }
}

/**
 * Issue 12: a till an admin retired from the store (Settings → Store server; `storeServer:
 * retireTill`): a computer that died, was replaced or was lost. A retired till no longer opens on
 * the store server, and its share of the store key is gone.
 *
 * - `tills.retired_at` (UTC ISO 8601): when it was retired; null for a till in service, and always
 *   on a SQLite file, which is one till's.
 * - `tills.retired_by`: the staff id of the admin who retired it.
 *
 * The row stays: its sales, Z reports and audit chain name it. Plain SQL: `ADD COLUMN` with no
 * default rewrites nothing on either engine.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TillsRetired1790000020000 implements MigrationInterface {
  name = 'TillsRetired1790000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tills ADD COLUMN retired_at varchar(24)');
    await q.query('ALTER TABLE tills ADD COLUMN retired_by integer');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tills DROP COLUMN retired_by');
    await q.query('ALTER TABLE tills DROP COLUMN retired_at');
  }
}

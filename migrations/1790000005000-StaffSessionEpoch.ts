/**
 * A8: sessions follow the staff row. `session_epoch` counts the events that must end every
 * session of a member on every till sharing the database (disable, role change, password change
 * or reset, "end sessions"); a session remembers the epoch it started in, and the router ends it
 * at its next call once the row's epoch has moved on.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSessionEpoch1790000005000 implements MigrationInterface {
  name = 'StaffSessionEpoch1790000005000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE (portable): TypeORM's addColumn would rebuild the table on SQLite.
    await q.query('ALTER TABLE staff ADD COLUMN session_epoch integer NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff DROP COLUMN session_epoch');
  }
}

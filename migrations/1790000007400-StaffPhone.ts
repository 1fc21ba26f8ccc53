/**
 * Issue 9, section 3: a member keeps their own phone number on their profile (E.164 when it
 * parses, shared/phone.ts), for phone verification by SMS (section 4). Nullable: nobody has one
 * until they enter it. Added only when missing, so the contacts migration may add it first.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffPhone1790000007400 implements MigrationInterface {
  name = 'StaffPhone1790000007400';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE (portable): TypeORM's addColumn would rebuild the table on SQLite.
    if (!(await q.hasColumn('staff', 'phone')))
      await q.query('ALTER TABLE staff ADD COLUMN phone varchar(32) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff DROP COLUMN phone');
  }
}

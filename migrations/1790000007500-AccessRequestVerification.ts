/**
 * Issue 9, section 4: a request for access made while the "verified before access" policy is in
 * force first verifies its e-mail or phone. `staff.awaiting_verification` holds which one
 * ('email' or 'phone') until the code is entered; null for every other member. A pending row with
 * it set is not on the admins' pending list and cannot be approved. The policy itself is a row of
 * `settings` (`verification_policy`), which needs no schema change.
 * Portable: plain ALTER TABLE (TypeORM's addColumn would rebuild the table on SQLite).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessRequestVerification1790000007500 implements MigrationInterface {
  name = 'AccessRequestVerification1790000007500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff ADD COLUMN awaiting_verification varchar(8) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff DROP COLUMN awaiting_verification');
  }
}

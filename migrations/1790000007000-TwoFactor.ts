/**
 * Issue 9 section 1: two-factor sign-in (TOTP, RFC 6238; T1-T3).
 * - `roles.require_totp`: 1 when every member of the role must use 2FA; on by default for roles
 *   that hold `staff.manage` (they can hand out every other right).
 * - `staff_totp`: one row per member who started or finished enrolment. `seed` is the 160-bit
 *   seed encrypted with the data-protection key (AES-256-GCM, see two-factor/seed-cipher.ts),
 *   never the seed itself (T3); `confirmed_at` is null until a code confirmed it; `last_step` is
 *   the last accepted 30-second step, so that step and earlier ones are refused (T2).
 * - `staff_recovery_codes`: 10 per enrolment, SHA-256 of 80-bit random codes (T3), `used_at` set
 *   when used.
 * Portable: the TypeORM Table API and plain ALTER TABLE.
 */
import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';

const staffKey = (name: string) =>
  new TableForeignKey({
    name,
    columnNames: ['staff_id'],
    referencedTableName: 'staff',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

export class TwoFactor1790000007000 implements MigrationInterface {
  name = 'TwoFactor1790000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE roles ADD COLUMN require_totp integer NOT NULL DEFAULT 0');
    await q.query(
      `UPDATE roles SET require_totp = 1 WHERE id IN
         (SELECT role_id FROM role_permissions WHERE permission_id = 'staff.manage')`,
    );
    await q.createTable(
      new Table({
        name: 'staff_totp',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'seed', type: 'varchar', length: '200' },
          { name: 'last_step', type: 'bigint', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'confirmed_at', type: 'varchar', length: '24', isNullable: true },
        ],
        foreignKeys: [staffKey('FK_staff_totp_staff')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_recovery_codes',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'staff_id', type: 'integer' },
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'used_at', type: 'varchar', length: '24', isNullable: true },
        ],
        foreignKeys: [staffKey('FK_staff_recovery_codes_staff')],
        indices: [{ name: 'IDX_staff_recovery_codes_staff', columnNames: ['staff_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('staff_recovery_codes');
    await q.dropTable('staff_totp');
    await q.query('ALTER TABLE roles DROP COLUMN require_totp');
  }
}

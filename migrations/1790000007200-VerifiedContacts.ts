/**
 * Issue 9, sections 4 and 6: verified contacts and "forgot password" by e-mail.
 * - `staff.email_verified_at`, `staff.phone_verified_at` (UTC, null = not verified); a change of
 *   the address clears its time (staff-service.ts).
 * - `verification_codes`: one row per code sent. `code_hash` is an HMAC-SHA-256 of the code under
 *   a key derived from the data-protection key (never the code itself); `provider_request_id` is
 *   the SMS provider's id for phone codes, which the provider checks. `attempts` counts wrong
 *   tries; `closed_at` is set when the code is used, replaced by a newer one or has had too many
 *   tries. Rows are kept for the resend limits (once a minute, five an hour).
 * Portable: plain ALTER TABLE and the TypeORM Table API.
 */
import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

export class VerifiedContacts1790000007200 implements MigrationInterface {
  name = 'VerifiedContacts1790000007200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff ADD COLUMN email_verified_at varchar(24)');
    await q.query('ALTER TABLE staff ADD COLUMN phone_verified_at varchar(24)');
    await q.createTable(
      new Table({
        name: 'verification_codes',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'staff_id', type: 'integer' },
          { name: 'purpose', type: 'varchar', length: '16' },
          { name: 'target', type: 'varchar', length: '254' },
          { name: 'code_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'provider_request_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'expires_at', type: 'varchar', length: '24' },
          { name: 'closed_at', type: 'varchar', length: '24', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_verification_codes_staff',
            columnNames: ['staff_id'],
            referencedTableName: 'staff',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_verification_codes_staff',
            columnNames: ['staff_id', 'purpose', 'created_at'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('verification_codes');
    await q.query('ALTER TABLE staff DROP COLUMN phone_verified_at');
    await q.query('ALTER TABLE staff DROP COLUMN email_verified_at');
  }
}

/**
 * Issue 9, section 5: each member's till PIN, for unlocking and quick switch. One row per member
 * who set one: the PIN's bcrypt hash (`pin-bcrypt:$2b$12$…`, its own random salt), the wrong
 * entries in a row (5 disable it until the member's next password sign-in: `disabled_at`, UTC),
 * and when it was set. The row goes with the member (ON DELETE CASCADE). Portable: the TypeORM
 * Table API only.
 */
import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';

export class StaffPins1790000007300 implements MigrationInterface {
  name = 'StaffPins1790000007300';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'staff_pins',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'pin_hash', type: 'varchar', length: '100' },
          { name: 'failed_count', type: 'integer', default: 0 },
          { name: 'disabled_at', type: 'varchar', length: '24', isNullable: true },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_staff_pins_staff',
            columnNames: ['staff_id'],
            referencedTableName: 'staff',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('staff_pins');
  }
}

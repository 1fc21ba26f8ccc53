/**
 * Issue 8, item 4: the cart in progress on each till is kept in the database as it changes, so a
 * reload, a crashed window or a restart shows the same cart. One row per till (`till_id` is the
 * key); `staff_id` is the member who rang it up (null while the cart is empty); `cart` is JSON of
 * product ids, quantities, discounts and the customer, never prices; `version` counts changes.
 * Portable: the TypeORM Table API only.
 */
import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';

export class TillCarts1790000006000 implements MigrationInterface {
  name = 'TillCarts1790000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'till_carts',
        columns: [
          { name: 'till_id', type: 'integer', isPrimary: true },
          { name: 'staff_id', type: 'integer', isNullable: true },
          { name: 'cart', type: 'varchar', length: '20000' },
          { name: 'version', type: 'integer' },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_till_carts_till',
            columnNames: ['till_id'],
            referencedTableName: 'tills',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_till_carts_staff',
            columnNames: ['staff_id'],
            referencedTableName: 'staff',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('till_carts');
  }
}

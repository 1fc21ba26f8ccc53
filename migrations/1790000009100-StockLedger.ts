/**
 * Issue 11, section 2: stock as a ledger.
 *
 * - `stock_movements`: every change of a stock product's quantity, signed (+ in, − out): the
 *   opening balance, sales, refunds (restocked, or written off with quantity 0), receipts,
 *   adjustments (damaged, lost, found, correction) and counts. Immutable like sales (D6):
 *   UPDATE and DELETE abort, and on SQLite a BEFORE INSERT trigger refuses a replaced row (D9).
 *   Each movement names the member, the till and, for sales and refunds, the sale; times UTC.
 * - `products.on_hand`: the running sum of the product's movements, updated in the SAME
 *   transaction as each movement (D2); `stock:check` recomputes it from the ledger.
 * - `products.reorder_level`: at or under it a product is "low stock"; NULL: no alert.
 * - Permission `stock.manage` (adjust stock, read the ledger, reorder levels) for Admin and
 *   Manager; a grant reaches a seeded role only while it still exists (see 1790000008000).
 *
 * Portable SQL (SQLite and PostgreSQL 15). Plain ALTER TABLE for the product columns: TypeORM's
 * addColumn rebuilds the table on SQLite.
 */
import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { noReplaceTriggerName, noReplaceTriggerSql } from '../electron/core/db/required-triggers';

const KINDS = `kind IN ('opening', 'sale', 'refund', 'receive', 'adjust', 'count')`;
/** Which reason goes with which kind; `void`: a voided sale's movement given back. */
const REASONS = `(kind = 'adjust' AND reason IN ('damaged', 'lost', 'found', 'correction'))
  OR (kind = 'refund' AND reason IN ('restock', 'write_off'))
  OR (kind = 'sale' AND (reason IS NULL OR reason = 'void'))
  OR (kind IN ('opening', 'receive', 'count') AND reason IS NULL)`;

const fk = (name: string, column: string, referencedTableName: string) =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName,
    referencedColumnNames: ['id'],
    onDelete: 'RESTRICT',
  });

export class StockLedger1790000009100 implements MigrationInterface {
  name = 'StockLedger1790000009100';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.createTable(
      new Table({
        name: 'stock_movements',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'product_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'quantity', type: 'integer' },
          { name: 'unit_cost', type: 'integer', isNullable: true },
          { name: 'reason', type: 'varchar', length: '12', isNullable: true },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'staff_id', type: 'integer' },
          { name: 'till_id', type: 'integer' },
          { name: 'sale_id', type: 'integer', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '24' },
        ],
        checks: [
          { name: 'CHK_stock_movements_kind', expression: KINDS },
          { name: 'CHK_stock_movements_reason', expression: REASONS },
          { name: 'CHK_stock_movements_cost', expression: 'unit_cost IS NULL OR unit_cost >= 0' },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_stock_movements_product',
            columnNames: ['product_id', 'id'],
          }),
          new TableIndex({ name: 'IDX_stock_movements_sale', columnNames: ['sale_id'] }),
        ],
        foreignKeys: [
          fk('FK_stock_movements_product', 'product_id', 'products'),
          fk('FK_stock_movements_staff', 'staff_id', 'staff'),
          fk('FK_stock_movements_till', 'till_id', 'tills'),
          fk('FK_stock_movements_sale', 'sale_id', 'sales'),
        ],
      }),
    );
    await q.query('ALTER TABLE products ADD COLUMN on_hand integer NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE products ADD COLUMN reorder_level integer');
    if (pg) {
      await q.query(
        `CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements FOR EACH ROW EXECUTE FUNCTION kassa_append_only()`,
      );
    } else {
      await q.query(
        `CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END`,
      );
      await q.query(
        `CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END`,
      );
      await q.query(noReplaceTriggerSql('stock_movements', [['id']]));
    }
    const [a, b] = pg ? ['$1', '$2'] : ['?', '?'];
    await q.query(`INSERT INTO permissions (id, description) VALUES (${a}, ${b})`, [
      'stock.manage',
      'Adjust stock, read the stock ledger and set reorder levels',
    ]);
    for (const role of ['admin', 'manager'])
      await q.query(
        `INSERT INTO role_permissions (role_id, permission_id) SELECT id, ${a} FROM roles WHERE id = ${b}`,
        ['stock.manage', role],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.query(`DELETE FROM role_permissions WHERE permission_id = 'stock.manage'`);
    await q.query(`DELETE FROM permissions WHERE id = 'stock.manage'`);
    if (!pg) await q.query(`DROP TRIGGER IF EXISTS ${noReplaceTriggerName('stock_movements')}`);
    await q.dropTable('stock_movements', true);
    await q.query('ALTER TABLE products DROP COLUMN reorder_level');
    await q.query('ALTER TABLE products DROP COLUMN on_hand');
  }
}

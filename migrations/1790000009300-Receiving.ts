/**
 * Issue 11, section 3: suppliers, receiving at cost and purchase orders.
 *
 * - `suppliers`: name, contact, e-mail, phone, notes; archived (`archived_at`), never deleted.
 * - `purchase_orders`: one supplier, a status (draft → ordered → partial → received, or
 *   cancelled), who made it and when; `purchase_order_lines`: product, quantity ordered (> 0),
 *   unit cost (minor units, ≥ 0) and the quantity received so far (≥ 0; may pass the quantity
 *   ordered: over-receipt is allowed, as in Lightspeed Retail).
 * - `products.last_cost` and `products.average_cost`: the cost of the last receipt and the moving
 *   average cost, minor units per unit, NULL until the product is first received.
 * - Receipts themselves are `receive` movements in the immutable `stock_movements` ledger (D6),
 *   with their unit cost.
 *
 * Portable SQL (SQLite and PostgreSQL 15). Plain ALTER TABLE for the product columns.
 */
import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};
const fk = (name: string, column: string, referencedTableName: string) =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName,
    referencedColumnNames: ['id'],
    onDelete: 'RESTRICT',
  });

export class Receiving1790000009300 implements MigrationInterface {
  name = 'Receiving1790000009300';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'suppliers',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'contact', type: 'varchar', length: '80', isNullable: true },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
          { name: 'phone', type: 'varchar', length: '40', isNullable: true },
          { name: 'notes', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'archived_at', type: 'varchar', length: '24', isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'purchase_orders',
        columns: [
          id,
          { name: 'supplier_id', type: 'integer' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_by', type: 'integer' },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'ordered_at', type: 'varchar', length: '24', isNullable: true },
          { name: 'closed_at', type: 'varchar', length: '24', isNullable: true },
        ],
        checks: [
          {
            name: 'CHK_purchase_orders_status',
            expression: `status IN ('draft', 'ordered', 'partial', 'received', 'cancelled')`,
          },
        ],
        indices: [
          new TableIndex({ name: 'IDX_purchase_orders_supplier', columnNames: ['supplier_id'] }),
        ],
        foreignKeys: [
          fk('FK_purchase_orders_supplier', 'supplier_id', 'suppliers'),
          fk('FK_purchase_orders_staff', 'created_by', 'staff'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'purchase_order_lines',
        columns: [
          id,
          { name: 'order_id', type: 'integer' },
          { name: 'product_id', type: 'integer' },
          { name: 'quantity', type: 'integer' },
          { name: 'unit_cost', type: 'integer' },
          { name: 'received', type: 'integer', default: 0 },
        ],
        checks: [
          { name: 'CHK_po_lines_quantity', expression: 'quantity > 0' },
          { name: 'CHK_po_lines_cost', expression: 'unit_cost >= 0' },
          { name: 'CHK_po_lines_received', expression: 'received >= 0' },
        ],
        indices: [new TableIndex({ name: 'IDX_po_lines_order', columnNames: ['order_id'] })],
        foreignKeys: [
          fk('FK_po_lines_order', 'order_id', 'purchase_orders'),
          fk('FK_po_lines_product', 'product_id', 'products'),
        ],
      }),
    );
    await q.query('ALTER TABLE products ADD COLUMN last_cost integer');
    await q.query('ALTER TABLE products ADD COLUMN average_cost integer');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE products DROP COLUMN average_cost');
    await q.query('ALTER TABLE products DROP COLUMN last_cost');
    await q.dropTable('purchase_order_lines', true);
    await q.dropTable('purchase_orders', true);
    await q.dropTable('suppliers', true);
  }
}

/**
 * Issue 11, section 2: the stock take (shared/contract/stock-count.ts).
 *
 * - `stock_counts`: one count sheet, for a category (with its sub-categories) or for every stock
 *   product (`category_id` NULL); `status` open → posted | cancelled. At most one open count per
 *   store: a partial unique index on `status` WHERE status = 'open' (SQLite and PostgreSQL).
 * - `stock_count_lines`: a product on the sheet, its `expected` on-hand (snapshot at the start,
 *   re-read at each count entry) and the `counted` figure (NULL until counted), who counted it
 *   and when (UTC). Posting writes `count` movements to the ledger, never to these rows' on-hand.
 *
 * Portable SQL (SQLite and PostgreSQL 15).
 */
import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';

const fk = (name: string, column: string, referencedTableName: string) =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName,
    referencedColumnNames: ['id'],
    onDelete: 'RESTRICT',
  });
const utc = (name: string, isNullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable,
});

export class StockCounts1790000009400 implements MigrationInterface {
  name = 'StockCounts1790000009400';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'stock_counts',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'category_id', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'started_by', type: 'integer' },
          utc('started_at'),
          { name: 'closed_by', type: 'integer', isNullable: true },
          utc('closed_at', true),
        ],
        checks: [
          {
            name: 'CHK_stock_counts_status',
            expression: `status IN ('open', 'posted', 'cancelled')`,
          },
        ],
        foreignKeys: [
          fk('FK_stock_counts_category', 'category_id', 'categories'),
          fk('FK_stock_counts_started_by', 'started_by', 'staff'),
          fk('FK_stock_counts_closed_by', 'closed_by', 'staff'),
        ],
      }),
    );
    await q.query(
      `CREATE UNIQUE INDEX UQ_stock_counts_open ON stock_counts (status) WHERE status = 'open'`,
    );
    await q.createTable(
      new Table({
        name: 'stock_count_lines',
        columns: [
          { name: 'count_id', type: 'integer', isPrimary: true },
          { name: 'product_id', type: 'integer', isPrimary: true },
          { name: 'expected', type: 'integer' },
          { name: 'counted', type: 'integer', isNullable: true },
          { name: 'counted_by', type: 'integer', isNullable: true },
          utc('counted_at', true),
        ],
        checks: [{ name: 'CHK_stock_count_lines_counted', expression: 'counted >= 0' }],
        foreignKeys: [
          fk('FK_stock_count_lines_count', 'count_id', 'stock_counts'),
          fk('FK_stock_count_lines_product', 'product_id', 'products'),
          fk('FK_stock_count_lines_counted_by', 'counted_by', 'staff'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('stock_count_lines', true);
    await q.query('DROP INDEX IF EXISTS UQ_stock_counts_open');
    await q.dropTable('stock_counts', true);
  }
}

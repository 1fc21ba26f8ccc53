/**
 * Issue 11, section 1: product categories, a tree at most 3 levels deep (the depth is the
 * service's rule, electron/core/categories).
 *
 * - `categories`: id, name, `name_key` (the name folded to lower case in NFC, for the sibling
 *   check), `parent_id` (NULL at the top; FK to categories, RESTRICT), created/updated UTC and
 *   `archived_at` (soft delete: sales reports group by category, so a category is never deleted).
 * - `UQ_categories_sibling_name`: one live name per parent whatever its case, an expression and
 *   partial index (COALESCE(parent_id, 0), name_key) WHERE archived_at IS NULL, which SQLite and
 *   PostgreSQL both have and TypeORM leaves alone (synchronize: false on the entity).
 * - `products.category_id`: nullable FK to categories (RESTRICT) with an index for the filter.
 *   The FK needs the Table API, which rebuilds `products` on SQLite (it has no triggers to lose).
 */
import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const utc = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable: nullable,
});

export class ProductCategories1790000009000 implements MigrationInterface {
  name = 'ProductCategories1790000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'categories',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'name', type: 'varchar', length: '60' },
          { name: 'name_key', type: 'varchar', length: '120' },
          { name: 'parent_id', type: 'integer', isNullable: true },
          utc('created_at'),
          utc('updated_at'),
          utc('archived_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_categories_parent', columnNames: ['parent_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_categories_parent',
            columnNames: ['parent_id'],
            referencedTableName: 'categories',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
    await q.query(
      'CREATE UNIQUE INDEX "UQ_categories_sibling_name" ON "categories" (COALESCE("parent_id", 0), "name_key") WHERE "archived_at" IS NULL',
    );
    await q.addColumn(
      'products',
      new TableColumn({ name: 'category_id', type: 'integer', isNullable: true }),
    );
    await q.createForeignKey(
      'products',
      new TableForeignKey({
        name: 'FK_products_category',
        columnNames: ['category_id'],
        referencedTableName: 'categories',
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
      }),
    );
    await q.createIndex(
      'products',
      new TableIndex({ name: 'IDX_products_category', columnNames: ['category_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('products', 'IDX_products_category');
    await q.dropForeignKey('products', 'FK_products_category');
    await q.dropColumn('products', 'category_id');
    await q.query('DROP INDEX "UQ_categories_sibling_name"');
    await q.dropTable('categories', true);
  }
}

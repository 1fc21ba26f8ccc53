/**
 * Products get an `open_price` flag (default false): the cashier types the price at the till,
 * with permission sales.discountOverride. Without it, a stock product priced 0 cannot be sold.
 * SQLite adds the column in place (no table rebuild); PostgreSQL through the Table API.
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

export class ProductOpenPrice1790000003200 implements MigrationInterface {
  name = 'ProductOpenPrice1790000003200';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type === 'postgres') {
      await q.addColumn(
        'products',
        new TableColumn({ name: 'open_price', type: 'boolean', default: false }),
      );
      return;
    }
    await q.query('ALTER TABLE "products" ADD COLUMN "open_price" boolean NOT NULL DEFAULT (0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('products', 'open_price');
  }
}

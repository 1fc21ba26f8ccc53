/**
 * Issue 12, section 5: customer search on PostgreSQL from an index, not a scan of every customer.
 *
 * The search (electron/core/customers/customer-search.ts) finds "any part of name, email or
 * phone" with `search_text LIKE '%term%'`. SQLite answers that from its FTS5 trigram table
 * (1764100000000-RetailSales); on PostgreSQL it was a sequential scan of `customers`. This adds a
 * GIN index with pg_trgm's `gin_trgm_ops` on `search_text`, which PostgreSQL uses for LIKE with a
 * leading wildcard (PostgreSQL documentation, F.35 pg_trgm, "Index Support"). The query does not
 * change.
 *
 * pg_trgm ships with Debian's `postgresql` package and is a trusted extension (PostgreSQL 13+),
 * so the role that runs the migrations needs CREATE on the database, not superuser. SQLite: no
 * change.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerSearchTrigram1790000010000 implements MigrationInterface {
  name = 'CustomerSearchTrigram1790000010000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(
      'CREATE INDEX "IDX_customers_search_trgm" ON customers USING gin (search_text gin_trgm_ops)',
    );
  }

  /** Drops the index; the extension stays, as other objects may use it by then. */
  async down(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    await q.query('DROP INDEX "IDX_customers_search_trgm"');
  }
}

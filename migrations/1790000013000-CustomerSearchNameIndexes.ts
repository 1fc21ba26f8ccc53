/**
 * Issue 12, section 5: customer search on PostgreSQL reads each rank from an index and stops once
 * the page is full (electron/core/customers/customer-search.ts), as it does on SQLite.
 *
 * - Rank 1, "the name starts with the term", is in name order by code point, as SQLite's BINARY
 *   `search_name` index gives it, through the range `search_name COLLATE "C" >= q AND < q⁺`. The
 *   plain `search_name` index is in the database's collation (en_US.UTF-8 on a typical server),
 *   which can neither answer that range nor give that order; an expression index in the "C"
 *   collation, with `id` for ties, does both (PostgreSQL documentation, 11.7 "Indexes on
 *   Expressions", 24.2 "Collation Support").
 * - Rank 2, "a word of the name starts with the term", is `search_name LIKE '% q%'`: pg_trgm's
 *   GIN index on `search_name` answers it (F.35 pg_trgm, "Index Support"), where the one on
 *   `search_text` (1790000010000) would also find every email and phone holding the term.
 *
 * SQLite: no change.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerSearchNameIndexes1790000013000 implements MigrationInterface {
  name = 'CustomerSearchNameIndexes1790000013000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    await q.query(
      'CREATE INDEX "IDX_customers_search_name_c" ON customers ((search_name COLLATE "C"), id)',
    );
    await q.query(
      'CREATE INDEX "IDX_customers_name_trgm" ON customers USING gin (search_name gin_trgm_ops)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    await q.query('DROP INDEX "IDX_customers_name_trgm"');
    await q.query('DROP INDEX "IDX_customers_search_name_c"');
  }
}

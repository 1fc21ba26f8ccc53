/**
 * Issue 12, section 5: customer search on PostgreSQL reads pg_trgm's GIN indexes on `search_text`
 * and `search_name` (migrations 1790000010000, 1790000013000). By default a GIN index keeps new
 * entries in an unsorted "pending list" until VACUUM or the list passing `gin_pending_list_limit`
 * (4 MB) merges them, and every search reads that whole list (PostgreSQL documentation, 70.4.1
 * "GIN Fast Update Technique"). Autovacuum comes only after 1,000 + 20 % of the table's rows were
 * inserted (`autovacuum_vacuum_insert_threshold`, `_scale_factor`): at 100,000 customers, after
 * 21,000 new ones. Measured at 100,000 customers (a throwaway probe of the bench's 300 searches):
 * p95 11.6 ms with the list the copy left, 5.8 ms without it.
 *
 * So both indexes take new entries straight into their trees (`fastupdate = off`), what the
 * documentation advises "if consistent response time is more important than update speed": a
 * shop adds a few customers a day and searches them all day. What is pending now is merged
 * first (`gin_clean_pending_list`, which the migrating role may run as the indexes' owner).
 *
 * SQLite: no change (its search reads FTS5's trigram table, which has no pending list).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** pg_trgm's GIN indexes that customer search reads. */
export const CUSTOMER_SEARCH_GIN_INDEXES = ['IDX_customers_search_trgm', 'IDX_customers_name_trgm'];

export class CustomerSearchWithoutPendingList1790000015000 implements MigrationInterface {
  name = 'CustomerSearchWithoutPendingList1790000015000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    for (const index of CUSTOMER_SEARCH_GIN_INDEXES) {
      await q.query('SELECT gin_clean_pending_list($1::regclass)', [`"${index}"`]);
      await q.query(`ALTER INDEX "${index}" SET (fastupdate = off)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    for (const index of CUSTOMER_SEARCH_GIN_INDEXES)
      await q.query(`ALTER INDEX "${index}" RESET (fastupdate)`);
  }
}

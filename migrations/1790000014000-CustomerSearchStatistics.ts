/**
 * Issue 12, section 5: customer search on PostgreSQL chooses, for each fragment, between pg_trgm's
 * index and a walk of the primary key newest first (electron/core/customers/customer-search.ts).
 * It chooses by the planner's estimate of how many customers a `LIKE '%q%'` matches, which it
 * takes from the column's histogram: the share of its entries the pattern matches. With the
 * default 100 entries, a fragment that one entry happened to hold counted as 1 % of the
 * customers: at 100,000 customers, "riya sc" was expected 825 times and found 25, so the walk read
 * every customer (101 ms) where the index needed 1.5 ms. 1,000 entries on `search_text` and
 * `search_name` put such a fragment at its true rarity (PostgreSQL documentation, 14.2
 * "Statistics Used by the Planner", and ALTER TABLE … SET STATISTICS); ANALYZE then samples
 * 300,000 rows instead of 30,000, still about a second at 100,000 customers.
 *
 * SQLite: no change (its search reads FTS5's trigram table newest first, with no estimate).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Histogram entries kept for the searched columns; PostgreSQL's default is 100. */
export const CUSTOMER_SEARCH_STATISTICS = 1000;
/** The columns customer search matches a fragment against. */
const SEARCHED_COLUMNS = ['search_text', 'search_name'];

export class CustomerSearchStatistics1790000014000 implements MigrationInterface {
  name = 'CustomerSearchStatistics1790000014000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    for (const column of SEARCHED_COLUMNS)
      await q.query(
        `ALTER TABLE customers ALTER COLUMN ${column} SET STATISTICS ${CUSTOMER_SEARCH_STATISTICS}`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    for (const column of SEARCHED_COLUMNS)
      await q.query(`ALTER TABLE customers ALTER COLUMN ${column} SET STATISTICS -1`);
  }
}

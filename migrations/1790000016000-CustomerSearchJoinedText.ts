/**
 * Issue 12, section 5: customer search on PostgreSQL finds a fragment that crosses a space or a
 * dot ("ia d", "on.4", "j.smith") from an index, as SQLite's FTS5 trigram table does.
 *
 * pg_trgm makes trigrams of each word, and a word is a run of letters and digits (PostgreSQL
 * documentation, F.35 pg_trgm, "Trigram (or Trigraph) Concepts"). So `search_text LIKE '%ia d%'`
 * gives its GIN index (1790000010000) only the ends of two words, "ia " and "  d", which thousands
 * of customers have: at 100,000 customers the index handed 11,650 rows to check for 389 matches
 * (7–20 ms), or the planner walked the primary key instead, through 50,000 customers for "on.4"
 * (11–14 ms).
 *
 * `search_joined` is `search_text` with every character that is not a letter or digit turned into
 * "q" ("ava white ava.white.1@demo.example" becomes "avaqwhiteqavaqwhiteq1qdemoqexample"), so
 * the whole text is one word and any three characters of it make a trigram. Search turns the term
 * the same way, with the same expression on the server ({@link joinedSearchText}), so every
 * customer whose text holds the term holds the turned term too; for a term with other characters
 * than letters and digits, or a "q", `strpos` on `search_text` then keeps the exact matches. A
 * trigger keeps the column on every insert and update, whoever writes, so the imports and copies
 * that write `search_text` need not know of it. (A generated column would do the same, but
 * TypeORM then wants a `typeorm_metadata` table to read the schema.) TypeORM's entity does not
 * declare the column, as SQLite has none.
 *
 * Its GIN index replaces the one on `search_text`, which search no longer asks: without a
 * pending list (as 1790000015000), and with 1,000-entry statistics (as 1790000014000) so a rare
 * turned fragment is estimated as rare. Adding the column writes `customers` anew (about 2 s at
 * 100,000 customers, with the table locked), as any migration runs with the other tills closed
 * (docs/deployment.md).
 *
 * SQLite: no change (FTS5's trigram tokenizer keeps spaces and punctuation in its trigrams).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SQL that turns the text `expr` into its joined form: every character that is not a letter
 * or digit (in the database's locale, as pg_trgm reads it) becomes "q". Search uses it for the
 * term, so the term and the stored column are turned by the same code.
 */
export function joinedSearchText(expr: string): string {
  return `regexp_replace(${expr}, '[^[:alnum:]]', 'q', 'g')`;
}

export class CustomerSearchJoinedText1790000016000 implements MigrationInterface {
  name = 'CustomerSearchJoinedText1790000016000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    // Filled as a generated column, which writes the table anew, compact; an UPDATE of every row
    // would leave each old row behind, dead, until VACUUM (twice the table for searches to walk).
    // Then a plain column the trigger keeps (PostgreSQL 13+: DROP EXPRESSION keeps the values).
    await q.query(
      `ALTER TABLE customers ADD COLUMN search_joined varchar(400) NOT NULL
         GENERATED ALWAYS AS (${joinedSearchText('search_text')}) STORED`,
    );
    await q.query('ALTER TABLE customers ALTER COLUMN search_joined DROP EXPRESSION');
    await q.query(
      `CREATE FUNCTION kassa_customer_search_joined() RETURNS trigger AS $$
         BEGIN NEW.search_joined := ${joinedSearchText('NEW.search_text')}; RETURN NEW; END;
       $$ LANGUAGE plpgsql`,
    );
    await q.query(
      `CREATE TRIGGER customers_search_joined BEFORE INSERT OR UPDATE ON customers
         FOR EACH ROW EXECUTE FUNCTION kassa_customer_search_joined()`,
    );
    await q.query('ALTER TABLE customers ALTER COLUMN search_joined SET STATISTICS 1000');
    await q.query(
      `CREATE INDEX "IDX_customers_joined_trgm" ON customers
         USING gin (search_joined gin_trgm_ops) WITH (fastupdate = off)`,
    );
    await q.query('DROP INDEX "IDX_customers_search_trgm"');
    await q.query('ANALYZE customers');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres') return;
    await q.query(
      `CREATE INDEX "IDX_customers_search_trgm" ON customers
         USING gin (search_text gin_trgm_ops) WITH (fastupdate = off)`,
    );
    await q.query('DROP INDEX "IDX_customers_joined_trgm"');
    await q.query('DROP TRIGGER customers_search_joined ON customers');
    await q.query('DROP FUNCTION kassa_customer_search_joined()');
    await q.query('ALTER TABLE customers DROP COLUMN search_joined');
  }
}

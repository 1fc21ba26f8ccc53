/**
 * D2: a sale's client-generated UUID is its retry key, and UUID hex digits are case-insensitive
 * (RFC 4122 §3). The contract now canonicalises every UUID to lower case; this migration makes
 * the stored ones agree and keeps them so:
 *
 * - existing upper- or mixed-case UUIDs are lower-cased. `sales` is immutable (D6), so its
 *   triggers are set aside for this one statement per row and put back exactly as they were.
 *   A row whose lower-case form is already taken (a retry that was recorded twice before this
 *   fix) keeps its UUID: both sales happened and stay in the books;
 * - a BEFORE INSERT trigger refuses any UUID that is not lower case, on SQLite and PostgreSQL.
 *   With UQ_sales_uuid this makes the unique key hold whatever case a caller sends.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const MESSAGE = 'sale uuids are stored in lower case';

export class LowerCaseSaleUuids1790000003000 implements MigrationInterface {
  name = 'LowerCaseSaleUuids1790000003000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await this.lowerCaseExisting(q, pg);
    if (pg) {
      await q.query(
        `CREATE OR REPLACE FUNCTION kassa_sale_uuid_lower_case() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${MESSAGE}'; END; $$ LANGUAGE plpgsql`,
      );
      await q.query(
        `CREATE TRIGGER sales_uuid_lower_case BEFORE INSERT ON sales FOR EACH ROW WHEN (NEW.uuid <> lower(NEW.uuid)) EXECUTE FUNCTION kassa_sale_uuid_lower_case()`,
      );
      return;
    }
    await q.query(
      `CREATE TRIGGER sales_uuid_lower_case BEFORE INSERT ON sales WHEN NEW.uuid <> lower(NEW.uuid) BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.query(`DROP TRIGGER IF EXISTS sales_uuid_lower_case${pg ? ' ON sales' : ''}`);
    if (pg) await q.query('DROP FUNCTION IF EXISTS kassa_sale_uuid_lower_case()');
  }

  /** Lower-cases each stored UUID that is not, unless its lower-case form is taken. */
  private async lowerCaseExisting(q: QueryRunner, pg: boolean): Promise<void> {
    const p = (n: number) => (pg ? `$${n}` : '?');
    const rows = (await q.query(
      'SELECT id, uuid FROM sales WHERE uuid <> lower(uuid) ORDER BY id',
    )) as Array<{ id: number; uuid: string }>;
    if (rows.length === 0) return;
    const restore = await this.setTriggersAside(q, pg);
    for (const r of rows) {
      const lower = r.uuid.toLowerCase();
      const taken = (await q.query(`SELECT 1 AS x FROM sales WHERE uuid = ${p(1)}`, [
        lower,
      ])) as unknown[];
      if (taken.length === 0)
        await q.query(`UPDATE sales SET uuid = ${p(1)} WHERE id = ${p(2)}`, [lower, r.id]);
    }
    await restore();
  }

  /**
   * Disables the triggers on `sales` (PostgreSQL) or drops them keeping their SQL (SQLite), and
   * returns the function that puts them back. Runs inside the migration's transaction.
   */
  private async setTriggersAside(q: QueryRunner, pg: boolean): Promise<() => Promise<void>> {
    if (pg) {
      await q.query('ALTER TABLE sales DISABLE TRIGGER USER');
      return async () => void (await q.query('ALTER TABLE sales ENABLE TRIGGER USER'));
    }
    const triggers = (await q.query(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sales'",
    )) as Array<{ name: string; sql: string }>;
    for (const t of triggers) await q.query(`DROP TRIGGER "${t.name}"`);
    return async () => {
      for (const t of triggers) await q.query(t.sql);
    };
  }
}

/**
 * Issue 7 §9/§10: each sale keeps the business day it was made on, and editing a sale's customer or
 * note becomes a manager's right.
 *
 * - `sales.business_date` (YYYY-MM-DD): the calendar day in the store's time zone at the moment of
 *   the sale. The void rule ("same day"), the day summary and the transactions list's day filter
 *   use it, so changing the time-zone setting later moves no sale to another day. Existing rows are
 *   backfilled with the zone set now (the `time_zone` setting, else this computer's zone, as the
 *   settings service defaults): one UPDATE per day on the `created_at` index, the day's UTC range
 *   computed with Luxon (SQL has no portable zone arithmetic). Indexed for the day summary.
 * - D6: the column joins the immutable columns of `sales_immutable`, and a new sale must carry it:
 *   the column stays nullable (SQLite cannot add NOT NULL to a filled table, and both engines keep
 *   one schema), and a BEFORE INSERT trigger `sales_business_date_required` refuses a NULL.
 * - Permission `sales.annotate` for admins and managers (A7: cashiers may no longer edit any
 *   till's sale).
 */
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { DateTime } from 'luxon';

/** Columns of `sales` that never change once written (D6), as of this migration. */
const IMMUTABLE_SALE_COLUMNS = [
  'id',
  'uuid',
  'till_id',
  'receipt_no',
  'kind',
  'refund_of_id',
  'staff_id',
  'currency',
  'prices_include_tax',
  'subtotal',
  'discount',
  'tax',
  'total',
  'source',
  'external_ref',
  'request_hash',
  'created_at',
  'business_date',
];
/** Before this migration (1764100000000-RetailSales). */
const PREVIOUS_IMMUTABLE_COLUMNS = IMMUTABLE_SALE_COLUMNS.slice(0, -1);

export class SaleBusinessDate1790000004000 implements MigrationInterface {
  name = 'SaleBusinessDate1790000004000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    const p = (n: number) => (pg ? `$${n}` : '?');

    await q.query('ALTER TABLE sales ADD COLUMN business_date varchar(10)');
    const zoneRows = (await q.query(`SELECT value FROM settings WHERE key = ${p(1)}`, [
      'time_zone',
    ])) as Array<{ value: string }>;
    const zone = zoneRows[0]?.value ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    const span = (await q.query(
      'SELECT MIN(created_at) AS first, MAX(created_at) AS last FROM sales',
    )) as Array<{ first: string | null; last: string | null }>;
    const first = span[0]?.first;
    const last = span[0]?.last;
    if (first && last) {
      let day = DateTime.fromISO(first, { zone }).startOf('day');
      const end = DateTime.fromISO(last, { zone });
      while (day <= end) {
        const next = day.plus({ days: 1 }).startOf('day');
        await q.query(
          `UPDATE sales SET business_date = ${p(1)} WHERE created_at >= ${p(2)} AND created_at < ${p(3)}`,
          [day.toISODate(), day.toUTC().toISO(), next.toUTC().toISO()],
        );
        day = next;
      }
    }
    await q.createIndex(
      'sales',
      new TableIndex({ name: 'IDX_sales_business_date', columnNames: ['business_date'] }),
    );

    await this.immutableColumns(q, pg, IMMUTABLE_SALE_COLUMNS);
    if (pg) {
      await q.query(
        `CREATE OR REPLACE FUNCTION kassa_sale_business_date() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'a sale needs its business date'; END; $$ LANGUAGE plpgsql`,
      );
      await q.query(
        `CREATE TRIGGER sales_business_date_required BEFORE INSERT ON sales FOR EACH ROW WHEN (NEW.business_date IS NULL) EXECUTE FUNCTION kassa_sale_business_date()`,
      );
    } else {
      await q.query(
        `CREATE TRIGGER sales_business_date_required BEFORE INSERT ON sales WHEN NEW.business_date IS NULL BEGIN SELECT RAISE(ABORT, 'a sale needs its business date'); END`,
      );
    }

    await q.query(`INSERT INTO permissions (id, description) VALUES (${p(1)}, ${p(2)})`, [
      'sales.annotate',
      "Change a completed sale's customer or note",
    ]);
    for (const role of ['admin', 'manager'])
      await q.query(
        `INSERT INTO role_permissions (role_id, permission_id) VALUES (${p(1)}, ${p(2)})`,
        [role, 'sales.annotate'],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.query(`DELETE FROM role_permissions WHERE permission_id = 'sales.annotate'`);
    await q.query(`DELETE FROM permissions WHERE id = 'sales.annotate'`);
    await q.query(
      pg
        ? 'DROP TRIGGER sales_business_date_required ON sales'
        : 'DROP TRIGGER sales_business_date_required',
    );
    if (pg) await q.query('DROP FUNCTION kassa_sale_business_date()');
    await this.immutableColumns(q, pg, PREVIOUS_IMMUTABLE_COLUMNS);
    await q.dropIndex('sales', 'IDX_sales_business_date');
    await q.query('ALTER TABLE sales DROP COLUMN business_date');
  }

  /** Recreates `sales_immutable` (D6) over `columns`; same name and message as before. */
  private async immutableColumns(q: QueryRunner, pg: boolean, columns: string[]): Promise<void> {
    const cols = columns.join(', ');
    if (pg) {
      await q.query('DROP TRIGGER sales_immutable ON sales');
      await q.query(
        `CREATE TRIGGER sales_immutable BEFORE UPDATE OF ${cols} ON sales FOR EACH ROW EXECUTE FUNCTION kassa_sale_immutable()`,
      );
      return;
    }
    await q.query('DROP TRIGGER sales_immutable');
    await q.query(
      `CREATE TRIGGER sales_immutable BEFORE UPDATE OF ${cols} ON sales BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END`,
    );
  }
}

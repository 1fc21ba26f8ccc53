/**
 * Issue 10, section 1: shifts (cash sessions), their counts, cash movements and Z reports.
 *
 * - `shifts`: one row per shift of a till, `open` then `closed` (opened/closed by, UTC times, the
 *   counted float). At most one open shift per till: a partial UNIQUE index on `till_id` WHERE
 *   status = 'open' (SQLite and PostgreSQL both have them). A closed shift never changes again
 *   (trigger `shifts_closed_final`), and shifts are never deleted (`shifts_no_delete`).
 * - `shift_counts`: the float (stage `open`) and the blind count (stage `close`) by denomination,
 *   values in minor units. Append-only.
 * - `cash_movements`: paid in, paid out and no-sale (amount 0) of a shift; `uuid` is the client's
 *   id of a paid in/out, so a retry is the same row. Append-only.
 * - `z_reports`: the immutable Z report (D6): `z_no` gapless per till (UNIQUE (till_id, z_no)),
 *   at most one per shift (UNIQUE shift_id), the figures as columns and the lists (tax by rate,
 *   tenders, reconciliation, counts, movements) as JSON in `detail`. Append-only and never
 *   replaced (D9, electron/core/db/required-triggers.ts).
 * - `sales.shift_id`, `sale_voids.shift_id`: the shift open on the till when the sale, refund or
 *   void happened (NULL when none was open and the store does not require one). `sales.shift_id`
 *   joins the immutable columns of `sales_immutable` (D6).
 */
import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { noReplaceTriggerName, noReplaceTriggerSql } from '../electron/core/db/required-triggers';
import { IMMUTABLE_SALE_COLUMNS } from './1764100000000-RetailSales';

const utc = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const int = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const big = (name: string, nullable = false) => ({ name, type: 'bigint', isNullable: nullable });
const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};
const fk = (name: string, column: string, referencedTableName: string) =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName,
    referencedColumnNames: ['id'],
    onDelete: 'RESTRICT',
  });

/** `sales_immutable` before this migration (1790000004000 added business_date). */
const BEFORE = [...IMMUTABLE_SALE_COLUMNS, 'business_date'];
const AFTER = [...BEFORE, 'shift_id'];

/** Frozen copy of the unique keys of this migration's append-only tables (D9, SQLite). */
const NO_REPLACE_KEYS: Record<string, string[][]> = {
  shift_counts: [['id']],
  cash_movements: [['id'], ['uuid']],
  z_reports: [['id'], ['shift_id'], ['till_id', 'z_no']],
};

/** The Z report's figures kept as columns (the lists go to `detail`). */
const Z_FIGURES = [
  'sales_count',
  'gross',
  'discount',
  'refunds_count',
  'refunds',
  'voids_count',
  'voids',
  'net',
  'tax',
  'float_amount',
  'paid_in',
  'paid_out',
  'no_sale_count',
  'expected_cash',
  'counted_cash',
  'over_short',
  'grand_total',
];

export class Shifts1790000008100 implements MigrationInterface {
  name = 'Shifts1790000008100';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.createTable(
      new Table({
        name: 'shifts',
        columns: [
          id,
          int('till_id'),
          text('status', 10),
          int('opened_by'),
          utc('opened_at'),
          big('float_amount'),
          int('closed_by', true),
          utc('closed_at', true),
        ],
        checks: [{ name: 'CHK_shifts_status', expression: `status IN ('open', 'closed')` }],
        indices: [new TableIndex({ name: 'IDX_shifts_till', columnNames: ['till_id', 'id'] })],
        foreignKeys: [
          fk('FK_shifts_till', 'till_id', 'tills'),
          fk('FK_shifts_opened_by', 'opened_by', 'staff'),
          fk('FK_shifts_closed_by', 'closed_by', 'staff'),
        ],
      }),
    );
    await q.query(
      `CREATE UNIQUE INDEX UQ_shifts_open_per_till ON shifts (till_id) WHERE status = 'open'`,
    );
    await q.createTable(
      new Table({
        name: 'shift_counts',
        columns: [id, int('shift_id'), text('stage', 10), big('value'), int('quantity')],
        checks: [{ name: 'CHK_shift_counts_stage', expression: `stage IN ('open', 'close')` }],
        indices: [new TableIndex({ name: 'IDX_shift_counts_shift', columnNames: ['shift_id'] })],
        foreignKeys: [fk('FK_shift_counts_shift', 'shift_id', 'shifts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cash_movements',
        columns: [
          id,
          text('uuid', 36, true),
          int('shift_id'),
          text('kind', 10),
          big('amount'),
          text('reason', 20, true),
          text('note', 200, true),
          int('staff_id'),
          utc('created_at'),
        ],
        checks: [
          {
            name: 'CHK_cash_movements_kind',
            expression: `kind IN ('paidIn', 'paidOut', 'noSale')`,
          },
        ],
        indices: [
          new TableIndex({ name: 'UQ_cash_movements_uuid', columnNames: ['uuid'], isUnique: true }),
          new TableIndex({ name: 'IDX_cash_movements_shift', columnNames: ['shift_id'] }),
        ],
        foreignKeys: [
          fk('FK_cash_movements_shift', 'shift_id', 'shifts'),
          fk('FK_cash_movements_staff', 'staff_id', 'staff'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'z_reports',
        columns: [
          id,
          int('shift_id'),
          int('till_id'),
          int('z_no'),
          text('currency', 3),
          int('closed_by'),
          utc('closed_at'),
          ...Z_FIGURES.map((c) => big(c)),
          int('first_receipt_no', true),
          int('last_receipt_no', true),
          text('note', 500, true),
          text('detail', 200000),
        ],
        indices: [
          new TableIndex({ name: 'UQ_z_reports_shift', columnNames: ['shift_id'], isUnique: true }),
          new TableIndex({
            name: 'UQ_z_reports_till_no',
            columnNames: ['till_id', 'z_no'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          fk('FK_z_reports_shift', 'shift_id', 'shifts'),
          fk('FK_z_reports_till', 'till_id', 'tills'),
          fk('FK_z_reports_closed_by', 'closed_by', 'staff'),
        ],
      }),
    );
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the table on SQLite, dropping its triggers.
    await q.query('ALTER TABLE sales ADD COLUMN shift_id integer');
    await q.createIndex(
      'sales',
      new TableIndex({ name: 'IDX_sales_shift', columnNames: ['shift_id'] }),
    );
    await q.query('ALTER TABLE sale_voids ADD COLUMN shift_id integer');
    await q.createIndex(
      'sale_voids',
      new TableIndex({ name: 'IDX_sale_voids_shift', columnNames: ['shift_id'] }),
    );
    await this.immutableSales(q, pg, AFTER);

    for (const t of ['shift_counts', 'cash_movements', 'z_reports'])
      await this.appendOnly(q, t, pg);
    if (pg) {
      await q.query(
        `CREATE OR REPLACE FUNCTION kassa_shift_final() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'a closed shift never changes'; END; $$ LANGUAGE plpgsql`,
      );
      await q.query(
        `CREATE TRIGGER shifts_closed_final BEFORE UPDATE ON shifts FOR EACH ROW WHEN (OLD.status <> 'open' OR NEW.till_id <> OLD.till_id OR NEW.opened_by <> OLD.opened_by OR NEW.opened_at <> OLD.opened_at OR NEW.float_amount <> OLD.float_amount) EXECUTE FUNCTION kassa_shift_final()`,
      );
      await q.query(
        `CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts FOR EACH ROW EXECUTE FUNCTION kassa_shift_final()`,
      );
    } else {
      await q.query(
        `CREATE TRIGGER shifts_closed_final BEFORE UPDATE ON shifts WHEN OLD.status <> 'open' OR NEW.till_id IS NOT OLD.till_id OR NEW.opened_by IS NOT OLD.opened_by OR NEW.opened_at IS NOT OLD.opened_at OR NEW.float_amount IS NOT OLD.float_amount OR NEW.id IS NOT OLD.id BEGIN SELECT RAISE(ABORT, 'a closed shift never changes'); END`,
      );
      await q.query(
        `CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END`,
      );
      for (const [table, keys] of Object.entries(NO_REPLACE_KEYS))
        await q.query(noReplaceTriggerSql(table, keys));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await this.immutableSales(q, pg, BEFORE);
    await q.dropIndex('sale_voids', 'IDX_sale_voids_shift');
    await q.query('ALTER TABLE sale_voids DROP COLUMN shift_id');
    await q.dropIndex('sales', 'IDX_sales_shift');
    await q.query('ALTER TABLE sales DROP COLUMN shift_id');
    for (const t of ['z_reports', 'cash_movements', 'shift_counts', 'shifts'])
      await q.dropTable(t, true);
    if (pg) await q.query('DROP FUNCTION IF EXISTS kassa_shift_final()');
    else
      for (const table of Object.keys(NO_REPLACE_KEYS))
        await q.query(`DROP TRIGGER IF EXISTS ${noReplaceTriggerName(table)}`);
  }

  /** D6: UPDATE and DELETE abort; on PostgreSQL through kassa_append_only() (first migration). */
  private async appendOnly(q: QueryRunner, table: string, pg: boolean): Promise<void> {
    if (pg) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION kassa_append_only()`,
      );
      return;
    }
    await q.query(
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    );
    await q.query(
      `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    );
  }

  /** Recreates `sales_immutable` (D6) over `columns`; same name and message as before. */
  private async immutableSales(q: QueryRunner, pg: boolean, columns: string[]): Promise<void> {
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

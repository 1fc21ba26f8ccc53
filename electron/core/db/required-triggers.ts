/**
 * The triggers that make Kassa's immutable tables immutable (D6, L2), listed in ONE place.
 *
 * - `<table>_no_update` / `<table>_no_delete` (and, for `sales`, `sales_immutable`,
 *   `sales_status_forward`, `sales_no_delete`) abort UPDATE and DELETE.
 * - `<table>_no_replace` (D9) aborts an INSERT whose key already exists. SQLite's
 *   `INSERT OR REPLACE` resolves a key conflict by deleting the old row, and that deletion fires no
 *   DELETE trigger unless the connection set `recursive_triggers` (SQLite docs, "ON CONFLICT",
 *   REPLACE), so without these an attacker with the file could rewrite an audit row or a sale line.
 *   BEFORE INSERT triggers run before the conflict is resolved, whatever the connection's pragmas.
 *
 * createCore checks at start-up that every trigger named in `REQUIRED_TRIGGERS` exists and opens in
 * safe mode, naming the missing ones, when one does not (D9: dropped triggers must not stay
 * dropped unnoticed). A later migration that adds an immutable table adds its triggers here.
 *
 * PostgreSQL has no REPLACE (its `ON CONFLICT DO UPDATE` fires the BEFORE UPDATE triggers, which
 * abort), so there the migrations create only the append-only triggers, under other names (one
 * PL/pgSQL function per rule). A store server is checked for what they do instead of their names:
 * `unguardedTables` (issue 12, section 2).
 */

/** The unique keys of each immutable table: every column list that a REPLACE could collide on. */
export const IMMUTABLE_KEYS: Readonly<Record<string, ReadonlyArray<readonly string[]>>> = {
  audit_events: [['id']],
  sales: [['id'], ['uuid'], ['till_id', 'receipt_no'], ['source', 'external_ref']],
  sale_lines: [['id'], ['sale_id', 'line_no']],
  sale_tenders: [['id']],
  sale_voids: [['sale_id']],
  // Issue 10, section 1 (migration 1790000008100).
  shift_counts: [['id']],
  cash_movements: [['id'], ['uuid']],
  z_reports: [['id'], ['shift_id'], ['till_id', 'z_no']],
  // Issue 11, section 2 (migration 1790000009100).
  stock_movements: [['id']],
};

/** Name of the BEFORE INSERT trigger that refuses a replaced row of `table`. */
export function noReplaceTriggerName(table: string): string {
  return `${table}_no_replace`;
}

/**
 * SQLite DDL for `<table>_no_replace`: aborts when a row with any of `keys` already exists. A
 * NULL in a key column never matches (`=` with NULL is not true), exactly like a UNIQUE index.
 */
export function noReplaceTriggerSql(table: string, keys: ReadonlyArray<readonly string[]>): string {
  const exists = keys
    .map(
      (cols) =>
        `EXISTS (SELECT 1 FROM ${table} WHERE ${cols.map((c) => `${c} = NEW.${c}`).join(' AND ')})`,
    )
    .join(' OR ');
  return `CREATE TRIGGER ${noReplaceTriggerName(table)} BEFORE INSERT ON ${table} WHEN ${exists} BEGIN SELECT RAISE(ABORT, '${table} rows are never replaced'); END`;
}

/** Every trigger the SQLite schema must have (D6, L2, D9). */
export const REQUIRED_TRIGGERS: readonly string[] = [
  'audit_events_no_update',
  'audit_events_no_delete',
  'sale_lines_no_update',
  'sale_lines_no_delete',
  'sale_tenders_no_update',
  'sale_tenders_no_delete',
  'sale_voids_no_update',
  'sale_voids_no_delete',
  'sales_immutable',
  'sales_status_forward',
  'sales_no_delete',
  // Checks on new sale rows: a business day stamped (D6, §10) and a lower-case UUID (D2, M2).
  'sales_business_date_required',
  'sales_uuid_lower_case',
  // Issue 10, section 1: counts, cash movements and Z reports are append-only; a closed shift
  // never changes and no shift is deleted.
  'shift_counts_no_update',
  'shift_counts_no_delete',
  'cash_movements_no_update',
  'cash_movements_no_delete',
  'z_reports_no_update',
  'z_reports_no_delete',
  'shifts_closed_final',
  'shifts_no_delete',
  // Issue 11, section 2: the stock ledger is append-only.
  'stock_movements_no_update',
  'stock_movements_no_delete',
  ...Object.keys(IMMUTABLE_KEYS).map(noReplaceTriggerName),
];

/** The part of a better-sqlite3 Database this module reads. */
export interface TriggerSource {
  prepare(sql: string): { all(): unknown[] };
}

/** The required triggers missing from the open SQLite database, in list order. */
export function missingTriggers(db: TriggerSource): string[] {
  const present = new Set(
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  return REQUIRED_TRIGGERS.filter((name) => !present.has(name));
}

/** pg_trigger.tgtype bits (PostgreSQL's catalog/pg_trigger.h): BEFORE, DELETE and UPDATE. */
const TG_BEFORE = 2;
const TG_DELETE = 8;
const TG_UPDATE = 16;

/** One enabled trigger of the store server, as `PG_TRIGGERS_SQL` lists it. */
export interface PgTrigger {
  table: string;
  tgtype: number;
}

/** Every enabled user trigger on a PostgreSQL server, as PgTrigger rows. */
export const PG_TRIGGERS_SQL = `SELECT c.relname AS "table", t.tgtype FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'`;

/**
 * D6, D9 on a store server: each immutable table (IMMUTABLE_KEYS) that lacks a BEFORE UPDATE or a
 * BEFORE DELETE trigger, as `table (UPDATE)` or `table (DELETE)`, in list order; [] when all hold.
 */
export function unguardedTables(triggers: readonly PgTrigger[]): string[] {
  const guarded = (table: string, event: number) =>
    triggers.some(
      (t) => t.table === table && (t.tgtype & TG_BEFORE) !== 0 && (t.tgtype & event) !== 0,
    );
  return Object.keys(IMMUTABLE_KEYS).flatMap((table) => [
    ...(guarded(table, TG_UPDATE) ? [] : [`${table} (UPDATE)`]),
    ...(guarded(table, TG_DELETE) ? [] : [`${table} (DELETE)`]),
  ]);
}

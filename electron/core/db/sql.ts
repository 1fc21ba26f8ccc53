/**
 * Tiny helpers for the few hand-written statements on hot paths (checkout, lists, reports), so
 * the same SQL runs on SQLite and PostgreSQL: placeholders are `?` on SQLite and `$n` on
 * PostgreSQL. Everything else goes through TypeORM's query builder.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import { rawSqlite } from './raw-sqlite';

export function isPostgres(em: EntityManager): boolean {
  return em.connection.driver.options.type === 'postgres';
}

/**
 * Rewrites `?` placeholders to `$1, $2 …` on PostgreSQL. The SQL passed in must not contain a
 * literal `?` anywhere else (ours never do).
 */
export function portable(em: EntityManager, sql: string): string {
  if (!isPostgres(em)) return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Locks the rows `ids` of `table` until the transaction ends, in id order (so two transactions
 * locking overlapping sets cannot deadlock): `SELECT … FOR UPDATE` on PostgreSQL, where a
 * READ COMMITTED write (`contended`) must lock what its rules read before it writes. Nothing on
 * SQLite, whose write transaction (BEGIN IMMEDIATE) already excludes every other writer.
 *
 * `strength` is PostgreSQL's row-lock mode. `NO KEY UPDATE` is what an UPDATE of non-key columns
 * takes: it still excludes every other such writer, but not the `KEY SHARE` lock a foreign-key
 * check takes when a row referencing this one is inserted (a sale line naming a product). A
 * transaction that inserts such rows before it locks must use it, or two of them can deadlock.
 * (PostgreSQL documentation, "Row-Level Locks".)
 */
export async function lockForUpdate(
  em: EntityManager,
  table: string,
  ids: readonly number[],
  strength: 'UPDATE' | 'NO KEY UPDATE' = 'UPDATE',
): Promise<void> {
  if (!isPostgres(em) || ids.length === 0) return;
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  await run(
    em,
    `SELECT id FROM ${table} WHERE id IN (${unique.map(() => '?').join(', ')}) ORDER BY id FOR ${strength}`,
    unique,
  );
}

/**
 * Runs a statement with `?` placeholders on either engine; returns the rows (also for
 * `UPDATE … RETURNING`, which TypeORM's plain `query` wraps differently on PostgreSQL).
 */
export async function run<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (!isPostgres(em)) return sqliteRows<T>(em, sql, params);
  const qr = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await qr.query(portable(em, sql), params, true);
    return result.records as T[];
  } finally {
    if (!em.queryRunner) await qr.release();
  }
}

/** Statements prepared per SQLite connection, by SQL text; the oldest goes past the limit. */
const prepared = new WeakMap<Database, Map<string, Statement>>();
const PREPARED_LIMIT = 500;

/**
 * SQLite: the statement straight on better-sqlite3's connection (the one every transaction of
 * db/database.ts runs on), prepared once. TypeORM's own query path costs a sale's 28 statements
 * about a tenth of the complete-sale time (`npm run bench -- --sale-only`, issue 11, section 4).
 * Rows for a statement that returns rows (SELECT, `… RETURNING`); none otherwise. Errors are
 * better-sqlite3's `SqliteError` (db/storage-errors.ts reads its code).
 */
function sqliteRows<T>(em: EntityManager, sql: string, params: unknown[]): T[] {
  const db = rawSqlite(em.connection);
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
    if (statements.size > PREPARED_LIMIT) statements.delete(statements.keys().next().value!);
  }
  // better-sqlite3 binds no booleans.
  const values = params.map((p) => (typeof p === 'boolean' ? Number(p) : p));
  if (statement.reader) return statement.all(...values) as T[];
  statement.run(...values);
  return [];
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT of `rows` rows of `cols` columns. */
export function valuesList(rows: number, cols: number): string {
  const one = `(${new Array(cols).fill('?').join(', ')})`;
  return new Array(rows).fill(one).join(', ');
}

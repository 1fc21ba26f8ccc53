/**
 * Tiny helpers for the few hand-written statements on hot paths (checkout, lists, reports), so
 * the same SQL runs on SQLite and PostgreSQL: placeholders are `?` on SQLite and `$n` on
 * PostgreSQL. Everything else goes through TypeORM's query builder.
 */
import type { Database, Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { QueryFailedError, type EntityManager, type QueryRunner } from 'typeorm';
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

/** How `run` sends a statement. */
export interface RunOptions {
  /**
   * PostgreSQL: send it as a named prepared statement of the connection (see `serverRows`), so
   * the server parses it once per connection and may stop planning it at every call. Only for a
   * statement whose best plan does not depend on its values: reads and writes by key, INSERTs.
   * Never for LIKE patterns, date ranges or a LIMIT, where one generic plan can be far slower
   * than the plan made for the values. Check a new one on a large database with `PREPARE s AS …;
   * SET plan_cache_mode = force_generic_plan; EXPLAIN EXECUTE s(…)`. SQLite prepares every
   * statement once anyway.
   */
  reusePlan?: boolean;
}

/**
 * Runs a statement with `?` placeholders on either engine; returns the rows (also for
 * `UPDATE … RETURNING`, which TypeORM's plain `query` wraps differently on PostgreSQL).
 * Errors are the driver's: better-sqlite3's `SqliteError`, or TypeORM's `QueryFailedError`
 * around node-postgres's error (db/storage-errors.ts reads both).
 */
export async function run<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
  options: RunOptions = {},
): Promise<T[]> {
  if (!isPostgres(em)) return sqliteRows<T>(em, sql, params);
  const qr = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const named = options.reusePlan ? namedStatement(em, sql) : undefined;
    if (named) return await serverRows<T>(qr, named, params);
    const result = await qr.query(portable(em, sql), params, true);
    return result.records as T[];
  } finally {
    if (!em.queryRunner) await qr.release();
  }
}

/** A statement run with `reusePlan`: its name and its text with PostgreSQL's placeholders. */
interface NamedStatement {
  name: string;
  text: string;
}

/** The statements run with `reusePlan`, by their SQL with `?`; none past the limit. */
const namedStatements = new Map<string, NamedStatement>();
export const NAMED_STATEMENT_LIMIT = 1000;

/**
 * The prepared statement for `sql`, the same on every connection, built once: its text for
 * PostgreSQL (`portable`), named `k` and a digest of that text, so two statements never share a
 * name. Undefined past NAMED_STATEMENT_LIMIT texts: the statement then runs unnamed, as without
 * `reusePlan`. Texts vary with the length of an IN list or the rows of a multi-row INSERT, so
 * the limit bounds what each connection holds on the server.
 */
function namedStatement(em: EntityManager, sql: string): NamedStatement | undefined {
  let named = namedStatements.get(sql);
  if (named === undefined && namedStatements.size < NAMED_STATEMENT_LIMIT) {
    const text = portable(em, sql);
    named = { name: `k${createHash('sha256').update(text).digest('hex').slice(0, 32)}`, text };
    namedStatements.set(sql, named);
  }
  return named;
}

/**
 * PostgreSQL with `reusePlan`: the statement straight on the query runner's pooled connection,
 * named. node-postgres sends Parse the first time a connection meets the name, then only Bind
 * and Execute. The server plans the first five executions for their values, then keeps one
 * generic plan when it costs no more than those (PostgreSQL documentation, PREPARE, "Notes", and
 * `plan_cache_mode`); an ANALYZE of a table it reads makes it plan again. Parsing and planning
 * were 2.3 ms of the server's 5.7 ms of CPU time a sale (docs/benchmarks.md). A failure is
 * wrapped in `QueryFailedError`, as TypeORM's `query` does.
 */
async function serverRows<T>(
  qr: QueryRunner,
  { name, text }: NamedStatement,
  params: unknown[],
): Promise<T[]> {
  const client = (await qr.connect()) as PoolClient;
  try {
    const result = await client.query<T>({ name, text, values: params });
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(text, params, error as Error);
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

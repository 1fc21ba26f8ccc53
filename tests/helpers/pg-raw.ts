/**
 * A synchronous read and tamper view of a test core's store database, with the part of
 * better-sqlite3's API the core tests use on `TestCore.raw()` (prepare → get/all/run/pluck, exec,
 * transaction, close), so the same test reads its rows on either engine (test-engine.ts).
 *
 * Each call runs in a worker on a real `pg` client and the test waits for it (synckit). Rows come
 * back as SQLite gives them: booleans as 1/0, counts as numbers. `?` placeholders become `$1…`;
 * `@name`, `:name` and `$name` take an object, as in better-sqlite3. `pragma` throws: it is
 * SQLite's own.
 */
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { createSyncFn } from 'synckit';

type Answer = { rows: Array<Record<string, unknown>>; rowCount: number } | null;
type Query = (url: string, op: string, sql?: string, params?: unknown[]) => Answer;

/**
 * The worker, started on first use only: child processes bundle this file with the rest of
 * tests/helpers/core.ts (child-bundle.ts) and never read a store database.
 */
let worker: Query | undefined;
const query: Query = (...args) => {
  worker ??= createSyncFn<Query>(join(__dirname, 'pg-raw-worker.mjs'), { timeout: 30_000 });
  return worker(...args);
};

/**
 * Ends the worker's connection to `url`, if it holds one, without starting the worker: a
 * database is reused only when no other connection is on it (test-engine.ts), so a closed core's
 * raw view must let go of it first.
 */
export function forgetPgRaw(url: string): void {
  if (worker) worker(url, 'close');
}

/** `sql` with better-sqlite3's placeholders as PostgreSQL's, and the values in their order. */
export function toPostgres(sql: string, args: unknown[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const named =
    args.length === 1 &&
    args[0] !== null &&
    typeof args[0] === 'object' &&
    !Array.isArray(args[0]) &&
    !Buffer.isBuffer(args[0])
      ? (args[0] as Record<string, unknown>)
      : null;
  const positional = args.flat();
  let n = 0;
  // Outside string literals only: a '…' stays as it is.
  const text = sql.replace(/'(?:[^']|'')*'|(?<![:\w])[@:$]([A-Za-z_]\w*)|\?/g, (m, name) => {
    if (m.startsWith("'")) return m;
    if (name !== undefined) {
      if (!named) return m;
      values.push(named[name]);
      return `$${values.length}`;
    }
    values.push(positional[n++]);
    return `$${values.length}`;
  });
  return { text, values: values.map((v) => (typeof v === 'bigint' ? String(v) : v)) };
}

/** A row as SQLite would give it: booleans as 1/0, bytea as a Buffer. */
function asSqliteRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    out[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v instanceof Uint8Array ? Buffer.from(v) : v;
  return out;
}

/** better-sqlite3's `Database`, as far as the core tests use it, on the database at `url`. */
export function pgRaw(url: string): Database.Database {
  const run = (sql: string, args: unknown[]) => {
    const { text, values } = toPostgres(sql, args);
    const r = query(url, 'query', text, values)!;
    return { rows: r.rows.map(asSqliteRow), rowCount: r.rowCount };
  };
  const statement = (sql: string, plucked = false) => {
    const first = (row: Record<string, unknown> | undefined) =>
      plucked && row ? Object.values(row)[0] : row;
    return {
      get: (...args: unknown[]) => first(run(sql, args).rows[0]),
      all: (...args: unknown[]) => run(sql, args).rows.map(first),
      run: (...args: unknown[]) => ({ changes: run(sql, args).rowCount, lastInsertRowid: 0 }),
      pluck: (on = true) => statement(sql, on),
    };
  };
  const db = {
    prepare: (sql: string) => statement(sql),
    exec(sql: string) {
      query(url, 'query', sql);
      return db;
    },
    transaction:
      <A extends unknown[], R>(fn: (...args: A) => R) =>
      (...args: A): R => {
        query(url, 'query', 'BEGIN');
        try {
          const r = fn(...args);
          query(url, 'query', 'COMMIT');
          return r;
        } catch (e) {
          query(url, 'query', 'ROLLBACK');
          throw e;
        }
      },
    pragma(): never {
      throw new Error('PRAGMA is SQLite only: this test reads the file, not the store database');
    },
    close() {
      query(url, 'close');
    },
  };
  return db as unknown as Database.Database;
}

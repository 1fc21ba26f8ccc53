/**
 * D1: pragmas set on every connection as it opens. better-sqlite3 in WAL mode defaults to
 * synchronous=NORMAL, which can lose the last commits on power loss; a POS needs FULL
 * (SQLite docs: "PRAGMA synchronous", "Write-Ahead Logging").
 */
export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

/**
 * Page cache per connection, in KiB (SQLite's negative `cache_size`): 64 MiB instead of the
 * default 2 MiB, so the upper levels of the sales indexes stay in memory at millions of sales
 * (measured with `npm run bench`: fewer page reads per sale and per report).
 */
export const CACHE_SIZE_KIB = 65_536;

/** The subset of a better-sqlite3 Database this module needs. */
export interface PragmaTarget {
  pragma(source: string, options?: { simple?: boolean }): unknown;
}

export function applyPragmas(db: PragmaTarget): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  db.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
}

/**
 * Set once the migrations are done: statement journals and temporary tables in memory (SQLite
 * "PRAGMA temp_store", "Temporary Files Used By SQLite" §2.5). Inside a transaction SQLite keeps
 * each write statement's undo pages in a statement journal, in memory up to 64 KiB and in a file
 * under the temporary folder past that. A sale's multi-row statements (its line items, stock
 * movements, on-hand and rollup upserts) can each change more than 16 pages, so every sale created,
 * wrote and deleted such a file: about 120 write calls a sale (`npm run bench -- --sale-only`,
 * issue 11, section 4).
 *
 * Not during migrations: with temp_store=MEMORY SQLite's sorter keeps every key in memory, and a
 * migration's CREATE INDEX or GROUP BY over every sale line at millions of sales must be able to
 * spill to disk. At run time the largest sort is the rollup rebuild after a sales import, bounded
 * by the imported days.
 */
export function applyRuntimePragmas(db: PragmaTarget): void {
  db.pragma('temp_store = MEMORY');
}

/** Reads the four pragmas back, for the start-up log and the D1 test. */
export function readPragmas(db: PragmaTarget): Record<keyof typeof REQUIRED_PRAGMAS, unknown> {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
  };
}

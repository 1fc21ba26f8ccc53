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

/** Reads the four pragmas back, for the start-up log and the D1 test. */
export function readPragmas(db: PragmaTarget): Record<keyof typeof REQUIRED_PRAGMAS, unknown> {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
  };
}

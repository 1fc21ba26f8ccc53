/**
 * The cheap start-up checks of the database file (D5, D10): each costs the same at 10 sales and
 * at 10 million. The O(file) checks (`integrity_check`, the whole audit chain) run later in a
 * worker thread (full-check.ts).
 *
 * - header: the file is missing, empty, or starts with the SQLite header ("SQLite format 3\0"),
 *   a page size that is a power of two in 512..65536, and a length that is a whole number of pages
 *   (SQLite file format, §1.3 "The database header");
 * - schema version: every migration recorded in the file is one this build knows (a file from a
 *   newer Kassa is not written to by an older one);
 * - triggers: see db/required-triggers.ts.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { MIGRATIONS } from '../../../migrations';

export type FileState =
  { state: 'missing' | 'empty' | 'ok' } | { state: 'damaged'; detail: string };

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function size(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** Reads the file's 100-byte header and length. Never opens it as a database. */
export function checkHeader(databasePath: string): FileState {
  if (!existsSync(databasePath)) return { state: 'missing' };
  const bytes = size(databasePath);
  // An empty main file with a non-empty WAL is SQLite's business (a new file not yet checkpointed).
  if (bytes === 0) return size(`${databasePath}-wal`) > 0 ? { state: 'ok' } : { state: 'empty' };
  if (bytes < 100) return { state: 'damaged', detail: `the file is only ${bytes} bytes long` };
  const header = Buffer.alloc(100);
  const fd = openSync(databasePath, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(MAGIC))
    return { state: 'damaged', detail: 'the file is not a SQLite database' };
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0)
    return { state: 'damaged', detail: `the header's page size ${raw} is invalid` };
  if (bytes % pageSize !== 0)
    return { state: 'damaged', detail: `the file is not a whole number of ${pageSize}-byte pages` };
  return { state: 'ok' };
}

/** Migrations recorded in the file that this build does not know (a newer Kassa wrote them). */
export function unknownMigrations(recorded: readonly string[]): string[] {
  const known = new Set(MIGRATIONS.map((m) => new m().name));
  return recorded.filter((name) => !known.has(name));
}

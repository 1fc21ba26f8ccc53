/**
 * Puts a restored database file in place of the closed one (issue 10, section 5): the WAL and
 * shared-memory files of the old database go first (a leftover WAL would be replayed into the
 * restored file), then the restored file is renamed over the database (atomic on one volume).
 */
import { renameSync, rmSync } from 'node:fs';

export function swapInRestored(databasePath: string, restoredPath: string): void {
  rmSync(`${databasePath}-wal`, { force: true });
  rmSync(`${databasePath}-shm`, { force: true });
  renameSync(restoredPath, databasePath);
}

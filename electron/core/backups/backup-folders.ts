/**
 * The folders backups go to (D4): the local one beside the database, always, and the second one
 * the admin chose (a USB drive or a network share). Listing reads each file's manifest header;
 * rotation (rotation.ts) deletes what the policy does not keep, in each folder on its own.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupEntry } from '../../../shared/contract/backups';
import { isBackupFileName, readManifest, type BackupManifest } from './backup-format';
import { backupsToKeep } from './rotation';

/** The local backup folder: `backups/` beside the database file. */
export function localFolder(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

/** Backups made for safety, kept apart by the rotation. */
export const SAFETY_REASONS: readonly string[] = ['preMigration', 'preRestore'];

interface Found {
  name: string;
  bytes: number;
  manifest: BackupManifest;
}

/** The backup files in `folder` whose header reads; [] when the folder cannot be read. */
export function backupsIn(folder: string): Found[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: Found[] = [];
  for (const name of names) {
    if (!isBackupFileName(name)) continue;
    const manifest = readManifest(join(folder, name));
    if (manifest) found.push({ name, bytes: statSync(join(folder, name)).size, manifest });
  }
  return found;
}

export function entriesIn(folder: string, location: BackupEntry['location']): BackupEntry[] {
  return backupsIn(folder).map(({ name, bytes, manifest: m }) => ({
    location,
    name,
    createdAt: m.createdAt,
    reason: String(m.reason).slice(0, 40),
    bytes,
    encrypted: m.encryption !== null,
    appVersion: String(m.appVersion).slice(0, 40),
    schemaVersion: m.schemaVersion === null ? null : String(m.schemaVersion).slice(0, 200),
    sales: typeof m.counts?.sales === 'number' ? m.counts.sales : null,
  }));
}

/** Deletes the backups in `folder` that the rotation does not keep; returns their names. */
export function rotate(folder: string): string[] {
  const found = backupsIn(folder);
  const keep = backupsToKeep(
    found.map((f) => ({
      name: f.name,
      at: new Date(f.manifest.createdAt),
      safety: SAFETY_REASONS.includes(f.manifest.reason),
    })),
  );
  const removed = found.filter((f) => !keep.has(f.name)).map((f) => f.name);
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}

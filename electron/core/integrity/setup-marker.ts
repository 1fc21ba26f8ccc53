/**
 * The set-up marker (D5, D9): a small JSON file beside the database (in userData) that remembers,
 * outside the database, that this till was set up and that its audit chain was sealed. A missing,
 * emptied or replaced database where the marker says "set up" opens in safe mode ("the database is
 * missing or empty") instead of offering the first-admin screen to whoever stands at the till.
 *
 * File: `<database path>.setup.json`,
 * `{ "setUp": true, "auditSealed": true, "since": "<UTC>", "auditBroken": null }`.
 * Written atomically (temp file, fsync, rename). An unreadable marker counts as "set up": it only
 * exists because a till was set up here.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';

export interface SetupMarker {
  setUp: boolean;
  /** The audit chain has been sealed at least once (so a missing seal is tampering). */
  auditSealed: boolean;
  /** UTC ISO-8601, when the marker was first written. */
  since: string | null;
  /**
   * Why the audit chain was found broken, once it was (L2): a break stays reported across
   * restarts, even one only the background full check can see.
   */
  auditBroken: string | null;
}

const NONE: SetupMarker = { setUp: false, auditSealed: false, since: null, auditBroken: null };

export function markerPath(databasePath: string): string {
  return `${databasePath}.setup.json`;
}

/** Reads the marker; no file means a till never set up here. */
export function readMarker(databasePath: string): SetupMarker {
  const path = markerPath(databasePath);
  if (!existsSync(path)) return { ...NONE };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<SetupMarker>;
    return {
      setUp: parsed.setUp !== false,
      auditSealed: parsed.auditSealed === true,
      since: typeof parsed.since === 'string' ? parsed.since : null,
      auditBroken: typeof parsed.auditBroken === 'string' ? parsed.auditBroken : null,
    };
  } catch {
    return { setUp: true, auditSealed: false, since: null, auditBroken: null };
  }
}

/** Writes the marker atomically and durably. */
export function writeMarker(databasePath: string, marker: SetupMarker): void {
  const path = markerPath(databasePath);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(marker)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

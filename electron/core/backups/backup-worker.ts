/**
 * The O(file) work of a backup and of a restore's verification (D4, D5), in a worker thread so the
 * till keeps selling and its event loop never waits on it.
 *
 * `make`: opens its own READ-ONLY connection and holds one read transaction (WAL: a snapshot that
 * the till's commits do not disturb, so the copy holds exactly the sales committed before it
 * began and never restarts), copies it with SQLite's online backup API (`db.backup`, a few pages
 * a step; never a file copy, which could catch a half-written page), runs `integrity_check` and
 * the manifest's counts on the copy, then writes the backup file (backup-format.ts): manifest
 * header, gzip (zlib streams), and AES-256-GCM under a scrypt key when a passphrase is given.
 *
 * `open`: reads a backup file's header, checks the passphrase, decrypts and gunzips into
 * `outPath`, compares the SHA-256, runs `integrity_check` and reads the recorded migrations.
 *
 * The worker runs plain JavaScript (eval'd, like integrity/full-check.ts) so it works unchanged in
 * tests, scripts and the bundled app. Failures come back as `{ code, message }` with a backup
 * error code.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/errors';
import type { BackupManifest } from './backup-format';
import { FORMAT_SOURCE } from './backup-format';

const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { pipeline } = require('node:stream/promises');
const { Transform } = require('node:stream');
const Database = require(w.sqlitePath);
${FORMAT_SOURCE}
class Fail extends Error { constructor(code, message) { super(message); this.code = code; } }
const open = (p, ro) => new Database(p, Object.assign({ readonly: ro, fileMustExist: true },
  w.nativeBinding ? { nativeBinding: w.nativeBinding } : {}));
// A read-only connection to a file in WAL mode (as every copy of a till's database is) makes its
// -wal and -shm files and cannot remove them when it closes: the last connection removes them
// after a final checkpoint, which a read-only one cannot run (SQLite documentation, "Write-Ahead
// Logging"). So after a look they go here, the WAL only while empty (a read-only connection
// never writes it); else two stray files stayed beside every backup and every restored file.
function inspect(path) {
  const db = open(path, true);
  try {
    const integrity = db.pragma('integrity_check(20)').map((r) => r.integrity_check).join('; ');
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
    const count = (t) => (tables.has(t) ? db.prepare('SELECT COUNT(*) AS n FROM "' + t + '"').get().n : null);
    const migrations = tables.has('migrations')
      ? db.prepare('SELECT name FROM migrations ORDER BY timestamp, id').all().map((r) => r.name) : [];
    return { integrity, migrations, counts: { sales: count('sales'), staff: count('staff'), zReports: count('z_reports') } };
  } finally {
    db.close();
    const wal = fs.statSync(path + '-wal', { throwIfNoEntry: false });
    if (wal && wal.size === 0) { fs.rmSync(path + '-wal', { force: true }); fs.rmSync(path + '-shm', { force: true }); }
  }
}
function hashFile(path) {
  const h = crypto.createHash('sha256');
  const fd = fs.openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  try { for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n)); }
  finally { fs.closeSync(fd); }
  return h.digest('hex');
}
async function make() {
  const snapshot = w.outPath + '.sqlite';
  const src = open(w.databasePath, true);
  try {
    src.pragma('busy_timeout = 5000');
    src.exec('BEGIN');
    src.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    await src.backup(snapshot, { progress: () => w.pagesPerStep });
    src.exec('COMMIT');
  } finally { src.close(); }
  try {
    const seen = inspect(snapshot);
    if (seen.integrity !== 'ok') throw new Fail('BACKUP_FAILED', 'The copy failed its integrity check: ' + seen.integrity);
    const manifest = Object.assign({}, w.manifest, {
      schemaVersion: seen.migrations[seen.migrations.length - 1] || null,
      counts: seen.counts,
      databaseBytes: fs.statSync(snapshot).size,
      sha256: hashFile(snapshot),
    });
    const header = buildHeader(manifest, w.passphrase);
    const out = fs.openSync(w.outPath, 'w');
    try { fs.writeSync(out, header.bytes); } finally { fs.closeSync(out); }
    const stages = [fs.createReadStream(snapshot), zlib.createGzip({ level: 6 })];
    if (header.cipher) stages.push(header.cipher);
    stages.push(fs.createWriteStream(w.outPath, { flags: 'r+', start: header.bytes.length }));
    await pipeline(stages);
    if (header.cipher) {
      const fd = fs.openSync(w.outPath, 'r+');
      try { fs.writeSync(fd, header.cipher.getAuthTag(), 0, 16, TAG_OFFSET); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    }
    return { manifest, bytes: fs.statSync(w.outPath).size };
  } finally { fs.rmSync(snapshot, { force: true }); }
}
async function openBackup() {
  const { manifest, headerLength, decipher } = readHeader(w.filePath, w.passphrase, Fail);
  const hash = crypto.createHash('sha256');
  const hasher = new Transform({ transform(chunk, _e, cb) { hash.update(chunk); cb(null, chunk); } });
  const stages = [fs.createReadStream(w.filePath, { start: headerLength })];
  if (decipher) stages.push(decipher);
  stages.push(zlib.createGunzip(), hasher, fs.createWriteStream(w.outPath));
  try { await pipeline(stages); }
  catch (e) { throw new Fail('BACKUP_DAMAGED', 'The backup file is damaged or incomplete (' + e.message + ').'); }
  if (hash.digest('hex') !== manifest.sha256)
    throw new Fail('BACKUP_DAMAGED', 'The backup file does not match its checksum: it was changed or damaged.');
  let seen;
  try { seen = inspect(w.outPath); }
  catch (e) { throw new Fail('BACKUP_DAMAGED', 'The backup does not hold a readable database (' + e.message + ').'); }
  if (seen.integrity !== 'ok') throw new Fail('BACKUP_DAMAGED', 'The backup failed its integrity check: ' + seen.integrity);
  return { manifest, migrations: seen.migrations, counts: seen.counts };
}
(w.mode === 'make' ? make() : openBackup()).then(
  (r) => parentPort.postMessage({ ok: true, result: r }),
  // Ours carry a BACKUP_ code; a system error (ENOSPC, EACCES) is told by its code only, never
  // its message, which names paths (nothing path-like crosses IPC).
  (e) => {
    const ours = e && e.code && String(e.code).startsWith('BACKUP_');
    parentPort.postMessage({ ok: false,
      code: ours ? e.code : (w.mode === 'make' ? 'BACKUP_FAILED' : 'BACKUP_DAMAGED'),
      message: ours ? String(e.message) : (w.mode === 'make' ? 'The backup could not be written' : 'The backup could not be read')
        + ' (' + String((e && e.code) || 'error') + ').' });
  },
);
`;

/** Pages per online-backup step: 64 pages of 4 KiB, well under a millisecond of work a step. */
export const PAGES_PER_STEP = 64;

/** Why a worker job failed: one of the backup error codes and a message. */
export class BackupJobError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface Common {
  nativeBinding?: string;
  /** The passphrase to encrypt with / to open with; null for none. */
  passphrase: string | null;
}

export interface MakeJob extends Common {
  databasePath: string;
  /** The backup file to write (the caller renames it into place). */
  outPath: string;
  /** The manifest's fields known before the copy (time, app version, reason). */
  manifest: Pick<BackupManifest, 'createdAt' | 'appVersion' | 'reason'>;
}

export interface OpenJob extends Common {
  filePath: string;
  /** Where the restored SQLite file is written. */
  outPath: string;
}

export interface Opened {
  manifest: BackupManifest;
  /** The migrations recorded in the restored database, oldest first. */
  migrations: string[];
  counts: BackupManifest['counts'];
}

function run<T>(workerData: Record<string, unknown>): Promise<T> {
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { sqlitePath, pagesPerStep: PAGES_PER_STEP, nativeBinding: null, ...workerData },
    });
    worker.once(
      'message',
      (m: { ok: true; result: T } | { ok: false; code: ErrorCode; message: string }) => {
        if (m.ok) resolve(m.result);
        else reject(new BackupJobError(m.code, m.message));
      },
    );
    worker.once('error', (e) => reject(new BackupJobError('BACKUP_FAILED', e.message)));
    worker.once('exit', (code) =>
      reject(new BackupJobError('BACKUP_FAILED', `backup worker exited with code ${code}`)),
    );
  });
}

/** Writes one backup file of `databasePath` (see the file comment). Rejects with BackupJobError. */
export function makeBackupFile(job: MakeJob): Promise<{ manifest: BackupManifest; bytes: number }> {
  return run({ mode: 'make', ...job });
}

/**
 * Verifies a backup file and writes the database it holds to `outPath`. Rejects with
 * BackupJobError: BACKUP_PASSPHRASE (missing or wrong), BACKUP_DAMAGED (not a backup, tampered,
 * truncated, checksum or integrity_check failed).
 */
export function openBackupFile(job: OpenJob): Promise<Opened> {
  return run({ mode: 'open', ...job });
}

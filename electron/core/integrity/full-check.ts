/**
 * The full integrity check (D5, D10, L2): `PRAGMA integrity_check` and a verification of the whole
 * audit chain, in a worker thread with its own READ-ONLY better-sqlite3 connection, so the till
 * keeps selling while it reads the whole file (WAL: readers never block the writer).
 * `integrity_check` is used, not `quick_check`: only it compares every index with its table, so a
 * flipped byte in the `UQ_sales_uuid` index (which would let a retried sale be recorded twice) is
 * caught.
 *
 * The worker runs plain JavaScript (eval'd, like auth/bcrypt-worker.ts) so it works unchanged in
 * tests, scripts and the bundled app. It restates the audit row's canonical text; the tests check
 * that it agrees with AuditLog on every chain they verify.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const Database = require(workerData.sqlitePath);
const GENESIS = '0'.repeat(64);
let db;
try {
  db = new Database(workerData.databasePath, Object.assign({ readonly: true, fileMustExist: true },
    workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  db.pragma('busy_timeout = 5000');
  db.exec('BEGIN');
  const integrity = db.pragma('integrity_check(20)').map((r) => r.integrity_check).join('; ');
  const seal = db.prepare('SELECT last_id, last_hash, row_count, key_id, mac FROM audit_seal WHERE id = 1').get() || null;
  let prev = GENESIS, rows = 0, brokenAtId = null, atSeal = null;
  const it = db.prepare('SELECT id, at, actor_id, actor_name, action, target_type, target_id, terminal, outcome, detail, prev_hash, hash FROM audit_events ORDER BY id').iterate();
  for (const r of it) {
    rows += 1;
    const text = JSON.stringify([r.prev_hash, r.at, r.actor_id, r.actor_name, r.action, r.target_type,
      r.target_id, r.terminal, r.outcome, r.detail]);
    if (r.prev_hash !== prev || createHash('sha256').update(text).digest('hex') !== r.hash) {
      brokenAtId = r.id;
      break;
    }
    if (seal && r.id === seal.last_id) atSeal = { rowCount: rows, hash: r.hash };
    prev = r.hash;
  }
  db.exec('COMMIT');
  parentPort.postMessage({ integrity, rows, brokenAtId, seal, atSeal });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
} finally {
  if (db) db.close();
}
`;

/** What the worker read, in one snapshot of the file. */
export interface RawFullCheck {
  /** `ok`, or up to 20 of integrity_check's messages joined with "; ". */
  integrity: string;
  /** Audit rows hashed (up to and including the first broken one). */
  rows: number;
  /** The first audit row whose hash or link is wrong; null when the chain holds. */
  brokenAtId: number | null;
  /** The seal row as stored, or null. */
  seal: {
    last_id: number;
    last_hash: string;
    row_count: number;
    key_id: string;
    mac: string;
  } | null;
  /** The chain at the sealed row: rows counted up to it and its hash; null if never reached. */
  atSeal: { rowCount: number; hash: string } | null;
}

export interface FullCheckOptions {
  databasePath: string;
  /** A better-sqlite3 binary built for the running runtime (Electron). */
  nativeBinding?: string;
  /** Aborting terminates the worker; the promise then rejects. */
  signal?: AbortSignal;
}

/**
 * Runs the full check in a new worker thread and resolves with what it read. Rejects when the
 * file cannot be opened or read at all (the message says why). About 1 s per 100 MB of file plus
 * 3–4 s per million audit rows, none of it on the caller's thread.
 */
export function runFullCheck(options: FullCheckOptions): Promise<RawFullCheck> {
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        sqlitePath,
        databasePath: options.databasePath,
        nativeBinding: options.nativeBinding ?? null,
      },
    });
    worker.once('message', (m: RawFullCheck | { error: string }) => {
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`integrity worker exited with code ${code}`)));
    options.signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
  });
}

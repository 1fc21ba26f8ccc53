/**
 * Classifies a failed database statement for D7/D8: the storage itself failed (disk full, I/O
 * error, read-only or vanished file, corruption) → `STORAGE_FAILED`; another connection holds the
 * write lock past the busy timeout → `BUSY`. Anything else is a bug and stays `INTERNAL`.
 *
 * better-sqlite3 raises `SqliteError` with an extended result code in `code`
 * (e.g. `SQLITE_FULL`, `SQLITE_IOERR_WRITE`, `SQLITE_BUSY_SNAPSHOT`); TypeORM wraps it in a
 * `QueryFailedError` whose `driverError` is the original (sqlite.org/rescode.html).
 */
import { AppError } from '../../../shared/errors';

const STORAGE_CODES = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'];
const CORRUPTION_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];
const BUSY_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED'];

export type StorageFailure = 'storage' | 'corrupt' | 'busy';

/**
 * The first `code` that `matches`, on an error or on the driver errors it wraps (TypeORM's
 * `QueryFailedError.driverError`), or undefined.
 */
function wrappedCode(error: unknown, matches: (code: string) => boolean): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && matches(code)) return code;
    e = (e as { driverError?: unknown }).driverError;
  }
  return undefined;
}

/** The SQLite result code behind an error (own or TypeORM-wrapped), or undefined. */
export function sqliteCode(error: unknown): string | undefined {
  return wrappedCode(error, (code) => code.startsWith('SQLITE_'));
}

/**
 * PostgreSQL SQLSTATEs after which a transaction may simply run again: `40001`
 * serialization_failure and `40P01` deadlock_detected (PostgreSQL documentation, Appendix A, and
 * 13.2.3: "applications using this level must be prepared to retry transactions due to
 * serialization failures").
 */
const RETRYABLE_PG_CODES = ['40001', '40P01'];

/** The retryable PostgreSQL SQLSTATE behind an error (own or TypeORM-wrapped), or undefined. */
export function retryablePgCode(error: unknown): string | undefined {
  return wrappedCode(error, (code) => RETRYABLE_PG_CODES.includes(code));
}

/**
 * True when `error` (own or TypeORM-wrapped) broke a unique constraint: SQLSTATE 23505
 * unique_violation on PostgreSQL, SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY on SQLite.
 */
export function isUniqueViolation(error: unknown): boolean {
  const unique = ['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'];
  return wrappedCode(error, (code) => unique.includes(code)) !== undefined;
}

/**
 * Signs that a store server cannot be reached (issue 12, section 3): the connection was refused,
 * reset, timed out or closed, or the server is shutting down or starting (SQLSTATE class 08
 * connection_exception; 57P01–57P03 admin, crash and cannot-connect-now: PostgreSQL
 * documentation, Appendix A), or it ended this till's session, idle too long inside a transaction
 * (25P03, data-source.ts SERVER_IDLE_IN_TRANSACTION_MS). node-postgres reports a connection that
 * dies under a query with no code, by its message, and so does its pool a call that waited
 * SERVER_CONNECT_TIMEOUT_MS for a connection (every one busy on a server that stopped answering).
 */
const UNREACHABLE_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '25P03',
];
const CONNECTION_LOST =
  /Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/** True when `error` (own or TypeORM-wrapped) says the store server cannot be reached. */
export function serverUnreachable(error: unknown): boolean {
  if (wrappedCode(error, (code) => UNREACHABLE_CODES.includes(code) || code.startsWith('08')))
    return true;
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth += 1) {
    if (CONNECTION_LOST.test(String((e as { message?: unknown }).message ?? ''))) return true;
    e = (e as { driverError?: unknown }).driverError;
  }
  return false;
}

/** What a till says while its store server cannot be reached; nothing was saved. */
export const SERVER_UNREACHABLE_MESSAGE =
  'The store server cannot be reached, so sales are paused and nothing was saved. Kassa keeps trying; the sale can be completed again once it is back.';

/**
 * True when a statement on a store server gave up waiting for another session's lock: SQLSTATE
 * 55P03 lock_not_available, after the session's `lock_timeout` (data-source.ts
 * SERVER_LOCK_WAIT_MS), the server's side of D8's busy timeout. The router answers it BUSY, for
 * a write (its transaction rolled back) and a read alike.
 */
export function lockWaitExpired(error: unknown): boolean {
  return wrappedCode(error, (code) => code === '55P03') !== undefined;
}

/** Which kind of storage failure an error is, if it is one. */
export function classifyStorageError(error: unknown): StorageFailure | undefined {
  const code = sqliteCode(error);
  if (!code) return undefined;
  const base = (prefix: string) => code === prefix || code.startsWith(`${prefix}_`);
  if (BUSY_CODES.some(base)) return 'busy';
  if (CORRUPTION_CODES.some(base)) return 'corrupt';
  if (STORAGE_CODES.some(base)) return 'storage';
  return undefined;
}

/** The message every screen shows when a write could not be stored (D7). */
export const STORAGE_FAILED_MESSAGE =
  "The sale was NOT saved: the till's disk is full (or cannot be written).";

/** The message for a write lock held by another till or program past the busy timeout (D8). */
export const BUSY_MESSAGE =
  'The database is busy (another till or program is writing). Nothing was saved; try again.';

/**
 * The typed error a storage failure becomes (STORAGE_FAILED, BUSY, or SERVER_UNREACHABLE on a
 * store server); other errors are returned unchanged.
 */
export function toStorageAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (serverUnreachable(error))
    return new AppError('SERVER_UNREACHABLE', SERVER_UNREACHABLE_MESSAGE);
  const kind = classifyStorageError(error);
  if (kind === 'busy') return new AppError('BUSY', BUSY_MESSAGE);
  if (kind) return new AppError('STORAGE_FAILED', STORAGE_FAILED_MESSAGE);
  return error;
}

/**
 * The headless core's public types. Nothing under electron/core imports `electron`: the core runs
 * in plain Node for tests, benchmarks and the browser end-to-end bridge.
 */
import type { Result } from '../../shared/errors';

/**
 * Who sent an IPC call, as the Electron shell (or the e2e bridge) saw it.
 * - `origin`: the sending frame's origin, e.g. `app://kassa`;
 * - `isTopFrame`: false for a subframe (E5);
 * - `windowId`: the sending window; each window has at most one session (S1).
 */
export interface Caller {
  origin: string;
  isTopFrame: boolean;
  windowId: number;
}

/** The core's only source of time, so tests can use a fake clock. Returns UTC instants. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The OS keychain, behind one small interface so keytar can be replaced in one place
 * (Electron safeStorage, @napi-rs/keyring). Values are strings.
 * Errors: throws when the keychain is unavailable; callers map that to KEYCHAIN_UNAVAILABLE.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface CoreOptions {
  /** Path of the SQLite file; created if missing. */
  databasePath: string;
  /** Defaults to the system clock. */
  clock?: Clock;
  secretStore: SecretStore;
  /**
   * The key file an admin may opt in to on a till without an OS keychain (issue 9, section 1);
   * defaults to the database path plus `.key`, beside the database.
   */
  keyFilePath?: string;
  /** The only origin allowed to call (E5), e.g. `app://kassa`, or the e2e server's origin. */
  appOrigin: string;
  /** This till's name for audit rows; defaults to the host name. */
  terminalName?: string;
  logger?: Logger;
  /** Path of a better-sqlite3 `.node` binary built for the running runtime (Electron); see README. */
  nativeBinding?: string;
  /**
   * Called with the raw SQLite connection once its pragmas are set. Diagnostics and fault tests
   * only (e.g. `PRAGMA max_page_count` to fill the "disk"); the app never sets it.
   */
  prepareDatabase?: (db: import('better-sqlite3').Database) => void;
  /**
   * The background full integrity check (D5, D10): first run `firstAfterMs` after start-up
   * (default 60 s), then daily. `false` turns the schedule off (tests, one-shot scripts);
   * `Core.checkIntegrity()` still runs it on demand.
   */
  integrityCheck?: false | { firstAfterMs?: number };
}

/** The result of `Core.checkIntegrity()`. */
export interface IntegrityCheckResult {
  /** True when integrity_check said `ok` and the audit chain is not broken. */
  ok: boolean;
  /** `ok`, or integrity_check's messages, or why the file could not be read. */
  integrity: string;
  auditChain: { state: 'ok' | 'unanchored' | 'broken'; detail: string | null };
}

export interface Core {
  /**
   * The router. Order: sender check (E5) → session (S1, S2) → permission (A7) → schema (F1) →
   * handler. Always resolves to a Result; never rejects, never leaks a stack trace or SQL.
   */
  invoke(channel: string, payload: unknown, caller: Caller): Promise<Result<unknown>>;
  /**
   * True when the database failed a start-up check or the full integrity check (D5, D9): only
   * `app:status` answers, and it says why.
   */
  readonly safeMode: boolean;
  /**
   * Runs the full check now in a worker thread (integrity_check and the whole audit chain; joins
   * a check already running). Call it before every backup. A damaged file puts the core in safe
   * mode; the till keeps selling while the check runs. Never rejects while the core is open.
   */
  checkIntegrity(): Promise<IntegrityCheckResult>;
  /** Closes the database after the write queue drains. */
  close(): Promise<void>;
}

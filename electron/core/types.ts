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
  /**
   * True when the sender is the customer display window (issue 10, section 4). Set by the shell
   * from the sending webContents (or by the e2e bridge for its display page), never by a page:
   * such a sender may call only the display channels, and only it may call them.
   */
  display?: boolean;
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

/**
 * TLS to a store server (issue 12, section 1), as libpq's `sslmode` names it: `disable`;
 * `require` (encrypted, the server's certificate not checked); `verify-full` (the certificate must
 * chain to `ca`, PEM text, and name the host: RFC 5280 path validation, RFC 6125 host names).
 */
export type ServerTls =
  { mode: 'disable' } | { mode: 'require' } | { mode: 'verify-full'; ca: string };

/**
 * Where a till's data lives (issue 12, section 1): its own SQLite file (the default), or a
 * PostgreSQL store server several tills share, by a postgres:// URL (its password included).
 */
export type DatabaseOption =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; tls: ServerTls };

export interface CoreOptions {
  /**
   * Path of the SQLite file; created if missing. On a store server (`database`) the till keeps
   * only its own files beside this path (the set-up marker, the key file), and no SQLite file.
   */
  databasePath: string;
  /**
   * The database; defaults to `{ kind: 'sqlite', path: databasePath }`. A SQLite option must name
   * `databasePath` itself (createCore throws a TypeError otherwise).
   */
  database?: DatabaseOption;
  /**
   * The till's store server file (store-server/connection-file.ts), read when `database` is not
   * given; defaults to `store-server.json` beside databasePath. A join writes it.
   */
  storeServerFile?: string;
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
  /**
   * The shell's save dialog, where exports ask for their file (issue 10, section 6); without it
   * they go to the `exports` folder beside the database (tests, the e2e bridge, scripts).
   */
  saveDialog?: import('./exports/save-path').SaveDialog;
  /**
   * The shell's folder dialog, where the admin picks the second backup folder (issue 10, section
   * 5); without it `backups:chooseFolder` answers `available: false` and the path is typed.
   */
  folderDialog?: import('./backups/folder-dialog').FolderDialog;
  /**
   * Draws PDFs in a browser engine (issue 10; receipts/receipt-pdf.ts): a sale's receipt or
   * invoice, a Z report. The shell's hidden print window in the app, Playwright in the e2e
   * harness. Without it, e-mail receipts answer RECEIPT_PDF_FAILED and Z report PDFs
   * REPORT_PDF_FAILED.
   */
  receiptPdf?: import('./receipts/receipt-pdf').PdfMaker;
  /**
   * Printing (issue 10, section 2): the OS-driver printing port that electron/main provides
   * (`webContents.print`), and the print queue's poll and network timeout (tests shorten them).
   */
  printing?: import('./services').PrintingOptions;
  /**
   * Tests only: hash new passwords at this bcrypt cost (4 to 11) instead of BCRYPT_COST (12), as
   * Rails' `min_cost` and Django's test password hashers do, so that the hundreds of throwaway
   * staff in the test suite do not cost 0.3 s of CPU each. Nothing else changes: verification,
   * lockout and rehashing work the same way. The tests of the cost itself (passwords.test.ts) and
   * of timing (A5) keep 12; the shell never sets it (tests/shell/main-process.test.ts).
   */
  testPasswordCost?: number;
  /**
   * On a store server, how long a committed stock change waits before it is announced to the
   * other tills, in ms (db/store-changes.ts; default STOCK_ANNOUNCE_MS, one second). Tests that do
   * not measure the coalescing make it short.
   */
  stockAnnounceMs?: number;
  /**
   * On a store server, how long the till's statements wait for another session's lock and how
   * long the server lets its session idle inside a transaction, in ms (db/data-source.ts; defaults
   * SERVER_LOCK_WAIT_MS, 5 s, and SERVER_IDLE_IN_TRANSACTION_MS, 15 s). Tests shorten them.
   */
  serverWaits?: Omit<import('./db/data-source').ServerSession, 'till' | 'sockets'> & {
    /** How long the round's `SELECT 1` may wait (db/change-listener.ts SERVER_ANSWER_MS, 3 s). */
    answerMs?: number;
  };
  /**
   * On a store server, the period of the till's background round, in ms (default
   * SERVER_TICK_MS, 5 s): it asks the server again while it is away (and, at start-up, tries to
   * open it), makes the LISTEN connection again, wraps the store key for tills that joined since,
   * and records that the till runs. Tests that wait for a round make it short.
   */
  serverTickMs?: number;
  /** The app's version, written into every backup's manifest. */
  appVersion?: string;
  /**
   * A backup after each shift close (issue 10, section 5); default true. `false` leaves closes
   * without one (the fuzz test, which compares every table around each call while a backup would
   * still be writing its run record).
   */
  backupAfterShiftClose?: boolean;
  /**
   * The daily backup's timer (D4): it asks every `checkEveryMs` (default 10 minutes) whether a
   * backup is due by the core's clock. `false` turns it off; `Core.backupNow` still works.
   */
  backupSchedule?: false | { checkEveryMs?: number };
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
  /**
   * Calls `listener` after every change of this till's cart or a completed sale (issue 10,
   * section 4): the shell then tells the customer display window to read `display:cart` again.
   * Returns the unsubscribe function.
   */
  onDisplayChange(listener: () => void): () => void;
  /**
   * Calls `listener` with a topic (`catalogue`, `settings`, `staff`; shared/contract/
   * store-changes.ts) after a committed change of it (issue 12, section 2): on a store server any
   * till's change, heard on the core's LISTEN connection (this till's own included), and every
   * topic once after that connection was lost and made again; on SQLite this till's own change.
   * The settings cache has caught up when a `settings` change is heard. Returns the unsubscribe
   * function.
   */
  onStoreChange(
    listener: (topic: import('../../shared/contract/store-changes').StoreChangeTopic) => void,
  ): () => void;
  /**
   * Whether the store wants the customer display (setting `customerDisplay`, default true); the
   * shell opens or closes the window when it changes (electron/main/display-window.ts).
   */
  customerDisplayEnabled(): boolean;
  /**
   * Makes a backup now (D4) into the local folder and the admin's second folder, or joins the
   * one running; every shift close runs one.
   * Never rejects: a failure is a run with `ok: false`, shown to admins.
   */
  backupNow(
    reason: import('../../shared/contract/backups').BackupReason,
  ): Promise<import('../../shared/contract/backups').BackupRun>;
  /** Closes the database after the write queue drains. */
  close(): Promise<void>;
}

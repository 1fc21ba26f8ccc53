/**
 * Test helpers: a real core on a real SQLite file in a temp folder, a fake clock, and a raw
 * read-only view of the file for asserting rows.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput, SessionInfo } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { APP_ORIGIN } from '../../shared/csp';
import {
  createCore,
  type Caller,
  type Clock,
  type Core,
  type CoreOptions,
  type SecretStore,
} from '../../electron/core';
import { createMemorySecretStore, DATA_PROTECTION_KEY_ACCOUNT } from '../../electron/core/secrets';
import { TILL_KEY_ACCOUNT } from '../../electron/core/secrets/store-key';
import type { DataSource } from 'typeorm';
import {
  createPostgresDataSource,
  createSqliteDataSource,
} from '../../electron/core/db/data-source';
import { copyMigratedTemplate } from './migrated-template';
import { forgetPgRaw, pgRaw } from './pg-raw';
import {
  freshStoreDatabase,
  releaseStoreDatabase,
  TEST_ENGINE,
  writeStoreDatabase,
} from './test-engine';

export class FakeClock implements Clock {
  constructor(private t = Date.parse('2026-11-23T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(m: number): void {
    this.advance(m * 60_000);
  }
}

export function memorySecrets(): SecretStore {
  const m = new Map<string, string>();
  return {
    get: async (k) => m.get(k) ?? null,
    set: async (k, v) => void m.set(k, v),
    delete: async (k) => m.delete(k),
  };
}

export const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

export function tempDir(prefix = 'kassa-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * On the PostgreSQL engine (test-engine.ts): the store database standing in for each test core's
 * file, by the file's path, so a core reopened on the same folder finds the same data.
 */
const storeDatabases = new Map<string, string>();

export interface TestCore {
  core: Core;
  clock: FakeClock;
  dbPath: string;
  dir: string;
  /** Calls a channel as the app's own top frame from window `windowId`. */
  call<C extends ChannelName>(
    channel: C,
    input?: ChannelInput<C>,
    windowId?: number,
  ): Promise<Result<ChannelOutput<C>>>;
  /** Calls and unwraps, throwing on an error result. */
  must<C extends ChannelName>(
    channel: C,
    input?: ChannelInput<C>,
    windowId?: number,
  ): Promise<ChannelOutput<C>>;
  raw(): Database.Database;
  /**
   * A writable connection to the core's database, for fixtures and tampering; the caller closes
   * it. SQLite: the file, waiting up to 5 s for the write lock. PostgreSQL: the store database.
   */
  writable(): Database.Database;
  /** A second DataSource on the core's database (either engine), not yet initialized. */
  dataSource(): DataSource;
  close(): Promise<void>;
}

/** A writable connection to the SQLite file at `dbPath`, waiting up to 5 s for its write lock. */
export function writableFile(dbPath: string): Database.Database {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  return db;
}

export function callerFor(windowId = 1): Caller {
  return { origin: APP_ORIGIN, isTopFrame: true, windowId };
}

/**
 * A memory keychain that always holds the same data-protection key, for cores in other processes
 * (the kill -9 test's child) that must find the key the parent's core sealed the audit chain with,
 * as a real till's keychain does across restarts.
 */
export function stableKeychain(): SecretStore {
  return createMemorySecretStore({
    [DATA_PROTECTION_KEY_ACCOUNT]: Buffer.alloc(32, 0x4b).toString('base64'),
  });
}

/**
 * The keychain of the till called `name`: its own data-protection key (so its own audit seal key)
 * and its own store-key pair's seed (secrets/store-key.ts), the same in every process, as a real
 * till's keychain survives a restart.
 */
export function keychainOf(name: string): SecretStore {
  const secret = (use: string) =>
    createHash('sha256').update(`kassa-test-till:${use}${name}`).digest('base64');
  return createMemorySecretStore({
    [DATA_PROTECTION_KEY_ACCOUNT]: secret(''),
    [TILL_KEY_ACCOUNT]: secret('store-key-pair:'),
  });
}

/**
 * One memory keychain per test folder, so a core reopened on the same file finds the same
 * data-protection key (and so the same audit seal key), as a real till does.
 */
const keychains = new Map<string, SecretStore>();
export function keychainFor(dir: string): SecretStore {
  let store = keychains.get(dir);
  if (!store) keychains.set(dir, (store = memorySecrets()));
  return store;
}

/**
 * Runs `sql` on the file beside an open core, from the core's own thread. Never through SQLite's
 * busy handler: a write the core has begun (its print worker requeues at start-up, say) can only
 * commit when the event loop runs, and a synchronous wait here would hold the loop until the busy
 * timeout ("database is locked"). So: no wait in SQLite, and a 5 ms pause between tries.
 */
export async function writeBesideCore(dbPath: string, sql: string): Promise<void> {
  const server = storeDatabases.get(dbPath);
  if (server) return writeStoreDatabase(server, sql);
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 0');
    for (let tries = 0; ; tries++) {
      try {
        db.prepare(sql).run();
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_BUSY' || tries >= 2000) throw e;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  } finally {
    db.close();
  }
}

/**
 * Issue 9 section 1: 2FA is required by default for every role holding `staff.manage`, so a new
 * admin can only enrol. Tests about other things turn that policy off on the file (as an admin
 * may, with `twoFactor:setRolePolicy`) right after the core has migrated it; the two-factor tests
 * keep it.
 */
export function turnOffTwoFactorPolicy(dbPath: string): Promise<void> {
  return writeBesideCore(dbPath, 'UPDATE roles SET require_totp = 0');
}

/**
 * Issue 10, section 1: a real store sells only in an open shift. Tests about other things sell
 * without one, as an admin may set with `shifts:updateSettings`; the shift tests keep the default.
 */
export function turnOffShiftRequirement(dbPath: string): Promise<void> {
  return writeBesideCore(
    dbPath,
    "INSERT INTO settings (key, value, updated_at) VALUES ('shifts.require_open_shift', 'false', '2026-01-01T00:00:00.000Z') ON CONFLICT (key) DO NOTHING",
  );
}

/** The bcrypt cost of test cores' new password hashes (see CoreOptions.testPasswordCost). */
export const TEST_PASSWORD_COST = 4;

export async function makeTestCore(
  opts: {
    dir?: string;
    clock?: FakeClock;
    /** Another till on the same file: a second core over `dir` with its own name. */
    terminalName?: string;
    /** Runs on the core's raw connection after its pragmas (fault tests: max_page_count). */
    prepareDatabase?: (db: Database.Database) => void;
    logger?: CoreOptions['logger'];
    secretStore?: SecretStore;
    /** Keep the migration's default 2FA policy (required for roles holding staff.manage). */
    twoFactorPolicy?: boolean;
    /** Keep the store default "sales need an open shift" (issue 10, section 1). */
    requireOpenShift?: boolean;
    /** The browser engine that draws receipt PDFs (issue 10, section 3). */
    receiptPdf?: CoreOptions['receiptPdf'];
    /** The print queue's poll and timeouts, and a driver port (issue 10, section 2). */
    printing?: CoreOptions['printing'];
    /** See CoreOptions.backupAfterShiftClose. */
    backupAfterShiftClose?: boolean;
    /** The shell's folder dialog stand-in (CoreOptions.folderDialog). */
    folderDialog?: CoreOptions['folderDialog'];
    /** The shell's save dialog stand-in (CoreOptions.saveDialog); by default the exports folder. */
    saveDialog?: CoreOptions['saveDialog'];
    /**
     * Hash passwords at the real cost (12). By default test cores hash at bcrypt's least cost
     * (CoreOptions.testPasswordCost); tests of the cost or of timing (A5) keep 12.
     */
    realPasswordCost?: boolean;
    /** CoreOptions.stockAnnounceMs; test cores announce stock after 20 ms unless told. */
    stockAnnounceMs?: number;
  } = {},
): Promise<TestCore> {
  const dir = opts.dir ?? tempDir();
  const dbPath = join(dir, 'kassa.sqlite');
  const clock = opts.clock ?? new FakeClock();
  // A folder made here is empty: start from the migrated copy (migrated-template.ts). A folder
  // passed in may hold a file to reopen, or a marker without one; a fault hook must see the
  // migrations run; both migrate as the app does.
  let server = storeDatabases.get(dbPath);
  if (TEST_ENGINE === 'postgres') {
    if (opts.prepareDatabase) throw new Error('prepareDatabase is SQLite only (a file fault)');
    if (!server) storeDatabases.set(dbPath, (server = await freshStoreDatabase()));
  } else if (!opts.dir && !opts.prepareDatabase) await copyMigratedTemplate(dbPath);
  const core = await createCore({
    databasePath: dbPath,
    ...(server
      ? { database: { kind: 'postgres' as const, url: server, tls: { mode: 'disable' as const } } }
      : {}),
    clock,
    secretStore: opts.secretStore ?? keychainFor(dir),
    integrityCheck: false,
    appOrigin: APP_ORIGIN,
    terminalName: opts.terminalName ?? 'till-1',
    logger: opts.logger ?? silentLogger,
    ...(opts.prepareDatabase ? { prepareDatabase: opts.prepareDatabase } : {}),
    ...(opts.receiptPdf ? { receiptPdf: opts.receiptPdf } : {}),
    ...(opts.printing ? { printing: opts.printing } : {}),
    ...(opts.backupAfterShiftClose === false ? { backupAfterShiftClose: false } : {}),
    ...(opts.realPasswordCost ? {} : { testPasswordCost: TEST_PASSWORD_COST }),
    stockAnnounceMs: opts.stockAnnounceMs ?? 20,
    ...(opts.folderDialog ? { folderDialog: opts.folderDialog } : {}),
    ...(opts.saveDialog ? { saveDialog: opts.saveDialog } : {}),
  });
  if (!opts.twoFactorPolicy && !core.safeMode) await turnOffTwoFactorPolicy(dbPath);
  if (!opts.requireOpenShift && !core.safeMode) await turnOffShiftRequirement(dbPath);
  const raws: Database.Database[] = [];
  const call = (async (channel: string, input?: unknown, windowId = 1) =>
    core.invoke(channel, input, callerFor(windowId))) as TestCore['call'];
  return {
    core,
    clock,
    dbPath,
    dir,
    call,
    must: (async (channel: ChannelName, input?: unknown, windowId = 1) => {
      const r = await core.invoke(channel, input, callerFor(windowId));
      if (!r.ok)
        throw new Error(
          `${channel} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`,
        );
      return r.data;
    }) as TestCore['must'],
    raw() {
      const db = server ? pgRaw(server) : new Database(dbPath, { readonly: true });
      raws.push(db);
      return db;
    },
    dataSource() {
      return server
        ? createPostgresDataSource(server)
        : createSqliteDataSource({ databasePath: dbPath });
    },
    writable() {
      return server ? pgRaw(server) : writableFile(dbPath);
    },
    async close() {
      for (const r of raws) r.close();
      await core.close();
      if (opts.dir) return;
      rmSync(dir, { recursive: true, force: true });
      if (server) {
        storeDatabases.delete(dbPath);
        forgetPgRaw(server);
        await releaseStoreDatabase(server);
      }
    },
  };
}

export const ADMIN = {
  username: 'ada',
  email: 'ada@shop.test',
  displayName: 'Ada Admin',
  password: 'correct horse battery',
};
export const MEMBER = {
  username: 'carl',
  email: 'carl@shop.test',
  displayName: 'Carl Cashier',
  password: 'till roll paper 42',
};

/** First run: creates the admin, signed in on window 1. */
export async function withAdmin(t: TestCore) {
  return t.must('setup:createAdmin', ADMIN);
}

/** A member who asked for access and was approved by the admin (window 1 stays the admin's). */
export async function approvedMember(t: TestCore, m = MEMBER) {
  await t.must('auth:requestAccess', m, 9);
  const list = await t.must('staff:list', { status: 'pending', search: m.username });
  const id = list.items[0]!.id;
  await t.must('staff:approve', { id });
  return id;
}

/** A Result's error code, or 'ok': for compact assertions. */
export function resultCode(r: { ok: boolean; error?: { code: string } }): string {
  return r.ok ? 'ok' : r.error!.code;
}

/** How many audit rows have `action` (and `outcome`, if given), read from the SQLite file. */
export function auditCount(t: TestCore, action: string, outcome?: string): number {
  const sql = `SELECT COUNT(*) AS n FROM audit_events WHERE action = ?${outcome ? ' AND outcome = ?' : ''}`;
  const args = outcome ? [action, outcome] : [action];
  return (
    t
      .raw()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;
}

/**
 * `auth:login`'s answer as a session; throws when it asks for the second factor instead (issue 9
 * section 1), so tests of members without 2FA read the session's fields directly.
 */
export function asSession(answer: ChannelOutput<'auth:login'>): SessionInfo {
  if ('secondFactor' in answer) throw new Error('auth:login asked for a second factor');
  return answer;
}

/**
 * createCore: the composition root of the headless core, readable top to bottom. It never imports
 * `electron`, so tests, benchmarks and the browser e2e bridge build the real thing in plain Node.
 *
 * Boot order (docs/architecture.md). Start-up does only checks whose cost does not grow with the
 * history (D10); any failure leaves the core in safe mode with the reason in `app:status`:
 *   1. the set-up marker beside the file: a till that was set up whose database is missing or
 *      empty is NOT a new till (D5);
 *   2. the file header (D5);
 *   3. open with pragmas (D1) and run pending migrations (D3); then the schema version (no
 *      migrations from a newer build) and every required trigger (D6, D9). On a store server
 *      (issue 12) steps 1–2 are the server's own, and the migrations run under an advisory lock;
 *   4. settings; the seal key from the OS keychain (never required); the audit chain's head
 *      against its seal, verifying only the rows after it (L2, D9);
 *   5. build services and the router;
 *   6. after start, in a worker thread: the full integrity_check and the whole chain, then daily
 *      (on a store server: its guard triggers and the whole chain, read from the server).
 * A store server that does not answer at step 3 is not safe mode: the till says it is
 * unreachable, and boots again by itself once the server answers (db/server-wait.ts).
 */
import 'reflect-metadata';
import { hostname } from 'node:os';
import { AuditLog } from './audit/audit-log';
import { checkChainHead } from './audit/chain-check';
import { loadSealKey } from './audit/chain-seal';
import { PasswordHasher } from './auth/password-hasher';
import { createPostgresDataSource, createSqliteDataSource } from './db/data-source';
import { ServerSockets } from './db/server-sockets';
import { rawSqlite } from './db/raw-sqlite';
import { applyRuntimePragmas } from './db/pragmas';
import { Database } from './db/database';
import { missingTriggers, PG_TRIGGERS_SQL, unguardedTables } from './db/required-triggers';
import { migrateStoreServer } from './db/server-migrations';
import { ServerWait } from './db/server-wait';
import { serverUnreachable } from './db/storage-errors';
import { serverFullCheck } from './integrity/server-check';
import { checkHeader, unknownMigrations } from './integrity/file-checks';
import { IntegrityMonitor } from './integrity/monitor';
import { readMarker, writeMarker } from './integrity/setup-marker';
import { createHandlers } from './router/handlers';
import { createRouter } from './router/router';
import { writeBackup } from './backups/backup-service';
import { localFolder } from './backups/backup-folders';
import { CHECK_EVERY_MS, every } from './backups/schedule';
import { swapInRestored } from './backups/swap';
import type { AuditInput } from './audit/audit-log';
import { buildServices } from './services';
import { ensureTill, tillRetirement, type TillRetirement } from './tills/till-service';
import {
  joinedFromOption,
  readStoreServerFile,
  storeServerFilePath,
  type JoinedServer,
} from './store-server/connection-file';
import { CART_CHANGING_CHANNELS } from './display/customer-display';
import type { SaleDetail } from '../../shared/contract/sales-views';
import { SettingsService } from './settings/settings-service';
import { StoreChanges, type StoreChangeListener } from './db/store-changes';
import { ChangeListener } from './db/change-listener';
import { STORE_CHANGE_TOPICS } from '../../shared/contract/store-changes';
import type { DataSource } from 'typeorm';
import {
  systemClock,
  type Clock,
  type Core,
  type CoreOptions,
  type DatabaseOption,
  type Logger,
} from './types';

export * from './types';

const consoleLogger: Logger = {
  info: (m, meta) => console.info(m, meta ?? ''),
  warn: (m, meta) => console.warn(m, meta ?? ''),
  error: (m, meta) => console.error(m, meta ?? ''),
};

/**
 * The period of a store till's background round, in ms (CoreOptions.serverTickMs): how soon it
 * notices the server is back, and how soon a till that joined gets the store key from it.
 */
export const SERVER_TICK_MS = 5_000;

/** Shown when a till that was set up finds its database missing, empty or replaced. */
export const MISSING_DATABASE =
  'The database is missing or empty. This till was set up before, so it will not start as a new till: call support to put the database file back.';

/** Why the open file cannot be used: unknown migrations or missing triggers; null when fine. */
function schemaProblem(raw: import('better-sqlite3').Database): string | null {
  const recorded = (raw.prepare('SELECT name FROM migrations').all() as { name: string }[]).map(
    (r) => r.name,
  );
  const newer = unknownMigrations(recorded);
  if (newer.length > 0)
    return `The database was changed by a newer version of Kassa (${newer.join(', ')}).`;
  const missing = missingTriggers(raw);
  if (missing.length > 0)
    return `Protective database triggers are missing: ${missing.join(', ')}. The database may have been tampered with.`;
  return null;
}

/**
 * The core the app, tests and the e2e bridge hold: it stays the same object while a restore
 * restarts the real core underneath (close, swap the files, open and migrate; issue 10, section 5).
 * Calls that arrive during the swap wait for it and then reach the restarted core.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const logger = options.logger ?? consoleLogger;
  // A restore swaps the files under the core; a join reopens it on its store server.
  let restore: { path: string | null; note?: AuditInput } | null = null;
  let swapping: Promise<void> | null = null;
  const hooks: BootHooks = {
    requestRestart: (path, note) => {
      restore = { path, note };
    },
    requestReopen: (note) => {
      restore = { path: null, note };
    },
    serverBack: () => {
      if (swapping) return;
      startSwap({ path: null }).catch((e: unknown) =>
        logger.error('reopening on the store server failed', {
          error: e instanceof Error ? e.message : String(e),
        }),
      );
    },
  };
  // The customer display's and the store changes' listeners outlive a restart: each booted core
  // feeds them.
  const displayListeners = new Set<() => void>();
  const storeListeners = new Set<StoreChangeListener>();
  const follow = (core: Core) => {
    core.onDisplayChange(() => displayListeners.forEach((listener) => listener()));
    core.onStoreChange((topic) => storeListeners.forEach((listener) => listener(topic)));
    return core;
  };
  let current = follow(await bootCore(options, hooks));
  const swap = async (r: { path: string | null; note?: AuditInput }) => {
    await current.close();
    if (r.path !== null) swapInRestored(options.databasePath, r.path);
    current = follow(await bootCore(options, { ...hooks, ...(r.note && { afterStart: r.note }) }));
    displayListeners.forEach((listener) => listener());
  };
  const startSwap = (r: { path: string | null; note?: AuditInput }) => {
    swapping = swap(r).finally(() => {
      swapping = null;
    });
    return swapping;
  };
  return {
    async invoke(channel, payload, caller) {
      await swapping;
      const result = await current.invoke(channel, payload, caller);
      if (restore) {
        const r = restore;
        restore = null;
        await startSwap(r);
      }
      return result;
    },
    get safeMode() {
      return current.safeMode;
    },
    checkIntegrity: () => current.checkIntegrity(),
    backupNow: (reason) => current.backupNow(reason),
    customerDisplayEnabled: () => current.customerDisplayEnabled(),
    onDisplayChange(listener) {
      displayListeners.add(listener);
      return () => displayListeners.delete(listener);
    },
    onStoreChange(listener) {
      storeListeners.add(listener);
      return () => storeListeners.delete(listener);
    },
    async close() {
      await swapping;
      await current.close();
    },
  };
}

interface BootHooks {
  requestRestart: (restoredPath: string, note: AuditInput) => void;
  /** Boot again from the till's store server file, after a join or a new connection. */
  requestReopen: (note: AuditInput) => void;
  /** Boot again now: the store server that did not answer at start-up does (ServerWait). */
  serverBack: () => void;
  /** Recorded in the audit log once the core is up (the restore, in the restored file). */
  afterStart?: AuditInput;
}

async function bootCore(options: CoreOptions, hooks: BootHooks): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const path = options.databasePath;
  const serverFile = options.storeServerFile ?? storeServerFilePath(path);
  const place = await whereTheDataIs(options, serverFile);
  const server = place.joined?.database ?? null;
  // A till that joined a store server is called by the name it claimed there.
  const terminal = place.joined?.tillName ?? options.terminalName ?? hostname();
  let safeMode = false;
  // The store server did not answer at start-up: not safe mode; the till waits for it.
  let awaitingServer = false;
  // An admin retired this till from its store server (storeServer:retireTill): closed for good.
  let retired: TillRetirement | null = null;

  const audit = new AuditLog(clock, terminal);
  const marker = readMarker(path);
  const integrity = new IntegrityMonitor({
    databasePath: path,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    clock,
    logger,
    audit,
    onSafeMode: () => {
      safeMode = true;
    },
    onChainBroken: (detail) => {
      if (marker.auditBroken) return;
      marker.auditBroken = detail;
      writeMarker(path, marker);
    },
    // On a store server the check reads the server (the database is built just below).
    ...(server ? { read: () => serverFullCheck(db.manager, audit) } : {}),
  });
  // On a store server: its connections' sockets, dropped when it goes silent (markSilent).
  const sockets = new ServerSockets();
  const dataSource = server
    ? createPostgresDataSource(server.url, server.tls, {
        till: terminal,
        ...options.serverWaits,
        sockets,
      })
    : createSqliteDataSource(options);
  let away: { error: unknown } | null = null;
  if (place.unreadable) integrity.enterSafeMode(place.unreadable);
  else if (server) away = await openStoreServer(dataSource, integrity);
  else await openSqliteFile(options, dataSource, integrity, marker.setUp, clock, logger);

  const db = new Database(dataSource, logger, server ? sockets : null);
  if (away) {
    // app:status says since when, as for an outage; every other call is SERVER_UNREACHABLE.
    db.markUnreachable(away.error);
    awaitingServer = true;
  }
  const settings = new SettingsService(db, audit, clock, terminal);
  // Store changes (issue 12, section 2): announced by the audited writes. The screens' reads that
  // follow find the settings fresh: the router re-reads them at every call on a server.
  const changes = new StoreChanges(db, logger, options.stockAnnounceMs);
  audit.followWith(changes);
  if (!safeMode && !awaitingServer) {
    try {
      await settings.load();
      // On a store server this till appends to and seals its own chain (issue 12).
      if (server) {
        const tillId = await ensureTill(db, clock, terminal);
        audit.useChain(tillId);
        retired = await tillRetirement(db.manager, tillId);
      }
      const key = await loadSealKey(options.secretStore);
      // A break found before (maybe only by a full check) stays reported (L2).
      const earlier = marker.auditBroken;
      if (earlier)
        integrity.setChain(
          { state: 'broken', detail: earlier, brokenAtId: null, rowsChecked: 0 },
          key,
        );
      const chain = await checkChainHead(db.manager, audit, key, marker.auditSealed);
      integrity.setChain(chain, key);
      const hasStaff = (await db.manager.query('SELECT 1 FROM staff LIMIT 1')).length > 0;
      if (marker.setUp && !hasStaff) integrity.enterSafeMode(MISSING_DATABASE);
      else {
        await db.write((em) =>
          audit.record(em, {
            action: 'app.start',
            outcome: chain.state === 'broken' || earlier || retired ? 'failure' : 'success',
            detail: retired
              ? `this till was retired at ${retired.at}: it stays closed`
              : chain.state === 'broken' || earlier
                ? `audit chain broken: ${chain.detail ?? earlier}`
                : `audit chain ${chain.state} (${chain.rowsChecked} rows verified since the seal)`,
          }),
        );
        if (hooks.afterStart) await db.write((em) => audit.record(em, hooks.afterStart!));
        if ((hasStaff && !marker.setUp) || (audit.sealing && !marker.auditSealed)) {
          marker.setUp ||= hasStaff;
          marker.auditSealed ||= audit.sealing;
          marker.since ??= clock.now().toISOString();
          writeMarker(path, marker);
        }
      }
    } catch (e) {
      integrity.enterSafeMode(`The database could not be read: ${(e as Error).message}`);
    }
  }
  const hasher =
    options.testPasswordCost === undefined
      ? new PasswordHasher()
      : new PasswordHasher(options.testPasswordCost, { forTests: true });
  const services = await buildServices({
    db,
    audit,
    settings,
    hasher,
    clock,
    terminal,
    secretStore: options.secretStore,
    keyFilePath: options.keyFilePath ?? `${path}.key`,
    safeMode: () => safeMode,
    awaitingServer: () => awaitingServer,
    retired: () => retired,
    onRetired: (tillId) =>
      void tillRetirement(db.manager, tillId).then(
        (r) => (retired = r),
        () => {},
      ),
    integrity,
    logger,
    ...(options.saveDialog ? { saveDialog: options.saveDialog } : {}),
    ...(options.folderDialog ? { folderDialog: options.folderDialog } : {}),
    ...(options.receiptPdf ? { receiptPdf: options.receiptPdf } : {}),
    ...(options.printing ? { printing: options.printing } : {}),
    backups: {
      appVersion: options.appVersion ?? 'unknown',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      requestRestart: hooks.requestRestart,
      afterShiftClose: options.backupAfterShiftClose !== false,
      storeServer: server !== null,
    },
    storeServer: {
      file: serverFile,
      joined: place.joined,
      requestReopen: hooks.requestReopen,
      startNewChain: () => {
        marker.auditSealed = false;
        marker.auditBroken = null;
        writeMarker(path, marker);
      },
    },
  });
  const open = !safeMode && !awaitingServer && !retired;
  if (open) services.printing.start();
  if (open) await services.storeTills.seen();
  const route = createRouter({
    services,
    handlers: createHandlers(services),
    appOrigin: options.appOrigin,
    logger,
  });
  if (open && options.integrityCheck !== false)
    integrity.schedule(options.integrityCheck?.firstAfterMs ?? 60_000);
  // One LISTEN connection to the store server for the other tills' changes; after it was lost,
  // every topic is announced again, since what was sent meanwhile is gone.
  const listener =
    server && open
      ? new ChangeListener({
          url: server.url,
          tls: server.tls,
          till: terminal,
          logger,
          onTopic: (topic) => changes.heard(topic),
          onResync: () => STORE_CHANGE_TOPICS.forEach((topic) => changes.heard(topic)),
          onSilent: () => db.markSilent(),
          stream: sockets.stream,
          ...(options.serverWaits?.answerMs ? { answerMs: options.serverWaits.answerMs } : {}),
        })
      : null;
  await listener?.start();
  // While the store server is away, ask it every round, so the till's warning goes when it is
  // back and the LISTEN connection is made again; a till that never reached it boots again then.
  const wait = awaitingServer ? new ServerWait(dataSource, hooks.serverBack) : null;
  const stopProbe = server
    ? every(options.serverTickMs ?? SERVER_TICK_MS, () => {
        if (wait) return wait.tick();
        if (retired) return;
        void db.probe();
        listener?.tick();
        // A till that joined since holds no store key yet: this one wraps it for it (issue 12).
        void services.storeKey?.share();
        void services.storeTills.seen();
      })
    : () => {};
  const stopBackups =
    !safeMode && !server && options.backupSchedule !== false
      ? every(options.backupSchedule?.checkEveryMs ?? CHECK_EVERY_MS, () => {
          void services.backups.runIfDue();
        })
      : () => {};

  return {
    async invoke(channel, payload, caller) {
      const result = await route(channel, payload, caller);
      // The till is set up from this moment: remember it outside the database (D5).
      if (channel === 'setup:createAdmin' && result.ok) {
        marker.setUp = true;
        marker.auditSealed ||= audit.sealing;
        marker.since ??= clock.now().toISOString();
        writeMarker(path, marker);
      }
      // The customer display follows the till's cart (issue 10, section 4).
      if (result.ok && CART_CHANGING_CHANNELS.has(channel)) {
        if (channel === 'sales:checkout')
          services.customerDisplay.saleCompleted(result.data as SaleDetail);
        services.customerDisplay.changed();
      }
      // The shell re-reads the customer display setting on a display change.
      if (result.ok && channel === 'settings:update') services.customerDisplay.changed();
      return result;
    },
    onDisplayChange: (listener) => services.customerDisplay.subscribe(listener),
    onStoreChange: (listener) => changes.subscribe(listener),
    customerDisplayEnabled: () => services.settings.get().customerDisplay,
    get safeMode() {
      return safeMode;
    },
    checkIntegrity: () => integrity.check(),
    backupNow: (reason) => services.backups.run(reason),
    async close() {
      // A silent server answers nothing: what closing would ask it fails at once instead.
      if (db.serverSilent) sockets.close();
      stopBackups();
      stopProbe();
      await wait?.close();
      await listener?.close();
      await services.backups.idle();
      safeMode = true;
      await integrity.close();
      await services.printing.stop();
      await changes.announceStock();
      if (open) await services.storeTills.stopped();
      await db.close();
      await hasher.close();
    },
  };
}

/**
 * Where this till's data is: the `database` option when given (tests, the bench), else the till's
 * store server file when it has one (a join, issue 12), else its own SQLite file (joined null).
 * A store server file that cannot be read leaves the till in safe mode with `unreadable` saying
 * why. Throws TypeError on a SQLite option whose path is not databasePath.
 */
async function whereTheDataIs(
  options: CoreOptions,
  serverFile: string,
): Promise<{ joined: JoinedServer | null; unreadable?: string }> {
  const d = options.database;
  if (d?.kind === 'sqlite' && d.path !== options.databasePath)
    throw new TypeError('database.path must be databasePath for a SQLite till');
  if (d?.kind === 'postgres')
    return { joined: joinedFromOption(d, options.terminalName ?? hostname()) };
  if (d?.kind === 'sqlite') return { joined: null };
  try {
    return { joined: await readStoreServerFile(serverFile, options.secretStore) };
  } catch (e) {
    // Never opened: safe mode answers every data channel before it reaches the database.
    const nowhere = { kind: 'postgres', url: 'postgres://unread/none', tls: { mode: 'disable' } };
    return {
      joined: joinedFromOption(nowhere as Extract<DatabaseOption, { kind: 'postgres' }>, '?'),
      unreadable: `This till's store server settings could not be read: ${(e as Error).message}`,
    };
  }
}

/**
 * Boot steps 1–3 on a SQLite till: the set-up marker, the file header, then open, back up before
 * pending migrations, migrate, and check the schema. Any failure enters safe mode.
 */
async function openSqliteFile(
  options: CoreOptions,
  dataSource: DataSource,
  integrity: IntegrityMonitor,
  setUp: boolean,
  clock: Clock,
  logger: Logger,
): Promise<void> {
  const file = checkHeader(options.databasePath);
  if (file.state === 'damaged')
    return integrity.enterSafeMode(`The database file is damaged: ${file.detail}.`);
  if (setUp && (file.state === 'missing' || file.state === 'empty'))
    return integrity.enterSafeMode(MISSING_DATABASE);
  try {
    await dataSource.initialize();
    if (file.state === 'ok' && (await dataSource.showMigrations()))
      await backupBeforeMigration(options, clock, logger);
    await dataSource.runMigrations({ transaction: 'each' });
    const problem = schemaProblem(rawSqlite(dataSource));
    if (problem) integrity.enterSafeMode(problem);
    else applyRuntimePragmas(rawSqlite(dataSource));
  } catch (e) {
    integrity.enterSafeMode(`The database could not be opened: ${(e as Error).message}`);
  }
}

/**
 * Boot step 3 on a store server (issue 12): connect, migrate under the advisory lock, then the
 * schema version and the guard triggers (D3, D6, D9). The server keeps its own files, so the file
 * checks and the backup before migrating are the server's (docs/deployment.md). Resolves to
 * `{ error }` when the server could not be reached (storage-errors.ts `serverUnreachable`: the
 * till waits for it), else null; any other failure enters safe mode.
 */
async function openStoreServer(
  dataSource: DataSource,
  integrity: IntegrityMonitor,
): Promise<{ error: unknown } | null> {
  try {
    await dataSource.initialize();
    await migrateStoreServer(dataSource);
    const recorded = (
      (await dataSource.query('SELECT name FROM migrations')) as { name: string }[]
    ).map((r) => r.name);
    const newer = unknownMigrations(recorded);
    if (newer.length > 0) {
      integrity.enterSafeMode(
        `The store server was changed by a newer version of Kassa (${newer.join(', ')}).`,
      );
      return null;
    }
    const unguarded = unguardedTables(await dataSource.query(PG_TRIGGERS_SQL));
    if (unguarded.length > 0)
      integrity.enterSafeMode(
        `Protective database triggers are missing: ${unguarded.join(', ')}. The database may have been tampered with.`,
      );
  } catch (e) {
    if (serverUnreachable(e)) {
      // Not there, or gone part way: the wait opens it afresh.
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      return { error: e };
    }
    integrity.enterSafeMode(`The store server could not be opened: ${(e as Error).message}`);
  }
  return null;
}

/**
 * D3/D4: a copy of an existing database before its pending migrations run, in the local backup
 * folder (unencrypted, like the database beside it; the passphrase is in a table that may be
 * about to change). A failure is logged and does not stop the update.
 */
async function backupBeforeMigration(options: CoreOptions, clock: Clock, logger: Logger) {
  try {
    const { name } = await writeBackup({
      databasePath: options.databasePath,
      folder: localFolder(options.databasePath),
      at: clock.now(),
      reason: 'preMigration',
      appVersion: options.appVersion ?? 'unknown',
      passphrase: null,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    logger.info('backup before migrations', { file: name });
  } catch (e) {
    logger.error('backup before migrations failed', { error: (e as Error).message });
  }
}

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
 *      migrations from a newer build) and every required trigger (D6, D9);
 *   4. settings; the seal key from the OS keychain (never required); the audit chain's head
 *      against its seal, verifying only the rows after it (L2, D9);
 *   5. build services and the router;
 *   6. after start, in a worker thread: the full integrity_check and the whole chain, then daily.
 */
import 'reflect-metadata';
import { hostname } from 'node:os';
import { AuditLog } from './audit/audit-log';
import { checkChainHead } from './audit/chain-check';
import { loadSealKey } from './audit/chain-seal';
import { PasswordHasher } from './auth/password-hasher';
import { createSqliteDataSource, rawSqlite } from './db/data-source';
import { Database } from './db/database';
import { missingTriggers } from './db/required-triggers';
import { checkHeader, unknownMigrations } from './integrity/file-checks';
import { IntegrityMonitor } from './integrity/monitor';
import { readMarker, writeMarker } from './integrity/setup-marker';
import { createHandlers } from './router/handlers';
import { createRouter } from './router/router';
import { buildServices } from './services';
import { SettingsService } from './settings/settings-service';
import { systemClock, type Core, type CoreOptions, type Logger } from './types';

export * from './types';

const consoleLogger: Logger = {
  info: (m, meta) => console.info(m, meta ?? ''),
  warn: (m, meta) => console.warn(m, meta ?? ''),
  error: (m, meta) => console.error(m, meta ?? ''),
};

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

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const terminal = options.terminalName ?? hostname();
  const path = options.databasePath;
  let safeMode = false;

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
  });
  const dataSource = createSqliteDataSource(options);
  const file = checkHeader(path);
  if (file.state === 'damaged')
    integrity.enterSafeMode(`The database file is damaged: ${file.detail}.`);
  else if (marker.setUp && (file.state === 'missing' || file.state === 'empty'))
    integrity.enterSafeMode(MISSING_DATABASE);
  else {
    try {
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      const problem = schemaProblem(rawSqlite(dataSource));
      if (problem) integrity.enterSafeMode(problem);
    } catch (e) {
      integrity.enterSafeMode(`The database could not be opened: ${(e as Error).message}`);
    }
  }

  const db = new Database(dataSource, logger);
  const settings = new SettingsService(db, audit, clock, terminal);
  if (!safeMode) {
    try {
      await settings.load();
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
            outcome: chain.state === 'broken' || earlier ? 'failure' : 'success',
            detail:
              chain.state === 'broken' || earlier
                ? `audit chain broken: ${chain.detail ?? earlier}`
                : `audit chain ${chain.state} (${chain.rowsChecked} rows verified since the seal)`,
          }),
        );
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
  const hasher = new PasswordHasher();
  hasher.warmUp();
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
    integrity,
    logger,
  });
  const route = createRouter({
    services,
    handlers: createHandlers(services),
    appOrigin: options.appOrigin,
    logger,
  });
  if (!safeMode && options.integrityCheck !== false)
    integrity.schedule(options.integrityCheck?.firstAfterMs ?? 60_000);

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
      return result;
    },
    get safeMode() {
      return safeMode;
    },
    checkIntegrity: () => integrity.check(),
    async close() {
      safeMode = true;
      await integrity.close();
      await db.close();
      await hasher.close();
    },
  };
}

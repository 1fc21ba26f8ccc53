/**
 * createCore: the composition root of the headless core, readable top to bottom. It never imports
 * `electron`, so tests, benchmarks and the browser e2e bridge build the real thing in plain Node.
 *
 * Boot order (architecture.md): quick_check the file (D5) → open with pragmas (D1) → run
 * pending migrations (D3) → verify the audit chain (L2) → build services → return the router.
 */
import 'reflect-metadata';
import { hostname } from 'node:os';
import { AuditLog } from './audit/audit-log';
import { PasswordHasher } from './auth/password-hasher';
import { createSqliteDataSource, quickCheck } from './db/data-source';
import { Database } from './db/database';
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

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const terminal = options.terminalName ?? hostname();

  const check = await quickCheck(options);
  const dataSource = createSqliteDataSource(options);
  let safeMode = !check.ok;
  if (safeMode) {
    logger.error('database failed quick_check: safe mode', { detail: check.detail.slice(0, 500) });
  } else {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  }

  const db = new Database(dataSource, logger);
  const audit = new AuditLog(clock, terminal);
  const settings = new SettingsService(db, audit, clock, terminal);
  if (!safeMode) {
    await settings.load();
    const chain = await audit.verifyChain(db.manager);
    if (!chain.ok) logger.error('audit chain broken', { brokenAtId: chain.brokenAtId });
    await db.write((em) =>
      audit.record(em, {
        action: 'app.start',
        outcome: chain.ok ? 'success' : 'failure',
        detail: chain.ok
          ? `audit chain ok (${chain.rows} rows)`
          : `audit chain broken at id ${chain.brokenAtId}`,
      }),
    );
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
    safeMode: () => safeMode,
  });
  const invoke = createRouter({
    services,
    handlers: createHandlers(services),
    appOrigin: options.appOrigin,
    logger,
  });

  return {
    invoke,
    get safeMode() {
      return safeMode;
    },
    async close() {
      safeMode = true;
      await db.close();
      await hasher.close();
    },
  };
}

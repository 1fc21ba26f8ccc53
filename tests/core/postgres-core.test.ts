/**
 * Issue 12, sections 1–2: whole cores on a PostgreSQL store server, through their channels, against
 * the throwaway server of tests/helpers/postgres.ts (one per file, a new database per test).
 * - Two tills start together on an empty server: the migrations run once, under the advisory lock;
 *   both sell, each with its own receipt numbers, and each sees the other's sale.
 * - The full check reads the server: the guard triggers and the whole audit chain (D6, D9, L2).
 * - Start-up refuses a server whose guard trigger was dropped (safe mode, naming it).
 * - Backups are the server's: the till's backup channels refuse and write no file.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../migrations';
import { createCore, type Core, type ServerTls } from '../../electron/core';
import { SERVER_UNSEALED } from '../../electron/core/audit/chain-check';
import { localFolder } from '../../electron/core/backups/backup-folders';
import { APP_ORIGIN } from '../../shared/csp';
import {
  ADMIN,
  callerFor,
  FakeClock,
  memorySecrets,
  resultCode,
  silentLogger,
  tempDir,
} from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';

const bin = findPostgres();
const NO_TLS: ServerTls = { mode: 'disable' };

/** A till on `url`: its own folder for the marker and key file, its own name. */
async function till(
  url: string,
  name: string,
  tls: ServerTls = NO_TLS,
  dir = tempDir(),
): Promise<Core & { dir: string }> {
  const core = await createCore({
    databasePath: join(dir, 'till.sqlite'),
    database: { kind: 'postgres', url, tls },
    clock: new FakeClock(),
    secretStore: memorySecrets(),
    appOrigin: APP_ORIGIN,
    terminalName: name,
    logger: silentLogger,
    integrityCheck: false,
    testPasswordCost: 4,
  });
  return Object.assign(core, { dir });
}

/** Calls a channel and answers its data, throwing with the error code when it failed. */
async function must(core: Core, channel: string, input?: unknown, window = 1): Promise<any> {
  const r = await core.invoke(channel, input, callerFor(window));
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** The store's first admin on `core` (window 1), 2FA and shifts off as other core tests have it. */
async function setUpStore(core: Core, url: string): Promise<void> {
  await sqlOn(url, 'UPDATE roles SET require_totp = 0');
  await sqlOn(
    url,
    "INSERT INTO settings (key, value, updated_at) VALUES ('shifts.require_open_shift', 'false', '2026-01-01T00:00:00.000Z') ON CONFLICT (key) DO NOTHING",
  );
  await must(core, 'setup:createAdmin', ADMIN);
}

describe.skipIf(!bin)('cores on a store server (issue 12)', () => {
  let pg: PgServer;
  let n = 0;
  const freshDatabase = () => createDatabase(pg, `store_${++n}`);
  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterAll(() => pg?.stop());

  it('two tills start together: one migrates under the lock, both sell and see each other', async () => {
    const url = await freshDatabase();
    const [one, two] = await Promise.all([till(url, 'till-1'), till(url, 'till-2')]);
    try {
      expect([one.safeMode, two.safeMode]).toEqual([false, false]);
      const migrations = await sqlOn(url, 'SELECT name FROM migrations');
      expect(migrations).toHaveLength(MIGRATIONS.length);
      await setUpStore(one, url);
      await must(two, 'auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      const mug = await must(one, 'products:create', {
        sku: 'MUG',
        name: 'Mug',
        price: 250,
        taxRateBps: 2000,
      });
      const sell = (core: Core) =>
        must(core, 'sales:checkout', {
          id: randomUUID(),
          lines: [{ productId: mug.id, quantity: 1 }],
          tenders: [{ type: 'cash', amount: 250 }],
        });
      const sales = [];
      for (let i = 0; i < 3; i++) sales.push(await sell(one), await sell(two));
      expect(sales.map((s) => s.receiptNo)).toEqual([1, 1, 2, 2, 3, 3]);
      const listed = await must(two, 'sales:list', { limit: 50 });
      expect(listed.items).toHaveLength(6);
      // Verified link by link on both tills; sealed by neither yet (SERVER_UNSEALED).
      for (const core of [one, two])
        expect(await core.checkIntegrity()).toMatchObject({
          ok: true,
          integrity: 'ok',
          auditChain: { state: 'unanchored', detail: SERVER_UNSEALED },
        });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);

  it('the full check reads the server: a rewritten audit row and a dropped trigger are found', async () => {
    const url = await freshDatabase();
    const core = await till(url, 'till-1');
    try {
      await setUpStore(core, url);
      expect(await core.checkIntegrity()).toMatchObject({ ok: true, integrity: 'ok' });
      // Rewritten from outside, past the triggers (a replica session does not fire them).
      await sqlOn(
        url,
        "SET session_replication_role = replica; UPDATE audit_events SET detail = 'nothing happened' WHERE id = 2",
      );
      const chain = await core.checkIntegrity();
      expect(chain).toMatchObject({ ok: false, integrity: 'ok' });
      expect(chain.auditChain).toMatchObject({ state: 'broken' });
      expect(chain.auditChain.detail).toContain('event 2');
      await sqlOn(url, 'DROP TRIGGER stock_movements_append_only ON stock_movements');
      const triggers = await core.checkIntegrity();
      expect(triggers.integrity).toContain('stock_movements (UPDATE), stock_movements (DELETE)');
      expect(core.safeMode).toBe(true);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('a till will not start on a server whose guard trigger was dropped', async () => {
    const url = await freshDatabase();
    await (await till(url, 'till-1')).close();
    await sqlOn(url, 'DROP TRIGGER sale_lines_append_only ON sale_lines');
    const core = await till(url, 'till-1');
    try {
      expect(core.safeMode).toBe(true);
      const status = await must(core, 'app:status');
      expect(status.integrity.safeModeReason).toContain('sale_lines (UPDATE), sale_lines (DELETE)');
    } finally {
      await core.close();
    }
  }, 60_000);

  it('backups are the server’s: the till refuses to make or restore one and writes no file', async () => {
    const url = await freshDatabase();
    const core = await till(url, 'till-1');
    try {
      await setUpStore(core, url);
      const run = await core.invoke('backups:run', {}, callerFor(1));
      expect(resultCode(run)).toBe('STORE_SERVER_BACKUPS');
      expect(await core.backupNow('daily')).toMatchObject({
        ok: false,
        errorCode: 'STORE_SERVER_BACKUPS',
      });
      expect(existsSync(localFolder(join(core.dir, 'till.sqlite')))).toBe(false);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('asks for TLS when told to: a server without it is refused, not used in the clear', async () => {
    const url = await freshDatabase();
    const core = await till(url, 'till-1', { mode: 'require' });
    try {
      expect(core.safeMode).toBe(true);
      const status = await must(core, 'app:status');
      expect(status.integrity.safeModeReason).toMatch(/store server could not be opened.*SSL/);
    } finally {
      await core.close();
    }
  });

  it('a SQLite database option must name databasePath itself', async () => {
    const dir = tempDir();
    await expect(
      createCore({
        databasePath: join(dir, 'a.sqlite'),
        database: { kind: 'sqlite', path: join(dir, 'b.sqlite') },
        secretStore: memorySecrets(),
        appOrigin: APP_ORIGIN,
        logger: silentLogger,
      }),
    ).rejects.toThrow(TypeError);
  });
});

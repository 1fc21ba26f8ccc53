/** D1 pragmas, D3 migrations and zero drift, D5 safe mode, L2 append-only chain, write queue. */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteDataSource } from '../../electron/core/db/data-source';
import { rawSqlite } from '../../electron/core/db/raw-sqlite';
import { readPragmas } from '../../electron/core/db/pragmas';
import { WriteQueue } from '../../electron/core/db/write-queue';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { MIGRATIONS } from '../../migrations';
import { BUILT_IN_ROLES, ALL_PERMISSIONS } from '../../shared/permissions';
import { ADMIN, FakeClock, makeTestCore, tempDir, withAdmin } from '../helpers/core';

describe('database', () => {
  it('sets WAL, synchronous=FULL, foreign keys, busy_timeout and a 64 MiB page cache on open (D1)', async () => {
    const ds = createSqliteDataSource({ databasePath: join(tempDir(), 'p.sqlite') });
    await ds.initialize();
    expect(readPragmas(rawSqlite(ds))).toEqual({
      journal_mode: 'wal',
      synchronous: 2,
      foreign_keys: 1,
      busy_timeout: 5000,
    });
    expect(rawSqlite(ds).pragma('cache_size', { simple: true })).toBe(-65_536);
    await ds.destroy();
  });

  it('keeps statement journals in memory once migrated, not while migrating (pragmas.ts)', async () => {
    let connection: Database.Database | undefined;
    let whileMigrating: unknown;
    const t = await makeTestCore({
      prepareDatabase: (db) => {
        connection = db;
        whileMigrating = db.pragma('temp_store', { simple: true });
      },
    });
    expect(whileMigrating).toBe(0); // the build's default: temporary files on disk
    expect(connection!.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    await t.close();
  });

  it('runs every migration at start-up and leaves zero schema drift (D3)', async () => {
    const t = await makeTestCore();
    const raw = t.raw();
    const ran = raw.prepare('SELECT name FROM migrations ORDER BY id').all() as Array<{
      name: string;
    }>;
    expect(ran.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    await t.close();

    const ds = createSqliteDataSource({ databasePath: join(tempDir(), 'd.sqlite') });
    await ds.initialize();
    await ds.runMigrations();
    expect(ds.options.synchronize).toBe(false);
    const drift = await ds.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);
    await ds.destroy();
  });

  it('seeds roles and permissions exactly as shared/permissions.ts declares', async () => {
    const t = await makeTestCore();
    const raw = t.raw();
    expect(
      (raw.prepare('SELECT id FROM permissions ORDER BY id').all() as Array<{ id: string }>).map(
        (r) => r.id,
      ),
    ).toEqual([...ALL_PERMISSIONS].sort());
    for (const role of BUILT_IN_ROLES) {
      const perms = raw
        .prepare('SELECT permission_id AS p FROM role_permissions WHERE role_id = ? ORDER BY p')
        .all(role.id) as Array<{ p: string }>;
      expect(perms.map((r) => r.p)).toEqual([...role.permissions].sort());
    }
    await t.close();
  });

  it('stores money-free schema with no REAL columns and times as UTC text', async () => {
    const t = await makeTestCore();
    const raw = t.raw();
    const tables = raw
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ name: string }>;
    for (const { name } of tables) {
      const cols = raw.prepare(`PRAGMA table_info(${name})`).all() as Array<{ type: string }>;
      for (const c of cols) expect(c.type.toUpperCase()).not.toMatch(/REAL|FLOAT|DOUBLE/);
    }
    await withAdmin(t);
    const row = raw.prepare('SELECT created_at FROM staff').get() as { created_at: string };
    expect(row.created_at).toBe('2026-11-23T09:00:00.000Z');
    await t.close();
  });

  it('audit_events is append-only: raw UPDATE and DELETE abort (L2)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await t.core.close();
    const db = new Database(t.dbPath);
    expect(() =>
      db.prepare("UPDATE audit_events SET outcome = 'success' WHERE id = 1").run(),
    ).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    db.close();
  });

  it('the audit chain verifier reports a tampered row (L2)', async () => {
    const dir = tempDir();
    const t = await makeTestCore({ dir });
    await withAdmin(t);
    await t.must('auth:logout');
    await t.core.close();
    const db = new Database(t.dbPath);
    const trigger = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_events_no_update'").get() as {
        sql: string;
      }
    ).sql;
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare(
      "UPDATE audit_events SET actor_name = 'mallory' WHERE action = 'setup.create_admin'",
    ).run();
    db.exec(trigger); // puts the trigger back, so only the chain tells
    db.close();

    const ds = createSqliteDataSource({ databasePath: t.dbPath });
    await ds.initialize();
    const result = await new AuditLog(new FakeClock(), 't').verifyChain(ds.manager);
    expect(result.ok).toBe(false);
    const tampered = rawSqlite(ds)
      .prepare("SELECT id FROM audit_events WHERE actor_name = 'mallory'")
      .get() as { id: number };
    expect(result).toMatchObject({ ok: false, brokenAtId: tampered.id });
    await ds.destroy();

    // Start-up checks only the sealed head (D10); the full check finds the row and says so.
    const again = await makeTestCore({ dir });
    expect(again.core.safeMode).toBe(false);
    const found = await again.core.checkIntegrity();
    expect(found).toMatchObject({ ok: false, integrity: 'ok', auditChain: { state: 'broken' } });
    expect(found.auditChain.detail).toContain(`event ${tampered.id}`);
    const status = await again.must('app:status');
    expect(status.integrity.auditChain).toEqual({
      state: 'broken',
      detail: found.auditChain.detail,
    });
    expect(status.safeMode).toBe(false);
    await again.close();
    // Found once, the break stays reported after a restart, before any new full check.
    const third = await makeTestCore({ dir });
    expect((await third.must('app:status')).integrity.auditChain).toEqual({
      state: 'broken',
      detail: found.auditChain.detail,
    });
    await third.close();
  });

  it('an intact chain verifies after many events', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    for (let i = 0; i < 5; i++)
      await t.call('auth:login', { identifier: `nobody${i}`, password: 'x' }, 7);
    await t.core.close();
    const ds = createSqliteDataSource({ databasePath: t.dbPath });
    await ds.initialize();
    expect(await new AuditLog(new FakeClock(), 't').verifyChain(ds.manager)).toEqual({
      ok: true,
      rows: 7,
    }); // app.start, setup.create_admin, 5 failed logins;
    await ds.destroy();
  });

  it('a corrupted file opens in safe mode: no sign-in, only status (D5)', async () => {
    const dir = tempDir();
    const t = await makeTestCore({ dir });
    await withAdmin(t);
    await t.core.close();
    const db = new Database(t.dbPath);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // Scribble over the second page (a table's b-tree page), leaving the header intact.
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(t.dbPath, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x55), 0, pageSize, pageSize);
    closeSync(fd);

    const broken = await makeTestCore({ dir });
    expect(broken.core.safeMode).toBe(true);
    const status = await broken.call('app:status');
    expect(status).toMatchObject({
      ok: true,
      data: { setupRequired: false, terminalName: 'till-1', safeMode: true, storage: { ok: true } },
    });
    expect(status.ok && status.data.integrity.safeModeReason).toMatch(/malformed/);
    const login = await broken.call('auth:login', {
      identifier: ADMIN.username,
      password: ADMIN.password,
    });
    expect(login).toMatchObject({ ok: false, error: { code: 'SAFE_MODE' } });
    await broken.close();
  });

  it('a file that is not a database at all also opens in safe mode', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kassa.sqlite'), 'this is not a database'.repeat(200));
    const t = await makeTestCore({ dir });
    expect(t.core.safeMode).toBe(true);
    await t.close();
  });
});

describe('write queue', () => {
  it('runs jobs one at a time in FIFO order, even when one fails', async () => {
    const q = new WriteQueue();
    const log: string[] = [];
    let running = 0;
    const job =
      (name: string, ms: number, fail = false) =>
      async () => {
        running += 1;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        running -= 1;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      q.run(job('a', 20)),
      q.run(job('b', 1, true)),
      q.run(job('c', 5)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('concurrent writes through the core do not collide in one SQLite connection', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.call('auth:login', { identifier: `ghost${i}`, password: 'nope' }, 100 + i),
      ),
    );
    expect(results.every((r) => !r.ok && r.error.code === 'INVALID_CREDENTIALS')).toBe(true);
    const n = t
      .raw()
      .prepare(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'auth.login' AND outcome = 'failure'",
      )
      .get() as { n: number };
    expect(n.n).toBe(8);
    await t.close();
  });
});

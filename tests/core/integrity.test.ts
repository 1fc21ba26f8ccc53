/**
 * D5, D10, L2: integrity checks that scale and catch corruption. Start-up does only cheap checks
 * (header, schema version, triggers, the chain head); the full integrity_check and the whole
 * audit chain run in a worker thread while the till keeps selling; a till that was set up never
 * comes back as a new till because its file went missing or empty.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  openSync,
  readSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { hashAuditRow } from '../../electron/core/audit/audit-log';
import { markerPath, readMarker } from '../../electron/core/integrity/setup-marker';
import { APP_ORIGIN } from '../../shared/csp';
import { seedDemoData } from '../../scripts/seed/generate';
import {
  ADMIN,
  keychainFor,
  makeTestCore,
  resultCode,
  silentLogger,
  tempDir,
  withAdmin,
} from '../helpers/core';

const NOW = new Date('2026-11-23T09:00:00.000Z');

/** A seeded, sealed till of `sales` sales in a new folder; returns its folder and admin password. */
async function seededTill(sales: number) {
  const dir = tempDir('kassa-integrity-');
  const seeded = await seedDemoData({
    databasePath: join(dir, 'kassa.sqlite'),
    customers: 20,
    sales,
    now: NOW,
    secretStore: keychainFor(dir),
  });
  return { dir, path: join(dir, 'kassa.sqlite'), adminPassword: seeded.staff[0]!.password };
}

/** Flips one character of a uuid stored in a leaf page of the UQ_sales_uuid index. */
function corruptUuidIndex(path: string): void {
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaf = db
    .prepare(
      "SELECT pageno FROM dbstat WHERE name = 'UQ_sales_uuid' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3",
    )
    .get() as { pageno: number };
  db.close();
  const page = Buffer.alloc(pageSize);
  const fd = openSync(path, 'r+');
  readSync(fd, page, 0, pageSize, (leaf.pageno - 1) * pageSize);
  // A live cell, found through the page's cell pointer array (SQLite file format §1.6: a leaf
  // index page has an 8-byte header, the cell count at offset 3), not a stale copy in free space.
  const cells = page.readUInt16BE(3);
  const cell = page.readUInt16BE(8 + 2 * Math.floor(cells / 2));
  const match = /[0-9a-f]{8}-[0-9a-f]{4}-/.exec(page.subarray(cell, cell + 48).toString('latin1'))!;
  const at = cell + match.index + 9; // a hex digit inside the uuid; the cell's structure is untouched
  page[at] = page[at] === 0x61 ? 0x62 : 0x61;
  writeSync(fd, page, 0, pageSize, (leaf.pageno - 1) * pageSize);
  closeSync(fd);
}

describe('the full check runs in a worker and catches what quick_check misses (D5)', () => {
  it('a flipped byte in the UQ_sales_uuid index passes quick_check, fails the full check, and puts the till in safe mode', async () => {
    const { dir, path, adminPassword } = await seededTill(3_000);
    corruptUuidIndex(path);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok'); // what start-up used to run
    raw.close();

    const t = await makeTestCore({ dir });
    expect(t.core.safeMode).toBe(false); // start-up stays cheap: it does not read every index
    await t.must('auth:login', { identifier: 'admin', password: adminPassword });
    const result = await t.core.checkIntegrity();
    expect(result.ok).toBe(false);
    expect(result.integrity).toMatch(/UQ_sales_uuid/);
    expect(t.core.safeMode).toBe(true);
    const status = await t.must('app:status');
    expect(status.safeMode).toBe(true);
    expect(status.integrity.safeModeReason).toMatch(/found the database damaged.*UQ_sales_uuid/);
    expect(status.integrity.lastFullCheck).toMatchObject({ ok: false });
    // The till stops selling: every channel but app:status answers SAFE_MODE.
    expect(resultCode(await t.call('sales:list', { limit: 5 }))).toBe('SAFE_MODE');
    await t.close();
  }, 120_000);

  it('the till keeps selling while the full check runs, and the check passes a sound file', async () => {
    const { dir, path, adminPassword } = await seededTill(5_000);
    const raw = new Database(path, { readonly: true });
    const product = raw
      .prepare("SELECT id, price FROM products WHERE kind = 'stock' AND price > 0 LIMIT 1")
      .get() as { id: number; price: number };
    raw.close();
    const t = await makeTestCore({ dir });
    await t.must('auth:login', { identifier: 'admin', password: adminPassword });
    let checking = true;
    const check = t.core.checkIntegrity().finally(() => {
      checking = false;
    });
    let soldDuringCheck = 0;
    for (let i = 0; i < 200 && checking; i++) {
      const r = await t.call('sales:checkout', {
        id: randomUUID(),
        lines: [{ productId: product.id, quantity: 1 }],
        tenders: [{ type: 'card', amount: product.price }],
      });
      expect(resultCode(r)).toBe('ok');
      if (checking) soldDuringCheck += 1;
    }
    const result = await check;
    expect(result).toMatchObject({ ok: true, integrity: 'ok', auditChain: { state: 'ok' } });
    expect(soldDuringCheck).toBeGreaterThan(0);
    expect(t.core.safeMode).toBe(false);
    await t.close();
  }, 180_000);

  it('runs on its own after start-up when scheduled', async () => {
    const dir = tempDir();
    const core = await createCore({
      databasePath: join(dir, 'kassa.sqlite'),
      secretStore: keychainFor(dir),
      appOrigin: APP_ORIGIN,
      logger: silentLogger,
      integrityCheck: { firstAfterMs: 20 },
    });
    const caller = { origin: APP_ORIGIN, isTopFrame: true, windowId: 1 };
    let status: { lastFullCheck: unknown } | undefined;
    for (let i = 0; i < 100 && !status?.lastFullCheck; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const r = await core.invoke('app:status', {}, caller);
      status = (r as { data: { integrity: { lastFullCheck: unknown } } }).data.integrity;
    }
    expect(status?.lastFullCheck).toMatchObject({ ok: true, detail: null });
    await core.close();
  });
});

describe('start-up checks stay cheap and still catch tampering at the head (D10, L2)', () => {
  it('verifies only the rows after the seal: a bad row appended after it is caught, a good one is resealed', async () => {
    const dir = tempDir();
    const t = await makeTestCore({ dir });
    await withAdmin(t);
    await t.core.close();
    const append = (prevHashOf: (last: string) => string) => {
      const db = new Database(t.dbPath);
      const last = db.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as {
        hash: string;
      };
      const row = {
        prevHash: prevHashOf(last.hash),
        at: NOW.toISOString(),
        actorId: null,
        actorName: null,
        action: 'raw.append',
        targetType: null,
        targetId: null,
        terminal: 'till-1',
        outcome: 'success',
        detail: null,
      };
      db.prepare(
        `INSERT INTO audit_events (at, actor_id, actor_name, action, target_type, target_id, terminal,
           outcome, detail, prev_hash, hash) VALUES (?, NULL, NULL, ?, NULL, NULL, ?, ?, NULL, ?, ?)`,
      ).run(row.at, row.action, row.terminal, row.outcome, row.prevHash, hashAuditRow(row));
      db.close();
    };

    append((last) => last); // chained correctly, but after the seal
    const ok = await makeTestCore({ dir });
    expect((await ok.must('app:status')).integrity.auditChain.state).toBe('ok');
    const detail = ok
      .raw()
      .prepare("SELECT detail FROM audit_events WHERE action = 'app.start' ORDER BY id DESC")
      .get() as { detail: string };
    expect(detail.detail).toBe('audit chain ok (1 rows verified since the seal)');
    await ok.close();

    append(() => 'f'.repeat(64)); // a forged link after the seal
    const bad = await makeTestCore({ dir });
    expect((await bad.must('app:status')).integrity.auditChain).toMatchObject({
      state: 'broken',
    });
    await bad.close();
  });

  it('a file written by a newer Kassa (an unknown migration) opens in safe mode', async () => {
    const dir = tempDir();
    const t = await makeTestCore({ dir });
    await withAdmin(t);
    await t.core.close();
    const db = new Database(t.dbPath);
    db.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)').run(
      9999999999999,
      'FromTheFuture9999999999999',
    );
    db.close();
    const again = await makeTestCore({ dir });
    expect(again.core.safeMode).toBe(true);
    expect((await again.must('app:status')).integrity.safeModeReason).toMatch(
      /newer version of Kassa \(FromTheFuture9999999999999\)/,
    );
    await again.close();
  });
});

describe('a till that was set up remembers it outside the database (D5)', () => {
  async function setUpTill() {
    const dir = tempDir();
    const t = await makeTestCore({ dir });
    await withAdmin(t);
    expect(readMarker(t.dbPath)).toMatchObject({ setUp: true, auditSealed: true });
    await t.core.close();
    return { dir, path: t.dbPath };
  }

  async function expectRefusedAsNewTill(dir: string) {
    const t = await makeTestCore({ dir });
    expect(t.core.safeMode).toBe(true);
    const status = await t.must('app:status');
    expect(status).toMatchObject({ setupRequired: false, safeMode: true });
    expect(status.integrity.safeModeReason).toMatch(/database is missing or empty/);
    expect(resultCode(await t.call('setup:createAdmin', ADMIN))).toBe('SAFE_MODE');
    await t.close();
  }

  it('an emptied (0-byte) database opens in safe mode, not as a new till', async () => {
    const { dir, path } = await setUpTill();
    truncateSync(path, 0);
    for (const f of [`${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    await expectRefusedAsNewTill(dir);
  });

  it('a missing database opens in safe mode, not as a new till', async () => {
    const { dir, path } = await setUpTill();
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    await expectRefusedAsNewTill(dir);
  });

  it('a database swapped for a brand-new empty one opens in safe mode too', async () => {
    const { dir, path } = await setUpTill();
    const blank = await makeTestCore();
    await blank.core.close();
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    copyFileSync(blank.dbPath, path);
    await expectRefusedAsNewTill(dir);
  });

  it('a till never set up still offers first-run set-up on an empty file, and writes the marker then', async () => {
    const dir = tempDir();
    const path = join(dir, 'kassa.sqlite');
    closeSync(openSync(path, 'w')); // 0 bytes, no marker: a new till
    const t = await makeTestCore({ dir });
    expect(t.core.safeMode).toBe(false);
    expect((await t.must('app:status')).setupRequired).toBe(true);
    expect(readMarker(path).setUp).toBe(false);
    await withAdmin(t);
    expect(readMarker(path).setUp).toBe(true);
    expect(markerPath(path)).toBe(`${path}.setup.json`);
    await t.close();
  });
});

/**
 * Backups and restore (issue 10, section 5; D4, D5) on real SQLite files: online backups during a
 * stream of sales, the restore round trip and its pre-restore backup, refusals that change
 * nothing (tampered, truncated, wrong passphrase, newer schema, permission, re-authentication),
 * the daily schedule on the fake clock, and the backup before a migration.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackupFile } from '../../electron/core/backups/backup-worker';
import { readManifest } from '../../electron/core/backups/backup-format';
import { createCore } from '../../electron/core';
import { backupsIn } from '../../electron/core/backups/backup-folders';
import { APP_ORIGIN } from '../../shared/csp';
import {
  FakeClock,
  keychainFor,
  silentLogger,
  tempDir,
  ADMIN,
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertProducts } from '../helpers/retail';

const open: TestCore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function shop(opts: Parameters<typeof makeTestCore>[0] = {}) {
  const t = await makeTestCore(opts);
  open.push(t);
  await withAdmin(t);
  await t.must('settings:update', { idleLockMinutes: 15 });
  const [tea] = insertProducts(t, [{ sku: 'TEA', name: 'Tea', price: 250 }]);
  return { t, tea: tea! };
}

function sell(t: TestCore, productId: number, quantity = 1) {
  return t.must('sales:checkout', {
    id: randomUUID(),
    lines: [{ productId, quantity }],
    tenders: [{ type: 'card', amount: 250 * quantity }],
  });
}

function salesOf(path: string): { n: number; total: number; ids: string[] } {
  const db = new Database(path, { readonly: true });
  try {
    const { n, total } = db
      .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(total), 0) AS total FROM sales')
      .get() as {
      n: number;
      total: number;
    };
    const ids = (
      db.prepare('SELECT uuid FROM sales ORDER BY uuid').all() as { uuid: string }[]
    ).map((r) => r.uuid);
    return { n, total, ids };
  } finally {
    db.close();
  }
}

const backupsDir = (t: TestCore) => join(t.dir, 'backups');
const files = (t: TestCore) =>
  readdirSync(backupsDir(t)).filter((f) => f.endsWith('.kassa-backup'));

describe('backups', () => {
  it('a backup taken during a stream of sales passes integrity_check and holds every sale committed before it began', async () => {
    const { t, tea } = await shop();
    for (let i = 0; i < 10; i++) await sell(t, tea);
    const before = salesOf(t.dbPath);
    let selling = true;
    const stream = (async () => {
      let n = 0;
      while (selling) {
        // Each ring-up arrives as its own IPC message (a macrotask), as from the renderer.
        await new Promise((r) => setImmediate(r));
        await sell(t, tea, 1 + (n++ % 3));
      }
      return n;
    })();
    const run = await t.must('backups:run');
    selling = false;
    const during = await stream;
    expect(run.ok).toBe(true);
    expect(during).toBeGreaterThan(0);
    // Nothing but the backup is left in the folder: no part of its snapshot, no -wal or -shm.
    expect(readdirSync(backupsDir(t))).toEqual([run.file]);
    const out = join(t.dir, 'check.sqlite');
    const opened = await openBackupFile({
      filePath: join(backupsDir(t), run.file!),
      outPath: out,
      passphrase: null,
    });
    expect(readdirSync(t.dir).filter((f) => f.startsWith('check.'))).toEqual(['check.sqlite']);
    const inBackup = salesOf(out);
    for (const id of before.ids) expect(inBackup.ids).toContain(id);
    expect(opened.manifest.counts.sales).toBe(inBackup.n);
    expect(opened.manifest.counts.staff).toBe(1);
    expect(opened.manifest.schemaVersion).toMatch(/^\w+\d{13}$/);
    const check = new Database(out, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    expect(auditCount(t, 'backup.run', 'success')).toBe(1);
    const status = await t.must('backups:status');
    expect(status.lastRun?.file).toBe(run.file);
    expect(status.lastSuccessAt).toBe(run.at);
    expect(status.overdue).toBe(false);
  });

  it('the manifest is readable at the head of the file; an encrypted backup keeps sales out of sight', async () => {
    const { t, tea } = await shop();
    await sell(t, tea);
    await t.must('backups:updateSettings', { folder: null, passphrase: 'a long passphrase 1' });
    const run = await t.must('backups:run');
    const path = join(backupsDir(t), run.file!);
    const m = readManifest(path)!;
    expect(m.reason).toBe('manual');
    expect(m.encryption?.cipher).toBe('aes-256-gcm');
    expect(readFileSync(path).toString('latin1')).toContain('"sha256"');
    expect(readFileSync(path).includes(Buffer.from('SQLite format 3'))).toBe(false);
    const list = await t.must('backups:list');
    expect(list[0]).toMatchObject({ name: run.file, encrypted: true, sales: 1, location: 'local' });
  });

  it('restore round-trips: counts and totals equal, the pre-restore backup exists, every window signs in again', async () => {
    const { t, tea } = await shop();
    for (let i = 0; i < 5; i++) await sell(t, tea, i + 1);
    await t.must('backups:updateSettings', {
      folder: join(t.dir, 'usb'),
      passphrase: 'a long passphrase 1',
    });
    const run = await t.must('backups:run');
    const saved = salesOf(t.dbPath);
    for (let i = 0; i < 3; i++) await sell(t, tea);
    expect(salesOf(t.dbPath).n).toBe(saved.n + 3);

    const r = await t.must('backups:restore', { location: 'external', name: run.file! });
    expect(r.restored).toBe(true);
    expect(files(t)).toContain(r.preRestoreFile);
    expect(readdirSync(backupsDir(t))).toEqual(files(t));
    expect(readdirSync(t.dir).filter((f) => f.includes('.restoring'))).toEqual([]);
    const restored = salesOf(t.dbPath);
    expect(restored).toEqual(saved);
    // The core restarted: the old session is gone; sign in again and sell on.
    expect(resultCode(await t.call('backups:status'))).toBe('UNAUTHENTICATED');
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    await sell(t, tea);
    expect(salesOf(t.dbPath).n).toBe(saved.n + 1);
    expect(auditCount(t, 'backup.restore', 'success')).toBe(1);
    // The pre-restore backup holds the sales made after the restored one.
    const out = join(t.dir, 'pre.sqlite');
    await openBackupFile({
      filePath: join(backupsDir(t), r.preRestoreFile),
      outPath: out,
      passphrase: 'a long passphrase 1',
    });
    expect(salesOf(out).n).toBe(saved.n + 3);
  });

  async function refusedRestore(
    t: TestCore,
    name: string,
    input: { passphrase?: string } = {},
  ): Promise<string> {
    const before = salesOf(t.dbPath);
    const filesBefore = files(t);
    const r = await t.call('backups:restore', { location: 'local', name, ...input });
    expect(salesOf(t.dbPath)).toEqual(before);
    expect(files(t)).toEqual(filesBefore);
    expect(readdirSync(t.dir).filter((f) => f.includes('.restoring'))).toEqual([]);
    return resultCode(r);
  }

  it('refuses a tampered, truncated or foreign file, a wrong or missing passphrase and a newer schema; nothing changes', async () => {
    const { t, tea } = await shop();
    await sell(t, tea);
    const plain = (await t.must('backups:run')).file!;
    t.clock.advance(1000);
    await t.must('backups:updateSettings', { folder: null, passphrase: 'a long passphrase 1' });
    const locked = (await t.must('backups:run')).file!;
    await sell(t, tea);
    const path = (n: string) => join(backupsDir(t), n);
    const copy = (from: string, to: string, change: (b: Buffer) => Buffer) =>
      writeFileSync(path(to), change(readFileSync(path(from))));
    const flip = (at: (b: Buffer) => number) => (b: Buffer) => {
      const c = Buffer.from(b);
      const i = at(c);
      c[i] = c[i]! ^ 0x01;
      return c;
    };

    copy(
      plain,
      'kassa-20260101-000001.kassa-backup',
      flip((b) => b.length - 100),
    );
    copy(plain, 'kassa-20260101-000002.kassa-backup', (b) =>
      b.subarray(0, Math.floor(b.length / 2)),
    );
    copy(
      locked,
      'kassa-20260101-000003.kassa-backup',
      flip((b) => b.length - 100),
    );
    copy(locked, 'kassa-20260101-000004.kassa-backup', (b) => b.subarray(0, b.length - 1));
    writeFileSync(path('kassa-20260101-000005.kassa-backup'), 'not a backup at all');
    // A flipped byte in the manifest of an encrypted backup (its header is authenticated).
    copy(
      locked,
      'kassa-20260101-000006.kassa-backup',
      flip((b) => b.indexOf('"appVersion"') + 3),
    );

    expect(await refusedRestore(t, 'kassa-20260101-000001.kassa-backup')).toBe('BACKUP_DAMAGED');
    expect(await refusedRestore(t, 'kassa-20260101-000002.kassa-backup')).toBe('BACKUP_DAMAGED');
    expect(await refusedRestore(t, 'kassa-20260101-000003.kassa-backup')).toBe('BACKUP_DAMAGED');
    expect(await refusedRestore(t, 'kassa-20260101-000004.kassa-backup')).toBe('BACKUP_DAMAGED');
    expect(await refusedRestore(t, 'kassa-20260101-000005.kassa-backup')).toBe('BACKUP_DAMAGED');
    expect(await refusedRestore(t, 'kassa-20260101-000006.kassa-backup')).toBe('BACKUP_DAMAGED');
    expect(await refusedRestore(t, locked, { passphrase: 'the wrong passphrase' })).toBe(
      'BACKUP_PASSPHRASE',
    );
    await t.must('backups:updateSettings', { folder: null, passphrase: null });
    expect(await refusedRestore(t, locked)).toBe('BACKUP_PASSPHRASE');
    expect(await refusedRestore(t, 'kassa-20990101-000000.kassa-backup')).toBe('NOT_FOUND');
    expect(await refusedRestore(t, '../kassa.sqlite')).toBe('VALIDATION_FAILED');

    // A backup from a newer Kassa: a migration this build does not know.
    const db = new Database(t.dbPath);
    db.prepare(
      "INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FromTheFuture1999999999999')",
    ).run();
    db.close();
    t.clock.advance(1000);
    const newer = (await t.must('backups:run')).file!;
    const db2 = new Database(t.dbPath);
    db2.prepare("DELETE FROM migrations WHERE name = 'FromTheFuture1999999999999'").run();
    db2.close();
    expect(await refusedRestore(t, newer)).toBe('BACKUP_TOO_NEW');
    expect(auditCount(t, 'backup.restore', 'failure')).toBe(10);
  });

  it('needs backups.manage, and the password again for settings and restore', async () => {
    const { t } = await shop();
    const run = await t.must('backups:run');
    await approvedMember(t, MEMBER);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 5);
    for (const [channel, input] of [
      ['backups:status', {}],
      ['backups:list', {}],
      ['backups:chooseFolder', {}],
      ['backups:run', {}],
      ['backups:updateSettings', { folder: null }],
      ['backups:restore', { location: 'local', name: run.file! }],
    ] as const)
      expect(resultCode(await t.call(channel, input as never, 5))).toBe('FORBIDDEN');
    t.clock.advanceMinutes(6);
    expect(resultCode(await t.call('backups:status'))).toBe('ok');
    expect(resultCode(await t.call('backups:updateSettings', { folder: null }))).toBe(
      'REAUTH_REQUIRED',
    );
    expect(
      resultCode(await t.call('backups:restore', { location: 'local', name: run.file! })),
    ).toBe('REAUTH_REQUIRED');
  });

  it('refuses a folder Kassa cannot write to, and a relative path', async () => {
    const { t } = await shop();
    writeFileSync(join(t.dir, 'a-file'), 'x');
    expect(
      resultCode(await t.call('backups:updateSettings', { folder: join(t.dir, 'a-file', 'sub') })),
    ).toBe('BACKUP_FAILED');
    expect(resultCode(await t.call('backups:updateSettings', { folder: 'relative/path' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect((await t.must('backups:status')).folder).toBeNull();
  });

  it('the folder is picked in the shell’s dialog, checked, and saved only by updateSettings', async () => {
    const answers: Array<string | null> = [];
    const windows: number[] = [];
    const { t } = await shop({
      folderDialog: async (caller) => {
        windows.push(caller.windowId);
        return answers.shift() ?? null;
      },
    });
    const usb = join(t.dir, 'usb-stick');
    writeFileSync(join(t.dir, 'a-file'), 'x');
    answers.push(usb);
    expect(await t.must('backups:chooseFolder')).toEqual({ available: true, folder: usb });
    // Picking changes nothing: the folder is saved by backups:updateSettings (password again).
    expect((await t.must('backups:status')).folder).toBeNull();
    answers.push(null);
    expect(await t.must('backups:chooseFolder')).toEqual({ available: true, folder: null });
    answers.push(join(t.dir, 'a-file', 'sub'));
    const refused = await t.call('backups:chooseFolder');
    expect(resultCode(refused)).toBe('BACKUP_FAILED');
    expect(JSON.stringify(refused)).not.toContain(t.dir);
    expect(windows).toEqual([1, 1, 1]);
    await t.must('backups:updateSettings', { folder: usb });
    expect((await t.must('backups:status')).folder).toBe(usb);
  });

  it('without a shell there is no dialog: the folder is typed', async () => {
    const { t } = await shop();
    expect(await t.must('backups:chooseFolder')).toEqual({ available: false, folder: null });
  });

  it('after each shift close a backup; rotation keeps 7 days; a missed day is overdue', async () => {
    const { t, tea } = await shop();
    await sell(t, tea);
    expect((await t.core.backupNow('daily')).ok).toBe(true);
    let status = await t.must('backups:status');
    expect(Date.parse(status.nextDueAt) - Date.parse(status.lastSuccessAt!)).toBe(86_400_000);
    expect(status.overdue).toBe(false);
    for (let day = 0; day < 10; day++) {
      t.clock.advance(86_400_000);
      expect((await t.core.backupNow('shiftClose')).ok).toBe(true);
    }
    // 11 days of backups, one a day (2026-11-23 .. 12-03): the 7 newest days are kept; the
    // newest of each ISO week and month is among them.
    // Weeks: 23-29 Nov keeps 29 Nov, 30 Nov-6 Dec keeps 3 Dec; months: 30 Nov and 3 Dec.
    expect(files(t).sort()).toEqual(
      ['1127', '1128', '1129', '1130', '1201', '1202', '1203'].map(
        (d) => `kassa-2026${d}-090000.kassa-backup`,
      ),
    );
    t.clock.advance(2 * 86_400_000);
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    status = await t.must('backups:status');
    expect(status.overdue).toBe(true);
  });

  it('the daily schedule runs a backup when it is due by the fake clock, and not before', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const core = await createCore({
      databasePath: join(dir, 'kassa.sqlite'),
      clock,
      secretStore: keychainFor(dir),
      integrityCheck: false,
      appOrigin: APP_ORIGIN,
      logger: silentLogger,
      appVersion: '9.9.9',
      backupSchedule: { checkEveryMs: 20 },
    });
    try {
      const count = () => backupsIn(join(dir, 'backups')).length;
      const waitFor = async (n: number) => {
        for (let i = 0; i < 200 && count() < n; i++) await new Promise((r) => setTimeout(r, 25));
        return count();
      };
      // Never backed up: due at start-up.
      expect(await waitFor(1)).toBe(1);
      clock.advance(23 * 3_600_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(count()).toBe(1);
      clock.advance(3_600_000);
      expect(await waitFor(2)).toBe(2);
      const reasons = backupsIn(join(dir, 'backups')).map((b) => [
        b.manifest.reason,
        b.manifest.appVersion,
      ]);
      expect(reasons).toEqual([
        ['daily', '9.9.9'],
        ['daily', '9.9.9'],
      ]);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('safe mode offers the restore (D5)', () => {
  it('a damaged file: list the backups, refuse a wrong admin, restore with the right one', async () => {
    const { t, tea } = await shop();
    for (let i = 0; i < 4; i++) await sell(t, tea);
    const run = await t.must('backups:run');
    const saved = salesOf(t.dbPath);
    expect(resultCode(await t.call('backups:safeModeList'))).toBe('CONFLICT');
    expect(
      resultCode(
        await t.call('backups:safeModeRestore', {
          name: run.file!,
          username: ADMIN.username,
          password: ADMIN.password,
        }),
      ),
    ).toBe('CONFLICT');
    const dir = t.dir;
    await t.core.close();
    // Damage the file: its header no longer says SQLite.
    const bytes = readFileSync(join(dir, 'kassa.sqlite'));
    bytes.write('garbage', 0);
    writeFileSync(join(dir, 'kassa.sqlite'), bytes);
    rmSync(join(dir, 'kassa.sqlite-wal'), { force: true });
    const again = await makeTestCore({ dir });
    open.push(again);
    expect(again.core.safeMode).toBe(true);
    expect(resultCode(await again.call('backups:status'))).toBe('SAFE_MODE');
    const list = await again.must('backups:safeModeList');
    expect(list.map((b) => b.name)).toEqual([run.file]);
    const wrong: Array<[string, string]> = [
      [ADMIN.username, 'not the password'],
      ['nobody', ADMIN.password],
    ];
    for (const [username, password] of wrong)
      expect(
        resultCode(
          await again.call('backups:safeModeRestore', { name: run.file!, username, password }),
        ),
      ).toBe('INVALID_CREDENTIALS');
    expect(again.core.safeMode).toBe(true);
    await again.must('backups:safeModeRestore', {
      name: run.file!,
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(again.core.safeMode).toBe(false);
    expect(salesOf(again.dbPath)).toEqual(saved);
    expect(readdirSync(backupsDir(again)).some((f) => f.startsWith('damaged-'))).toBe(true);
    await again.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    await sell(again, tea);
    expect(auditCount(again, 'backup.restore', 'success')).toBe(1);
  });
});

describe('backup before a migration', () => {
  it('an existing file with a pending migration is backed up before it migrates', async () => {
    const { t, tea } = await shop();
    await sell(t, tea);
    const dir = t.dir;
    await t.core.close();
    const db = new Database(join(dir, 'kassa.sqlite'));
    db.prepare("DELETE FROM migrations WHERE name = 'CashPermissions1790000008000'").run();
    db.prepare(
      "DELETE FROM role_permissions WHERE permission_id IN ('shifts.close','cash.manage','cash.noSale','backups.manage')",
    ).run();
    db.prepare(
      "DELETE FROM permissions WHERE id IN ('shifts.close','cash.manage','cash.noSale','backups.manage')",
    ).run();
    db.close();
    const again = await makeTestCore({ dir });
    open.push(again);
    expect(again.core.safeMode).toBe(false);
    const made = files(again).map((f) => readManifest(join(backupsDir(again), f))!);
    expect(made.map((m) => m.reason)).toEqual(['preMigration']);
    expect(made[0]!.schemaVersion).not.toBe('CashPermissions1790000008000');
    expect(made[0]!.counts.sales).toBe(1);
  });
});

/**
 * The restore safe mode offers (D5; issue 10, section 5). In safe mode nobody can sign in (the
 * database failed its checks), so the restore proves who asks against the backup itself: the
 * username and password of an active member whose role grants `backups.manage` IN THE BACKUP
 * being restored (bcrypt, as at sign-in; a wrong one is INVALID_CREDENTIALS, the same answer for
 * an unknown user, A5). Only backups in the local folder, only while in safe mode (CONFLICT
 * otherwise). The damaged file is set aside beside the backups (a copy for support, never
 * restored by Kassa), then the core restarts on the restored file; the restore is audited there.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '../../../shared/contract/backups';
import { AppError } from '../../../shared/errors';
import type { PasswordHasher } from '../auth/password-hasher';
import { unknownMigrations } from '../integrity/file-checks';
import type { Clock } from '../types';
import { isBackupFileName } from './backup-format';
import { entriesIn, localFolder } from './backup-folders';
import { BackupJobError, openBackupFile } from './backup-worker';
import type { RequestRestart } from './restore';

export interface SafeModeRestoreDeps {
  databasePath: string;
  nativeBinding?: string;
  clock: Clock;
  hasher: PasswordHasher;
  safeMode: () => boolean;
  requestRestart: RequestRestart;
}

interface Admin {
  id: number;
  username: string;
  password_hash: string;
}

/** The active member with `backups.manage` named `username` in the SQLite file at `path`. */
function adminIn(path: string, username: string, nativeBinding?: string): Admin | null {
  const db = new Database(path, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return (
      (db
        .prepare(
          `SELECT s.id, s.username, s.password_hash FROM staff s
           JOIN role_permissions rp ON rp.role_id = s.role_id AND rp.permission_id = 'backups.manage'
           WHERE s.username = ? AND s.status = 'active'`,
        )
        .get(username.trim().toLowerCase()) as Admin | undefined) ?? null
    );
  } finally {
    db.close();
  }
}

export class SafeModeRestore {
  constructor(private readonly d: SafeModeRestoreDeps) {}

  private ensureSafeMode(): void {
    if (!this.d.safeMode())
      throw new AppError('CONFLICT', 'This restore is only for a till in safe mode.');
  }

  /** The backups in the local folder, newest first. */
  list(): BackupEntry[] {
    this.ensureSafeMode();
    return entriesIn(localFolder(this.d.databasePath), 'local')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, 500);
  }

  /** See the file comment. Errors: CONFLICT, NOT_FOUND, INVALID_CREDENTIALS, BACKUP_*. */
  async restore(input: {
    name: string;
    username: string;
    password: string;
    passphrase?: string | undefined;
  }): Promise<{ restored: true }> {
    this.ensureSafeMode();
    const folder = localFolder(this.d.databasePath);
    const filePath = join(folder, input.name);
    if (!isBackupFileName(input.name) || !existsSync(filePath))
      throw new AppError('NOT_FOUND', 'That backup is no longer there.');
    const restoredPath = `${this.d.databasePath}.restoring`;
    rmSync(restoredPath, { force: true });
    try {
      const opened = await openBackupFile({
        filePath,
        outPath: restoredPath,
        passphrase: input.passphrase ?? null,
        ...(this.d.nativeBinding ? { nativeBinding: this.d.nativeBinding } : {}),
      }).catch((e: unknown) => {
        throw new AppError(
          e instanceof BackupJobError ? e.code : 'BACKUP_DAMAGED',
          e instanceof Error ? e.message : String(e),
        );
      });
      if (unknownMigrations(opened.migrations).length > 0)
        throw new AppError('BACKUP_TOO_NEW', 'This backup was made by a newer version of Kassa.');
      const admin = adminIn(restoredPath, input.username, this.d.nativeBinding);
      const valid = admin
        ? await this.d.hasher.verify(input.password, admin.password_hash)
        : await this.d.hasher.verifyDummy(input.password);
      if (!admin || !valid)
        throw new AppError(
          'INVALID_CREDENTIALS',
          'The username or password is wrong for an admin in this backup.',
        );
      this.setAsideDamaged();
      this.d.requestRestart(restoredPath, {
        actorId: admin.id,
        actorName: admin.username,
        action: 'backup.restore',
        outcome: 'success',
        targetType: 'backup',
        targetId: input.name,
        detail: `restored ${input.name} (made ${opened.manifest.createdAt}) from safe mode`,
      });
      return { restored: true };
    } catch (e) {
      rmSync(restoredPath, { force: true });
      throw e;
    }
  }

  /** Keeps the damaged database (and its WAL) for support, beside the backups. */
  private setAsideDamaged(): void {
    const folder = localFolder(this.d.databasePath);
    mkdirSync(folder, { recursive: true });
    const stamp = this.d.clock.now().toISOString().replace(/[-:]/g, '').slice(0, 15);
    for (const suffix of ['', '-wal'])
      if (existsSync(this.d.databasePath + suffix))
        copyFileSync(
          this.d.databasePath + suffix,
          join(folder, `damaged-${stamp}.sqlite${suffix}`),
        );
  }
}

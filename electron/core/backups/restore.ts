/**
 * Restoring the database from a backup (D4, D5; issue 10, section 5). In this order, and nothing
 * changes until the last step:
 *   1. the file is one of ours, in the local or the second folder (NOT_FOUND);
 *   2. it opens: passphrase (BACKUP_PASSPHRASE), SHA-256 and integrity_check (BACKUP_DAMAGED),
 *      decrypted and unpacked into `<database>.restoring` by the backup worker;
 *   3. its schema is not newer than this app (BACKUP_TOO_NEW, D3);
 *   4. the current database is backed up first (reason `preRestore`; BACKUP_FAILED when it cannot
 *      be);
 *   5. the core is asked to restart on the restored file (createCore closes, swaps the files,
 *      opens and migrates). Every window then signs in again.
 * Refusals and the restore itself are audited (`backup.restore`) in the current database; the
 * restarted core records it again in the restored one.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '../../../shared/contract/backups';
import { AppError } from '../../../shared/errors';
import type { AuditInput, AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { unknownMigrations } from '../integrity/file-checks';
import { isBackupFileName } from './backup-format';
import type { BackupService } from './backup-service';
import type { BackupSettings } from './backup-settings';
import { BackupJobError, openBackupFile } from './backup-worker';

/** Asks createCore to restart on `restoredPath`, recording `note` in the restored file. */
export type RequestRestart = (restoredPath: string, note: AuditInput) => void;

export interface RestoreDeps {
  db: Database;
  audit: AuditLog;
  settings: BackupSettings;
  backups: BackupService;
  databasePath: string;
  nativeBinding?: string;
  requestRestart: RequestRestart;
}

export class BackupRestore {
  constructor(private readonly d: RestoreDeps) {}

  /** Asks createCore to restart on a restored file (also used by the safe-mode restore). */
  requestRestart(restoredPath: string, note: AuditInput): void {
    this.d.requestRestart(restoredPath, note);
  }

  /** See the file comment. Errors: NOT_FOUND, BACKUP_PASSPHRASE, BACKUP_DAMAGED, BACKUP_TOO_NEW, BACKUP_FAILED. */
  async restore(
    location: BackupEntry['location'],
    name: string,
    passphrase: string | undefined,
    session: Session,
  ): Promise<{ restored: true; preRestoreFile: string }> {
    const actor = { actorId: session.staff.id, actorName: session.staff.username };
    const refuse = async (code: AppError['code'], message: string): Promise<never> => {
      await this.d.db.write((em) =>
        this.d.audit.record(em, {
          ...actor,
          action: 'backup.restore',
          outcome: 'failure',
          targetType: 'backup',
          targetId: name.slice(0, 100),
          detail: code,
        }),
      );
      throw new AppError(code, message);
    };
    const folder =
      location === 'local' ? this.d.backups.localFolder : (await this.d.settings.config()).folder;
    const filePath = folder && isBackupFileName(name) ? join(folder, name) : null;
    if (!filePath || !existsSync(filePath))
      return refuse('NOT_FOUND', 'That backup is no longer there.');
    const restoredPath = `${this.d.databasePath}.restoring`;
    rmSync(restoredPath, { force: true });
    try {
      const opened = await openBackupFile({
        filePath,
        outPath: restoredPath,
        passphrase: passphrase ?? (await this.d.settings.passphrase().catch(() => null)),
        ...(this.d.nativeBinding ? { nativeBinding: this.d.nativeBinding } : {}),
      }).catch((e: unknown) => {
        const code = e instanceof BackupJobError ? e.code : 'BACKUP_DAMAGED';
        return refuse(code, e instanceof Error ? e.message : String(e));
      });
      if (unknownMigrations(opened.migrations).length > 0)
        return await refuse(
          'BACKUP_TOO_NEW',
          'This backup was made by a newer version of Kassa. Update Kassa before restoring it.',
        );
      await this.d.backups.idle();
      const pre = await this.d.backups.run('preRestore', session);
      if (!pre.ok || !pre.file)
        return await refuse(
          'BACKUP_FAILED',
          'The current database could not be backed up first, so nothing was restored.',
        );
      const note: AuditInput = {
        ...actor,
        action: 'backup.restore',
        outcome: 'success',
        targetType: 'backup',
        targetId: name,
        detail: `restored ${name} (made ${opened.manifest.createdAt}); the database before it is ${pre.file}`,
      };
      await this.d.db.write((em) => this.d.audit.record(em, note));
      this.d.requestRestart(restoredPath, note);
      return { restored: true, preRestoreFile: pre.file };
    } catch (e) {
      rmSync(restoredPath, { force: true });
      throw e;
    }
  }
}

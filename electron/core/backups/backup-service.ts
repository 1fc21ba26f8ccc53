/**
 * Backups (D4; issue 10, section 5): on demand, daily, after each shift close
 * (`run('shiftClose')`), and before every migration (createCore, `backupBeforeMigration`).
 * One backup at a time: a second call joins the one running. Each run writes the file to the
 * local folder, copies it to the admin's second folder, rotates both, and records the run
 * (settings row `backup_last_run`, audit `backup.run`). A run never rejects: a failure is a run
 * with `ok: false`, shown to admins as a standing warning.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type {
  BackupEntry,
  BackupReason,
  BackupRun,
  BackupStatus,
} from '../../../shared/contract/backups';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { Clock, Logger } from '../types';
import { backupFileName } from './backup-format';
import { entriesIn, localFolder, rotate } from './backup-folders';
import type { BackupSettings } from './backup-settings';
import { BackupJobError, makeBackupFile } from './backup-worker';
import { nextDailyDue, isOverdue } from './schedule';

export interface BackupServiceDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  settings: BackupSettings;
  databasePath: string;
  nativeBinding?: string;
  appVersion: string;
  /** The till's data is on a store server (issue 12), which the server's own tools back up. */
  storeServer?: boolean;
}

/** Why a till on a store server makes and restores no backup files (STORE_SERVER_BACKUPS). */
const ON_SERVER =
  'This till keeps its data on the store server, which is backed up on the server (pg_dump or pgBackRest; docs/deployment.md). The till makes no backup files.';

/** Writes a backup file of `databasePath` into `folder` under a fresh name; returns the name. */
export async function writeBackup(o: {
  databasePath: string;
  folder: string;
  at: Date;
  reason: BackupReason;
  appVersion: string;
  passphrase: string | null;
  nativeBinding?: string;
}): Promise<{ name: string; bytes: number }> {
  mkdirSync(o.folder, { recursive: true });
  let name = backupFileName(o.at);
  for (let n = 2; existsSync(join(o.folder, name)); n++)
    name = backupFileName(o.at).replace('.kassa-backup', `-${n}.kassa-backup`);
  const partial = join(o.folder, `${name}.partial`);
  try {
    const { bytes } = await makeBackupFile({
      databasePath: o.databasePath,
      outPath: partial,
      manifest: { createdAt: o.at.toISOString(), appVersion: o.appVersion, reason: o.reason },
      passphrase: o.passphrase,
      ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
    });
    renameSync(partial, join(o.folder, name));
    return { name, bytes };
  } finally {
    rmSync(partial, { force: true });
  }
}

export class BackupService {
  private running: Promise<BackupRun> | null = null;
  private readonly startedAt: Date;

  constructor(private readonly d: BackupServiceDeps) {
    this.startedAt = d.clock.now();
  }

  get localFolder(): string {
    return localFolder(this.d.databasePath);
  }

  /** Throws STORE_SERVER_BACKUPS on a store server, where backups are the server's (issue 12). */
  assertLocal(): void {
    if (this.d.storeServer) throw new AppError('STORE_SERVER_BACKUPS', ON_SERVER);
  }

  /**
   * Makes a backup now, or joins the one running. Never rejects. On a store server it writes
   * nothing and answers a failed run with the code STORE_SERVER_BACKUPS.
   */
  run(reason: BackupReason, session?: Session): Promise<BackupRun> {
    if (this.d.storeServer)
      return Promise.resolve({
        at: this.d.clock.now().toISOString(),
        reason,
        ok: false,
        file: null,
        bytes: null,
        ms: 0,
        errorCode: 'STORE_SERVER_BACKUPS',
        detail: ON_SERVER,
      });
    this.running ??= this.runOnce(reason, session).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Waits for a running backup (before the core closes or swaps its file). */
  async idle(): Promise<void> {
    await this.running;
  }

  /** The daily backup, when it is due by the clock (called by the schedule's timer). */
  async runIfDue(): Promise<BackupRun | null> {
    const last = await this.d.settings.last();
    const due = nextDailyDue(last?.lastSuccessAt ?? null, this.startedAt);
    return this.d.clock.now() >= due ? this.run('daily') : null;
  }

  /** Every backup in the local and the second folder, newest first (at most 500). */
  async list(): Promise<BackupEntry[]> {
    const { folder } = await this.d.settings.config();
    return [
      ...entriesIn(this.localFolder, 'local'),
      ...(folder ? entriesIn(folder, 'external') : []),
    ]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, 500);
  }

  async status(): Promise<BackupStatus> {
    const [last, config] = await Promise.all([this.d.settings.last(), this.d.settings.config()]);
    const due = nextDailyDue(last?.lastSuccessAt ?? null, this.startedAt);
    return {
      lastRun: last?.run ?? null,
      lastSuccessAt: last?.lastSuccessAt ?? null,
      nextDueAt: due.toISOString(),
      overdue: isOverdue(due, this.d.clock.now()),
      folder: config.folder,
      encrypted: config.sealedPassphrase !== null,
      running: this.running !== null,
    };
  }

  private async runOnce(reason: BackupReason, session?: Session): Promise<BackupRun> {
    const started = Date.now();
    const at = this.d.clock.now();
    let file: { name: string; bytes: number } | null = null;
    let failure: { code: string; detail: string } | null = null;
    try {
      const [config, passphrase] = await Promise.all([
        this.d.settings.config(),
        this.d.settings.passphrase(),
      ]);
      file = await writeBackup({
        databasePath: this.d.databasePath,
        folder: this.localFolder,
        at,
        reason,
        appVersion: this.d.appVersion,
        passphrase,
        ...(this.d.nativeBinding ? { nativeBinding: this.d.nativeBinding } : {}),
      });
      rotate(this.localFolder);
      if (config.folder) failure = copyToFolder(join(this.localFolder, file.name), config.folder);
    } catch (e) {
      failure = {
        code: e instanceof BackupJobError || e instanceof AppError ? e.code : 'BACKUP_FAILED',
        detail:
          e instanceof BackupJobError || e instanceof AppError
            ? e.message
            : `The backup could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
      };
    }
    const run: BackupRun = {
      at: at.toISOString(),
      reason,
      ok: failure === null,
      file: file?.name ?? null,
      bytes: file?.bytes ?? null,
      ms: Date.now() - started,
      errorCode: failure?.code ?? null,
      detail: failure?.detail.slice(0, 500) ?? null,
    };
    await this.record(run, file !== null, session);
    return run;
  }

  private async record(run: BackupRun, written: boolean, session?: Session): Promise<void> {
    try {
      await this.d.db.write(async (em) => {
        await this.d.settings.recordRun(em, run, written);
        await this.d.audit.record(em, {
          action: 'backup.run',
          outcome: run.ok ? 'success' : 'failure',
          ...(session ? { actorId: session.staff.id, actorName: session.staff.username } : {}),
          targetType: 'backup',
          targetId: run.file,
          detail: `${run.reason}${run.ok ? '' : `: ${run.errorCode} ${run.detail ?? ''}`}`,
        });
      });
    } catch (e) {
      this.d.logger.error('backup run could not be recorded', { error: (e as Error).message });
    }
    if (!run.ok) this.d.logger.error('backup failed', { code: run.errorCode, detail: run.detail });
  }
}

/** Copies a finished backup file into the second folder and rotates it; the failure, or null. */
export function copyToFolder(
  source: string,
  folder: string,
): { code: string; detail: string } | null {
  const name = basename(source);
  const partial = join(folder, `${name}.partial`);
  try {
    mkdirSync(folder, { recursive: true });
    copyFileSync(source, partial);
    renameSync(partial, join(folder, name));
    rotate(folder);
    return null;
  } catch (e) {
    rmSync(partial, { force: true });
    return {
      code: 'BACKUP_FAILED',
      detail: `The backup was made on this computer but could not be copied to the second folder (${
        (e as NodeJS.ErrnoException).code ?? 'error'
      }).`,
    };
  }
}

/**
 * Backups and restore (issue 10, section 5; docs/security-requirements.md D4, D5). A backup is
 * one file (electron/core/backups/backup-format.ts) written to the local folder beside the
 * database and, when the admin chose one, to a second folder (a USB drive or a network share).
 * Every channel needs `backups.manage` (Admin); choosing the folder or passphrase and restoring
 * also need the password again (S3).
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput, isCleanText } from './common';

export const BACKUP_REASONS = [
  'manual',
  'daily',
  'shiftClose',
  'preMigration',
  'preRestore',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_LOCATIONS = ['local', 'external'] as const;

const isoTime = z.string().max(40);

/** One backup file as the list shows it (read from its manifest header). */
export const backupEntrySchema = z.strictObject({
  location: z.enum(BACKUP_LOCATIONS),
  name: z.string().max(100),
  createdAt: isoTime,
  reason: z.string().max(40),
  /** File size, bytes. */
  bytes: z.number().int().nonnegative(),
  encrypted: z.boolean(),
  appVersion: z.string().max(40),
  schemaVersion: z.string().max(200).nullable(),
  sales: z.number().int().nonnegative().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** The last backup run, whatever its result. */
export const backupRunSchema = z.strictObject({
  at: isoTime,
  reason: z.string().max(40),
  ok: z.boolean(),
  /** The file name, when it succeeded. */
  file: z.string().max(100).nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  /** Milliseconds the backup took. */
  ms: z.number().int().nonnegative(),
  /** Why it failed (an error code and its text), or a warning (the second folder failed). */
  errorCode: z.string().max(60).nullable(),
  detail: z.string().max(500).nullable(),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

export const backupStatusSchema = z.strictObject({
  lastRun: backupRunSchema.nullable(),
  /** The last backup that succeeded (UTC ISO), or null. */
  lastSuccessAt: isoTime.nullable(),
  /** When the next daily backup is due (UTC ISO). */
  nextDueAt: isoTime,
  /** No good backup for more than a day and a half: a standing warning for admins. */
  overdue: z.boolean(),
  /** The second folder chosen by the admin, or null. */
  folder: z.string().max(500).nullable(),
  /** A passphrase is set: backups are encrypted. */
  encrypted: z.boolean(),
  running: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** An absolute path (POSIX `/...`, Windows `C:\...` or `\\server\share`), no control characters. */
const folderSchema = z
  .string()
  .trim()
  .min(3, 'Enter a full folder path')
  .max(500)
  .refine(isCleanText, 'Contains characters that are not allowed')
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'Enter a full folder path');

export const backupPassphraseSchema = z
  .string()
  .min(10, 'At least 10 characters')
  .max(200, 'At most 200 characters')
  .refine(isCleanText, 'Contains characters that are not allowed');

/** `kassa-YYYYMMDD-HHMMSS[-n].kassa-backup`: only files Kassa wrote can be restored. */
const backupFileNameSchema = z
  .string()
  .max(100)
  .regex(/^kassa-\d{8}-\d{6}(-\d{1,4})?\.kassa-backup$/, 'Not a Kassa backup file name');

export const backupsChannels = {
  'backups:status': defineChannel({
    summary:
      'The backup status for Settings and the admins’ banner: the last run (time, reason, result, size), the last good backup, when the next daily one is due, whether it is overdue, the second folder, whether backups are encrypted, and whether one is running.',
    input: emptyInput,
    output: backupStatusSchema,
    access: 'backups.manage',
    activity: false,
  }),
  'backups:list': defineChannel({
    summary:
      'Every backup file in the local folder and the second folder, newest first, from their manifests (time, reason, size, encrypted, app and schema version, sales).',
    input: emptyInput,
    output: z.array(backupEntrySchema).max(500),
    access: 'backups.manage',
  }),
  'backups:chooseFolder': defineChannel({
    summary:
      'Opens the shell’s folder dialog in the calling window so the admin can pick the second backup folder (a USB drive or a network share). Answers the folder picked, checked to be writable (BACKUP_FAILED otherwise, naming no path), or null when the dialog was closed; `available: false` when there is no dialog (no shell), where the path is typed. Changes nothing: backups:updateSettings saves the folder, with the password again. STORE_SERVER_BACKUPS on a till whose data is on a store server (issue 12), changing nothing.',
    input: emptyInput,
    output: z.strictObject({ available: z.boolean(), folder: folderSchema.nullable() }),
    access: 'backups.manage',
  }),
  'backups:run': defineChannel({
    summary:
      'Makes a backup now (online copy, integrity_check, manifest, SHA-256, gzip, encrypted when a passphrase is set) into the local folder and the second folder, then rotates both (7 daily, 4 weekly, 12 monthly). Joins a backup already running. BACKUP_FAILED when no copy could be written; audited as backup.run. STORE_SERVER_BACKUPS on a till whose data is on a store server (issue 12), changing nothing.',
    input: emptyInput,
    output: backupRunSchema,
    access: 'backups.manage',
  }),
  'backups:updateSettings': defineChannel({
    summary:
      'Sets the second backup folder (an absolute path Kassa can write to, or null for none; BACKUP_FAILED when it cannot write there) and the passphrase (a string sets it, null removes it, absent keeps it; sealed with the data-protection key, KEYCHAIN_UNAVAILABLE without one). Audited as backup.settings without the passphrase. STORE_SERVER_BACKUPS on a till whose data is on a store server (issue 12), changing nothing.',
    input: z.strictObject({
      folder: folderSchema.nullable(),
      passphrase: backupPassphraseSchema.nullable().optional(),
    }),
    output: backupStatusSchema,
    access: 'backups.manage',
    reauth: true,
  }),
  'backups:restore': defineChannel({
    summary:
      'Restores the database from a backup: verifies it (passphrase, SHA-256, integrity_check, schema not newer than this app), backs the current database up first (reason preRestore), then restarts the core on the restored file; every window must sign in again. BACKUP_PASSPHRASE, BACKUP_DAMAGED, BACKUP_TOO_NEW, NOT_FOUND: nothing changes. Audited as backup.restore in both files. STORE_SERVER_BACKUPS on a till whose data is on a store server (issue 12), changing nothing.',
    input: z.strictObject({
      location: z.enum(BACKUP_LOCATIONS),
      name: backupFileNameSchema,
      /** The passphrase the backup was made with; defaults to the one set now. */
      passphrase: z.string().min(1).max(200).optional(),
    }),
    output: z.strictObject({ restored: z.literal(true), preRestoreFile: z.string().max(100) }),
    access: 'backups.manage',
    reauth: true,
  }),
  'backups:safeModeList': defineChannel({
    summary:
      'In safe mode only (D5): the backups in the local folder, newest first, so the safe-mode screen can offer a restore. CONFLICT when the till is not in safe mode.',
    input: emptyInput,
    output: z.array(backupEntrySchema).max(500),
    access: 'public',
    activity: false,
  }),
  'backups:safeModeRestore': defineChannel({
    summary:
      'In safe mode only (D5): restores a local backup. Nobody can sign in to a damaged database, so the username and password of an active member with backups.manage IN THE BACKUP prove the right (INVALID_CREDENTIALS otherwise, A5). Verifies like backups:restore (BACKUP_PASSPHRASE, BACKUP_DAMAGED, BACKUP_TOO_NEW, NOT_FOUND), sets the damaged file aside, restarts the core on the restored one (audited there as backup.restore). CONFLICT when not in safe mode. STORE_SERVER_BACKUPS on a till whose data is on a store server (issue 12), changing nothing.',
    input: z.strictObject({
      name: backupFileNameSchema,
      username: z.string().trim().min(1).max(254),
      password: z.string().min(1).max(1024),
      passphrase: z.string().min(1).max(200).optional(),
    }),
    output: z.strictObject({ restored: z.literal(true) }),
    access: 'public',
    takesPassword: true,
  }),
} as const;

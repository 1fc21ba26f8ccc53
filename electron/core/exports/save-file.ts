/**
 * Saves a file the core has made (a Z report PDF, a report or a purchase order as CSV or PDF)
 * where the person picks, and audits it (L1) as `reports.export`: the shop's figures left the
 * till. The bytes are made before this is called, so a failure to make them opens no dialog and
 * writes nothing; the dialog is the shell's (save-path.ts), never a path from the renderer.
 */
import type { AuditTargetType } from '../../../shared/contract/audit';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SavedFile } from '../../../shared/contract/common';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { Caller } from '../types';
import type { SaveDialog } from './save-path';

export interface SaveFileDeps {
  db: Database;
  audit: AuditLog;
  saveDialog: SaveDialog;
}

export interface MadeFile {
  bytes: Buffer;
  /** The name offered in the dialog, e.g. `kassa-z-Till-1-0007-2026-11-30.pdf`. */
  suggestedName: string;
  /** Without the dot: `pdf`, `csv`. */
  extension: string;
  /** What the audit row names: `z_report` 7, `purchase_order` 12, `report` null. */
  targetType: AuditTargetType;
  targetId: number | null;
  /** The audit detail before `: <file name>, <bytes> bytes`. */
  what: string;
}

/**
 * Asks `caller`'s window where to save `file`, writes it once there and records who saved what.
 * Answers `cancelled` (nothing written, nothing audited) when the dialog is closed.
 */
export async function saveMadeFile(
  d: SaveFileDeps,
  session: Session,
  caller: Caller,
  file: MadeFile,
): Promise<SavedFile> {
  const path = await d.saveDialog(
    { suggestedName: file.suggestedName, extension: file.extension },
    caller,
  );
  if (path === null) return { outcome: 'cancelled' };
  await writeFile(path, file.bytes);
  const fileName = basename(path);
  await d.db.write((em) =>
    d.audit.record(em, {
      action: 'reports.export',
      outcome: 'success',
      actorId: session.staff.id,
      actorName: session.staff.username,
      targetType: file.targetType,
      targetId: file.targetId,
      detail: `${file.what}: ${fileName}, ${file.bytes.length} bytes`,
    }),
  );
  return { outcome: 'saved', fileName, bytes: file.bytes.length };
}

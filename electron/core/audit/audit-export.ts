/**
 * The audit log as CSV (L1), for an auditor's spreadsheet. RFC 4180 text from csv-stringify: a
 * header row, every cell quoted, CRLF line ends, oldest event first. A cell a spreadsheet would
 * read as a formula (starting with =, +, -, @, tab or CR, or their full-width forms) gets a
 * leading apostrophe, csv-stringify's `escape_formulas` (OWASP "CSV Injection"): the log holds
 * text that staff and customers typed (names, notes, reasons).
 */
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { AUDIT_EXPORT_MAX_ROWS } from '../../../shared/contract/audit';
import { filteredAuditQuery, type AuditFilters } from './audit-filters';
import { targetNameOf, targetNames } from './audit-target-names';

export const AUDIT_CSV_COLUMNS = [
  'id',
  'time_utc',
  'local_time',
  'actor_id',
  'actor',
  'action',
  'target_type',
  'target_id',
  'target_name',
  'terminal',
  'outcome',
  'detail',
] as const;

export interface AuditCsv {
  csv: string;
  rows: number;
  truncated: boolean;
}

/**
 * The events matching `filters` as CSV, at most `max` rows (AUDIT_EXPORT_MAX_ROWS), oldest first;
 * `local_time` is in `timeZone` (the store's). Errors: VALIDATION_FAILED when fromDay is after
 * toDay.
 */
export async function auditCsv(
  em: EntityManager,
  filters: AuditFilters,
  timeZone: string,
  max = AUDIT_EXPORT_MAX_ROWS,
): Promise<AuditCsv> {
  const rows = await filteredAuditQuery(em, filters, timeZone)
    .orderBy('a.id', 'ASC')
    .take(max + 1)
    .getMany();
  const truncated = rows.length > max;
  if (truncated) rows.length = max;
  const names = await targetNames(em, rows);
  const records = rows.map((r) => [
    String(r.id),
    r.at,
    DateTime.fromISO(r.at, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm:ss'),
    r.actorId === null ? '' : String(r.actorId),
    r.actorName ?? '',
    r.action,
    r.targetType ?? '',
    r.targetId ?? '',
    targetNameOf(names, r) ?? '',
    r.terminal,
    r.outcome,
    r.detail ?? '',
  ]);
  return { csv: toCsv(records), rows: rows.length, truncated };
}

/**
 * The csv-stringify options of every CSV Kassa writes (the audit log, the accountant's exports):
 * RFC 4180, every cell quoted, CRLF line ends, formula-neutralised (OWASP "CSV Injection").
 */
export const NEUTRAL_CSV_OPTIONS = {
  quoted: true,
  record_delimiter: 'windows',
  escape_formulas: true,
} as const;

/** Rows of text as neutralised CSV under the AUDIT_CSV_COLUMNS header. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return stringify([[...AUDIT_CSV_COLUMNS], ...records], NEUTRAL_CSV_OPTIONS);
}

/**
 * Shared pieces of the product and customer CSV imports: the header naming the columns, each data
 * row's values by column, the import report (at most the first 500 rejected rows listed), the
 * checks against the database, and the all-or-nothing write. See `importReportSchema` in
 * shared/contract/products.ts for the report's shape, and ./csv-reader.ts for how the file is read
 * (streaming, in slices that yield to the event loop: F1).
 */
import type { z } from 'zod';
import type { ImportEncoding } from '../../../shared/contract/imports';
import type { ImportReport } from '../../../shared/contract/products';
import { AppError } from '../../../shared/errors';
import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { ImportJob } from '../imports/import-jobs';
import { readCsv, type CsvRecord } from './csv-reader';
import { ImportFile } from './import-file';

/** How many rejected rows a report lists; `rejectedCount` still counts them all. */
export const MAX_LISTED_REJECTS = 500;

/** One data row: its first line in the file (1-based; the header is line 1) and its values by column. */
export interface CsvRow<C extends string> {
  line: number;
  values: Record<C, string>;
  /** Set when the row has a different number of fields than the header. */
  fieldCountError?: string;
}

/**
 * The columns of a CSV file whose first record is a header naming them (case-insensitive, any
 * order). `header` checks that line; `row` then maps a record to its values, trimmed, a missing
 * optional column reading as ''.
 */
export class CsvColumns<R extends string, O extends string> {
  private names: string[] = [];
  private readonly expected: string[];

  constructor(private readonly columns: { required: readonly R[]; optional: readonly O[] }) {
    this.expected = [...columns.required, ...columns.optional];
  }

  /**
   * Checks the header. Errors: IMPORT_REJECTED when there is none, it lacks a required column,
   * names a column twice, or names a column that is not expected.
   */
  header(fields: string[]): void {
    const expected = this.expected;
    if (fields.length === 0)
      throw new AppError('IMPORT_REJECTED', `The file has no header line (${expected.join(',')}).`);
    const names = fields.map((n) => n.trim().toLowerCase());
    const unknown = names.filter((n) => !expected.includes(n));
    const missing = this.columns.required.filter((c) => !names.includes(c));
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    const problems = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unknown.length ? `unknown ${unknown.map((u) => JSON.stringify(u)).join(', ')}` : '',
      repeated.length ? `repeated ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    if (problems.length > 0)
      throw new AppError(
        'IMPORT_REJECTED',
        `The header line must name the columns ${expected.join(',')} (${problems.join('; ')}).`,
      );
    this.names = names;
  }

  /** One data record as values by column. */
  row({ line, fields }: CsvRecord): CsvRow<R | O> {
    const values = {} as Record<string, string>;
    for (const c of this.expected) values[c] = '';
    for (let i = 0; i < this.names.length; i++) values[this.names[i]!] = (fields[i] ?? '').trim();
    const row: CsvRow<R | O> = { line, values: values as Record<R | O, string> };
    if (fields.length !== this.names.length)
      row.fieldCountError = `Expected ${this.names.length} fields, found ${fields.length}.`;
    return row;
  }
}

/** Turns zod issues into one reason, naming fields by their CSV column (`names` maps field → column). */
export function reasonFromIssues(
  issues: readonly z.core.$ZodIssue[],
  names: Record<string, string> = {},
): string {
  return issues
    .map((i) => {
      const field = String(i.path[0] ?? '');
      return field ? `${names[field] ?? field}: ${i.message}` : i.message;
    })
    .join('; ');
}

/** Collects rejected rows and makes the report. */
export class ImportReportBuilder {
  private readonly rejects: { line: number; reason: string }[] = [];

  reject(line: number, reason: string): void {
    this.rejects.push({ line, reason });
  }

  get rejectedCount(): number {
    return this.rejects.length;
  }

  constructor(private readonly encoding: ImportEncoding) {}

  /** The report, rejected rows in line order, the first MAX_LISTED_REJECTS of them listed. */
  report(rows: number, accepted: number, created: number): ImportReport {
    const sorted = [...this.rejects].sort((a, b) => a.line - b.line);
    return {
      rows,
      encoding: this.encoding,
      accepted,
      created,
      rejected: sorted.slice(0, MAX_LISTED_REJECTS),
      rejectedCount: sorted.length,
    };
  }
}

/** Which of `values` already exist in `table`.`column` (one query: callers pass at most a chunk). */
export async function existingValues(
  em: EntityManager,
  table: 'products' | 'customers',
  column: 'sku' | 'barcode' | 'email' | 'phone_digits',
  values: string[],
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const rows = await run<{ v: string }>(
    em,
    `SELECT ${column} AS v FROM ${table} WHERE ${column} IN (${values.map(() => '?').join(', ')})`,
    values,
  );
  return new Set(rows.map((r) => r.v));
}

/** How many refused rows an all-or-nothing refusal names in its message. */
const NAMED_REFUSALS = 5;

/** IMPORT_REJECTED for an all-or-nothing commit with refused rows: the first lines and reasons. */
function refusedRows(report: ImportReport): AppError {
  const named = report.rejected
    .slice(0, NAMED_REFUSALS)
    .map((r) => `line ${r.line}: ${r.reason}`)
    .join(' ');
  const more = report.rejectedCount - Math.min(report.rejectedCount, NAMED_REFUSALS);
  return new AppError(
    'IMPORT_REJECTED',
    `Nothing was imported: ${report.rejectedCount} row(s) were refused. ${named}${more > 0 ? ` (and ${more} more)` : ''}`,
    report.rejected.slice(0, 20).map((r) => ({ path: `line ${r.line}`, message: r.reason })),
  );
}

/** Rows checked against the database, and written, per batch (one SELECT per key, one INSERT). */
export const IMPORT_BATCH = 100;

/** One row that passed the file's own checks, with its line. */
export interface Candidate<T> {
  line: number;
  value: T;
}

/** What makes one CSV import (products, customers): its columns and its checks and writes. */
export interface CsvImportSpec<R extends string, O extends string, T> {
  columns: { required: readonly R[]; optional: readonly O[] };
  /**
   * Checks one row on its own and against the rows before it in the file (repeated keys): the
   * value to write, or the reason the row is rejected.
   */
  check(row: CsvRow<R | O>): T | { reason: string };
  /** The batch's rows that clash with no existing record (it rejects the others in `report`). */
  admit(
    em: EntityManager,
    batch: Candidate<T>[],
    report: ImportReportBuilder,
  ): Promise<Candidate<T>[]>;
  /** Writes a batch of admitted rows; `now` is the UTC time of the import. */
  insert(em: EntityManager, batch: Candidate<T>[], now: string): Promise<void>;
  /** Records the one audit row of the import, given its summary detail. */
  audit(em: EntityManager, detail: string): Promise<void>;
  /**
   * True: a commit with any refused row writes nothing and answers IMPORT_REJECTED naming the
   * first lines and reasons (the staff import: a half-imported staff list is worse than none).
   * False or absent: the refused rows are left out and the others written (products, customers).
   */
  allOrNothing?: boolean;
}

export interface CsvImportRun {
  db: Database;
  job: ImportJob;
  /** The file's bytes, base64 (see ImportFile). */
  csvBase64: string;
  /** False: a dry run that writes nothing. */
  commit: boolean;
  /** The service clock's time, UTC ISO-8601. */
  now(): string;
}

/**
 * Runs a CSV import, streaming (F1): the file's size and encoding are checked first
 * (ImportFile.inspect), then its rows are read one slice at a time and checked, and every
 * IMPORT_BATCH rows that pass are checked against the database and, on a commit, written. Nothing
 * holds more than a batch of rows besides the keys seen (for repeats), so memory stays flat.
 *
 * A dry run (`commit: false`) reads with the shared connection and writes nothing. A commit runs
 * ALL of it in ONE write transaction (`db.write`), so an error anywhere leaves existing data
 * untouched (all or nothing), with one audit row. It gives the event loop a turn between slices,
 * so the till keeps answering; but the transaction holds the single write queue until it
 * commits, so every other write (a sale, an edit) waits behind the import. Reads on the same
 * connection meanwhile see the rows written so far, which vanish again if the import fails.
 *
 * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED (not CSV, a
 * wrong header).
 */
export async function runCsvImport<R extends string, O extends string, T>(
  spec: CsvImportSpec<R, O, T>,
  r: CsvImportRun,
): Promise<ImportReport> {
  const file = new ImportFile(r.csvBase64);
  const { encoding, lines } = await file.inspect(r.job);
  const report = new ImportReportBuilder(encoding);
  const columns = new CsvColumns(spec.columns);

  const pass = async (em: EntityManager) => {
    const now = r.now();
    let accepted = 0;
    let batch: Candidate<T>[] = [];
    const flush = async () => {
      const admitted = await spec.admit(em, batch, report);
      batch = [];
      accepted += admitted.length;
      if (r.commit && admitted.length > 0) await spec.insert(em, admitted, now);
    };
    r.job.phase(r.commit ? 'writing' : 'checking', Math.max(lines - 1, 0));
    const rows = await readCsv(file, r.job, {
      encoding,
      skipEmptyRows: true,
      header: (fields) => columns.header(fields),
      row: (record) => {
        const row = columns.row(record);
        if (row.fieldCountError) return report.reject(row.line, row.fieldCountError);
        const checked = spec.check(row);
        if (checked && typeof checked === 'object' && 'reason' in checked)
          return report.reject(row.line, checked.reason);
        batch.push({ line: row.line, value: checked as T });
        return batch.length >= IMPORT_BATCH ? flush() : undefined;
      },
    });
    await flush();
    r.job.expect(rows);
    if (r.commit && spec.allOrNothing && report.rejectedCount > 0)
      throw refusedRows(report.report(rows, accepted, 0));
    if (r.commit)
      await spec.audit(em, `${rows} rows: ${accepted} created, ${report.rejectedCount} rejected`);
    return report.report(rows, accepted, r.commit ? accepted : 0);
  };

  if (!r.commit) return pass(r.db.manager);
  r.job.phase('queued');
  return r.db.write(pass);
}

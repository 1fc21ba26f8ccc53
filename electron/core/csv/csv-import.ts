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
import type { CsvRecord } from './csv-reader';

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
    for (let i = 0; i < this.names.length; i++)
      values[this.names[i]!] = (fields[i] ?? '').trim();
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

/** Splits `items` into chunks of at most `size` (for IN lists and multi-row inserts). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Which of `values` already exist in `table`.`column` (read 500 at a time, yielding between reads). */
export async function existingValues(
  em: EntityManager,
  job: ImportJob,
  table: 'products' | 'customers',
  column: 'sku' | 'barcode' | 'email' | 'phone_digits',
  values: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(values, 500)) {
    const rows = await run<{ v: string }>(
      em,
      `SELECT ${column} AS v FROM ${table} WHERE ${column} IN (${part.map(() => '?').join(', ')})`,
      part,
    );
    for (const r of rows) found.add(r.v);
    if (job.advance(0)) await job.pause();
  }
  return found;
}

/** Rows per INSERT statement of an import's write. */
export const INSERT_CHUNK = 250;

export interface FinishImport<T> {
  db: Database;
  job: ImportJob;
  /** False: a dry run that writes nothing. */
  commit: boolean;
  /** Data rows in the file. */
  rows: number;
  /** The service clock's time, UTC ISO-8601. */
  now(): string;
  report: ImportReportBuilder;
  /** The rows that survive the checks against the database (it rejects the others). */
  admit(em: EntityManager): Promise<T[]>;
  /** Writes the accepted rows, INSERT_CHUNK at a time; `now` is the UTC time of the import. */
  insert(em: EntityManager, part: T[], now: string): Promise<void>;
  /** Records the one audit row of the import, given its summary detail. */
  audit(em: EntityManager, detail: string): Promise<void>;
}

/**
 * The end every CSV import shares: a dry run checks the accepted rows against the database and
 * reports; a commit checks them again and writes them all plus one audit row in ONE write
 * transaction (`db.write`), so an error leaves existing data untouched (all or nothing).
 *
 * The write inserts INSERT_CHUNK rows at a time and gives the event loop a turn between chunks
 * (F1), so the till keeps answering; but the transaction holds the single write queue until it
 * commits, so every other write (a sale, an edit) waits behind the import. Reads on the same
 * connection meanwhile see the rows written so far, which vanish again if the import fails.
 */
export async function finishImport<T>(f: FinishImport<T>): Promise<ImportReport> {
  if (!f.commit) {
    const accepted = await f.admit(f.db.manager);
    return f.report.report(f.rows, accepted.length, 0);
  }
  f.job.phase('queued');
  return f.db.write(async (em) => {
    f.job.phase('writing');
    const accepted = await f.admit(em);
    f.job.expect(accepted.length);
    const now = f.now();
    for (const part of chunks(accepted, INSERT_CHUNK)) {
      await f.insert(em, part, now);
      f.job.advance(part.length);
      await f.job.pause();
    }
    await f.audit(
      em,
      `${f.rows} rows: ${accepted.length} created, ${f.report.rejectedCount} rejected`,
    );
    return f.report.report(f.rows, accepted.length, accepted.length);
  });
}

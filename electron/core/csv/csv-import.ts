/**
 * Shared pieces of the product and customer CSV imports: reading the file with csv-parse (header
 * checked, every data row tagged with its 1-based line number in the file), and building the
 * import report (at most the first 500 rejected rows listed). See `importReportSchema` in
 * shared/contract/products.ts for the report's shape.
 */
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { ImportReport } from '../../../shared/contract/products';
import { AppError } from '../../../shared/errors';
import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database';
import { run } from '../db/sql';

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
 * Parses `text` as CSV whose first record is a header naming the columns (case-insensitive, any
 * order). Values are trimmed; a missing optional column reads as ''. Blank lines and rows whose
 * fields are all empty are skipped. A byte-order mark is ignored.
 *
 * Errors: IMPORT_REJECTED when the text is not valid CSV (with the line), the header lacks a
 * required column, names a column twice, or names a column that is not expected.
 */
export function readCsv<R extends string, O extends string>(
  text: string,
  columns: { required: readonly R[]; optional: readonly O[] },
): CsvRow<R | O>[] {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AppError(
      'IMPORT_REJECTED',
      `The file is not valid CSV${line ? ` (near line ${line})` : ''}: check the quotes.`,
    );
  }
  const expected = [...columns.required, ...columns.optional] as string[];
  const head = records[0];
  if (!head)
    throw new AppError('IMPORT_REJECTED', `The file has no header line (${expected.join(',')}).`);
  const names = head.record.map((n) => n.trim().toLowerCase());
  const unknown = names.filter((n) => !expected.includes(n));
  const missing = columns.required.filter((c) => !names.includes(c));
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

  return records.slice(1).map(({ record, info, raw }) => {
    const values = Object.fromEntries(expected.map((c) => [c, ''])) as Record<R | O, string>;
    names.forEach((n, i) => {
      (values as Record<string, string>)[n] = (record[i] ?? '').trim();
    });
    const row: CsvRow<R | O> = { line: firstLine(info.lines, raw), values };
    if (record.length !== names.length)
      row.fieldCountError = `Expected ${names.length} fields, found ${record.length}.`;
    return row;
  });
}

/** csv-parse reports the line a record ends on; its raw text (after skipped blank lines) gives the first. */
function firstLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
  return endLine - (body.match(/\r\n|\n|\r/g)?.length ?? 0);
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

  /** The report, rejected rows in line order, the first MAX_LISTED_REJECTS of them listed. */
  report(rows: number, accepted: number, created: number): ImportReport {
    const sorted = [...this.rejects].sort((a, b) => a.line - b.line);
    return {
      rows,
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

/** Which of `values` already exist in `table`.`column` (read in chunks of 500). */
export async function existingValues(
  em: EntityManager,
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
  }
  return found;
}

export interface FinishImport<T> {
  db: Database;
  /** False: a dry run that writes nothing. */
  commit: boolean;
  /** Data rows in the file. */
  rows: number;
  /** The service clock's time, UTC ISO-8601. */
  now(): string;
  report: ImportReportBuilder;
  /** The rows that survive the checks against the database (it rejects the others). */
  admit(em: EntityManager): Promise<T[]>;
  /** Writes the accepted rows, in chunks of 500; `now` is the UTC time of the import. */
  insert(em: EntityManager, part: T[], now: string): Promise<void>;
  /** Records the one audit row of the import, given its summary detail. */
  audit(em: EntityManager, detail: string): Promise<void>;
}

/**
 * The end every CSV import shares: a dry run checks the accepted rows against the database and
 * reports; a commit checks them again and writes them all plus one audit row in ONE transaction,
 * so an error leaves existing data untouched.
 */
export async function finishImport<T>(f: FinishImport<T>): Promise<ImportReport> {
  if (!f.commit) {
    const accepted = await f.admit(f.db.manager);
    return f.report.report(f.rows, accepted.length, 0);
  }
  return f.db.write(async (em) => {
    const accepted = await f.admit(em);
    const now = f.now();
    for (const part of chunks(accepted, 500)) await f.insert(em, part, now);
    await f.audit(
      em,
      `${f.rows} rows: ${accepted.length} created, ${f.report.rejectedCount} rejected`,
    );
    return f.report.report(f.rows, accepted.length, accepted.length);
  });
}

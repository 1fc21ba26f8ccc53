/**
 * Reads an import file's records with csv-parse's streaming parser (F1, F3): the text goes in
 * 48 KiB at a time, records come out as they complete, and every record counts as one row of the
 * job's work, so the event loop gets a turn at least every MAX_ROWS_PER_SLICE rows. Nothing holds
 * the whole text or every record at once; what the caller keeps per row is up to it.
 *
 * Limits: at most MAX_IMPORT_ROWS data rows (IMPORT_TOO_MANY_ROWS as soon as one more is read,
 * so a 2-million-row file stops early), and no record over MAX_RECORD_CHARS characters
 * (IMPORT_REJECTED: a runaway quote would otherwise swallow the rest of the file into one field).
 */
import { parse, type Options } from 'csv-parse';
import { finished } from 'node:stream/promises';
import { MAX_IMPORT_ROWS, type ImportEncoding } from '../../../shared/contract/imports';
import { AppError } from '../../../shared/errors';
import type { ImportJob } from '../imports/import-jobs';
import type { ImportFile } from './import-file';

/** The longest record accepted, in characters. */
export const MAX_RECORD_CHARS = 65_536;

/** One record: its fields and the 1-based line of the file it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface ReadCsvOptions {
  /** How the file's text is read (from `ImportFile.inspect`). */
  encoding: ImportEncoding;
  /** Also skip rows whose fields are all empty (blank lines are always skipped). */
  skipEmptyRows?: boolean;
  /** Checks the header's fields; throws (an AppError) to refuse the file. */
  header(fields: string[]): void;
  /** Takes one data row; a promise it returns is awaited before the next row. */
  row(record: CsvRecord): void | Promise<void>;
}

interface Parsed {
  record: string[];
  raw: string;
}

/**
 * Reads `file`, handing the header and then each data row to `opts` in file order.
 * Resolves to the number of data rows. Errors: IMPORT_REJECTED (no header, not CSV, a record too
 * long), IMPORT_TOO_MANY_ROWS, or whatever `header`/`row` throw.
 */
export async function readCsv(file: ImportFile, job: ImportJob, opts: ReadCsvOptions) {
  // Blank lines come through as [''] and are skipped here, so that every record's raw text
  // (which csv-parse gives cheaply, unlike its per-record `info` object) counts the file's lines.
  const options: Options = {
    bom: true,
    raw: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
  };
  const parser = parse(options);
  const ready: Parsed[] = [];
  let failure: unknown = null;
  parser.on('data', (p: Parsed) => ready.push(p));
  parser.on('error', (e) => (failure ??= e));
  let rows = -1; // the first record is the header
  let nextLine = 1;

  const drain = async () => {
    if (failure) throw notCsv(failure, nextLine);
    for (let i = 0; i < ready.length; i++) {
      const { record, raw } = ready[i]!;
      const line = nextLine;
      nextLine += lineBreaks(raw);
      if (isBlank(record, opts.skipEmptyRows ?? false)) continue;
      if (rows === -1) opts.header(record);
      else if (rows === MAX_IMPORT_ROWS)
        throw new AppError(
          'IMPORT_TOO_MANY_ROWS',
          `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows (row ${(MAX_IMPORT_ROWS + 1).toLocaleString('en')} is on line ${line}). Split it into smaller files.`,
        );
      else {
        const wait = opts.row({ line, fields: record });
        if (wait) {
          await wait;
          rows++;
          job.advance();
          await job.pause();
          continue;
        }
      }
      rows++;
      if (job.advance()) await job.pause();
    }
    ready.length = 0;
  };

  for await (const text of file.text(opts.encoding, job)) {
    parser.write(text);
    await drain();
  }
  parser.end();
  // `finished` also settles for a parser that failed earlier, while the file was read: it never
  // sends 'end' then, nor 'error' again, and waiting for either hung the import for good.
  await finished(parser).catch(() => undefined);
  await drain();
  if (rows === -1) opts.header([]);
  return Math.max(rows, 0);
}

/** A blank line (one empty field) or, with `allFields`, a row whose fields are all empty. */
function isBlank(record: string[], allFields: boolean): boolean {
  if (record.length === 1 && record[0] === '') return true;
  return allFields && record.every((f) => f === '');
}

/** Line breaks in a record's raw text (`\r\n`, `\n` or a lone `\r` each count once). */
function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 || (c === 13 && raw.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function notCsv(e: unknown, line: number): AppError {
  const code = (e as { code?: string }).code;
  const where = ` (near line ${line})`;
  return new AppError(
    'IMPORT_REJECTED',
    code === 'CSV_MAX_RECORD_SIZE'
      ? `A row is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters${where}: check the quotes.`
      : `The file is not valid CSV${where}: check the quotes.`,
  );
}

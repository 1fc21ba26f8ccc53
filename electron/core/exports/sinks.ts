/**
 * Where an export's rows go: a CSV file (one dataset) or an XLSX workbook (a sheet a dataset),
 * both written as a stream to the chosen path, never held whole in memory.
 *
 * CSV: UTF-8 with a byte-order mark (so Excel reads "Zürich" and "£" right), then RFC 4180 text
 * with the options of the audit export (NEUTRAL_CSV_OPTIONS: every cell quoted, CRLF, and a
 * leading apostrophe on any text cell starting with = + - @ tab or CR, OWASP "CSV Injection").
 * Number cells (ids, money, rates) are written by Kassa from integers and are left as they are,
 * so a refund's "-12.30" stays a number for the spreadsheet.
 *
 * XLSX: exceljs's streaming WorkbookWriter; text is stored as text cells (a string starting with
 * "=" is never a formula in XLSX, so nothing is altered), money as numbers with a money format
 * of the currency's decimals.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { NEUTRAL_CSV_OPTIONS } from '../audit/audit-export';
import type { Cell } from './cells';
import type { DatasetSource } from './datasets';

export interface ExportSink {
  /** Starts the next dataset: its sheet (XLSX) and header row. */
  begin(source: DatasetSource): Promise<void>;
  /** Appends rows of the current dataset, waiting while the file stream is full. */
  write(rows: readonly (readonly (Cell | null)[])[]): Promise<void>;
  /** Closes the file; answers its size in bytes. */
  finish(): Promise<number>;
  /** Stops writing and removes the partial file. Never throws. */
  abort(): Promise<void>;
}

/**
 * Rows of cells as neutralised CSV records (NEUTRAL_CSV_OPTIONS). Number cells go in as numbers,
 * which escape_formulas leaves alone, and come out as their exact text through `cast.number`
 * (looked up by record and column); text cells starting with = + - @ tab or CR get an apostrophe.
 * Also used for the dashboard's report exports (analytics/report-csv.ts).
 */
export function neutralCsv(rows: readonly (readonly (Cell | null)[])[]): string {
  const records = rows.map((r) => r.map((c) => (c === null ? '' : c.kind === 'text' ? c.text : 0)));
  return stringify(records, {
    ...NEUTRAL_CSV_OPTIONS,
    cast: { number: (_, ctx) => rows[ctx.records]![ctx.index as number]!.text },
  });
}

class CsvSink implements ExportSink {
  private readonly out: WriteStream;

  constructor(private readonly path: string) {
    this.out = createWriteStream(path);
  }

  private async put(text: string): Promise<void> {
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async begin(source: DatasetSource): Promise<void> {
    await this.put('\ufeff');
    await this.put(stringify([source.columns.map((c) => c.key)], NEUTRAL_CSV_OPTIONS));
  }

  async write(rows: readonly (readonly (Cell | null)[])[]): Promise<void> {
    await this.put(neutralCsv(rows));
  }

  async finish(): Promise<number> {
    this.out.end();
    await once(this.out, 'finish');
    return (await stat(this.path)).size;
  }

  async abort(): Promise<void> {
    this.out.destroy();
    await rm(this.path, { force: true }).catch(() => undefined);
  }
}

/** The Excel number format of an amount with `decimals` decimals (0: whole units). */
function moneyFormat(decimals: number): string {
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

class XlsxSink implements ExportSink {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet | null = null;

  constructor(private readonly path: string) {
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      useSharedStrings: false,
    });
  }

  async begin(source: DatasetSource): Promise<void> {
    if (this.sheet) this.sheet.commit();
    this.sheet = this.book.addWorksheet(source.title);
    this.sheet.columns = source.columns.map((c) => ({
      header: c.key,
      key: c.key,
      width: Math.max(12, c.key.length + 2),
    }));
  }

  async write(rows: readonly (readonly (Cell | null)[])[]): Promise<void> {
    const sheet = this.sheet!;
    for (const cells of rows) {
      const row = sheet.addRow(cells.map((c) => (c === null ? null : (c.number ?? c.text))));
      cells.forEach((c, i) => {
        if (c && (c.kind === 'money' || c.kind === 'percent'))
          row.getCell(i + 1).numFmt = moneyFormat(c.decimals);
      });
      row.commit();
    }
  }

  async finish(): Promise<number> {
    this.sheet?.commit();
    await this.book.commit();
    return (await stat(this.path)).size;
  }

  async abort(): Promise<void> {
    await this.book.commit().catch(() => undefined);
    await rm(this.path, { force: true }).catch(() => undefined);
  }
}

/** A new sink writing `format` to `path`, replacing a file there (the save dialog asked first). */
export function openSink(format: 'csv' | 'xlsx', path: string): ExportSink {
  return format === 'csv' ? new CsvSink(path) : new XlsxSink(path);
}

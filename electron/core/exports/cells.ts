/**
 * The columns of an export and how their values are written. Money is stored as integer minor
 * units (M1) and written as exact decimal text ("-12.30" for −1230 GBP pence, "500" for 500 JPY):
 * never through a float, so a CSV total adds up to the minor unit. XLSX cells hold the same
 * amount as a number with a money format (a float is what a spreadsheet cell is; 15 significant
 * digits hold any amount Kassa accepts).
 */
import { currencyExponent } from '../../../shared/money';

/**
 * How a column is written:
 * - `text`: as is (people's text: names, notes, descriptions; neutralised in CSV);
 * - `int`: a whole number (ids, receipt numbers, quantities, counts);
 * - `money`: minor units of the row's `currency`, as decimal text;
 * - `percent`: basis points as a percentage with two decimals (2000 → "20.00").
 */
export type ColumnKind = 'text' | 'int' | 'money' | 'percent';

export interface ExportColumn {
  /** Header text and the SQL alias the value comes under. */
  key: string;
  kind: ColumnKind;
}

/** One row as read from SQL: every column's key, plus `currency` for money columns. */
export type SourceRow = Record<string, unknown>;

/** Minor units as exact decimal text with `exponent` decimals: (−1230, 2) → "-12.30". */
export function minorToDecimal(minor: number, exponent: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const exponents = new Map<string, number>();
/** The currency's minor-unit exponent, memoised (Intl is slow to build per row). */
export function exponentOf(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) exponents.set(currency, (e = currencyExponent(currency)));
  return e;
}

/** A cell value for a writer: text, or a number for int columns; null for an empty cell. */
export interface Cell {
  kind: ColumnKind;
  /** The exact text (every kind). */
  text: string;
  /** The numeric value for int, money and percent cells; null for text. */
  number: number | null;
  /** Decimals shown for money and percent cells. */
  decimals: number;
}

/** The cells of one source row in `columns` order. */
export function cellsOf(columns: readonly ExportColumn[], row: SourceRow): (Cell | null)[] {
  return columns.map((c) => {
    const v = row[c.key];
    if (v === null || v === undefined) return null;
    switch (c.kind) {
      case 'text':
        return { kind: 'text', text: String(v), number: null, decimals: 0 };
      case 'int':
        return { kind: 'int', text: String(Number(v)), number: Number(v), decimals: 0 };
      case 'percent':
        return {
          kind: 'percent',
          text: minorToDecimal(Number(v), 2),
          number: Number(v) / 100,
          decimals: 2,
        };
      case 'money': {
        const e = exponentOf(String(row.currency));
        const minor = Number(v);
        return {
          kind: 'money',
          text: minorToDecimal(minor, e),
          number: minor / 10 ** e,
          decimals: e,
        };
      }
    }
  });
}

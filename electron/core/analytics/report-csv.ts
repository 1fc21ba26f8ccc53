/**
 * A report's tables as one CSV file, written as the accountant's exports write theirs
 * (exports/sinks.ts): UTF-8 with a byte-order mark, every cell quoted, CRLF, and a leading
 * apostrophe on any text cell starting with = + - @ tab or CR (OWASP "CSV Injection"). Numbers
 * (money, counts, rates) are written by Kassa and left as they are, so "-12.30" stays a number.
 *
 * Layout: a first section `export` (report, from, to, currency), then one section per table: a
 * row with the table's id, its header row, its rows and its totals row ("Total" first), and an
 * empty line after each section. Money is decimal major units of the currency named in the
 * header (`net (GBP)`); percentages are basis points as a percentage with two decimals ("20.00");
 * days are `YYYY-MM-DD`; labels are Kassa's codes (`cash`, `salesCount`).
 */
import type {
  ReportCell,
  ReportColumnKind,
  ReportExportRequest,
  ReportTable,
} from '../../../shared/contract';
import { cellsOf, type ColumnKind, type ExportColumn } from '../exports/cells';
import { neutralCsv } from '../exports/sinks';

const CELL_KIND: Record<ReportColumnKind, ColumnKind> = {
  text: 'text',
  label: 'text',
  date: 'text',
  count: 'int',
  money: 'money',
  percent: 'percent',
};

const SECTION_END = '\r\n';

/** One table's section: its id, header, rows and totals. */
function section(t: ReportTable, currency: string): string {
  const columns: ExportColumn[] = t.columns.map((c) => ({ key: c.key, kind: CELL_KIND[c.kind] }));
  const header = t.columns.map((c) => (c.kind === 'money' ? `${c.key} (${currency})` : c.key));
  const cells = (values: readonly ReportCell[]) =>
    cellsOf(columns, {
      currency,
      ...Object.fromEntries(columns.map((c, i) => [c.key, values[i] ?? null])),
    });
  const rows = t.rows.map(cells);
  if (t.totals) {
    const totals = cells(t.totals);
    totals[0] = { kind: 'text', text: 'Total', number: null, decimals: 0 };
    rows.push(totals);
  }
  const text = (values: readonly string[]) =>
    values.map((v) => ({ kind: 'text' as const, text: v, number: null, decimals: 0 }));
  return neutralCsv([text([t.id]), text(header), ...rows]) + SECTION_END;
}

/** The CSV bytes of `tables` for request `r`, amounts in `currency`. */
export function reportCsv(
  r: Pick<ReportExportRequest, 'report' | 'from' | 'to'>,
  tables: readonly ReportTable[],
  currency: string,
): Buffer {
  const meta: ReportTable = {
    id: 'export',
    columns: [
      { key: 'report', kind: 'label' },
      { key: 'from', kind: 'date' },
      { key: 'to', kind: 'date' },
      { key: 'currency', kind: 'text' },
    ],
    rows: [[r.report, r.from, r.to, currency]],
  };
  const text = [meta, ...tables].map((t) => section(t, currency)).join('');
  return Buffer.from(`\ufeff${text}`, 'utf8');
}

import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportColumnKind, ReportTable } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { formatBusinessDay } from '../transactions/business-days';
import { numberFormat } from '../../../../shared/intl-formats';

/** One cell as text in the store's locale; kinds as in shared/contract/analytics-export.ts. */
function useCellText(currency: string) {
  const { t } = useTranslation('reportExport');
  const f = useFormat();
  const percent = numberFormat(f.locale, { style: 'percent', maximumFractionDigits: 2 });
  return (kind: ReportColumnKind, value: ReportCell): string => {
    if (value === null) return '—';
    switch (kind) {
      case 'money':
        return f.money(Number(value), currency);
      case 'count':
        return f.count(Number(value));
      case 'percent':
        return percent.format(Number(value) / 10_000);
      case 'date':
        return formatBusinessDay(String(value), 'medium');
      case 'label':
        return t(`labels.${String(value)}`);
      case 'text':
        return String(value);
    }
  };
}

/** Numbers are right-aligned; text, labels and days are not. */
function cellClass(kind: ReportColumnKind): string | undefined {
  return kind === 'money' || kind === 'count' || kind === 'percent' ? 'k-report-a4-num' : undefined;
}

/**
 * One report table on the A4 page: a caption, column headings, the rows (the first cell a row
 * heading) and the totals row, every figure formatted with Intl in the store's locale. Black on
 * white, numbers right-aligned; a table with no rows says so.
 */
export function ReportA4Table({ table, currency }: { table: ReportTable; currency: string }) {
  const { t } = useTranslation('reportExport');
  const text = useCellText(currency);
  const cols = table.columns;
  const row = (cells: readonly ReportCell[], total: boolean) =>
    cols.map((c, i) => {
      const cell = cells[i] ?? null;
      // A totals row leaves empty what does not add up (a day, an hour).
      const value =
        total && i === 0 ? t('total') : total && cell === null ? '' : text(c.kind, cell);
      const className = cellClass(c.kind);
      return i === 0 ? (
        <th key={c.key} scope="row" className={className}>
          {value}
        </th>
      ) : (
        <td key={c.key} className={className}>
          {value}
        </td>
      );
    });
  return (
    <table className="k-report-a4-table">
      <caption>{t(`tables.${table.id}`)}</caption>
      <thead>
        <tr>
          {cols.map((c) => (
            <th key={c.key} scope="col" className={cellClass(c.kind)}>
              {t(`columns.${c.key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={cols.length}>{t('noRows')}</td>
          </tr>
        ) : (
          table.rows.map((cells, i) => <tr key={i}>{row(cells, false)}</tr>)
        )}
      </tbody>
      {table.totals && table.rows.length > 0 && (
        <tfoot>
          <tr className="k-report-a4-total">{row(table.totals, true)}</tr>
        </tfoot>
      )}
    </table>
  );
}

import { useTranslation } from 'react-i18next';
import type { TaxRow } from '../../../../shared/receipt/tax-breakdown';
import { charsStyle } from '../../format/fit';
import { useFormat } from '../../format/locale';
import { numberFormat } from '../../../../shared/intl-formats';

/** The receipt's tax summary: per rate, net, tax and gross (shared/receipt/tax-breakdown.ts). */
export function TaxTable({ rows, money }: { rows: TaxRow[]; money: (minor: number) => string }) {
  const { t } = useTranslation('receipt');
  const { locale } = useFormat();
  if (rows.length === 0) return null;
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const cells = rows.map((r) => [
    percent.format(r.rateBps / 10_000),
    money(r.net),
    money(r.tax),
    money(r.gross),
  ]);
  // The widest row in characters, one more a column for the gap: the slip draws the table smaller
  // when it would be wider than the paper (receipt.css).
  const chars = Math.max(...cells.map((c) => c.join('').length)) + cells[0]!.length;
  return (
    <table className="k-receipt-tax" aria-label={t('taxTable.caption')} style={charsStyle(chars)}>
      <thead>
        <tr>
          <th scope="col">{t('taxTable.rate')}</th>
          <th scope="col">{t('taxTable.net')}</th>
          <th scope="col">{t('taxTable.tax')}</th>
          <th scope="col">{t('taxTable.gross')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.rateBps}>
            <th scope="row">{cells[i]![0]}</th>
            <td>{cells[i]![1]}</td>
            <td>{cells[i]![2]}</td>
            <td>{cells[i]![3]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

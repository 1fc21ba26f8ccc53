import { useTranslation } from 'react-i18next';
import type { TaxRow } from '../../../../shared/receipt/tax-breakdown';
import { useFormat } from '../../format/locale';
import { numberFormat } from '../../../../shared/intl-formats';

/** The receipt's tax summary: per rate, net, tax and gross (shared/receipt/tax-breakdown.ts). */
export function TaxTable({ rows, money }: { rows: TaxRow[]; money: (minor: number) => string }) {
  const { t } = useTranslation('receipt');
  const { locale } = useFormat();
  if (rows.length === 0) return null;
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return (
    <table className="k-receipt-tax" aria-label={t('taxTable.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('taxTable.rate')}</th>
          <th scope="col">{t('taxTable.net')}</th>
          <th scope="col">{t('taxTable.tax')}</th>
          <th scope="col">{t('taxTable.gross')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.rateBps}>
            <th scope="row">{percent.format(r.rateBps / 10_000)}</th>
            <td>{money(r.net)}</td>
            <td>{money(r.tax)}</td>
            <td>{money(r.gross)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useTranslation } from 'react-i18next';
import type { SaleDetail } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { taxBreakdown } from './tax-breakdown';

/** The receipt's tax summary: per rate, net, tax and gross (./tax-breakdown.ts). */
export function TaxTable({ sale, money }: { sale: SaleDetail; money: (minor: number) => string }) {
  const { t } = useTranslation('receipt');
  const { locale } = useFormat();
  const rows = taxBreakdown(sale.lines);
  if (rows.length === 0) return null;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
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

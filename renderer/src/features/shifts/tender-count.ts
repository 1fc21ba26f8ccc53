import type { TFunction } from 'i18next';
import type { ShiftFigures } from '../../../../shared/contract';

/**
 * A tender's row label on the X and Z reports: `Cash (2)`, or `Cash (2, 1 refund)` when the
 * tender also paid out refunds. Z reports stored before refunds were counted apart have no
 * `refundsCount`; their one count is shown as it was.
 */
export function tenderCountLabel(
  t: TFunction<'shifts'>,
  name: string,
  row: ShiftFigures['byTender'][number],
  n: (count: number) => string,
): string {
  const refunds = row.refundsCount ?? 0;
  return refunds === 0
    ? t('figures.tenderCount', { name, sales: n(row.count) })
    : t('figures.tenderCountRefunds', { name, sales: n(row.count), count: refunds, n: n(refunds) });
}

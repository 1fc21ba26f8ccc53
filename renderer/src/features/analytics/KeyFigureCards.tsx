import { useTranslation } from 'react-i18next';
import type { ChannelOutput, SalesFigures } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { FigureCard } from './FigureCard';
import { MarginCard } from './MarginCard';
import { numberFormat } from '../../../../shared/intl-formats';

type KeyFigures = ChannelOutput<'analytics:keyFigures'>;

const FIGURES = [
  { key: 'net', money: true, lowerIsBetter: false },
  { key: 'salesCount', money: false, lowerIsBetter: false },
  { key: 'averageBasket', money: true, lowerIsBetter: false },
  { key: 'itemsPerSale', money: false, lowerIsBetter: false },
  { key: 'refunds', money: true, lowerIsBetter: true },
  { key: 'discounts', money: true, lowerIsBetter: true },
] as const satisfies ReadonlyArray<{
  key: keyof SalesFigures;
  money: boolean;
  lowerIsBetter: boolean;
}>;

/**
 * The dashboard's key figures for the range, and the margin, each with its change against the
 * previous period of equal length ("+12.5 % on the previous 7 days"); money in the store
 * currency's minor units.
 */
export function KeyFigureCards({ figures }: { figures: KeyFigures }) {
  const { t } = useTranslation('analytics');
  const { money, count, locale } = useFormat();
  const show = (isMoney: boolean, key: string) => (value: number) =>
    isMoney
      ? money(value, figures.currency)
      : key === 'itemsPerSale'
        ? numberFormat(locale, { maximumFractionDigits: 2 }).format(value)
        : count(value);
  return (
    <div className="k-analytics-figures" role="list" aria-label={t('figures.label')}>
      {FIGURES.map((f) => (
        <FigureCard
          key={f.key}
          label={t(`figures.${f.key}`)}
          now={figures.current[f.key]}
          before={figures.previous[f.key]}
          show={show(f.money, f.key)}
          lowerIsBetter={f.lowerIsBetter}
        />
      ))}
      <MarginCard margin={figures.margin} currency={figures.currency} />
    </div>
  );
}

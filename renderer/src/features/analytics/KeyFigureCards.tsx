import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, SalesFigures } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { percentChange } from './change-text';

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
 * The dashboard's key figures for the range, each with its change against the previous period of
 * equal length ("+12.5 % on the previous 7 days"); money in the store currency's minor units.
 */
export function KeyFigureCards({ figures }: { figures: KeyFigures }) {
  const { t } = useTranslation('analytics');
  const { money, count, locale } = useFormat();
  const show = (value: number, isMoney: boolean, key: string) =>
    isMoney
      ? money(value, figures.currency)
      : key === 'itemsPerSale'
        ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
        : count(value);
  return (
    <div className="k-analytics-figures" role="list" aria-label={t('figures.label')}>
      {FIGURES.map((f) => {
        const now = figures.current[f.key];
        const change = percentChange(now, figures.previous[f.key]);
        const better = change !== null && change !== 0 && change > 0 !== f.lowerIsBetter;
        return (
          <Paper
            key={f.key}
            withBorder
            radius="md"
            p="md"
            role="listitem"
            className="k-analytics-figure"
          >
            <Text size="sm" c="dimmed">
              {t(`figures.${f.key}`)}
            </Text>
            <Text className="k-analytics-figure-value">{show(now, f.money, f.key)}</Text>
            <Text
              size="xs"
              className={
                change === null || change === 0
                  ? ''
                  : better
                    ? 'k-analytics-up'
                    : 'k-analytics-down'
              }
            >
              {change === null
                ? t('figures.noPrevious')
                : t('figures.change', {
                    change: new Intl.NumberFormat(locale, {
                      signDisplay: 'exceptZero',
                      maximumFractionDigits: 1,
                    }).format(change),
                    before: show(figures.previous[f.key], f.money, f.key),
                  })}
            </Text>
          </Paper>
        );
      })}
    </div>
  );
}

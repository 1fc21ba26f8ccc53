import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MarginFigures } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { FigureCard } from './FigureCard';
import { costedShare, marginPercent } from './margin-text';
import { numberFormat } from '../../../../shared/intl-formats';

/**
 * The margin key figure: net without tax less the cost of goods sold, of the lines whose cost is
 * known, against the previous period; beneath it the margin as a percent and how much of the net
 * is costed (so a margin over part of the sales is never read as the whole), or that no cost is
 * known in the range.
 */
export function MarginCard({
  margin,
  currency,
}: {
  margin: { current: MarginFigures; previous: MarginFigures };
  currency: string;
}) {
  const { t } = useTranslation('analytics');
  const { money, locale } = useFormat();
  const percent = marginPercent(margin.current);
  const share = costedShare(margin.current);
  const number = (v: number | null) =>
    v === null ? '–' : numberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  return (
    <FigureCard
      label={t('figures.margin')}
      now={margin.current.margin}
      before={margin.previous.margin}
      show={(v) => money(v, currency)}
    >
      <Text size="xs" c="dimmed">
        {percent === null
          ? t('figures.noCosts')
          : t('figures.marginDetail', { percent: number(percent), share: number(share) })}
      </Text>
    </FigureCard>
  );
}

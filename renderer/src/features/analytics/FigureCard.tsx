import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fitStyle } from '../../format/fit';
import { useFormat } from '../../format/locale';
import { percentChange } from './change-text';
import { numberFormat } from '../../../../shared/intl-formats';

/**
 * One of the dashboard's key figures (a list item): its name, its value over the range, anything
 * the figure explains beneath (`children`), and its change against the previous period of equal
 * length ("+12.5 % on the previous period (£100.00)"), green when better, red when worse.
 */
export function FigureCard({
  label,
  now,
  before,
  show,
  lowerIsBetter = false,
  children,
}: {
  label: string;
  now: number;
  before: number;
  /** The value as text (money, a count …). */
  show: (value: number) => string;
  lowerIsBetter?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('analytics');
  const { locale } = useFormat();
  const change = percentChange(now, before);
  const value = show(now);
  const better = change !== null && change !== 0 && change > 0 !== lowerIsBetter;
  return (
    <Paper withBorder radius="md" p="md" role="listitem" className="k-analytics-figure k-fit-box">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className="k-analytics-figure-value k-fit" style={fitStyle(value)}>
        {value}
      </Text>
      {children}
      <Text
        size="xs"
        className={
          change === null || change === 0 ? '' : better ? 'k-analytics-up' : 'k-analytics-down'
        }
      >
        {change === null
          ? t('figures.noPrevious')
          : t('figures.change', {
              change: numberFormat(locale, {
                signDisplay: 'exceptZero',
                maximumFractionDigits: 1,
              }).format(change),
              before: show(before),
            })}
      </Text>
    </Paper>
  );
}

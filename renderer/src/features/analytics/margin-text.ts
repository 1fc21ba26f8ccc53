import type { MarginFigures } from '../../../../shared/contract';

/**
 * Margin as a percent of the net (without tax) of the lines whose cost is known, to one decimal;
 * null when no line in the range had a cost (no percent of zero). Definitions:
 * shared/contract/analytics.ts.
 */
export function marginPercent(m: MarginFigures): number | null {
  if (m.costedNet === 0) return null;
  return Math.round((m.margin / m.costedNet) * 1000) / 10;
}

/**
 * How much of the net (without tax) has a known cost, a whole percent; null when there is no net.
 * Below 100, the margin leaves out the uncosted rest.
 */
export function costedShare(m: MarginFigures): number | null {
  if (m.netWithoutTax === 0) return null;
  return Math.round((m.costedNet / m.netWithoutTax) * 100);
}

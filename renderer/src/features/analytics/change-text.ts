/**
 * How a figure moved against the previous period of equal length, for the dashboard's key
 * figures: a signed percent rounded to one decimal, or null when there was nothing before (no
 * percent of zero). Pure, so both the cards and their tests use it.
 */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
}

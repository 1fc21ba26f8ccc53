/**
 * The Reports dashboard's ranges (issue 11, section 4): presets counted from the core's "today"
 * (`reports:today`, a business day in the store's time zone, never this computer's clock), as
 * YYYY-MM-DD strings; weeks run Monday to Sunday (ISO 8601). Calendar math in UTC on the strings
 * (Luxon), so no time zone can move a day.
 */
import { DateTime } from 'luxon';
import { rangeDays } from '../../../../shared/contract';

export const PRESETS = [
  'today',
  'yesterday',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'thisYear',
] as const;
export type Preset = (typeof PRESETS)[number];

export interface DayRange {
  from: string;
  to: string;
}

const day = (d: DateTime) => d.toISODate()!;

/** The range `preset` covers when the store's business day is `today` (YYYY-MM-DD). */
export function presetRange(preset: Preset, today: string): DayRange {
  const t = DateTime.fromISO(today, { zone: 'utc' });
  if (!t.isValid) throw new RangeError(`Not a day: ${today}`);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: day(t.minus({ days: 1 })), to: day(t.minus({ days: 1 })) };
    case 'thisWeek':
      return { from: day(t.startOf('week')), to: today };
    case 'lastWeek': {
      const start = t.startOf('week').minus({ weeks: 1 });
      return { from: day(start), to: day(start.endOf('week')) };
    }
    case 'thisMonth':
      return { from: day(t.startOf('month')), to: today };
    case 'lastMonth': {
      const start = t.startOf('month').minus({ months: 1 });
      return { from: day(start), to: day(start.endOf('month')) };
    }
    case 'thisYear':
      return { from: day(t.startOf('year')), to: today };
  }
}

/**
 * The trend's grain for a range: by hour for a single day, by day up to two months, by week up to
 * a year, by month beyond.
 */
export function trendGrain(range: DayRange): 'hour' | 'day' | 'week' | 'month' {
  const days = rangeDays(range.from, range.to);
  if (days <= 1) return 'hour';
  if (days <= 62) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}

/**
 * The dashboard's sales figures over a range of business days (issue 11, section 4), from the
 * daily rollups: key figures (with cost and margin from the product rollups, rollup-sql.ts)
 * against the previous period with totals by tender, the trend by hour, day, ISO week or month,
 * and the weekday × hour heatmap. Each is one or two aggregate
 * queries on a rollup table's primary key (business_date first), so a year is ~365 × a few rows.
 */
import type {
  ChannelOutput,
  ChannelParsedInput,
  MarginFigures,
  SalesFigures,
  TenderType,
} from '../../../shared/contract';
import type { EntityManager } from 'typeorm';
import { run } from '../db/sql';
import { productParts, productSources } from './catalogue-reports';
import { eachDay, HEADER_SUMS, num, previousRange, salesFigures, type Row } from './report-figures';

type Range = { from: string; to: string };
const IN_RANGE = 'r.business_date BETWEEN ? AND ?';

async function totals(em: EntityManager, r: Range) {
  const rows = await run<Row>(em, `SELECT ${HEADER_SUMS} FROM rollup_staff r WHERE ${IN_RANGE}`, [
    r.from,
    r.to,
  ]);
  return salesFigures(rows[0]);
}

/** Cost and margin over `r` from the product rollups; `sales` are its figures (for net − tax). */
async function margin(em: EntityManager, r: Range, sales: SalesFigures): Promise<MarginFigures> {
  const parts = productParts(r.from, r.to);
  const rows = await run<Row>(
    em,
    `SELECT COALESCE(SUM(r.cost), 0) AS cost, COALESCE(SUM(r.costed_net), 0) AS costed_net
       FROM (${productSources(parts)}) r`,
    parts.flatMap((p) => [p.from, p.to]),
  );
  const cost = num(rows[0], 'cost');
  const costedNet = num(rows[0], 'costed_net');
  return { cost, costedNet, margin: costedNet - cost, netWithoutTax: sales.net - sales.tax };
}

/** `analytics:keyFigures`. */
export async function keyFigures(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:keyFigures'>,
  currency: string,
): Promise<ChannelOutput<'analytics:keyFigures'>> {
  const range = { from: input.from, to: input.to };
  const previous = previousRange(input.from, input.to);
  const tenders = await run<Row>(
    em,
    `SELECT r.tender_type, SUM(r.sales_count) AS sales_count, SUM(r.amount) AS amount,
        SUM(r.refunds_count) AS refunds_count, SUM(r.refunds) AS refunds
       FROM rollup_tenders r WHERE ${IN_RANGE} GROUP BY r.tender_type ORDER BY r.tender_type`,
    [range.from, range.to],
  );
  const current = await totals(em, range);
  const before = await totals(em, previous);
  return {
    currency,
    range,
    previousRange: previous,
    current,
    previous: before,
    margin: {
      current: await margin(em, range, current),
      previous: await margin(em, previous, before),
    },
    byTender: tenders.map((t) => ({
      type: t.tender_type as TenderType,
      salesCount: num(t, 'sales_count'),
      amount: num(t, 'amount'),
      refundsCount: num(t, 'refunds_count'),
      refunds: num(t, 'refunds'),
      net: num(t, 'amount') - num(t, 'refunds'),
    })),
  };
}

const TREND_SUMS = `SUM(r.sales_count) AS sales_count, SUM(r.refunds_count) AS refunds_count,
  SUM(r.items) AS items, SUM(r.gross) AS gross, SUM(r.refunds) AS refunds`;

const DAY_MS = 86_400_000;

/** ISO weekday (1 = Monday … 7 = Sunday) of a business day, by plain UTC date arithmetic. */
function weekdayOf(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The bucket a business day falls in, at `grain` (not hour): week = its ISO week's Monday. */
function bucketOf(day: string, grain: 'day' | 'week' | 'month'): string {
  if (grain === 'day') return day;
  if (grain === 'month') return day.slice(0, 7);
  const t = Date.parse(`${day}T00:00:00Z`) - (weekdayOf(day) - 1) * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** `analytics:trend`: every bucket of the range, oldest first, empty ones as zeros. */
export async function trend(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:trend'>,
  currency: string,
): Promise<ChannelOutput<'analytics:trend'>> {
  const hourly = input.grain === 'hour';
  const rows = await run<Row>(
    em,
    hourly
      ? `SELECT r.business_date, r.hour, ${TREND_SUMS} FROM rollup_hours r WHERE ${IN_RANGE}
           GROUP BY r.business_date, r.hour`
      : `SELECT r.business_date, ${TREND_SUMS} FROM rollup_staff r WHERE ${IN_RANGE}
           GROUP BY r.business_date`,
    [input.from, input.to],
  );
  const grain = input.grain;
  const keyOf = (day: string, hour: number) =>
    grain === 'hour' ? `${day}T${String(hour).padStart(2, '0')}` : bucketOf(day, grain);
  const points = new Map<string, ChannelOutput<'analytics:trend'>['points'][number]>();
  for (const day of eachDay(input.from, input.to))
    for (let h = 0; h < (hourly ? 24 : 1); h++) {
      const bucket = keyOf(day, h);
      if (!points.has(bucket))
        points.set(bucket, {
          bucket,
          salesCount: 0,
          refundsCount: 0,
          items: 0,
          gross: 0,
          refunds: 0,
          net: 0,
        });
    }
  for (const r of rows) {
    const p = points.get(keyOf(String(r.business_date), num(r, 'hour')))!;
    p.salesCount += num(r, 'sales_count');
    p.refundsCount += num(r, 'refunds_count');
    p.items += num(r, 'items');
    p.gross += num(r, 'gross');
    p.refunds += num(r, 'refunds');
    p.net = p.gross - p.refunds;
  }
  return { currency, grain, points: [...points.values()] };
}

/** `analytics:heatmap`: completed sales and net per ISO weekday × store-local hour. */
export async function heatmap(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:heatmap'>,
  currency: string,
): Promise<ChannelOutput<'analytics:heatmap'>> {
  const rows = await run<Row>(
    em,
    `SELECT r.business_date, r.hour, SUM(r.sales_count) AS sales_count,
        SUM(r.gross) - SUM(r.refunds) AS net
       FROM rollup_hours r WHERE ${IN_RANGE} GROUP BY r.business_date, r.hour`,
    [input.from, input.to],
  );
  const cells = [];
  for (let weekday = 1; weekday <= 7; weekday++)
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, salesCount: 0, net: 0 });
  for (const r of rows) {
    const weekday = weekdayOf(String(r.business_date));
    const cell = cells[(weekday - 1) * 24 + num(r, 'hour')]!;
    cell.salesCount += num(r, 'sales_count');
    cell.net += num(r, 'net');
  }
  return { currency, cells };
}

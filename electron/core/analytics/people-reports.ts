/**
 * Who sold and who bought, over a range of business days (issue 11, section 4).
 * - Staff performance: the header figures per member from the per day × staff rollups (the sales
 *   they rang up; a void counts against the member whose sale it was), and the over/short of the
 *   shifts they opened whose Z report closed in the range's UTC span (store zone now).
 * - Customers: from the sales table, on `IDX_sales_business_date` for the range and
 *   `IDX_sales_customer_day` (customer_id, business_date) for first and last purchases.
 */
import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { run } from '../db/sql';
import { businessDayRange } from '../sales/local-day';
import { HEADER_SUMS, num, salesFigures, type Row } from './report-figures';

/** `analytics:staffPerformance`: members by net, highest first, then by id. */
export async function staffPerformance(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:staffPerformance'>,
  currency: string,
  timeZone: string,
): Promise<ChannelOutput<'analytics:staffPerformance'>> {
  const figures = await run<Row>(
    em,
    `SELECT r.staff_id, ${HEADER_SUMS} FROM rollup_staff r
       WHERE r.business_date BETWEEN ? AND ? GROUP BY r.staff_id`,
    [input.from, input.to],
  );
  const span = {
    from: businessDayRange(input.from, timeZone).from.toISOString(),
    to: businessDayRange(input.to, timeZone).to.toISOString(),
  };
  const shifts = await run<Row>(
    em,
    `SELECT sh.opened_by AS staff_id, COUNT(*) AS n, SUM(z.over_short) AS over_short
       FROM z_reports z JOIN shifts sh ON sh.id = z.shift_id
       WHERE z.closed_at >= ? AND z.closed_at < ? GROUP BY sh.opened_by`,
    [span.from, span.to],
  );
  const ids = [...new Set([...figures, ...shifts].map((r) => num(r, 'staff_id')))];
  if (ids.length === 0) return { currency, staff: [] };
  const names = await run<Row>(
    em,
    `SELECT id, display_name FROM staff WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const nameOf = new Map(names.map((n) => [num(n, 'id'), String(n.display_name)]));
  const byId = new Map(figures.map((f) => [num(f, 'staff_id'), f]));
  const shiftOf = new Map(shifts.map((s) => [num(s, 'staff_id'), s]));
  const staff = ids.map((id) => ({
    staffId: id,
    name: nameOf.get(id) ?? '',
    ...salesFigures(byId.get(id)),
    shiftsClosed: num(shiftOf.get(id), 'n'),
    overShort: num(shiftOf.get(id), 'over_short'),
  }));
  staff.sort((a, b) => b.net - a.net || a.staffId - b.staffId);
  return { currency, staff };
}

/** Days a customer may go without buying before the report calls them lapsed. */
const LAPSED_AFTER_DAYS = 90;

/** `analytics:customers`. */
export async function customerReport(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:customers'>,
  currency: string,
): Promise<ChannelOutput<'analytics:customers'>> {
  const range = [input.from, input.to];
  const buyers = await run<Row>(
    em,
    `SELECT s.customer_id, c.name,
        SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE 0 END) AS sales_count, SUM(s.total) AS net,
        CASE WHEN EXISTS (SELECT 1 FROM sales p WHERE p.customer_id = s.customer_id
          AND p.business_date < ? AND p.status = 'completed' AND p.kind = 'sale')
          THEN 1 ELSE 0 END AS is_returning
       FROM sales s JOIN customers c ON c.id = s.customer_id
       WHERE s.business_date BETWEEN ? AND ? AND s.status = 'completed'
       GROUP BY s.customer_id, c.name`,
    [input.from, ...range],
  );
  const bought = buyers.filter((b) => num(b, 'sales_count') > 0);
  const returning = bought.filter((b) => num(b, 'is_returning') === 1).length;
  const walkIns = await run<Row>(
    em,
    `SELECT COUNT(*) AS n FROM sales s WHERE s.business_date BETWEEN ? AND ?
       AND s.status = 'completed' AND s.kind = 'sale' AND s.customer_id IS NULL`,
    range,
  );
  const cutoff = DateTime.fromISO(input.to, { zone: 'utc' })
    .minus({ days: LAPSED_AFTER_DAYS })
    .toISODate()!;
  const lapsed = await run<Row>(
    em,
    `SELECT s.customer_id, MAX(s.business_date) AS last_seen FROM sales s
       WHERE s.customer_id IS NOT NULL AND s.status = 'completed' AND s.kind = 'sale'
         AND s.business_date <= ?
       GROUP BY s.customer_id HAVING MAX(s.business_date) <= ?
       ORDER BY last_seen DESC, s.customer_id`,
    [input.to, cutoff],
  );
  const shown = lapsed.slice(0, 50);
  const names =
    shown.length === 0
      ? []
      : await run<Row>(
          em,
          `SELECT id, name FROM customers WHERE id IN (${shown.map(() => '?').join(', ')})`,
          shown.map((l) => num(l, 'customer_id')),
        );
  const nameOf = new Map(names.map((n) => [num(n, 'id'), String(n.name)]));
  const top = [...bought]
    .sort((a, b) => num(b, 'net') - num(a, 'net') || num(a, 'customer_id') - num(b, 'customer_id'))
    .slice(0, 10);
  return {
    currency,
    newCustomers: bought.length - returning,
    returningCustomers: returning,
    walkInSales: num(walkIns[0], 'n'),
    top: top.map((b) => ({
      customerId: num(b, 'customer_id'),
      name: String(b.name),
      salesCount: num(b, 'sales_count'),
      net: num(b, 'net'),
    })),
    lapsedCount: lapsed.length,
    lapsed: shown.map((l) => ({
      customerId: num(l, 'customer_id'),
      name: nameOf.get(num(l, 'customer_id')) ?? '',
      lastSeen: String(l.last_seen),
    })),
  };
}

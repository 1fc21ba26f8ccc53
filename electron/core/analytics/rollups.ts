/**
 * Keeps the daily sales rollups (issue 11, section 4; what they hold: rollup-sql.ts) in step with
 * the sales. `addToRollups` (and checkout's rollup-rows.ts) runs inside the write transaction that records a sale, a refund or a
 * void (D2: the rollups can never disagree with a committed sale); `rebuildRollups` recomputes
 * them from the sales for a range of business days (bulk writers, the migration, the checks).
 *
 * Hours are store-local (0..23) in the time zone given, which is the zone the sale's business day
 * is stamped with; a rebuild places every sale in the zone it is given.
 *
 * Every row belongs to one till, the sale's (`till_id`, the last column of each key): issue 12,
 * section 5, no store-wide lock may serialise the tills, and rows shared by all tills were one
 * (rollup-sql.ts). A rebuild writes the same per-till rows as the sales' own transactions did.
 */
import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import { run } from '../db/sql';
import {
  ALL_ROLLUPS,
  hourQuartersSelect,
  KEYED_ROLLUPS,
  ROLLUP_HOURS,
  ROLLUP_PRODUCT_MONTHS,
  upsertSql,
  type RollupScope,
} from './rollup-sql';

/** What happened to the sale: it was recorded (sale or refund), or a completed sale was voided. */
export type RollupChange = 'recorded' | 'voided';

/** The store-local hour (0..23) of the UTC instant `iso` in `timeZone`. */
export function localHour(iso: string, timeZone: string): number {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).hour;
}

const statements = new Map<string, string[]>();

/** The upserts of one scope, built once per scope (constant SQL, bound sale id). */
function upserts(scope: RollupScope): string[] {
  const key = `${scope.status}${scope.sign}`;
  let sql = statements.get(key);
  if (!sql) {
    sql = ALL_ROLLUPS.map((t) => upsertSql(t, scope));
    statements.set(key, sql);
  }
  return sql;
}

async function apply(
  em: EntityManager,
  saleId: number,
  hour: number,
  scope: RollupScope,
): Promise<void> {
  for (const [i, sql] of upserts(scope).entries())
    await run(em, sql, ALL_ROLLUPS[i] === ROLLUP_HOURS ? [hour, saleId] : [saleId]);
}

/**
 * Adds the sale `saleId` to the rollups (`recorded`: as the completed sale or refund just
 * written), or moves it from completed to voided (`voided`, after its status changed). Call inside
 * the transaction that wrote the change; `timeZone` is the zone its business day was stamped in.
 * Checkout, which holds the rows it wrote, uses rollup-rows.ts instead.
 */
export async function addToRollups(
  em: EntityManager,
  saleId: number,
  change: RollupChange,
  timeZone: string,
): Promise<void> {
  const rows = await run<{ created_at: string }>(em, 'SELECT created_at FROM sales WHERE id = ?', [
    saleId,
  ]);
  if (!rows[0]) return;
  const hour = localHour(rows[0].created_at, timeZone);
  const where = 's.id = ?';
  if (change === 'voided')
    await apply(em, saleId, hour, { where, status: "'completed'", sign: -1 });
  await apply(em, saleId, hour, {
    where,
    status: change === 'voided' ? "'voided'" : "'completed'",
    sign: 1,
  });
}

/** Business days `from`..`to` (YYYY-MM-DD, both included); absent: every day. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * Recomputes the rollups of the business days in `range` (all days when absent) from the sales:
 * deletes those days' rows and writes them again. Run it inside a write transaction.
 */
export async function rebuildRollups(
  em: EntityManager,
  timeZone: string,
  range?: DayRange,
): Promise<void> {
  const cond = range ? 'business_date BETWEEN ? AND ?' : '1 = 1';
  const params = range ? [range.from, range.to] : [];
  for (const t of [...KEYED_ROLLUPS, ROLLUP_HOURS])
    await run(em, `DELETE FROM ${t.table} WHERE ${cond}`, params);
  const where = range ? 's.business_date BETWEEN ? AND ?' : '1 = 1';
  for (const t of KEYED_ROLLUPS)
    await run(em, upsertSql(t, { where, status: 's.status', sign: 1 }), params);
  await rebuildHours(em, timeZone, where, params);
  // Months: every month the range touches, whole.
  const months = range ? [range.from.slice(0, 7), range.to.slice(0, 7)] : [];
  await run(
    em,
    `DELETE FROM ${ROLLUP_PRODUCT_MONTHS.table} WHERE ${range ? 'month BETWEEN ? AND ?' : '1 = 1'}`,
    months,
  );
  await run(
    em,
    upsertSql(ROLLUP_PRODUCT_MONTHS, { where, status: 's.status', sign: 1 }),
    range ? [`${months[0]!}-01`, `${months[1]!}-31`] : [],
  );
}

/** Hours: quarter-hour groups per till in UTC from SQL, placed on store-local hours here. */
async function rebuildHours(
  em: EntityManager,
  timeZone: string,
  where: string,
  params: unknown[],
): Promise<void> {
  const figures = ROLLUP_HOURS.figures;
  const groups = await run<Record<string, string | number>>(em, hourQuartersSelect(where), params);
  const byKey = new Map<string, { day: string; hour: number; till: number; sums: number[] }>();
  for (const g of groups) {
    const day = String(g.business_date);
    const till = Number(g.till_id);
    const minute = String(Number(g.quarter) * 15).padStart(2, '0');
    const hour = localHour(`${String(g.utc_hour)}:${minute}:00Z`, timeZone);
    const key = `${day}|${hour}|${till}`;
    const entry = byKey.get(key) ?? { day, hour, till, sums: figures.map(() => 0) };
    figures.forEach((f, i) => (entry.sums[i]! += Number(g[f])));
    byKey.set(key, entry);
  }
  const cols = [...ROLLUP_HOURS.keys, ...figures];
  const rows = [...byKey.values()];
  const perInsert = 500;
  for (let i = 0; i < rows.length; i += perInsert) {
    const chunk = rows.slice(i, i + perInsert);
    const one = `(${cols.map(() => '?').join(', ')})`;
    await run(
      em,
      `INSERT INTO ${ROLLUP_HOURS.table} (${cols.join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`,
      chunk.flatMap((r) => [r.day, r.hour, r.till, ...r.sums]),
    );
  }
}

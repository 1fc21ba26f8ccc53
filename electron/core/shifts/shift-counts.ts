/**
 * Cash counts by denomination (the float at the open, the blind count at the close): checked
 * against the store's table for its currency, stored as `shift_counts` rows, read back.
 */
import type { EntityManager } from 'typeorm';
import {
  countTotal,
  type Denomination,
  type DenominationCount,
} from '../../../shared/denominations';
import { AppError } from '../../../shared/errors';
import { run, valuesList } from '../db/sql';
import { toInt } from '../sales/sale.entity';

/**
 * The count's total in minor units. VALIDATION_FAILED (naming `path.i.value`) for a note or coin
 * that is not in `table`, or one listed twice; nothing is written by the caller then.
 */
export function checkedTotal(
  count: readonly DenominationCount[],
  table: readonly Denomination[],
  path: string,
): number {
  const known = new Set(table.map((d) => d.value));
  const seen = new Set<number>();
  const issues: { path: string; message: string }[] = [];
  count.forEach((c, i) => {
    if (!known.has(c.value))
      issues.push({
        path: `${path}.${i}.value`,
        message: `${c.value} is not in the store's table`,
      });
    else if (seen.has(c.value))
      issues.push({ path: `${path}.${i}.value`, message: `${c.value} is listed twice` });
    seen.add(c.value);
  });
  if (issues.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      'The count has notes or coins that do not fit.',
      // At most 20, as the router caps a schema's issues: an answer stays small (S-rules).
      issues.slice(0, 20),
    );
  return countTotal(count);
}

/** Writes `count` as the `stage` count of `shiftId` (one row per line, in order). */
export async function insertCount(
  em: EntityManager,
  shiftId: number,
  stage: 'open' | 'close',
  count: readonly DenominationCount[],
): Promise<void> {
  if (count.length === 0) return;
  const params: unknown[] = [];
  for (const c of count) params.push(shiftId, stage, c.value, c.quantity);
  await run(
    em,
    `INSERT INTO shift_counts (shift_id, stage, value, quantity) VALUES ${valuesList(count.length, 4)}`,
    params,
  );
}

/** The `stage` count of `shiftId`, in the order it was entered. */
export async function readCount(
  em: EntityManager,
  shiftId: number,
  stage: 'open' | 'close',
): Promise<DenominationCount[]> {
  const rows = await run<{ value: number | string; quantity: number | string }>(
    em,
    'SELECT value, quantity FROM shift_counts WHERE shift_id = ? AND stage = ? ORDER BY id',
    [shiftId, stage],
  );
  return rows.map((r) => ({ value: toInt(r.value), quantity: toInt(r.quantity) }));
}

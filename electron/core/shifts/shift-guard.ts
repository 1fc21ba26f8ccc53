/**
 * Which shift a sale, refund or void belongs to (issue 10, section 1): the one open on the till
 * at the moment it is written, read inside its own IMMEDIATE transaction. A close takes the same
 * write lock, so a sale is either committed before the close (and counted in its Z report) or
 * after it (and finds no open shift): every sale falls in exactly one shift, or none. On a store
 * server there is no such lock; see `claimOpenShift`.
 */
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import { isPostgres, run } from '../db/sql';
import { requireOpenShift } from './shift-settings';

/** The id of the shift open on `tillId`, or null. */
export async function openShiftId(em: EntityManager, tillId: number): Promise<number | null> {
  const rows = await run<{ id: number }>(
    em,
    "SELECT id FROM shifts WHERE till_id = ? AND status = 'open'",
    [tillId],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

/**
 * The shift a sale, refund or void on `tillId` is counted in. SHIFT_NOT_OPEN when none is open
 * and the store requires one (the default). Must run inside the sale's write transaction.
 * `required`: whether the store requires one, when the caller has read it in this transaction
 * already (`requireOpenShiftFrom`); otherwise it is read here if no shift is open.
 */
export async function shiftForSale(
  em: EntityManager,
  tillId: number,
  required?: boolean,
): Promise<number | null> {
  const id = isPostgres(em) ? await claimOpenShift(em, tillId) : await openShiftId(em, tillId);
  if (id === null && (required ?? (await requireOpenShift(em))))
    throw new AppError(
      'SHIFT_NOT_OPEN',
      'No shift is open on this till: open one with a counted float first.',
    );
  return id;
}

/**
 * PostgreSQL: the open shift of `tillId` read with a no-op UPDATE, which holds the shift row's
 * lock until the sale commits. The close locks that row first (ZReports.close), so it waits for
 * the sale and then counts it; a sale that waited for a close re-reads the row, finds it closed,
 * and is refused (PostgreSQL documentation, 13.2.1). A plain read would let a sale commit into a
 * shift whose Z report was already counted without it.
 */
async function claimOpenShift(em: EntityManager, tillId: number): Promise<number | null> {
  const rows = await run<{ id: number }>(
    em,
    "UPDATE shifts SET status = status WHERE till_id = ? AND status = 'open' RETURNING id",
    [tillId],
    { reusePlan: true },
  );
  return rows[0] ? Number(rows[0].id) : null;
}

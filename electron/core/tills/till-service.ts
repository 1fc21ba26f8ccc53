/**
 * Tills: this computer's till row, created on first start, and its gapless receipt numbers.
 * A receipt number is taken inside the sale's own transaction, so a rolled-back sale gives its
 * number back and the sequence never has holes.
 */
import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { Clock } from '../types';
import { TillEntity } from './till.entity';

/** Finds or creates the till called `name`; returns its id. Runs through the write queue. */
export async function ensureTill(db: Database, clock: Clock, name: string): Promise<number> {
  const found = await db.manager.getRepository(TillEntity).findOneBy({ name });
  if (found) return found.id;
  return db.write(async (em) => {
    const again = await em.getRepository(TillEntity).findOneBy({ name });
    if (again) return again.id;
    const created = await em
      .getRepository(TillEntity)
      .save({ name, nextReceiptNo: 1, createdAt: clock.now().toISOString() });
    return created.id;
  });
}

/** Takes the next receipt number of `tillId`. Must run inside the sale's transaction. */
export async function takeReceiptNo(em: EntityManager, tillId: number): Promise<number> {
  const rows = await run<{ receipt_no: number | string }>(
    em,
    'UPDATE tills SET next_receipt_no = next_receipt_no + 1 WHERE id = ? RETURNING next_receipt_no - 1 AS receipt_no',
    [tillId],
    { reusePlan: true },
  );
  if (rows.length !== 1) throw new Error(`till ${tillId} does not exist`);
  return Number(rows[0]!.receipt_no);
}

/** How often a till running on a store server records that it is (`markSeen`). */
export const SEEN_EVERY_MS = 60_000;

/**
 * Records that till `tillId` is running now (`tills.last_seen_at`, UTC; `stopped_at` cleared), for
 * the store's list of tills (`storeServer:tills`). One UPDATE of the till's own row, at READ
 * COMMITTED: no other till writes that row.
 */
export async function markSeen(db: Database, clock: Clock, tillId: number): Promise<void> {
  await db.write(
    (em) =>
      run(em, 'UPDATE tills SET last_seen_at = ?, stopped_at = NULL WHERE id = ?', [
        clock.now().toISOString(),
        tillId,
      ]),
    'readCommitted',
  );
}

/** Records that till `tillId` closes now (`tills.stopped_at` and `last_seen_at`, UTC). */
export async function markStopped(db: Database, clock: Clock, tillId: number): Promise<void> {
  const now = clock.now().toISOString();
  await db.write(
    (em) =>
      run(em, 'UPDATE tills SET last_seen_at = ?, stopped_at = ? WHERE id = ?', [now, now, tillId]),
    'readCommitted',
  );
}

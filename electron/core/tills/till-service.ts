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

/** A till seen this long ago or less is running: two and a half of its one-minute records. */
export const RUNNING_WITHIN_MS = 150_000;

/**
 * Records that till `tillId` runs now (`tills.last_seen_at`, UTC), or, with `stopping`, that it
 * closes now (`tills.stopped_at` too; a record while running clears it). For the store's list of
 * tills (`storeServer:tills`) and `tillRunning`. One UPDATE of the till's own row, at READ
 * COMMITTED: no other till writes that row but to retire it (`StoreTills.retire`). Answers
 * false, writing nothing, when the till is retired.
 */
export async function markSeen(
  db: Database,
  clock: Clock,
  tillId: number,
  stopping = false,
): Promise<boolean> {
  const now = clock.now().toISOString();
  const rows = await db.write(
    (em) =>
      run(
        em,
        'UPDATE tills SET last_seen_at = ?, stopped_at = ? WHERE id = ? AND retired_at IS NULL RETURNING id',
        [now, stopping ? now : null, tillId],
      ),
    'readCommitted',
  );
  return rows.length > 0;
}

/** When and by whom a till was retired (`storeServer:retireTill`); UTC. */
export interface TillRetirement {
  at: string;
  /** The admin's display name; '' if that staff row is gone. */
  by: string;
}

/** The retirement of till `tillId`, read in `em`; null for a till in service or with no row. */
export async function tillRetirement(
  em: EntityManager,
  tillId: number,
): Promise<TillRetirement | null> {
  const rows = await run<{ retired_at: string | null; display_name: string | null }>(
    em,
    `SELECT t.retired_at, s.display_name FROM tills t LEFT JOIN staff s ON s.id = t.retired_by
      WHERE t.id = ?`,
    [tillId],
  );
  const row = rows[0];
  return row?.retired_at ? { at: row.retired_at, by: row.display_name ?? '' } : null;
}

/**
 * Whether a till whose row has `last_seen_at` and `stopped_at` (UTC or null) is running at
 * `nowMs`: seen in the last RUNNING_WITHIN_MS and not closed since.
 */
export function tillRunning(
  row: { last_seen_at: string | null; stopped_at: string | null },
  nowMs: number,
): boolean {
  return (
    row.stopped_at === null &&
    row.last_seen_at !== null &&
    Date.parse(row.last_seen_at) >= nowMs - RUNNING_WITHIN_MS
  );
}

/** `tillRunning` for till `tillId`, read in `em`; false for a till id with no row. */
export async function isTillRunning(
  em: EntityManager,
  tillId: number,
  nowMs: number,
): Promise<boolean> {
  const rows = await run<{ last_seen_at: string | null; stopped_at: string | null }>(
    em,
    'SELECT last_seen_at, stopped_at FROM tills WHERE id = ?',
    [tillId],
  );
  return rows[0] !== undefined && tillRunning(rows[0], nowMs);
}

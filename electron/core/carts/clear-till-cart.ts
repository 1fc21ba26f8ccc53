/**
 * Empties a till's cart in progress inside the transaction that ended it: a completed sale
 * (checkout) or a parked one (sales:park), so neither leaves its cart behind and a crash cannot
 * keep one without the other (issue 8, item 4; docs/sales.md "The cart in progress").
 */
import type { EntityManager } from 'typeorm';
import { draftCartSchema } from '../../../shared/contract';
import { run } from '../db/sql';

/** The stored form of an empty cart (draftCartSchema's output for no lines, walk-in). */
export const EMPTY_CART_JSON = JSON.stringify(draftCartSchema.parse({ lines: [] }));

/**
 * Empties `tillId`'s cart when it is `staffId`'s or nobody's, as a new version, through `em`
 * (the caller's transaction). Another member's cart in progress is left alone: it is never
 * dropped silently.
 */
export async function clearTillCart(
  em: EntityManager,
  tillId: number,
  staffId: number,
  now: string,
): Promise<void> {
  await run(
    em,
    `UPDATE till_carts SET cart = ?, staff_id = NULL, version = version + 1, updated_at = ?
      WHERE till_id = ? AND cart <> ? AND (staff_id = ? OR staff_id IS NULL)`,
    [EMPTY_CART_JSON, now, tillId, EMPTY_CART_JSON, staffId],
    { reusePlan: true },
  );
}

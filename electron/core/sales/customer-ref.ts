/** Checks a customer id a sale is about to reference. */
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import { run } from '../db/sql';

/** The customer, if it exists and is not archived. Errors: NOT_FOUND, CONFLICT (archived). */
export async function findSellableCustomer(
  em: EntityManager,
  id: number,
): Promise<{ id: number; name: string }> {
  const rows = await run<{ id: number; name: string; archived_at: string | null }>(
    em,
    'SELECT id, name, archived_at FROM customers WHERE id = ?',
    [id],
  );
  const c = rows[0];
  if (!c) throw new AppError('NOT_FOUND', 'That customer does not exist.');
  if (c.archived_at !== null)
    throw new AppError('CONFLICT', `${c.name} is archived; restore them first.`);
  return { id: Number(c.id), name: c.name };
}

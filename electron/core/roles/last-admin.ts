/**
 * The last-admin rule (issue 9, section 2; A6): at least one ACTIVE member always holds both
 * `staff.manage` and `staff.approve`, whatever their role is called. Callers make their change
 * inside a write transaction (BEGIN IMMEDIATE, so no other till writes in between, D8) and then
 * call {@link keepAnAdmin} in the same transaction: the count is taken after the change, so two
 * admins editing roles at once are serialised and the second sees the first's result.
 */
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import { ADMIN_PERMISSIONS } from '../../../shared/permissions';
import { run } from '../db/sql';

/** Active members whose role grants every one of {@link ADMIN_PERMISSIONS}. */
export async function countAdminHolders(em: EntityManager): Promise<number> {
  const marks = ADMIN_PERMISSIONS.map(() => '?').join(', ');
  const rows = await run<{ n: number | string }>(
    em,
    `SELECT COUNT(*) AS n FROM staff s
      WHERE s.status = 'active'
        AND (SELECT COUNT(*) FROM role_permissions rp
              WHERE rp.role_id = s.role_id AND rp.permission_id IN (${marks})) = ?`,
    [...ADMIN_PERMISSIONS, ADMIN_PERMISSIONS.length],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Runs `change` in the caller's transaction, then refuses (LAST_ADMIN, so the transaction rolls
 * back and nothing changes) when it left no active member holding staff.manage and staff.approve
 * although there was one before.
 */
export async function keepAnAdmin<T>(em: EntityManager, change: () => Promise<T>): Promise<T> {
  const before = await countAdminHolders(em);
  const result = await change();
  if (before > 0 && (await countAdminHolders(em)) === 0)
    throw new AppError(
      'LAST_ADMIN',
      'No active member would be left who can manage staff and approve requests. Give that right to someone else first.',
    );
  return result;
}

/** Reads roles for the roles editor, staff views and sessions (issue 9, section 2). */
import type { EntityManager } from 'typeorm';
import type { RoleView } from '../../../shared/contract/roles';
import { AppError } from '../../../shared/errors';
import { ALL_PERMISSIONS, type Permission } from '../../../shared/permissions';
import { run } from '../db/sql';
import { IMPORTED_STAFF_USERNAME } from '../imports/imported-member';
import { RoleEntity } from '../staff/role.entity';

const ORDER = new Map<string, number>(ALL_PERMISSIONS.map((p, i) => [p, i]));

/** Every role as the editor shows it: locked (Admin) first, then by name. */
export async function listRoles(em: EntityManager): Promise<RoleView[]> {
  const roles = await em.getRepository(RoleEntity).find();
  const grants = await run<{ role_id: string; permission_id: string }>(
    em,
    'SELECT role_id, permission_id FROM role_permissions',
  );
  const members = await run<{ role_id: string; n: number | string }>(
    em,
    'SELECT role_id, COUNT(*) AS n FROM staff WHERE username <> ? GROUP BY role_id',
    [IMPORTED_STAFF_USERNAME],
  );
  const count = new Map(members.map((m) => [m.role_id, Number(m.n)]));
  return roles
    .map((r) => ({
      id: r.id,
      name: r.name,
      locked: Boolean(r.locked),
      permissions: grants
        .filter((g) => g.role_id === r.id && ORDER.has(g.permission_id))
        .map((g) => g.permission_id as Permission)
        .sort((a, b) => ORDER.get(a)! - ORDER.get(b)!),
      memberCount: count.get(r.id) ?? 0,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }))
    .sort((a, b) => Number(b.locked) - Number(a.locked) || a.name.localeCompare(b.name));
}

/** One role's view. Errors: NOT_FOUND. */
export async function roleView(em: EntityManager, id: string): Promise<RoleView> {
  const found = (await listRoles(em)).find((r) => r.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'No such role.');
  return found;
}

/** The role row. Errors: NOT_FOUND. */
export async function findRole(em: EntityManager, id: string): Promise<RoleEntity> {
  const role = await em.getRepository(RoleEntity).findOneBy({ id });
  if (!role) throw new AppError('NOT_FOUND', 'No such role.');
  return role;
}

/** Role id → name, for staff views (a few rows). */
export async function roleNames(em: EntityManager): Promise<Map<string, string>> {
  const roles = await em.getRepository(RoleEntity).find({ select: { id: true, name: true } });
  return new Map(roles.map((r) => [r.id, r.name]));
}

/**
 * The role a new access request gets (A7: the fewest rights): Cashier while it exists, else the
 * unlocked role with the fewest permissions (then by name), skipping `except`; null when only
 * Admin is left.
 */
export async function humblestRoleId(em: EntityManager, except?: string): Promise<string | null> {
  const roles = (await listRoles(em)).filter((r) => !r.locked && r.id !== except);
  const cashier = roles.find((r) => r.id === 'cashier');
  if (cashier) return cashier.id;
  roles.sort((a, b) => a.permissions.length - b.permissions.length || a.name.localeCompare(b.name));
  return roles[0]?.id ?? null;
}

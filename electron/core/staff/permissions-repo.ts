/** Reads a role's permissions from `role_permissions`, so checks use the seeded table, not code. */
import type { EntityManager } from 'typeorm';
import { ALL_PERMISSIONS, type Permission } from '../../../shared/permissions';
import { RolePermissionEntity } from './role.entity';

export async function permissionsForRole(em: EntityManager, roleId: string): Promise<Permission[]> {
  const rows = await em
    .getRepository(RolePermissionEntity)
    .find({ where: { roleId }, select: { permissionId: true } });
  const known = new Set<string>(ALL_PERMISSIONS);
  return rows.map((r) => r.permissionId).filter((p): p is Permission => known.has(p));
}

/** Active members whose role grants `permission`. */
export async function activeStaffIdsWithPermission(
  em: EntityManager,
  permission: Permission,
): Promise<number[]> {
  const rows: Array<{ id: number }> = await em
    .createQueryBuilder()
    .select('s.id', 'id')
    .from('staff', 's')
    .innerJoin('role_permissions', 'rp', 'rp.role_id = s.role_id')
    .where('rp.permission_id = :permission', { permission })
    .andWhere("s.status = 'active'")
    .getRawMany();
  return rows.map((r) => Number(r.id));
}

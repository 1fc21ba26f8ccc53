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

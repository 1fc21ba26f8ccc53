/**
 * Roles, permissions and the join between them, seeded by the first migration from
 * shared/permissions.ts. Roles are rows an admin edits (core/roles); permissions stay in code.
 */
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** What migration 1790000007100 gave the rows that existed before (they get its time at once). */
const EPOCH = '1970-01-01T00:00:00.000Z';

@Entity({ name: 'roles' })
// A unique index on LOWER(name): an expression index TypeORM cannot describe, so it leaves it alone.
@Index('UQ_roles_name', { synchronize: false })
export class RoleEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  /** Unique whatever its case (index UQ_roles_name on LOWER(name)). */
  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** The built-in Admin role: every permission, never edited or deleted. */
  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24, default: EPOCH })
  createdAt: string;

  /** UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24, default: EPOCH })
  updatedAt: string;
  /** Every member of the role must use two-factor sign-in (issue 9 section 1). */
  @Column({ name: 'require_totp', type: 'integer', default: 0 })
  requireTotp: number;
}

@Entity({ name: 'permissions' })
export class PermissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  description: string;
}

@Entity({ name: 'role_permissions' })
@Index('IDX_role_permissions_permission', ['permissionId'])
export class RolePermissionEntity {
  @PrimaryColumn({ name: 'role_id', type: 'varchar', length: 32 })
  roleId: string;

  @PrimaryColumn({ name: 'permission_id', type: 'varchar', length: 64 })
  permissionId: string;

  @ManyToOne('RoleEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'FK_role_permissions_role' })
  role?: RoleEntity;

  @ManyToOne('PermissionEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'permission_id', foreignKeyConstraintName: 'FK_role_permissions_permission' })
  permission?: PermissionEntity;
}

/** Roles, permissions and the join between them, seeded by the first migration from shared/permissions.ts. */
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

@Entity({ name: 'roles' })
export class RoleEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

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

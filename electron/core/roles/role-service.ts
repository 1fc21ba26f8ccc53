/**
 * Roles you can edit (issue 9, section 2): create, rename and re-permission, duplicate, delete
 * with "move members to". Every change runs in one write transaction (BEGIN IMMEDIATE, D8) that
 * also checks the last-admin rule (last-admin.ts) and writes the audit event with the role before
 * and after (L1), so a refused change leaves nothing behind. Members' sessions follow their role
 * at their next call, since the router re-reads the staff row and its role's permissions on every
 * call (A8, staff-access.ts): nothing here has to touch a session.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ChannelParsedInput } from '../../../shared/contract';
import type { RoleView } from '../../../shared/contract/roles';
import { AppError } from '../../../shared/errors';
import type { Permission } from '../../../shared/permissions';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { holdMemberWrites } from '../auth/staff-access';
import { RoleEntity, RolePermissionEntity } from '../staff/role.entity';
import type { Clock } from '../types';
import { keepAnAdmin } from './last-admin';
import { findRole, humblestRoleId, listRoles, roleView } from './role-queries';

/** What the audit keeps of a role, before and after a change. */
type Snapshot = { name: string; permissions: Permission[] } | null;

const snapshot = (r: RoleView | null): Snapshot =>
  r && { name: r.name, permissions: r.permissions };

export class RoleService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  list(): Promise<RoleView[]> {
    return listRoles(this.db.manager);
  }

  /** A new role. Errors: CONFLICT when the name is taken (any case). */
  create(actor: Session, input: ChannelParsedInput<'roles:create'>): Promise<RoleView> {
    return this.db.write((em) => this.insert(em, actor, input.name, input.permissions, null));
  }

  /** A new role with the permissions of `id`. Errors: NOT_FOUND, CONFLICT. */
  duplicate(actor: Session, input: ChannelParsedInput<'roles:duplicate'>): Promise<RoleView> {
    return this.db.write(async (em) => {
      const source = await roleView(em, input.id);
      return this.insert(em, actor, input.name, source.permissions, source.id);
    });
  }

  /**
   * Renames and/or replaces the permissions. Errors: NOT_FOUND, ROLE_LOCKED (Admin), CONFLICT
   * (name taken), LAST_ADMIN (no active member would hold staff.manage and staff.approve).
   */
  update(actor: Session, input: ChannelParsedInput<'roles:update'>): Promise<RoleView> {
    return this.db.write(async (em) => {
      // Its members' sessions follow the role: their writes in flight finish first (A8).
      await holdMemberWrites(em);
      const role = await this.editable(em, input.id);
      const before = await roleView(em, role.id);
      if (input.name !== undefined) await this.assertNameFree(em, input.name, role.id);
      await keepAnAdmin(em, async () => {
        if (input.permissions !== undefined) await this.grant(em, role.id, input.permissions);
      });
      await em.getRepository(RoleEntity).update(role.id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        updatedAt: this.now(),
      });
      const after = await roleView(em, role.id);
      await this.record(em, actor, 'role.update', role.id, snapshot(before), snapshot(after));
      return after;
    });
  }

  /**
   * Deletes a role. While it has members: ROLE_IN_USE, unless `moveMembersTo` names another role,
   * to which they move in the same transaction. Errors: NOT_FOUND (role or target), ROLE_LOCKED,
   * CONFLICT (moving to itself), LAST_ADMIN.
   */
  remove(actor: Session, input: ChannelParsedInput<'roles:delete'>): Promise<{ moved: number }> {
    return this.db.write(async (em) => {
      // Its members' sessions follow the role: their writes in flight finish first (A8).
      await holdMemberWrites(em);
      const role = await this.editable(em, input.id);
      const before = await roleView(em, role.id);
      if (input.moveMembersTo === role.id)
        throw new AppError('CONFLICT', 'Choose another role to move the members to.');
      if (input.moveMembersTo !== undefined) await findRole(em, input.moveMembersTo);
      else if (before.memberCount > 0)
        throw new AppError(
          'ROLE_IN_USE',
          `${before.memberCount} member(s) still have the role ${before.name}. Move them to another role first.`,
        );
      // The "Imported" pseudo-member (never signs in) is not counted; it goes to the humblest role.
      const target = input.moveMembersTo ?? (await humblestRoleId(em, role.id)) ?? 'admin';
      await keepAnAdmin(em, async () => {
        await run(em, 'UPDATE staff SET role_id = ?, updated_at = ? WHERE role_id = ?', [
          target,
          this.now(),
          role.id,
        ]);
        await em.getRepository(RolePermissionEntity).delete({ roleId: role.id });
        await em.getRepository(RoleEntity).delete(role.id);
      });
      const moved = input.moveMembersTo === undefined ? null : { movedTo: target };
      await this.record(em, actor, 'role.delete', role.id, snapshot(before), null, {
        ...moved,
        members: before.memberCount,
      });
      return { moved: before.memberCount };
    });
  }

  private async insert(
    em: EntityManager,
    actor: Session,
    name: string,
    permissions: readonly Permission[],
    copiedFrom: string | null,
  ): Promise<RoleView> {
    await this.assertNameFree(em, name);
    const id = `r-${randomBytes(6).toString('hex')}`;
    const now = this.now();
    await em
      .getRepository(RoleEntity)
      .insert({ id, name, locked: false, createdAt: now, updatedAt: now });
    await this.grant(em, id, permissions);
    const after = await roleView(em, id);
    await this.record(em, actor, 'role.create', id, null, snapshot(after), { copiedFrom });
    return after;
  }

  /** The role, unless it is locked. Errors: NOT_FOUND, ROLE_LOCKED. */
  private async editable(em: EntityManager, id: string): Promise<RoleEntity> {
    const role = await findRole(em, id);
    if (role.locked)
      throw new AppError(
        'ROLE_LOCKED',
        `${role.name} is built in: it always holds every permission and cannot be changed.`,
      );
    return role;
  }

  /** CONFLICT when another role has this name, whatever its case. */
  private async assertNameFree(em: EntityManager, name: string, exceptId?: string): Promise<void> {
    const roles = await em.getRepository(RoleEntity).find({ select: { id: true, name: true } });
    const key = name.toLowerCase();
    if (roles.some((r) => r.id !== exceptId && r.name.toLowerCase() === key))
      throw new AppError('CONFLICT', `There is already a role called ${name}.`, [
        { path: 'name', message: 'This name is already taken.' },
      ]);
  }

  /** Replaces the role's permissions with `permissions`. */
  private async grant(em: EntityManager, id: string, permissions: readonly Permission[]) {
    const repo = em.getRepository(RolePermissionEntity);
    await repo.delete({ roleId: id });
    if (permissions.length > 0)
      await repo.insert(permissions.map((permissionId) => ({ roleId: id, permissionId })));
  }

  private async record(
    em: EntityManager,
    actor: Session,
    action: 'role.create' | 'role.update' | 'role.delete',
    id: string,
    before: Snapshot,
    after: Snapshot,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(em, {
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      action,
      outcome: 'success',
      targetType: 'role',
      targetId: id,
      detail: JSON.stringify({ before, after, ...extra }),
    });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/**
 * Staff administration (A6, A7, R1, S3): list, create, edit, role, approve/reject,
 * disable/enable, unlock, delete, password reset, ending sessions. Every action is audited (L1).
 * No change may leave the till without an active member holding `staff.manage` and
 * `staff.approve` (roles/last-admin.ts: disable, role change, delete). Deleting a member with history disables them instead, so history stays whole.
 */
import type { AuditAction } from '../../../shared/contract/audit';
import { IMPORTED_STAFF_USERNAME, isImportedMember } from '../imports/imported-member';
import { Brackets, IsNull, type EntityManager } from 'typeorm';
import type { ChannelName, ChannelParsedInput } from '../../../shared/contract';
import type { StaffView } from '../../../shared/contract/staff';
import type { VerificationPolicy } from '../../../shared/contract/contacts';
import { AppError } from '../../../shared/errors';
import type { RoleId } from '../../../shared/permissions';
import { AuditEventEntity } from '../audit/audit-event.entity';
import type { AuditLog } from '../audit/audit-log';
import type { AuthService } from '../auth/auth-service';
import type { PasswordHasher } from '../auth/password-hasher';
import type { Session, SessionManager } from '../auth/sessions';
import { bumpSessionEpoch, holdMemberWrites } from '../auth/staff-access';
import { generateTemporaryPassword, TEMPORARY_PASSWORD_MINUTES } from '../auth/temporary-password';
import type { Database } from '../db/database';
import { addMinutes } from '../db/time';
import type { Clock } from '../types';
import { keepAnAdmin } from '../roles/last-admin';
import { findRole, roleNames } from '../roles/role-queries';
import { StaffEntity } from './staff.entity';
import { toStaffView } from './staff-view';
import { importStaff } from './staff-import';
import type { ImportJob } from '../imports/import-jobs';
import { assertUnique } from './uniqueness';

type In<C extends ChannelName> = ChannelParsedInput<C>;

export interface TemporaryPasswordResult {
  staff: StaffView;
  temporaryPassword: string;
  temporaryPasswordExpiresAt: string;
}

export class StaffService {
  /** What the "verified before access" policy asks for now (issue 9, section 4), read via `em`. */
  verificationInForce: (em: EntityManager) => Promise<VerificationPolicy> = () =>
    Promise.resolve('none');

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly sessions: SessionManager,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** Filtered, searched, newest first. Search matches any part of username, email or display name. */
  async list(input: In<'staff:list'>): Promise<{ items: StaffView[]; total: number }> {
    const qb = this.db.manager.getRepository(StaffEntity).createQueryBuilder('s');
    // The "Imported" pseudo-member is not a person (imports/imported-member.ts).
    qb.andWhere('s.username <> :imported', { imported: IMPORTED_STAFF_USERNAME });
    // Issue 9, section 4: a request for access still verifying its contact is not an admin's yet.
    if (await this.hidesUnverified(this.db.manager)) qb.andWhere('s.awaiting_verification IS NULL');
    if (input.status) qb.andWhere('s.status = :status', { status: input.status });
    if (input.role) qb.andWhere('s.role_id = :role', { role: input.role });
    if (input.search) {
      const like = `%${input.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where("LOWER(s.username) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(s.email) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(s.display_name) LIKE :like ESCAPE '\\'", { like });
        }),
      );
    }
    qb.orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip(input.offset)
      .take(input.limit);
    const [rows, total] = await qb.getManyAndCount();
    const names = await roleNames(this.db.manager);
    return { items: rows.map((s) => toStaffView(s, names)), total };
  }

  /**
   * The number of pending access requests (the Staff navigation badge); requests still verifying
   * their contact do not count (issue 9, section 4).
   */
  async pendingCount(): Promise<{ count: number }> {
    const hide = await this.hidesUnverified(this.db.manager);
    const count = await this.db.manager
      .getRepository(StaffEntity)
      .countBy({ status: 'pending', ...(hide ? { awaitingVerification: IsNull() } : {}) });
    return { count };
  }

  /**
   * Issue 9, section 4: requests for access awaiting verification are hidden from admins while
   * the "verified before access" policy is in force. Once it asks for nothing (set to 'none', or
   * its mail server or SMS provider removed) they are ordinary pending requests, like every
   * request made then.
   */
  private async hidesUnverified(em: EntityManager): Promise<boolean> {
    return (await this.verificationInForce(em)) !== 'none';
  }

  async get(id: number): Promise<StaffView> {
    return this.view(this.db.manager, await this.find(this.db.manager, id));
  }

  private async find(em: EntityManager, id: number): Promise<StaffEntity> {
    const s = await em.getRepository(StaffEntity).findOneBy({ id });
    // A request for access still verifying its contact is nobody an admin can see or approve yet
    // (issue 9, section 4).
    if (
      !s ||
      isImportedMember(s.username) ||
      (s.awaitingVerification && (await this.hidesUnverified(em)))
    )
      throw new AppError('NOT_FOUND', 'No such staff member.');
    return s;
  }

  private async view(em: EntityManager, s: StaffEntity): Promise<StaffView> {
    return toStaffView(s, await roleNames(em));
  }

  private actor(actor: Session, targetId: number) {
    return {
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'staff' as const,
      targetId,
    };
  }

  /**
   * Runs a change to one member in the write queue, audits it, and returns the member's new view.
   * The patch is written under the last-admin rule (LAST_ADMIN rolls it all back). On a store
   * server it first waits for the member writes in flight on every till (holdMemberWrites, A8).
   */
  private async change(
    actor: Session,
    id: number,
    action: AuditAction,
    fn: (em: EntityManager, s: StaffEntity) => Promise<Partial<StaffEntity> | void>,
    detail?: (s: StaffEntity) => string | null,
  ): Promise<StaffView> {
    return this.db.write(async (em) => {
      await holdMemberWrites(em);
      const s = await this.find(em, id);
      const patch = await fn(em, s);
      const repo = em.getRepository(StaffEntity);
      if (patch) await keepAnAdmin(em, () => repo.update(id, { ...patch, updatedAt: this.now() }));
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action,
        outcome: 'success',
        detail: detail?.(s) ?? null,
      });
      return this.view(em, await repo.findOneByOrFail({ id }));
    });
  }

  /**
   * A8, S3: ends every session of member `id` on every till (bumps the row's session epoch in the
   * caller's transaction); the acting member keeps the session they act from.
   */
  private async endSessionsEverywhere(em: EntityManager, actor: Session, id: number) {
    const epoch = await bumpSessionEpoch(em, id);
    if (id === actor.staff.id) actor.epoch = epoch;
  }

  private assertNotSelf(actor: Session, id: number, what: string): void {
    if (actor.staff.id === id)
      throw new AppError('SELF_ACTION', `You cannot ${what} your own account.`);
  }

  /**
   * Creates a member with a temporary password (R1), pending unless `approve`.
   * Errors: CONFLICT (username/email taken).
   */
  async create(actor: Session, input: In<'staff:create'>): Promise<TemporaryPasswordResult> {
    const member = { username: input.username, email: input.email, displayName: input.displayName };
    await assertUnique(this.db.manager, member);
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    const expires = addMinutes(this.clock.now(), TEMPORARY_PASSWORD_MINUTES).toISOString();
    const staff = await this.db.write(async (em) => {
      await assertUnique(em, member);
      await findRole(em, input.role);
      const row = await this.auth.insertStaffFor(em, member, passwordHash, {
        status: input.approve ? 'active' : 'pending',
        roleId: input.role,
        mustChangePassword: true,
        tempPasswordExpiresAt: expires,
      });
      await this.audit.record(em, {
        ...this.actor(actor, row.id),
        action: 'staff.create',
        outcome: 'success',
        detail: `role ${input.role}, ${input.approve ? 'approved' : 'pending'}`,
      });
      return row;
    });
    return {
      staff: await this.view(this.db.manager, staff),
      temporaryPassword,
      temporaryPasswordExpiresAt: expires,
    };
  }

  /** Edits username, email, display name. Errors: NOT_FOUND, CONFLICT. */
  async update(actor: Session, input: In<'staff:update'>): Promise<StaffView> {
    const { id, ...fields } = input;
    return this.change(
      actor,
      id,
      'staff.update',
      async (em, s) => {
        await assertUnique(em, fields, id);
        const patch: Partial<StaffEntity> = {};
        if (fields.username !== undefined) patch.username = fields.username;
        if (fields.email !== undefined) patch.email = fields.email;
        // Issue 9, section 4: a new address must be verified again.
        if (fields.email !== undefined && fields.email !== s.email) patch.emailVerifiedAt = null;
        if (fields.displayName !== undefined) patch.displayName = fields.displayName;
        return patch;
      },
      () => `changed ${Object.keys(fields).join(', ') || 'nothing'}`,
    );
  }

  /**
   * Changes the role; ends the member's sessions so new permissions apply at once.
   * Errors: NOT_FOUND (member or role), LAST_ADMIN.
   */
  async setRole(actor: Session, input: In<'staff:setRole'>): Promise<StaffView> {
    const view = await this.change(
      actor,
      input.id,
      'staff.set_role',
      async (em) => {
        await findRole(em, input.role);
        // Another member starts again with the new rights; one's own session keeps going with
        // them, since the router re-reads permissions at every call (A8).
        if (input.id !== actor.staff.id) await this.endSessionsEverywhere(em, actor, input.id);
        return { roleId: input.role };
      },
      (s) => `${s.roleId} -> ${input.role}`,
    );
    if (input.id !== actor.staff.id) this.sessions.endForStaff(input.id);
    return view;
  }

  /**
   * pending → active, as `role` when given. Choosing a role other than the member's own is a role
   * change, so it also needs staff.manage: an approver without it cannot hand out rights (A7).
   * Errors: NOT_FOUND (member or role), CONFLICT when not pending, FORBIDDEN.
   */
  async approve(actor: Session, id: number, role?: RoleId): Promise<StaffView> {
    return this.change(
      actor,
      id,
      'staff.approve',
      async (em, s) => {
        if (s.status !== 'pending')
          throw new AppError('CONFLICT', `${s.displayName} is not waiting for approval.`);
        if (role && role !== s.roleId && !actor.permissions.has('staff.manage'))
          throw new AppError('FORBIDDEN', 'Choosing the role needs permission to manage staff.');
        if (role) await findRole(em, role);
        return {
          status: 'active',
          rejected: false,
          // Approved while no policy was in force: it no longer waits for a code.
          awaitingVerification: null,
          ...(role ? { roleId: role } : {}),
        };
      },
      (s) => `as ${role ?? s.roleId}`,
    );
  }

  /** pending → disabled + rejected. Errors: NOT_FOUND, CONFLICT when not pending. */
  async reject(actor: Session, id: number): Promise<StaffView> {
    return this.change(actor, id, 'staff.reject', async (_em, s) => {
      if (s.status !== 'pending')
        throw new AppError('CONFLICT', `${s.displayName} is not waiting for approval.`);
      return { status: 'disabled', rejected: true };
    });
  }

  /** → disabled; ends their sessions (A6, S3). Errors: SELF_ACTION, LAST_ADMIN. */
  async disable(actor: Session, id: number): Promise<StaffView> {
    this.assertNotSelf(actor, id, 'disable');
    const view = await this.change(actor, id, 'staff.disable', async (em) => {
      await this.endSessionsEverywhere(em, actor, id);
      return { status: 'disabled' };
    });
    this.sessions.endForStaff(id);
    return view;
  }

  /** disabled (or rejected) → active. */
  async enable(actor: Session, id: number): Promise<StaffView> {
    return this.change(actor, id, 'staff.enable', async (_em, s) => {
      if (s.status === 'active')
        throw new AppError('CONFLICT', `${s.displayName} is already active.`);
      return { status: 'active', rejected: false };
    });
  }

  /** Clears a lockout (A4). */
  async unlock(actor: Session, id: number): Promise<StaffView> {
    return this.change(actor, id, 'staff.unlock', async () => ({
      failedLoginCount: 0,
      lockedUntil: null,
    }));
  }

  /**
   * Deletes a member who has no history; one who has signed in or acted is disabled instead.
   * Errors: SELF_ACTION, LAST_ADMIN, NOT_FOUND.
   */
  async delete(
    actor: Session,
    id: number,
  ): Promise<{ outcome: 'deleted' | 'disabled'; message: string; staff: StaffView | null }> {
    this.assertNotSelf(actor, id, 'delete');
    const result = await this.db.write(async (em) => {
      await holdMemberWrites(em);
      const s = await this.find(em, id);
      const acted = await em
        .getRepository(AuditEventEntity)
        .createQueryBuilder('a')
        .where('a.actor_id = :id', { id })
        .andWhere("a.outcome = 'success'")
        .andWhere("a.action <> 'staff.request_access'")
        .getExists();
      const hasHistory = s.lastLoginAt !== null || acted;
      if (hasHistory) {
        await keepAnAdmin(em, () =>
          em.getRepository(StaffEntity).update(id, { status: 'disabled', updatedAt: this.now() }),
        );
        await this.audit.record(em, {
          ...this.actor(actor, id),
          action: 'staff.delete',
          outcome: 'success',
          detail: 'has history: disabled instead',
        });
        return {
          outcome: 'disabled' as const,
          message: `${s.displayName} has history on this till, so they were disabled instead of deleted.`,
          staff: await this.view(em, await em.getRepository(StaffEntity).findOneByOrFail({ id })),
        };
      }
      await keepAnAdmin(em, () => em.getRepository(StaffEntity).delete(id));
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action: 'staff.delete',
        outcome: 'success',
        detail: `deleted ${s.username}`,
      });
      return { outcome: 'deleted' as const, message: `${s.displayName} was deleted.`, staff: null };
    });
    this.sessions.endForStaff(id);
    return result;
  }

  /**
   * R1: a temporary password (≥ 128 bits, hashed, single use, 10 minutes), must be changed at
   * next sign-in; clears a lockout and ends the member's sessions.
   */
  async resetPassword(actor: Session, id: number): Promise<TemporaryPasswordResult> {
    await this.find(this.db.manager, id);
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    const expires = addMinutes(this.clock.now(), TEMPORARY_PASSWORD_MINUTES).toISOString();
    const staff = await this.change(actor, id, 'staff.reset_password', async (em) => {
      await this.endSessionsEverywhere(em, actor, id);
      return {
        passwordHash,
        mustChangePassword: true,
        tempPasswordExpiresAt: expires,
        failedLoginCount: 0,
        lockedUntil: null,
      };
    });
    this.sessions.endForStaff(id, id === actor.staff.id ? actor.id : undefined);
    return { staff, temporaryPassword, temporaryPasswordExpiresAt: expires };
  }

  /**
   * S3, A8: ends all of a member's sessions, on this till at once and on every other till sharing
   * the database at their next call. `ended` counts this till's sessions.
   */
  async endSessions(actor: Session, id: number): Promise<{ ended: number }> {
    return this.db.write(async (em) => {
      await this.find(em, id);
      await this.endSessionsEverywhere(em, actor, id);
      const ended = this.sessions.endForStaff(id, id === actor.staff.id ? actor.id : undefined);
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action: 'staff.end_sessions',
        outcome: 'success',
        detail: `${ended} ended on this till; every till at its next call`,
      });
      return { ended };
    });
  }

  /** staff:import, as job `job`: see ./staff-import.ts (issue 9, section 7). */
  importCsv(actor: Session, input: In<'staff:import'>, job: ImportJob) {
    const { db, audit, auth, hasher, clock } = this;
    return importStaff({ db, audit, auth, hasher, clock }, actor, input, job);
  }
}

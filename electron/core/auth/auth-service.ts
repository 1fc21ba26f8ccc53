/**
 * Set-up, sign-in, lock/unlock, re-authentication and password changes.
 *
 * Rules and their sources (ids from shared docs/security-requirements.md):
 * - A1/A2 hashing: see password-hasher.ts. A3 policy: see password-policy.ts.
 * - A4 lockout: 10 consecutive failures lock the account for 30 minutes, or until an admin
 *   unlocks it; a success resets the counter; unlock and re-authentication failures count too
 *   (PCI DSS 8.3.4).
 * - A5: an unknown user and a wrong password get the same INVALID_CREDENTIALS, with a dummy hash
 *   compared for unknown users so timing matches (ASVS 6.3.8). Status (pending, rejected,
 *   disabled) is revealed only after a correct password.
 * - A6: no default accounts; the first admin is created by set-up, which closes for good.
 * - A7: request-access copies only declared fields: always a pending Cashier.
 * - S1-S3: sessions.ts; every password entry rotates the session id.
 * - L1: every success and failure writes an audit event; passwords never do.
 */
import type { AuditAction } from '../../../shared/contract/audit';
import type { EntityManager } from 'typeorm';
import type { ChannelOutput } from '../../../shared/contract';
import type { SessionInfo } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Database } from '../db/database';
import { addMinutes } from '../db/time';
import type { SettingsService } from '../settings/settings-service';
import { permissionsForRole } from '../staff/permissions-repo';
import { StaffEntity } from '../staff/staff.entity';
import { findRole, humblestRoleId } from '../roles/role-queries';
import { assertUnique } from '../staff/uniqueness';
import type { Clock } from '../types';
import type { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { identifierDigest } from './identifier-digest';
import type { Session, SessionManager } from './sessions';
import { bumpSessionEpoch } from './staff-access';
import { reenablePin } from '../pin/pin-rows';
import type { PendingSignIns } from '../two-factor/pending-sign-ins';
import { isEnrolled, roleRequiresTotp } from '../two-factor/two-factor-store';
import type { VerificationPolicy } from '../../../shared/contract/contacts';
import { unmetContact } from '../verification/verification-policy';

export const MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MINUTES = 30;

export interface NewMember {
  username: string;
  email: string;
  displayName: string;
  password: string;
}

export class AuthService {
  /**
   * What the store's "verified before access" policy asks for now (issue 9, section 4;
   * verification/verification-policy.ts), so a new session knows whether it can only verify.
   */
  verificationInForce: () => Promise<VerificationPolicy> = () => Promise.resolve('none');

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly sessions: SessionManager,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly pendingSignIns: PendingSignIns,
    /**
     * Whether the OS keychain holds (or can take) the data-protection key that 2FA seeds are
     * encrypted with (T3). Without it nobody can enrol, so the 2FA policy is not enforced rather
     * than shutting every admin out of the till.
     */
    private readonly keychainReady: () => Promise<boolean> = () => Promise.resolve(true),
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  async setupRequired(): Promise<boolean> {
    return (await this.db.manager.getRepository(StaffEntity).count()) === 0;
  }

  /** Throws WEAK_PASSWORD with an issue on `field` when the password breaks the policy. */
  checkPolicy(
    password: string,
    context: { username?: string; email?: string },
    field = 'password',
  ): void {
    const problem = passwordProblem(password, context);
    if (problem) throw new AppError('WEAK_PASSWORD', problem, [{ path: field, message: problem }]);
  }

  /**
   * A6: creates the first admin, active, and signs them in on `windowId`.
   * Errors: SETUP_ALREADY_DONE once any staff exist; WEAK_PASSWORD; VALIDATION_FAILED upstream.
   */
  async createFirstAdmin(input: NewMember, windowId: number): Promise<SessionInfo> {
    if (!(await this.setupRequired()))
      throw new AppError('SETUP_ALREADY_DONE', 'This till is already set up. Sign in instead.');
    this.checkPolicy(input.password, input);
    const passwordHash = await this.hasher.hash(input.password);
    const staff = await this.db.write(async (em) => {
      if ((await em.getRepository(StaffEntity).count()) > 0)
        throw new AppError('SETUP_ALREADY_DONE', 'This till is already set up. Sign in instead.');
      const row = await this.insertStaff(em, input, passwordHash, {
        status: 'active',
        roleId: 'admin',
      });
      // Set-up signs the admin in, so it counts as their first sign-in.
      row.lastLoginAt = row.createdAt;
      await em.getRepository(StaffEntity).update(row.id, { lastLoginAt: row.lastLoginAt });
      await this.audit.record(em, {
        action: 'setup.create_admin',
        outcome: 'success',
        actorId: row.id,
        actorName: row.username,
        targetType: 'staff',
        targetId: row.id,
      });
      return row;
    });
    return this.startSession(staff, windowId);
  }

  /**
   * A7: a pending Cashier (or, once Cashier is deleted, the role with the fewest rights), whatever
   * else the caller tried to send; an admin must approve. With `verify` (issue 9, section 4: the
   * "verified before access" policy is in force) the row also waits for that contact to be
   * verified (`awaiting_verification`) and keeps the phone given (E.164), and is not on the
   * admins' list until then (verification/access-requests.ts). Answers the new row's id.
   * Errors: CONFLICT (username or email taken, with the field in `issues`; or no role but Admin
   * is left), WEAK_PASSWORD.
   */
  async requestAccess(
    input: NewMember,
    verify: { channel: 'email' | 'phone'; phone: string | null } | null = null,
  ): Promise<number> {
    const member: NewMember = {
      username: input.username,
      email: input.email,
      displayName: input.displayName,
      password: input.password,
    };
    this.checkPolicy(member.password, member);
    await assertUnique(this.db.manager, member);
    const passwordHash = await this.hasher.hash(member.password);
    return this.db.write(async (em) => {
      await assertUnique(em, member);
      const roleId = await humblestRoleId(em);
      if (!roleId)
        throw new AppError('CONFLICT', 'Kassa cannot take requests for access at the moment.');
      const row = await this.insertStaff(em, member, passwordHash, { status: 'pending', roleId });
      if (verify)
        await em
          .getRepository(StaffEntity)
          .update(row.id, { awaitingVerification: verify.channel, phone: verify.phone });
      await this.audit.record(em, {
        action: 'staff.request_access',
        outcome: 'success',
        actorId: row.id,
        actorName: row.username,
        targetType: 'staff',
        targetId: row.id,
        detail: verify ? `awaiting ${verify.channel} verification` : null,
      });
      return row.id;
    });
  }

  private async insertStaff(
    em: EntityManager,
    m: Omit<NewMember, 'password'>,
    passwordHash: string,
    extra: Pick<StaffEntity, 'status' | 'roleId'> &
      Partial<Pick<StaffEntity, 'mustChangePassword' | 'tempPasswordExpiresAt'>>,
  ): Promise<StaffEntity> {
    const now = this.now();
    const repo = em.getRepository(StaffEntity);
    const row = repo.create({
      username: m.username,
      email: m.email,
      displayName: m.displayName,
      passwordHash,
      status: extra.status,
      roleId: extra.roleId,
      rejected: false,
      mustChangePassword: extra.mustChangePassword ?? false,
      tempPasswordExpiresAt: extra.tempPasswordExpiresAt ?? null,
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return repo.save(row);
  }

  /** Inserts a member for the staff service (admin-created), sharing the column defaults above. */
  insertStaffFor(
    em: EntityManager,
    m: Omit<NewMember, 'password'>,
    passwordHash: string,
    extra: Parameters<AuthService['insertStaff']>[3],
  ): Promise<StaffEntity> {
    return this.insertStaff(em, m, passwordHash, extra);
  }

  /**
   * Sign in by username or email (A1-A6, A8). A new session replaces the window's only on success;
   * a failed attempt leaves the window's session alone.
   *
   * The lock, the failure count and the decision are read and written in ONE write transaction
   * (A8): attempts on one account are serialised, so of 30 concurrent guesses at most 10 count
   * before the lock, and the right password after the lock is refused.
   * A5: an unknown user, a wrong password and a locked account all get the same
   * INVALID_CREDENTIALS; a member's status (pending, rejected, disabled) is told only after the
   * right password on an account that is not locked.
   * T1 (issue 9 section 1): for a member with 2FA on, the right password starts no session: it
   * answers `secondFactor` and remembers the member on this window for 5 minutes, and
   * `twoFactor:signIn` finishes the sign-in with a code. The failure count is NOT reset by the
   * password alone, so alternating the right password with code guesses cannot dodge A4.
   * Errors: INVALID_CREDENTIALS, ACCOUNT_PENDING, ACCOUNT_REJECTED, ACCOUNT_DISABLED,
   * TEMPORARY_PASSWORD_EXPIRED.
   */
  async login(
    identifier: string,
    password: string,
    windowId: number,
  ): Promise<ChannelOutput<'auth:login'>> {
    const outcome = await this.db.write(async (em): Promise<StaffEntity | AppError | 'code'> => {
      const repo = em.getRepository(StaffEntity);
      const staff = await repo.findOne({
        where: [{ username: identifier }, { email: identifier }],
      });
      if (!staff) {
        await this.hasher.verifyDummy(password);
        await this.audit.record(em, {
          action: 'auth.login',
          outcome: 'failure',
          actorName: await identifierDigest(em, identifier, this.now()),
          detail: 'unknown user',
        });
        return invalidCredentials();
      }
      const valid = await this.hasher.verify(password, staff.passwordHash);
      const now = this.clock.now();
      if (staff.lockedUntil && staff.lockedUntil > now.toISOString()) {
        await this.audit.record(em, {
          ...this.actor(staff),
          action: 'auth.login',
          outcome: 'denied',
          detail: 'account locked',
        });
        return invalidCredentials();
      }
      if (!valid) {
        await this.recordFailure(em, staff, 'auth.login');
        return invalidCredentials();
      }
      const refusal = statusRefusal(staff);
      if (refusal) {
        await this.audit.record(em, {
          ...this.actor(staff),
          action: 'auth.login',
          outcome: 'denied',
          detail: refusal.code,
        });
        return refusal;
      }
      const temporary = staff.tempPasswordExpiresAt !== null;
      if (temporary && staff.tempPasswordExpiresAt! <= now.toISOString()) {
        await this.audit.record(em, {
          ...this.actor(staff),
          action: 'auth.login',
          outcome: 'denied',
          detail: 'temporary password expired',
        });
        return new AppError(
          'TEMPORARY_PASSWORD_EXPIRED',
          'This temporary password has expired or was already used. Ask an admin for a new one.',
        );
      }
      const rehash = this.hasher.needsRehash(staff.passwordHash)
        ? await this.hasher.hash(password)
        : null;
      if (rehash) await repo.update(staff.id, { passwordHash: rehash });
      if (await isEnrolled(em, staff.id)) {
        await this.audit.record(em, {
          ...this.actor(staff),
          action: 'auth.totp_challenge',
          outcome: 'success',
          detail: temporary ? 'temporary password; code asked' : 'code asked',
        });
        this.pendingSignIns.start(windowId, staff.id, temporary);
        return 'code';
      }
      return this.finishSignIn(em, staff, temporary, temporary ? 'temporary password' : null);
    });
    if (outcome instanceof AppError) throw outcome;
    if (outcome === 'code') {
      const pending = this.pendingSignIns.get(windowId)!;
      return { secondFactor: 'totp', until: pending.until.toISOString() };
    }
    this.pendingSignIns.end(windowId);
    return this.startSession(outcome, windowId);
  }

  /**
   * The last step of every sign-in (A4, R1, L1), inside the caller's transaction: resets the
   * failure count and lock, records the time, consumes a temporary password, audits
   * `auth.login`. Answers the fresh row.
   */
  async finishSignIn(
    em: EntityManager,
    staff: StaffEntity,
    temporary: boolean,
    detail: string | null,
  ): Promise<StaffEntity> {
    const repo = em.getRepository(StaffEntity);
    const now = this.now();
    await repo.update(staff.id, {
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: now,
      // R1: a temporary password is single use: consumed by this sign-in.
      ...(temporary ? { tempPasswordExpiresAt: now } : {}),
    });
    // Issue 9, section 5: a full sign-in (password, and code where enrolled) gives back a PIN
    // that wrong entries disabled.
    await reenablePin(em, staff.id);
    await this.audit.record(em, {
      ...this.actor(staff),
      action: 'auth.login',
      outcome: 'success',
      detail,
    });
    return repo.findOneByOrFail({ id: staff.id });
  }

  actor(staff: Pick<StaffEntity, 'id' | 'username'>) {
    return {
      actorId: staff.id,
      actorName: staff.username,
      targetType: 'staff' as const,
      targetId: staff.id,
    };
  }

  /**
   * A4: counts one failed password or code entry, inside the caller's transaction (A8). Returns
   * true when this failure locked the account (then every session and waiting sign-in of the
   * member ends at the caller's discretion). A lock that has run out restarts the count.
   */
  async recordFailure(
    em: EntityManager,
    s: StaffEntity,
    action: AuditAction,
    what = 'wrong password',
  ): Promise<boolean> {
    const now = this.clock.now();
    const lapsed = s.lockedUntil !== null && s.lockedUntil <= now.toISOString();
    const count = (lapsed ? 0 : s.failedLoginCount) + 1;
    const lockNow = count >= MAX_FAILED_LOGINS;
    await em.getRepository(StaffEntity).update(s.id, {
      failedLoginCount: count,
      lockedUntil: lockNow
        ? addMinutes(now, LOCKOUT_MINUTES).toISOString()
        : lapsed
          ? null
          : s.lockedUntil,
      updatedAt: now.toISOString(),
    });
    await this.audit.record(em, {
      ...this.actor(s),
      action,
      outcome: 'failure',
      detail: `${what} (${count} in a row)`,
    });
    if (lockNow) this.pendingSignIns.endForStaff(s.id);
    if (lockNow)
      await this.audit.record(em, {
        ...this.actor(s),
        action: 'auth.lockout',
        outcome: 'success',
        detail: `${count} failures`,
      });
    return lockNow;
  }

  /**
   * Checks the member's password for unlock, re-authentication and password change (A4, A8):
   * the lock, the failure count and the decision are read and written in one write transaction,
   * and a success resets the count and is audited in the same transaction.
   * Errors: UNAUTHENTICATED (member gone or no longer active), ACCOUNT_LOCKED,
   * INVALID_CREDENTIALS (with the field in `issues`).
   */
  async confirmPassword(
    session: Session,
    password: string,
    action: AuditAction,
    audited = true,
  ): Promise<StaffEntity> {
    const outcome = await this.db.write(async (em): Promise<StaffEntity | AppError> => {
      const staff = await em.getRepository(StaffEntity).findOneBy({ id: session.staff.id });
      if (!staff || staff.status !== 'active') {
        this.sessions.end(session.id);
        return new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in.');
      }
      const valid = await this.hasher.verify(password, staff.passwordHash);
      if (staff.lockedUntil && staff.lockedUntil > this.now()) {
        this.sessions.end(session.id);
        return lockedError(staff.lockedUntil);
      }
      if (!valid) {
        if (await this.recordFailure(em, staff, action)) {
          this.sessions.endForStaff(staff.id);
          return lockedError(addMinutes(this.clock.now(), LOCKOUT_MINUTES).toISOString());
        }
        return new AppError('INVALID_CREDENTIALS', 'That password is not right.', [
          {
            path: action === 'auth.password_change' ? 'currentPassword' : 'password',
            message: 'That password is not right.',
          },
        ]);
      }
      if (staff.failedLoginCount !== 0)
        await em.getRepository(StaffEntity).update(staff.id, { failedLoginCount: 0 });
      if (audited)
        await this.audit.record(em, { ...this.actor(staff), action, outcome: 'success' });
      return staff;
    });
    if (outcome instanceof AppError) throw outcome;
    return outcome;
  }

  /** S2: unlocks an idle-locked session with the member's password; rotates the id (S1). */
  async unlock(session: Session, password: string): Promise<SessionInfo> {
    await this.confirmPassword(session, password, 'auth.unlock');
    return this.info(this.sessions.rotate(session));
  }

  /** S3: the password again before a sensitive action; rotates the id (S1). */
  async reauthenticate(session: Session, password: string): Promise<SessionInfo> {
    await this.confirmPassword(session, password, 'auth.reauthenticate');
    return this.info(this.sessions.rotate(session));
  }

  /**
   * Changes the member's own password; ends their other sessions (S3) and clears a
   * temporary-password requirement (R1).
   *
   * The current password is checked like any password entry (A4, A8), except in a forced-change
   * session that began less than FORCED_CHANGE_GRACE_MINUTES (10) ago: the member signed in with
   * the temporary password moments before, so `currentPassword` may be left out (R1; NIST SP
   * 800-63B 5.1.1.2 asks for no needless re-entry). Leaving it out anywhere else, after the 10
   * minutes, or once the forced change is done (a second change racing the first) is refused.
   * The new password may not be the current one, whichever way it was confirmed.
   * Errors: INVALID_CREDENTIALS (current password), VALIDATION_FAILED (current password left out
   * where it is needed, on `currentPassword`), WEAK_PASSWORD, ACCOUNT_LOCKED, UNAUTHENTICATED.
   */
  async changePassword(
    session: Session,
    currentPassword: string | undefined,
    newPassword: string,
  ): Promise<SessionInfo> {
    const forced = currentPassword === undefined;
    const staff = forced
      ? await this.confirmForcedChange(session)
      : await this.confirmPassword(session, currentPassword, 'auth.password_change', false);
    this.checkPolicy(newPassword, staff, 'newPassword');
    const same = forced
      ? await this.hasher.verify(newPassword, staff.passwordHash)
      : newPassword.normalize('NFKC') === currentPassword.normalize('NFKC');
    if (same) {
      throw new AppError('WEAK_PASSWORD', 'Choose a password different from the current one.', [
        { path: 'newPassword', message: 'Choose a password different from the current one.' },
      ]);
    }
    const passwordHash = await this.hasher.hash(newPassword);
    session.epoch = await this.db.write(async (em) => {
      // A forced change without the current password holds only while the change is still due.
      if (forced) await this.forcedChangeRow(em, session);
      await em.getRepository(StaffEntity).update(staff.id, {
        passwordHash,
        mustChangePassword: false,
        tempPasswordExpiresAt: null,
        failedLoginCount: 0,
        updatedAt: this.now(),
      });
      await this.audit.record(em, {
        ...this.actor(staff),
        action: 'auth.password_change',
        outcome: 'success',
        detail: forced ? 'forced change, within 10 minutes of sign-in' : null,
      });
      // S3, A8: the member's other sessions end, on this till and every other one.
      return bumpSessionEpoch(em, staff.id);
    });
    this.sessions.endForStaff(staff.id, session.id);
    session.mustChangePassword = false;
    return this.info(this.sessions.rotate(session));
  }

  /**
   * R1: the member's row for a password change without the current password, read in a write
   * transaction so two racing changes are decided one after the other.
   * Errors: VALIDATION_FAILED on `currentPassword`, UNAUTHENTICATED.
   */
  private confirmForcedChange(session: Session): Promise<StaffEntity> {
    return this.db.write((em) => this.forcedChangeRow(em, session));
  }

  private async forcedChangeRow(em: EntityManager, session: Session): Promise<StaffEntity> {
    const staff = await em.getRepository(StaffEntity).findOneBy({ id: session.staff.id });
    if (!staff || staff.status !== 'active') {
      this.sessions.end(session.id);
      throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in.');
    }
    if (!this.sessions.forcedChangeGraceUntil(session) || !staff.mustChangePassword) {
      const message = 'Enter your current password.';
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'currentPassword', message }]);
    }
    return staff;
  }

  /** S3: ends the session and audits it. */
  async logout(session: Session): Promise<Record<string, never>> {
    this.sessions.end(session.id);
    await this.db.write((em) =>
      this.audit.record(em, {
        ...this.actor(session.staff),
        action: 'auth.logout',
        outcome: 'success',
      }),
    );
    return {};
  }

  /** Locks the till now (the Lock button); audited like every auth event (L1). */
  async lock(session: Session): Promise<SessionInfo> {
    this.sessions.lock(session);
    await this.db.write((em) =>
      this.audit.record(em, {
        ...this.actor(session.staff),
        action: 'auth.lock',
        outcome: 'success',
      }),
    );
    return this.info(session);
  }

  /**
   * Starts the window's session for `staff` (S1). A member whose role requires 2FA and who has not
   * enrolled gets a session that can only enrol (issue 9 section 1), unless this till has no
   * keychain to keep a seed in: enrolment would be refused, so the member would be shut out.
   */
  async startSession(staff: StaffEntity, windowId: number): Promise<SessionInfo> {
    const permissions = await permissionsForRole(this.db.manager, staff.roleId);
    const mustEnrol =
      (await roleRequiresTotp(this.db.manager, staff.roleId)) &&
      !(await isEnrolled(this.db.manager, staff.id)) &&
      (await this.keychainReady());
    const session = this.sessions.start(
      windowId,
      {
        id: staff.id,
        username: staff.username,
        displayName: staff.displayName,
        role: staff.roleId,
        roleName: (await findRole(this.db.manager, staff.roleId)).name,
      },
      permissions,
      Boolean(staff.mustChangePassword),
      staff.sessionEpoch,
      mustEnrol,
    );
    session.verificationRequired = unmetContact(await this.verificationInForce(), {
      emailVerifiedAt: staff.emailVerifiedAt ?? null,
      phoneVerifiedAt: staff.phoneVerifiedAt ?? null,
    });
    return this.info(session);
  }

  /**
   * Issue 9, section 4: sets what the "verified before access" policy asks of a session's member,
   * from their staff row now (for sessions started without a fresh row, as a PIN switch).
   */
  async checkVerification(session: Session): Promise<Session> {
    const row = await this.db.manager
      .getRepository(StaffEntity)
      .findOneBy({ id: session.staff.id });
    session.verificationRequired = unmetContact(await this.verificationInForce(), {
      emailVerifiedAt: row?.emailVerifiedAt ?? null,
      phoneVerifiedAt: row?.phoneVerifiedAt ?? null,
    });
    return session;
  }

  /** The renderer's view of a session: never the id. */
  info(session: Session): SessionInfo {
    const graceUntil = this.sessions.forcedChangeGraceUntil(session);
    return {
      ...(graceUntil ? { changeWithoutCurrentUntil: graceUntil.toISOString() } : {}),
      staff: { ...session.staff },
      permissions: [...session.permissions],
      locked: session.locked,
      mustChangePassword: session.mustChangePassword,
      ...(session.twoFactorEnrolmentRequired ? { twoFactorEnrolmentRequired: true as const } : {}),
      ...(session.verificationRequired
        ? { verificationRequired: session.verificationRequired }
        : {}),
      idleLockMinutes: this.settings.idleLockMinutes(),
      expiresAt: session.expiresAt.toISOString(),
    };
  }
}

/** A5: one answer for an unknown user, a wrong password and a locked account. */
export function invalidCredentials(): AppError {
  return new AppError(
    'INVALID_CREDENTIALS',
    'The username or password is not right, or the account is locked after too many attempts.',
  );
}

export function lockedError(until: string): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    `Too many failed attempts. This account is locked until ${until} (UTC), or until an admin unlocks it.`,
  );
}

/** Why a member with the right password still may not sign in, or null. */
export function statusRefusal(staff: StaffEntity): AppError | null {
  if (staff.status === 'pending')
    return new AppError(
      'ACCOUNT_PENDING',
      'Your access request is waiting for an admin to approve it.',
    );
  if (staff.status === 'disabled' && staff.rejected)
    return new AppError(
      'ACCOUNT_REJECTED',
      'Your access request was declined. Ask an admin if you think this is a mistake.',
    );
  if (staff.status === 'disabled')
    return new AppError('ACCOUNT_DISABLED', 'This account has been disabled. Ask an admin.');
  return null;
}

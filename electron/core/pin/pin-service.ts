/**
 * Till PIN and quick switch (issue 9, section 5).
 *
 * Where a PIN works:
 * - unlock: the member whose session this window holds unlocks it with their PIN (`pin:unlock`);
 * - quick switch: a member who signed in with the FULL password on this till within the last 12
 *   hours takes the window with their PIN (`pin:switch`); the window's current session ends.
 *
 * Where it does not:
 * - it only resumes: the session keeps the 12-hour end of the password sign-in it comes from
 *   (S2), and a sign-in whose sessions were ended since (password change or reset, disable, role
 *   change, "end sessions": the staff row's session epoch moved, A8) or a restart of the app (the
 *   list of sign-ins is kept in memory only) needs the password again;
 * - it never counts as re-authentication (S3): after a PIN, sensitive actions ask for the password;
 * - 5 wrong PINs in a row (unlock and switch together) disable the member's PIN until their next
 *   password sign-in (auth-service.ts `login` calls `reenablePin`). Wrong PINs are counted inside
 *   the router's write transaction, so concurrent guesses are serialised and counted exactly.
 *
 * The PIN is bcrypt-hashed in the worker thread with its own salt (PasswordHasher.hashPin), and
 * every use, failure, disable, set and removal is audited (L1); the PIN itself never is.
 */
import type { EntityManager } from 'typeorm';
import type { SessionInfo } from '../../../shared/contract/auth';
import { MAX_PIN_FAILURES, type PinStatus, type SwitchMember } from '../../../shared/contract/pin';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { AuthService } from '../auth/auth-service';
import type { PasswordHasher } from '../auth/password-hasher';
import {
  SESSION_ABSOLUTE_HOURS,
  type PasswordSignIn,
  type Session,
  type SessionManager,
} from '../auth/sessions';
import type { Database } from '../db/database';
import { readStaffAccess } from '../auth/staff-access';
import { StaffEntity } from '../staff/staff.entity';
import type { Clock } from '../types';
import { StaffPinEntity } from './staff-pin.entity';
import { pinTooSimple } from './pin-rules';

type PinAction = 'pin.unlock' | 'pin.switch';

export class PinService {
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

  private actor(s: { id: number; username: string }) {
    return { actorId: s.id, actorName: s.username, targetType: 'staff' as const, targetId: s.id };
  }

  /** The member's own PIN state. */
  async status(session: Session, em: EntityManager = this.db.manager): Promise<PinStatus> {
    const row = await em.getRepository(StaffPinEntity).findOneBy({ staffId: session.staff.id });
    return {
      set: row !== null,
      disabledAt: row?.disabledAt ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /**
   * Sets (or replaces) the member's PIN after checking their password (A4: a wrong one counts
   * towards lockout). A new PIN starts with no wrong entries and not disabled.
   * Errors: VALIDATION_FAILED on `pin` (one digit repeated, a straight run), INVALID_CREDENTIALS,
   * ACCOUNT_LOCKED, UNAUTHENTICATED.
   */
  async set(session: Session, password: string, pin: string): Promise<PinStatus> {
    const simple = pinTooSimple(pin);
    if (simple) throw new AppError('VALIDATION_FAILED', simple, [{ path: 'pin', message: simple }]);
    await this.auth.confirmPassword(session, password, 'pin.set', false);
    const pinHash = await this.hasher.hashPin(pin);
    return this.db.write(async (em) => {
      const repo = em.getRepository(StaffPinEntity);
      const existed = await repo.existsBy({ staffId: session.staff.id });
      await repo.save({
        staffId: session.staff.id,
        pinHash,
        failedCount: 0,
        disabledAt: null,
        updatedAt: this.now(),
      });
      await this.audit.record(em, {
        ...this.actor(session.staff),
        action: 'pin.set',
        outcome: 'success',
        detail: existed ? 'replaced' : 'first PIN',
      });
      return this.status(session, em);
    });
  }

  /** Removes the member's PIN: from then on only the password unlocks. */
  async clear(session: Session): Promise<PinStatus> {
    return this.db.write(async (em) => {
      const { affected } = await em
        .getRepository(StaffPinEntity)
        .delete({ staffId: session.staff.id });
      if (affected)
        await this.audit.record(em, {
          ...this.actor(session.staff),
          action: 'pin.clear',
          outcome: 'success',
        });
      return this.status(session, em);
    });
  }

  /**
   * Unlocks this window's session with the PIN of its member. Not a re-authentication (S3).
   * Errors: PIN_INVALID, PIN_DISABLED, PIN_UNAVAILABLE, ACCOUNT_LOCKED, UNAUTHENTICATED.
   */
  async unlock(session: Session, pin: string): Promise<SessionInfo> {
    const outcome = await this.db.write(async (em) => {
      const staff = await em.getRepository(StaffEntity).findOneBy({ id: session.staff.id });
      if (!staff || staff.status !== 'active')
        return new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in.');
      return this.checkPin(em, staff, pin, 'pin.unlock', null);
    });
    if (outcome instanceof AppError) throw outcome;
    return this.auth.info(this.sessions.unlockWithPin(session));
  }

  /**
   * Quick switch: `staffId` takes window `windowId` with their PIN; see the module comment.
   * Errors: PIN_INVALID, PIN_DISABLED, PIN_UNAVAILABLE, ACCOUNT_LOCKED.
   */
  async switchTo(
    session: Session,
    staffId: number,
    pin: string,
    windowId: number,
  ): Promise<SessionInfo> {
    const from = this.sessions.recentSignIns().find((s) => s.staff.id === staffId);
    const outcome = await this.db.write(async (em) => {
      const staff = await em.getRepository(StaffEntity).findOneBy({ id: staffId });
      if (!from || !staff || !this.resumable(staff, from)) {
        await this.audit.record(em, {
          ...this.actor(session.staff),
          targetType: 'staff',
          targetId: staffId,
          action: 'pin.switch',
          outcome: 'denied',
          detail: 'no password sign-in on this till to resume',
        });
        return unavailable();
      }
      const refused = await this.checkPin(em, staff, pin, 'pin.switch', session.staff.username);
      if (refused instanceof AppError) return refused;
      // The role and its rights as they are now (an admin may have edited them since).
      const access = await readStaffAccess(em, staff.id);
      if (!access) return unavailable();
      const fresh: PasswordSignIn = {
        ...from,
        staff: {
          id: staff.id,
          username: staff.username,
          displayName: staff.displayName,
          role: access.roleId,
          roleName: access.roleName,
        },
      };
      return { fresh, permissions: access.permissions };
    });
    if (outcome instanceof AppError) throw outcome;
    return this.auth.info(
      await this.auth.checkVerification(
        this.sessions.resumeWithPin(windowId, outcome.fresh, outcome.permissions),
      ),
    );
  }

  /** The members who may take this till with their PIN now (see pin:members). */
  async members(session: Session): Promise<SwitchMember[]> {
    const signIns = this.sessions.recentSignIns();
    if (signIns.length === 0) return [];
    const ids = signIns.map((s) => s.staff.id);
    const staff = await this.db.manager
      .getRepository(StaffEntity)
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids })
      .getMany();
    const pins = await this.db.manager
      .getRepository(StaffPinEntity)
      .createQueryBuilder('p')
      .where('p.staff_id IN (:...ids)', { ids })
      .getMany();
    const usable = new Set(pins.filter((p) => p.disabledAt === null).map((p) => p.staffId));
    const rows = new Map(staff.map((s) => [s.id, s]));
    return signIns.flatMap((from) => {
      const row = rows.get(from.staff.id);
      if (!row || !usable.has(row.id) || !this.resumable(row, from)) return [];
      return [
        {
          id: row.id,
          displayName: row.displayName,
          username: row.username,
          current: row.id === session.staff.id,
        },
      ];
    });
  }

  /** A password sign-in the member may resume: still active, nothing ended since, no forced change. */
  private resumable(staff: StaffEntity, from: PasswordSignIn): boolean {
    return (
      staff.status === 'active' &&
      staff.sessionEpoch === from.epoch &&
      !staff.mustChangePassword &&
      this.clock.now().getTime() < from.at.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000
    );
  }

  /**
   * Checks `pin` for `staff` inside the transaction `em`, counting a wrong one and disabling the
   * PIN at the 5th; audits the outcome. Null when it matches.
   */
  private async checkPin(
    em: EntityManager,
    staff: StaffEntity,
    pin: string,
    action: PinAction,
    fromUsername: string | null,
  ): Promise<AppError | null> {
    const audit = (outcome: 'success' | 'failure' | 'denied', detail: string | null) =>
      this.audit.record(em, { ...this.actor(staff), action, outcome, detail });
    const from = fromUsername ? `from ${fromUsername}` : null;
    if (staff.lockedUntil && staff.lockedUntil > this.now()) {
      await audit('denied', 'account locked');
      return new AppError(
        'ACCOUNT_LOCKED',
        'Too many failed attempts: this account is locked. Ask an admin, or wait.',
      );
    }
    const repo = em.getRepository(StaffPinEntity);
    const row = await repo.findOneBy({ staffId: staff.id });
    if (!row) {
      await audit('denied', 'no PIN set');
      return unavailable();
    }
    if (row.disabledAt !== null) {
      await audit('denied', 'PIN disabled');
      return disabled();
    }
    if (await this.hasher.verifyPin(pin, row.pinHash)) {
      if (row.failedCount !== 0) await repo.update(staff.id, { failedCount: 0 });
      await audit('success', from);
      return null;
    }
    const count = row.failedCount + 1;
    const disableNow = count >= MAX_PIN_FAILURES;
    await repo.update(staff.id, {
      failedCount: count,
      ...(disableNow ? { disabledAt: this.now() } : {}),
    });
    await audit('failure', `wrong PIN (${count} in a row)${from ? `, ${from}` : ''}`);
    if (disableNow) {
      await this.audit.record(em, {
        ...this.actor(staff),
        action: 'pin.disabled',
        outcome: 'success',
        detail: `${count} wrong PINs`,
      });
      return disabled();
    }
    const left = MAX_PIN_FAILURES - count;
    return new AppError('PIN_INVALID', `That PIN is not right. ${left} tries left.`, [
      { path: 'pin', message: 'That PIN is not right.' },
    ]);
  }
}

function error(code: ErrorCode, message: string): AppError {
  return new AppError(code, message);
}

function unavailable(): AppError {
  return error(
    'PIN_UNAVAILABLE',
    'A PIN cannot be used here. Sign in with your password (a new shift, or no PIN set).',
  );
}

function disabled(): AppError {
  return error(
    'PIN_DISABLED',
    'This PIN is disabled after 5 wrong entries. Sign in with your password to use it again.',
  );
}

/**
 * Two-factor sign-in (issue 9 section 1; T1-T3, A4, R1, S3 in docs/security-requirements.md):
 * enrolment from the profile, the code step of sign-in, turning 2FA off, an admin's reset, and the
 * per-role policy. Codes are checked in code-check.ts; rows live in two-factor-store.ts.
 */
import QRCode from 'qrcode';
import type { ChannelOutput } from '../../../shared/contract';
import type { SessionInfo } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/errors';
import type { RoleId } from '../../../shared/permissions';
import type { AuditLog } from '../audit/audit-log';
import type { AuthService } from '../auth/auth-service';
import { lockedError, statusRefusal } from '../auth/auth-service';
import type { Session, SessionManager } from '../auth/sessions';
import { bumpSessionEpoch } from '../auth/staff-access';
import type { Database } from '../db/database';
import type { SettingsService } from '../settings/settings-service';
import { StaffEntity } from '../staff/staff.entity';
import type { Clock, SecretStore } from '../types';
import { checkCode, type CodeCheckDeps } from './code-check';
import type { PendingSignIns } from './pending-sign-ins';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';
import { decryptSeed, encryptSeed } from './seed-cipher';
import { base32, matchingStep, newSeed, totpFor } from './totp';
import * as store from './two-factor-store';

const WRONG = 'That code is not right. Check the time on your phone and try the newest code.';

export class TwoFactorService {
  private readonly codeDeps: CodeCheckDeps;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly auth: AuthService,
    private readonly sessions: SessionManager,
    private readonly pending: PendingSignIns,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    secrets: SecretStore,
  ) {
    this.codeDeps = { auth, audit, clock, secrets };
  }

  private get secrets(): SecretStore {
    return this.codeDeps.secrets;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** The member's own state (twoFactor:status). */
  async status(session: Session): Promise<ChannelOutput<'twoFactor:status'>> {
    const em = this.db.manager;
    const row = await store.totpRow(em, session.staff.id);
    const enrolled = row?.confirmedAt != null;
    return {
      enrolled,
      enrolledAt: enrolled ? row!.confirmedAt : null,
      recoveryCodesLeft: enrolled ? await store.recoveryCodesLeft(em, session.staff.id) : 0,
      requiredByRole: await store.roleRequiresTotp(em, session.staff.role),
    };
  }

  /**
   * Starts enrolment: a new 160-bit seed (T3), encrypted before it is stored, unconfirmed until
   * a code confirms it (a restart replaces an unconfirmed seed). The otpauth URI follows the Key
   * Uri Format: `otpauth://totp/Kassa:<username> (<store>)?secret=…&issuer=Kassa&algorithm=SHA1
   * &digits=6&period=30`; the QR code is a PNG `data:` URL made here, so the renderer never loads
   * a QR library. Errors: CONFLICT (2FA already on: turn it off first, with a code),
   * KEYCHAIN_UNAVAILABLE (nothing stored).
   */
  async startEnrolment(session: Session): Promise<ChannelOutput<'twoFactor:startEnrolment'>> {
    const id = session.staff.id;
    if (await store.isEnrolled(this.db.manager, id))
      throw new AppError(
        'CONFLICT',
        'Two-factor sign-in is already on. Turn it off first to set up a new phone.',
      );
    const seed = newSeed();
    try {
      const encrypted = await encryptSeed(this.secrets, id, seed);
      const store_ = this.settings.get().storeName.trim();
      const label = store_ ? `${session.staff.username} (${store_})` : session.staff.username;
      const uri = totpFor(seed, label).toString();
      const secret = base32(seed);
      const qrDataUrl = await QRCode.toDataURL(uri, {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 240,
      });
      await this.db.write(async (em) => {
        if (await store.isEnrolled(em, id))
          throw new AppError('CONFLICT', 'Two-factor sign-in is already on.');
        await store.saveUnconfirmed(em, id, encrypted, this.now());
        await this.audit.record(em, {
          ...this.auth.actor(session.staff),
          action: 'auth.totp_enrol_start',
          outcome: 'success',
        });
      });
      return { uri, qrDataUrl, secretGroups: secret.match(/.{4}/g)! };
    } finally {
      seed.fill(0);
    }
  }

  /**
   * Confirms enrolment with a current code (T1): 2FA is on from now, the code's step is the first
   * accepted one (T2), and 10 recovery codes are made, answered this once and stored hashed (T3).
   * Errors: NOT_FOUND (no enrolment started), CONFLICT (already on), INVALID_CREDENTIALS on `code`
   * (audited, nothing changed), KEYCHAIN_UNAVAILABLE.
   */
  async confirmEnrolment(session: Session, code: string): Promise<{ recoveryCodes: string[] }> {
    const id = session.staff.id;
    const outcome = await this.db.write(async (em): Promise<string[] | AppError> => {
      const row = await store.totpRow(em, id);
      if (!row) return new AppError('NOT_FOUND', 'Start setting up two-factor sign-in first.');
      if (row.confirmedAt) return new AppError('CONFLICT', 'Two-factor sign-in is already on.');
      const digits = code.replace(/\s/g, '');
      const seed = await decryptSeed(this.secrets, id, row.seed);
      const step = /^\d{6}$/.test(digits) ? matchingStep(seed, digits, this.clock.now()) : null;
      seed.fill(0);
      const actor = this.auth.actor(session.staff);
      if (step === null) {
        await this.audit.record(em, {
          ...actor,
          action: 'auth.totp_enrol',
          outcome: 'failure',
          detail: 'wrong code',
        });
        return new AppError('INVALID_CREDENTIALS', WRONG, [{ path: 'code', message: WRONG }]);
      }
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await store.confirm(
        em,
        id,
        step,
        this.now(),
        codes.map((c) => hashRecoveryCode(c.replace(/-/g, ''))),
      );
      await this.audit.record(em, { ...actor, action: 'auth.totp_enrol', outcome: 'success' });
      return codes;
    });
    if (outcome instanceof AppError) throw outcome;
    session.twoFactorEnrolmentRequired = false;
    return { recoveryCodes: outcome };
  }

  /**
   * The code step of sign-in (T1-T3, A4): the member the window's `auth:login` left waiting, a
   * code or recovery code, then the session. A locked account is refused (ACCOUNT_LOCKED) and
   * the waiting sign-in ends. Errors: NOT_FOUND (nothing waiting, or over 5 minutes),
   * UNAUTHENTICATED (the member is no longer active), ACCOUNT_LOCKED, INVALID_CREDENTIALS, TOTP_CODE_USED,
   * KEYCHAIN_UNAVAILABLE.
   */
  async signIn(windowId: number, code: string): Promise<SessionInfo> {
    const waiting = this.pending.get(windowId);
    if (!waiting)
      throw new AppError(
        'NOT_FOUND',
        'No sign-in is waiting for a code, or it timed out. Enter your password again.',
      );
    const outcome = await this.db.write(async (em): Promise<StaffEntity | AppError> => {
      const staff = await em.getRepository(StaffEntity).findOneBy({ id: waiting.staffId });
      if (!staff || statusRefusal(staff) || this.pending.get(windowId) !== waiting) {
        this.pending.end(windowId);
        return new AppError('UNAUTHENTICATED', 'The sign-in has ended. Enter your password again.');
      }
      if (staff.lockedUntil && staff.lockedUntil > this.now()) {
        this.pending.end(windowId);
        await this.audit.record(em, {
          ...this.auth.actor(staff),
          action: 'auth.totp_verify',
          outcome: 'denied',
          detail: 'account locked',
        });
        return lockedError(staff.lockedUntil);
      }
      const kind = await checkCode(this.codeDeps, em, staff, code, 'auth.totp_verify');
      if (kind instanceof AppError) return kind;
      return this.auth.finishSignIn(em, staff, waiting.temporary, `password and ${kind}`);
    });
    if (outcome instanceof AppError) throw outcome;
    this.pending.end(windowId);
    return this.auth.startSession(outcome, windowId);
  }

  /**
   * Turns the member's own 2FA off: the password (A4-counted) and a current code or recovery
   * code, since 2FA itself changes. Errors: INVALID_CREDENTIALS, TOTP_CODE_USED, ACCOUNT_LOCKED,
   * CONFLICT (2FA is not on), KEYCHAIN_UNAVAILABLE.
   */
  async remove(session: Session, password: string, code: string): Promise<Record<string, never>> {
    const staff = await this.auth.confirmPassword(session, password, 'auth.totp_remove', false);
    const outcome = await this.db.write(async (em): Promise<AppError | null> => {
      const kind = await checkCode(this.codeDeps, em, staff, code, 'auth.totp_remove');
      if (kind instanceof AppError) return kind;
      await store.removeTwoFactor(em, staff.id);
      await this.audit.record(em, {
        ...this.auth.actor(staff),
        action: 'auth.totp_remove',
        outcome: 'success',
        detail: `confirmed with password and ${kind}`,
      });
      return null;
    });
    if (outcome) {
      if (outcome.code === 'ACCOUNT_LOCKED') this.sessions.endForStaff(staff.id);
      throw outcome;
    }
    session.twoFactorEnrolmentRequired = await store.roleRequiresTotp(
      this.db.manager,
      staff.roleId,
    );
    return {};
  }

  /**
   * Admin: turns a member's 2FA off (a lost phone), after re-authentication (S3, the channel's
   * flag). Ends every session and waiting sign-in of the member (A8); audited. A member cannot
   * reset their own: that needs a code (`twoFactor:remove`). An admin password reset (R1) never
   * touches 2FA. Errors: NOT_FOUND, SELF_ACTION, CONFLICT (2FA is not set up).
   */
  async reset(actor: Session, staffId: number): Promise<Record<string, never>> {
    if (staffId === actor.staff.id)
      throw new AppError('SELF_ACTION', 'Turn off your own two-factor sign-in from your profile.');
    const em = this.db.manager;
    const target = await em.getRepository(StaffEntity).findOneBy({ id: staffId });
    if (!target) throw new AppError('NOT_FOUND', 'That staff member does not exist.');
    await this.db.write(async (tx) => {
      if (!(await store.removeTwoFactor(tx, staffId)))
        throw new AppError('CONFLICT', 'This member has not set up two-factor sign-in.');
      await bumpSessionEpoch(tx, staffId);
      await this.audit.record(tx, {
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        action: 'staff.reset_totp',
        outcome: 'success',
        targetType: 'staff',
        targetId: staffId,
        detail: target.username,
      });
    });
    this.sessions.endForStaff(staffId);
    this.pending.endForStaff(staffId);
    return {};
  }

  /** Admin: whether a role requires 2FA; audited with before and after. Errors: NOT_FOUND. */
  async setRolePolicy(actor: Session, roleId: RoleId, required: boolean) {
    await this.db.write(async (em) => {
      const before = await store.setRoleRequiresTotp(em, roleId, required);
      if (before === null) throw new AppError('NOT_FOUND', 'That role does not exist.');
      await this.audit.record(em, {
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        action: 'staff.totp_policy',
        outcome: 'success',
        targetType: 'role',
        targetId: roleId,
        detail: `2FA required: ${before ? 'yes' : 'no'} -> ${required ? 'yes' : 'no'}`,
      });
    });
    return { roleId, required };
  }

  /** Every role's policy, built-in or made by an admin (twoFactor:rolePolicies). */
  async rolePolicies(): Promise<{ roleId: RoleId; required: boolean }[]> {
    return store.rolePolicies(this.db.manager);
  }
}

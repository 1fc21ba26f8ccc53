/**
 * Self-service "forgot password" by e-mail (issue 9, section 6), after OWASP's Forgot Password
 * Cheat Sheet:
 * - `request` answers the same whether or not an active account matches. It does the same work
 *   either way (a code and its HMAC, one lookup, one audited write) and sends the e-mail in the
 *   background, so neither the answer nor its timing tells an account exists.
 * - The code is 16 characters of Crockford base32 from the CSPRNG: 80 bits (≥ 64). It is stored
 *   hashed, single use, valid 10 minutes, 5 wrong tries, one a minute and five an hour.
 * - `complete` sets the new password (policy A3; hashed with bcrypt outside the transaction, A1),
 *   ends every session of the member on every till (A8 epoch), closes every reset code, audits, and
 *   e-mails "your password was changed". It signs nobody in: the member signs in normally next,
 *   which is where a second factor is asked (the reset never bypasses 2FA; issue 9, section 1).
 * Admin temporary passwords (R1) stay for tills without e-mail.
 */
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { AuthService } from '../auth/auth-service';
import { identifierDigest } from '../auth/identifier-digest';
import type { PasswordHasher } from '../auth/password-hasher';
import type { SessionManager } from '../auth/sessions';
import { bumpSessionEpoch } from '../auth/staff-access';
import type { Database } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import type { Mailer, OutgoingMessage } from '../mail/mailer';
import { languageOf, passwordChangedMessage, resetMessage } from '../mail/messages';
import type { SettingsService } from '../settings/settings-service';
import { StaffEntity } from '../staff/staff.entity';
import type { Clock, Logger } from '../types';
import type { OneTimeCodes } from './one-time-codes';

/** Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or typed is unambiguous. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RESET_CODE_LENGTH = 16;

/** 16 × 5 = 80 random bits. */
export function resetCode(): string {
  let code = '';
  for (let i = 0; i < RESET_CODE_LENGTH; i += 1) code += CROCKFORD[randomInt(0, 32)];
  return code;
}

const EXPIRED = () =>
  new AppError('CODE_EXPIRED', 'That code can no longer be used. Ask for a new one.');

export interface PasswordResetDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  codes: OneTimeCodes;
  mailSettings: MailSettings;
  mailer: Mailer;
  settings: SettingsService;
  hasher: PasswordHasher;
  auth: AuthService;
  sessions: SessionManager;
  logger: Logger;
}

export class PasswordReset {
  /** Messages being sent in the background; `settled()` waits for them (tests, shutdown). */
  private readonly sending = new Set<Promise<void>>();

  constructor(private readonly d: PasswordResetDeps) {}

  private async assertAvailable(): Promise<void> {
    if (!(await this.d.mailSettings.configured()))
      throw new AppError('MAIL_NOT_CONFIGURED', 'E-mail is not set up on this till.');
  }

  /** True while e-mail is set up, so the sign-in screen may offer "forgot password". */
  available(): Promise<boolean> {
    return this.d.mailSettings.configured();
  }

  /** An active member whose username or e-mail is `identifier` (already lower-cased). */
  private findMember(em: EntityManager, identifier: string) {
    return em.getRepository(StaffEntity).findOne({
      where: [
        { username: identifier, status: 'active' },
        { email: identifier, status: 'active' },
      ],
    });
  }

  /** Sends in the background; a failure is logged (and, for codes, the code removed). */
  private background(message: OutgoingMessage, onFailure?: () => Promise<void>): void {
    const job = this.d.mailer.send(message).catch(async (e: unknown) => {
      this.d.logger.warn('password reset e-mail not sent', {
        error: e instanceof Error ? e.message : String(e),
      });
      await onFailure?.().catch(() => undefined);
    });
    this.sending.add(job);
    void job.finally(() => this.sending.delete(job));
  }

  /** Resolves once every background message has been sent or has failed. */
  async settled(): Promise<void> {
    while (this.sending.size > 0) await Promise.all([...this.sending]);
  }

  /**
   * Starts a reset for `identifier` (username or e-mail). Always resolves `{}` unless e-mail is
   * not set up (MAIL_NOT_CONFIGURED). Audited as `auth.password_reset_request`.
   */
  async request(identifier: string): Promise<Record<string, never>> {
    await this.assertAvailable();
    const code = resetCode();
    const codeHash = await this.d.codes.hash(code);
    const issued = await this.d.db.write(async (em) => {
      const staff = await this.findMember(em, identifier);
      const note = (outcome: 'success' | 'denied', detail: string) =>
        this.d.audit.record(em, {
          action: 'auth.password_reset_request',
          outcome,
          ...(staff
            ? {
                actorId: staff.id,
                actorName: staff.username,
                targetType: 'staff',
                targetId: staff.id,
              }
            : {}),
          detail,
        });
      if (!staff) {
        await this.d.audit.record(em, {
          action: 'auth.password_reset_request',
          outcome: 'denied',
          actorName: await identifierDigest(em, identifier, this.d.clock.now().toISOString()),
          detail: 'unknown or inactive account',
        });
        return null;
      }
      try {
        await this.d.codes.assertMaySend(em, staff.id, 'password_reset');
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        await note('denied', 'rate limited');
        return null;
      }
      const row = await this.d.codes.open(em, {
        staffId: staff.id,
        purpose: 'password_reset',
        target: staff.email,
        codeHash,
        providerRequestId: null,
      });
      await this.d.codes.supersede(em, row);
      await note('success', 'code e-mailed');
      return row;
    });
    if (issued) {
      const lang = languageOf(this.d.settings.locale());
      this.background(
        { to: issued.target, ...resetMessage(lang, this.d.settings.get().storeName, code) },
        () => this.d.db.write((em) => this.d.codes.discard(em, issued.id)),
      );
    }
    return {};
  }

  /**
   * Sets `newPassword` for the member `identifier` names, with the e-mailed `code`.
   * Errors: WEAK_PASSWORD (nothing used up), CODE_INVALID (a try counted), CODE_EXPIRED (also for
   * an unknown account, and for a code sent before the address changed), MAIL_NOT_CONFIGURED.
   */
  async complete(
    identifier: string,
    code: string,
    newPassword: string,
  ): Promise<Record<string, never>> {
    await this.assertAvailable();
    const known = await this.findMember(this.d.db.manager, identifier);
    this.d.auth.checkPolicy(
      newPassword,
      known ? { username: known.username, email: known.email } : { username: identifier },
      'newPassword',
    );
    // Hashed before the transaction (bcrypt takes ~0.3 s), for unknown accounts too (timing).
    const passwordHash = await this.d.hasher.hash(newPassword);
    const done = await this.d.db.write(async (em) => {
      const staff = await this.findMember(em, identifier);
      if (!staff) {
        await this.d.audit.record(em, {
          action: 'auth.password_reset',
          outcome: 'failure',
          actorName: await identifierDigest(em, identifier, this.d.clock.now().toISOString()),
          detail: 'unknown or inactive account',
        });
        return 'expired' as const;
      }
      const actor = {
        actorId: staff.id,
        actorName: staff.username,
        targetType: 'staff' as const,
        targetId: staff.id,
      };
      const result = await this.d.codes.check(em, staff.id, 'password_reset', staff.email, code);
      if (result !== 'ok') {
        await this.d.audit.record(em, {
          ...actor,
          action: 'auth.password_reset',
          outcome: 'failure',
          detail: `code ${result}`,
        });
        // Returned, not thrown: a throw would roll the counted try back with the transaction.
        return result;
      }
      const now = this.d.clock.now().toISOString();
      await em.getRepository(StaffEntity).update(staff.id, {
        passwordHash,
        mustChangePassword: false,
        tempPasswordExpiresAt: null,
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: now,
      });
      await this.d.codes.closeAll(em, staff.id, ['password_reset']);
      await bumpSessionEpoch(em, staff.id);
      await this.d.audit.record(em, {
        ...actor,
        action: 'auth.password_reset',
        outcome: 'success',
        detail: 'by e-mailed code; every session ended',
      });
      return { staff, at: now };
    });
    if (done === 'invalid')
      throw new AppError('CODE_INVALID', 'That code is not right. Check it and try again.');
    if (done === 'expired') throw EXPIRED();
    // Every session on this till ends now; those on other tills at their next call (A8 epoch).
    this.d.sessions.endForStaff(done.staff.id);
    // Two-factor hook: nobody is signed in here. The member signs in with the new password next,
    // and the sign-in asks for their second factor as always (issue 9, sections 1 and 6).
    const lang = languageOf(this.d.settings.locale());
    this.background({
      to: done.staff.email,
      ...passwordChangedMessage(
        lang,
        this.d.settings.get().storeName,
        done.at.slice(0, 16).replace('T', ' '),
      ),
    });
    return {};
  }
}

/**
 * Verified e-mail addresses (issue 9, section 4). A member asks for a 6-digit code, which is
 * e-mailed to their own address; entering it records the time of verification (UTC). The code
 * row is written before the message is sent and removed again when the send fails, so an SMTP
 * failure changes nothing; older codes are closed only once the new one was delivered.
 */
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ContactStatus } from '../../../shared/contract/contacts';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import type { Mailer } from '../mail/mailer';
import { languageOf, verificationMessage } from '../mail/messages';
import type { SettingsService } from '../settings/settings-service';
import { StaffEntity } from '../staff/staff.entity';
import { assertUnique } from '../staff/uniqueness';
import type { Clock } from '../types';
import type { SmsProviderSource } from '../sms/sms-settings';
import type { OneTimeCodes } from './one-time-codes';
import type { CodePurpose } from './verification-code.entity';

/** Six decimal digits from the CSPRNG, leading zeros kept. */
export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export class ContactsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly codes: OneTimeCodes,
    private readonly mail: { settings: MailSettings; mailer: Mailer },
    private readonly settings: SettingsService,
    private readonly sms: SmsProviderSource,
  ) {}

  private async member(em: EntityManager, session: Session): Promise<StaffEntity> {
    const row = await em.getRepository(StaffEntity).findOneBy({ id: session.staff.id });
    if (!row)
      throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
    return row;
  }

  private actor(session: Session) {
    return { actorId: session.staff.id, actorName: session.staff.username };
  }

  /** The member's e-mail, its verified time, the open code's expiry, whether e-mail is set up. */
  async status(session: Session, em: EntityManager = this.db.manager): Promise<ContactStatus> {
    const row = await this.member(em, session);
    const live = async (purpose: 'email' | 'phone', target: string | null) => {
      const open = await this.codes.newest(em, row.id, purpose);
      const alive = open && Date.parse(open.expiresAt) > this.clock.now().getTime();
      return alive && open.target === target ? open.expiresAt : null;
    };
    return {
      email: row.email,
      emailVerifiedAt: row.emailVerifiedAt ?? null,
      emailCodeExpiresAt: row.emailVerifiedAt ? null : await live('email', row.email),
      mailAvailable: await this.mail.settings.configured(),
      phone: row.phone ?? null,
      phoneVerifiedAt: row.phoneVerifiedAt ?? null,
      phoneCodeExpiresAt: row.phoneVerifiedAt ? null : await live('phone', row.phone),
      smsAvailable: await this.smsAvailable(),
    };
  }

  private async smsAvailable(): Promise<boolean> {
    try {
      return (await this.sms.provider()) !== null;
    } catch {
      return false;
    }
  }

  /**
   * E-mails a new code to the member's address. Errors: CONFLICT (already verified),
   * RATE_LIMITED, MAIL_NOT_CONFIGURED, KEYCHAIN_UNAVAILABLE, MAIL_SEND_FAILED (nothing changed).
   */
  async sendEmailCode(session: Session): Promise<{ sentTo: string; expiresAt: string }> {
    if (!(await this.mail.settings.configured()))
      throw new AppError('MAIL_NOT_CONFIGURED', 'E-mail is not set up on this till.');
    const code = sixDigitCode();
    const codeHash = await this.codes.hash(code);
    const row = await this.db.write(async (em) => {
      const staff = await this.member(em, session);
      if (staff.emailVerifiedAt)
        throw new AppError('CONFLICT', 'This e-mail address is already verified.');
      await this.codes.assertMaySend(em, staff.id, 'email');
      return this.codes.open(em, {
        staffId: staff.id,
        purpose: 'email',
        target: staff.email,
        codeHash,
        providerRequestId: null,
      });
    });
    const lang = languageOf(this.settings.locale());
    try {
      await this.mail.mailer.send({
        to: row.target,
        ...verificationMessage(lang, this.settings.get().storeName, code),
      });
    } catch (e) {
      await this.db.write(async (em) => {
        await this.codes.discard(em, row.id);
        await this.audit.record(em, {
          ...this.actor(session),
          action: 'contacts.code_sent',
          outcome: 'failure',
          targetType: 'staff',
          targetId: session.staff.id,
          detail: `email; ${e instanceof Error ? e.message : 'send failed'}`,
        });
      });
      throw e;
    }
    await this.db.write(async (em) => {
      await this.codes.supersede(em, row);
      await this.audit.record(em, {
        ...this.actor(session),
        action: 'contacts.code_sent',
        outcome: 'success',
        targetType: 'staff',
        targetId: session.staff.id,
        detail: 'email',
      });
    });
    return { sentTo: row.target, expiresAt: row.expiresAt };
  }

  /**
   * Checks the code in one transaction; a wrong try is counted and committed before the refusal
   * is thrown (a throw inside the transaction would roll the count back). Errors: CODE_INVALID,
   * CODE_EXPIRED.
   */
  async verifyEmail(session: Session, code: string): Promise<{ emailVerifiedAt: string }> {
    const outcome = await this.db.write(async (em) => {
      const staff = await this.member(em, session);
      const result = await this.codes.check(em, staff.id, 'email', staff.email, code);
      await this.audit.record(em, {
        ...this.actor(session),
        action: 'contacts.verify',
        outcome: result === 'ok' ? 'success' : 'failure',
        targetType: 'staff',
        targetId: staff.id,
        detail: result === 'ok' ? 'email' : `email; code ${result}`,
      });
      if (result !== 'ok') return result;
      const at = this.clock.now().toISOString();
      await em.getRepository(StaffEntity).update(staff.id, { emailVerifiedAt: at, updatedAt: at });
      return { emailVerifiedAt: at };
    });
    if (outcome === 'invalid')
      throw new AppError('CODE_INVALID', 'That code is not right. Check it and try again.');
    if (outcome === 'expired')
      throw new AppError('CODE_EXPIRED', 'That code can no longer be used. Ask for a new one.');
    return outcome;
  }

  /**
   * Inside the caller's write (profile:update): an e-mail or phone that changed is unverified
   * until a new code is entered, and its open codes end (issue 9, section 4).
   */
  async contactChanged(
    em: EntityManager,
    staffId: number,
    changed: { email: boolean; phone: boolean },
  ): Promise<void> {
    const cleared = {
      ...(changed.email ? { emailVerifiedAt: null } : {}),
      ...(changed.phone ? { phoneVerifiedAt: null } : {}),
    };
    if (Object.keys(cleared).length === 0) return;
    await em.getRepository(StaffEntity).update(staffId, cleared);
    const purposes: CodePurpose[] = [];
    if (changed.email) purposes.push('email');
    if (changed.phone) purposes.push('phone');
    await this.codes.closeAll(em, staffId, purposes);
  }

  /**
   * Changes the member's own address; it is unverified until a new code is entered, and open
   * e-mail codes end. Errors: CONFLICT (taken). Audited with before and after.
   */
  async changeEmail(session: Session, email: string): Promise<ContactStatus> {
    return this.db.write(async (em) => {
      const staff = await this.member(em, session);
      if (staff.email !== email) {
        await assertUnique(em, { email }, staff.id);
        await em.getRepository(StaffEntity).update(staff.id, {
          email,
          emailVerifiedAt: null,
          updatedAt: this.clock.now().toISOString(),
        });
        await this.codes.closeAll(em, staff.id, ['email']);
        await this.audit.record(em, {
          ...this.actor(session),
          action: 'contacts.change_email',
          outcome: 'success',
          targetType: 'staff',
          targetId: staff.id,
          detail: `${staff.email} -> ${email}`,
        });
      }
      return this.status(session, em);
    });
  }
}

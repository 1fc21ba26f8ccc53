/**
 * Verified phone numbers (issue 9, section 4). The SMS provider (OTP-as-a-service, see
 * electron/core/sms/sms-provider.ts) makes, sends and checks the code; Kassa keeps the provider's
 * request id in a `verification_codes` row (purpose 'phone', no hash) and applies the same rules
 * as e-mail codes: 10 minutes, 5 wrong tries, one a minute and five an hour (OneTimeCodes).
 *
 * No transaction is held across a provider call. A send writes its row first (so the resend limit
 * holds under a race) and removes it when the provider fails. A check reserves a try before it
 * asks the provider, so twenty guesses at once still reach the provider at most five times; a
 * provider that does not answer gives the try back: nothing changed.
 */
import type { AuditAction } from '../../../shared/contract/audit';
import { IsNull } from 'typeorm';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { smsAppError, type SmsProviderSource } from '../sms/sms-settings';
import type { SmsOtpProvider } from '../sms/sms-provider';
import { StaffEntity } from '../staff/staff.entity';
import type { Clock } from '../types';
import { MAX_ATTEMPTS, type OneTimeCodes } from './one-time-codes';
import { VerificationCodeEntity } from './verification-code.entity';

type Reserved = { row: VerificationCodeEntity; provider: SmsOtpProvider; attempts: number };

export class PhoneVerification {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly codes: OneTimeCodes,
    private readonly sms: SmsProviderSource,
  ) {}

  private async provider(): Promise<SmsOtpProvider> {
    const p = await this.sms.provider();
    if (!p) throw new AppError('SMS_NOT_CONFIGURED', 'SMS is not set up on this till.');
    return p;
  }

  private async record(
    session: Session,
    outcome: 'success' | 'failure',
    action: AuditAction,
    detail: string,
  ) {
    await this.db.write((em) =>
      this.audit.record(em, {
        actorId: session.staff.id,
        actorName: session.staff.username,
        action,
        outcome,
        targetType: 'staff',
        targetId: session.staff.id,
        detail,
      }),
    );
  }

  /**
   * Asks the provider to text a code to the member's own phone. Errors: SMS_NOT_CONFIGURED,
   * VALIDATION_FAILED on `phone` (none on the profile, or refused by the provider), CONFLICT
   * (already verified), RATE_LIMITED, SMS_RATE_LIMITED, SMS_UNAVAILABLE; a failed send changes
   * nothing but the audit trail.
   */
  async sendCode(session: Session): Promise<{ sentTo: string; expiresAt: string }> {
    const provider = await this.provider();
    const row = await this.db.write(async (em) => {
      const staff = await em.getRepository(StaffEntity).findOneBy({ id: session.staff.id });
      if (!staff)
        throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
      if (!staff.phone)
        throw new AppError('VALIDATION_FAILED', 'Add a phone number to your profile first.', [
          { path: 'phone', message: 'Add a phone number to your profile first' },
        ]);
      if (staff.phoneVerifiedAt)
        throw new AppError('CONFLICT', 'This phone number is already verified.');
      await this.codes.assertMaySend(em, staff.id, 'phone');
      return this.codes.open(em, {
        staffId: staff.id,
        purpose: 'phone',
        target: staff.phone,
        codeHash: null,
        providerRequestId: null,
      });
    });
    let requestId: string;
    try {
      ({ requestId } = await provider.sendCode(row.target));
    } catch (e) {
      await this.db.write((em) => this.codes.discard(em, row.id));
      const err = smsAppError(e);
      await this.record(session, 'failure', 'contacts.code_sent', `phone; ${err.code}`);
      throw err;
    }
    await this.db.write(async (em) => {
      await em
        .getRepository(VerificationCodeEntity)
        .update(row.id, { providerRequestId: requestId });
      await this.codes.supersede(em, row);
    });
    await this.record(session, 'success', 'contacts.code_sent', 'phone');
    return { sentTo: row.target, expiresAt: row.expiresAt };
  }

  /** Takes one try of the member's open phone code, or null when there is none to try. */
  private async reserve(session: Session): Promise<Omit<Reserved, 'provider'> | null> {
    return this.db.write(async (em) => {
      const staff = await em.getRepository(StaffEntity).findOneBy({ id: session.staff.id });
      const row = staff ? await this.codes.newest(em, staff.id, 'phone') : null;
      const usable =
        row &&
        row.providerRequestId !== null &&
        row.target === staff?.phone &&
        row.attempts < MAX_ATTEMPTS &&
        Date.parse(row.expiresAt) > this.clock.now().getTime();
      if (!usable) return null;
      const attempts = row.attempts + 1;
      await em
        .getRepository(VerificationCodeEntity)
        .update({ id: row.id, closedAt: IsNull() }, { attempts });
      return { row, attempts };
    });
  }

  /**
   * Checks the code with the provider. Errors: CODE_INVALID (a try counted; the fifth ends the
   * code), CODE_EXPIRED, SMS_NOT_CONFIGURED, SMS_RATE_LIMITED, SMS_UNAVAILABLE (try given back).
   */
  async verify(session: Session, code: string): Promise<{ phoneVerifiedAt: string }> {
    const provider = await this.provider();
    const taken = await this.reserve(session);
    if (!taken) {
      await this.record(session, 'failure', 'contacts.verify', 'phone; code expired');
      throw new AppError('CODE_EXPIRED', 'That code can no longer be used. Ask for a new one.');
    }
    const { row, attempts } = taken;
    let right: boolean;
    try {
      right = await provider.verifyCode(row.providerRequestId!, code);
    } catch (e) {
      const expired = (e as { code?: string }).code === 'EXPIRED';
      await this.db.write((em) =>
        em
          .getRepository(VerificationCodeEntity)
          .update(
            row.id,
            expired
              ? { closedAt: this.clock.now().toISOString() }
              : { attempts: () => 'attempts - 1' },
          ),
      );
      await this.record(session, 'failure', 'contacts.verify', 'phone; provider');
      if (expired)
        throw new AppError('CODE_EXPIRED', 'That code can no longer be used. Ask for a new one.');
      throw smsAppError(e);
    }
    const at = this.clock.now().toISOString();
    const verified = await this.db.write(async (em) => {
      const repo = em.getRepository(VerificationCodeEntity);
      // The phone may have changed on the profile while the provider was asked (its codes closed).
      const still = await repo.findOneBy({ id: row.id, closedAt: IsNull() });
      if (right && !still) return false;
      if (right) {
        await repo.update(row.id, { closedAt: at });
        await em
          .getRepository(StaffEntity)
          .update(row.staffId, { phoneVerifiedAt: at, updatedAt: at });
      } else if (attempts >= MAX_ATTEMPTS) await repo.update(row.id, { closedAt: at });
      await this.audit.record(em, {
        actorId: session.staff.id,
        actorName: session.staff.username,
        action: 'contacts.verify',
        outcome: right ? 'success' : 'failure',
        targetType: 'staff',
        targetId: row.staffId,
        detail: right ? 'phone' : 'phone; code invalid',
      });
      return true;
    });
    if (!verified)
      throw new AppError('CODE_EXPIRED', 'That code can no longer be used. Ask for a new one.');
    if (!right)
      throw new AppError('CODE_INVALID', 'That code is not right. Check it and try again.');
    return { phoneVerifiedAt: at };
  }
}

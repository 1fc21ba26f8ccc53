/**
 * Requests for access under the "verified before access" policy (issue 9, section 4): "new
 * requests for access verify before they reach the admin's pending list". With the policy in
 * force, `auth:requestAccess` writes the pending row marked `awaiting_verification` (A7: still a
 * pending member of the humblest role), and only then, outside any transaction, sends a 6-digit
 * code: by e-mail, or by SMS to the phone given when only the phone counts. Entering the code
 * (`contacts:verifyRequest`) verifies that contact and clears the mark: the request is then an
 * ordinary pending request an admin may approve.
 *
 * The codes are the members' one-time codes (one-time-codes.ts: 6 digits, HMAC-hashed, single
 * use, 10 minutes, 5 wrong tries, one a minute and five an hour); phone codes are made and checked
 * by the SMS provider like phone-verification.ts, a try reserved before the provider is asked.
 * No write transaction is held across a mail server or provider call. Before sign-in nobody is
 * told whether a request exists: an unknown one answers like a used code (CODE_EXPIRED), and a
 * resend always answers `{ sent: true }` (only a request that exists can be RATE_LIMITED).
 * Every send and check is audited (L1), unknown identifiers as a digest (identifier-digest.ts).
 */
import { IsNull, Not, type EntityManager } from 'typeorm';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { displayPhone, normalisePhone } from '../../../shared/phone';
import type { AuditLog } from '../audit/audit-log';
import type { AuthService } from '../auth/auth-service';
import { identifierDigest } from '../auth/identifier-digest';
import { sixDigitCode } from '../contacts/contacts-service';
import { MAX_ATTEMPTS, type OneTimeCodes } from '../contacts/one-time-codes';
import { VerificationCodeEntity } from '../contacts/verification-code.entity';
import { readStoreCountry } from '../customers/store-country';
import type { Database } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import type { Mailer } from '../mail/mailer';
import { languageOf, verificationMessage } from '../mail/messages';
import type { SettingsService } from '../settings/settings-service';
import { smsAppError, type SmsProviderSource } from '../sms/sms-settings';
import { StaffEntity } from '../staff/staff.entity';
import type { Clock } from '../types';
import type { VerificationPolicyStore } from './verification-policy';

type Channel = 'email' | 'phone';

const EXPIRED = 'That code can no longer be used. Ask for a new one.';

/** "ada@shop.example" → "a•••@shop.example": enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '•••' : `${email[0]}•••${email.slice(at)}`;
}

/** "+447700900123" → "+44 •••• ••• 123": the country code and the last three digits. */
export function maskPhone(stored: string): string {
  const shown = displayPhone(stored);
  const digits = shown.replace(/\D/g, '').length;
  const cc = /^\+\d+ /.exec(shown)?.[0] ?? '';
  let seen = cc.replace(/\D/g, '').length;
  const rest = shown.slice(cc.length).replace(/\d/g, (d) => (++seen > digits - 3 ? d : '•'));
  return cc + rest;
}

export class AccessRequests {
  constructor(
    private readonly d: {
      db: Database;
      audit: AuditLog;
      clock: Clock;
      codes: OneTimeCodes;
      auth: AuthService;
      policy: VerificationPolicyStore;
      mailSettings: MailSettings;
      mailer: Mailer;
      settings: SettingsService;
      sms: SmsProviderSource;
    },
  ) {}

  /**
   * `auth:requestAccess`: a plain pending request while no policy is in force; otherwise a request
   * awaiting verification and a code sent after the row is committed. Errors: those of
   * AuthService.requestAccess, and VALIDATION_FAILED on `phone` when only the phone counts and
   * none was given.
   */
  async request(
    input: ChannelInput<'auth:requestAccess'>,
  ): Promise<ChannelOutput<'auth:requestAccess'>> {
    const member = {
      username: input.username,
      email: input.email,
      displayName: input.displayName,
      password: input.password,
    };
    const inForce = await this.d.policy.inForce();
    if (inForce === 'none') {
      await this.d.auth.requestAccess(member);
      return { status: 'pending' };
    }
    const channel: Channel = inForce === 'phone' ? 'phone' : 'email';
    const phone = input.phone
      ? normalisePhone(input.phone, await readStoreCountry(this.d.db.manager)).stored
      : null;
    if (channel === 'phone' && !phone) {
      const message = 'Enter your mobile number: the code is sent to it.';
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'phone', message }]);
    }
    const id = await this.d.auth.requestAccess(member, { channel, phone });
    const target = channel === 'email' ? member.email : phone!;
    const sent = await this.send(id, channel, target);
    return {
      status: 'verify',
      channel,
      sentTo: channel === 'email' ? maskEmail(target) : maskPhone(target),
      sent: sent !== null,
      expiresAt: sent,
    };
  }

  /** The request awaiting verification whose username or e-mail is `identifier`, or null. */
  private awaiting(em: EntityManager, identifier: string): Promise<StaffEntity | null> {
    return em.getRepository(StaffEntity).findOne({
      where: [
        { username: identifier, status: 'pending', awaitingVerification: Not(IsNull()) },
        { email: identifier, status: 'pending', awaitingVerification: Not(IsNull()) },
      ],
    });
  }

  private async record(
    who: { id: number; username: string } | { identifier: string },
    action: 'contacts.code_sent' | 'contacts.verify',
    outcome: 'success' | 'failure',
    detail: string,
  ): Promise<void> {
    await this.d.db.write(async (em) =>
      this.d.audit.record(em, {
        ...('id' in who
          ? { actorId: who.id, actorName: who.username, targetType: 'staff', targetId: who.id }
          : { actorName: await identifierDigest(em, who.identifier, this.now()) }),
        action,
        outcome,
        detail: `access request; ${detail}`,
      }),
    );
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  /**
   * Sends a new code for request `id` to `target` (never inside a transaction). Answers when it
   * stops working (UTC), or null when it could not be sent (nothing kept but the audit row).
   * Errors: RATE_LIMITED (once a minute, five an hour; nothing written).
   */
  private async send(id: number, channel: Channel, target: string): Promise<string | null> {
    const { db, codes } = this.d;
    const who = await db.manager.getRepository(StaffEntity).findOneByOrFail({ id });
    const code = channel === 'email' ? sixDigitCode() : null;
    let codeHash: string | null = null;
    try {
      if (code) codeHash = await codes.hash(code);
    } catch (e) {
      await this.record(who, 'contacts.code_sent', 'failure', `${channel}; ${describe(e)}`);
      return null;
    }
    const row = await db.write(async (em) => {
      await codes.assertMaySend(em, id, channel);
      return codes.open(em, {
        staffId: id,
        purpose: channel,
        target,
        codeHash,
        providerRequestId: null,
      });
    });
    let providerRequestId: string | null = null;
    try {
      if (code) {
        if (!(await this.d.mailSettings.configured()))
          throw new AppError('MAIL_NOT_CONFIGURED', 'E-mail is not set up on this till.');
        const lang = languageOf(this.d.settings.locale());
        await this.d.mailer.send({
          to: target,
          ...verificationMessage(lang, this.d.settings.get().storeName, code),
        });
      } else {
        const provider = await this.d.sms.provider();
        if (!provider) throw new AppError('SMS_NOT_CONFIGURED', 'SMS is not set up on this till.');
        ({ requestId: providerRequestId } = await provider.sendCode(target));
      }
    } catch (e) {
      await db.write((em) => codes.discard(em, row.id));
      await this.record(who, 'contacts.code_sent', 'failure', `${channel}; ${describe(e)}`);
      return null;
    }
    await db.write(async (em) => {
      if (providerRequestId)
        await em.getRepository(VerificationCodeEntity).update(row.id, { providerRequestId });
      await codes.supersede(em, row);
    });
    await this.record(who, 'contacts.code_sent', 'success', channel);
    return row.expiresAt;
  }

  /**
   * `contacts:resendRequestCode`: a new code for a request awaiting verification. Answers
   * `{ sent: true }` whether or not the request exists or the code went out (both audited).
   * Errors: RATE_LIMITED, only for a request that exists.
   */
  async resend(identifier: string): Promise<{ sent: true }> {
    const row = await this.awaiting(this.d.db.manager, identifier);
    if (!row) {
      await this.record({ identifier }, 'contacts.code_sent', 'failure', 'no such request');
      return { sent: true };
    }
    const channel = row.awaitingVerification!;
    const target = channel === 'email' ? row.email : row.phone;
    if (target) await this.send(row.id, channel, target);
    else await this.record(row, 'contacts.code_sent', 'failure', `${channel}; no number`);
    return { sent: true };
  }

  /**
   * `contacts:verifyRequest`: checks the code; on success the contact is verified (time recorded,
   * UTC) and the request joins the admins' pending list. Errors: CODE_INVALID (a try counted; the
   * fifth ends the code), CODE_EXPIRED (no such request, no open code, older than 10 minutes,
   * used, or out of tries), SMS_NOT_CONFIGURED, SMS_RATE_LIMITED, SMS_UNAVAILABLE (phone: the try
   * is given back).
   */
  async verify(identifier: string, code: string): Promise<{ status: 'pending' }> {
    const found = await this.awaiting(this.d.db.manager, identifier);
    if (!found) {
      await this.record({ identifier }, 'contacts.verify', 'failure', 'no such request');
      throw new AppError('CODE_EXPIRED', EXPIRED);
    }
    const outcome =
      found.awaitingVerification === 'phone'
        ? await this.verifyPhone(found, code)
        : await this.verifyEmail(identifier, code);
    if (outcome === 'invalid')
      throw new AppError('CODE_INVALID', 'That code is not right. Check it and try again.');
    if (outcome === 'expired') throw new AppError('CODE_EXPIRED', EXPIRED);
    return { status: 'pending' };
  }

  /** Marks request `row` verified by `channel`, inside `em`. */
  private async verified(em: EntityManager, row: StaffEntity, channel: Channel): Promise<void> {
    const at = this.now();
    await em.getRepository(StaffEntity).update(row.id, {
      ...(channel === 'email' ? { emailVerifiedAt: at } : { phoneVerifiedAt: at }),
      awaitingVerification: null,
      updatedAt: at,
    });
  }

  /** The e-mail code, checked and used in one write transaction (so only one of a race wins). */
  private verifyEmail(identifier: string, code: string): Promise<'ok' | 'invalid' | 'expired'> {
    return this.d.db.write(async (em) => {
      const row = await this.awaiting(em, identifier);
      const result = row
        ? await this.d.codes.check(em, row.id, 'email', row.email, code)
        : 'expired';
      if (row && result === 'ok') await this.verified(em, row, 'email');
      await this.d.audit.record(em, {
        ...(row
          ? { actorId: row.id, actorName: row.username, targetType: 'staff', targetId: row.id }
          : { actorName: await identifierDigest(em, identifier, this.now()) }),
        action: 'contacts.verify',
        outcome: result === 'ok' ? 'success' : 'failure',
        detail: result === 'ok' ? 'access request; email' : `access request; email; code ${result}`,
      });
      return result;
    });
  }

  /**
   * The phone code, checked by the SMS provider: a try is reserved first (so a burst of guesses
   * reaches the provider at most five times), given back when the provider does not answer.
   */
  private async verifyPhone(
    found: StaffEntity,
    code: string,
  ): Promise<'ok' | 'invalid' | 'expired'> {
    const { db, codes, clock } = this.d;
    const provider = await this.d.sms.provider();
    if (!provider) throw new AppError('SMS_NOT_CONFIGURED', 'SMS is not set up on this till.');
    const taken = await db.write(async (em) => {
      const row = await codes.newest(em, found.id, 'phone');
      if (
        !row ||
        row.providerRequestId === null ||
        row.target !== found.phone ||
        row.attempts >= MAX_ATTEMPTS ||
        Date.parse(row.expiresAt) <= clock.now().getTime()
      )
        return null;
      const attempts = row.attempts + 1;
      await em.getRepository(VerificationCodeEntity).update(row.id, { attempts });
      return { row, attempts };
    });
    if (!taken) {
      await this.record(found, 'contacts.verify', 'failure', 'phone; code expired');
      return 'expired';
    }
    let right: boolean;
    try {
      right = await provider.verifyCode(taken.row.providerRequestId!, code);
    } catch (e) {
      const expired = (e as { code?: string }).code === 'EXPIRED';
      await db.write((em) =>
        em
          .getRepository(VerificationCodeEntity)
          .update(
            taken.row.id,
            expired ? { closedAt: this.now() } : { attempts: () => 'attempts - 1' },
          ),
      );
      await this.record(found, 'contacts.verify', 'failure', 'phone; provider');
      if (expired) return 'expired';
      throw smsAppError(e);
    }
    return db.write(async (em) => {
      const repo = em.getRepository(VerificationCodeEntity);
      const still = await repo.findOneBy({ id: taken.row.id, closedAt: IsNull() });
      const row = await em.getRepository(StaffEntity).findOneBy({ id: found.id });
      const result = !still || !row?.awaitingVerification ? 'expired' : right ? 'ok' : 'invalid';
      if (result === 'ok') {
        await repo.update(taken.row.id, { closedAt: this.now() });
        await this.verified(em, row!, 'phone');
      } else if (result === 'invalid' && taken.attempts >= MAX_ATTEMPTS)
        await repo.update(taken.row.id, { closedAt: this.now() });
      await this.d.audit.record(em, {
        actorId: found.id,
        actorName: found.username,
        targetType: 'staff',
        targetId: found.id,
        action: 'contacts.verify',
        outcome: result === 'ok' ? 'success' : 'failure',
        detail: result === 'ok' ? 'access request; phone' : `access request; phone; code ${result}`,
      });
      return result;
    });
  }
}

function describe(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 200);
}

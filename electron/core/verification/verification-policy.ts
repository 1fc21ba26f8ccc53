/**
 * The store's "verified before access" policy (issue 9, section 4): which verified contact a
 * member needs before a session can do more than verify (none / email / phone / either). Stored
 * as the `verification_policy` row of `settings`; a missing or broken row reads as 'none'.
 *
 * What is asked for (`inForce`) is the policy narrowed to the channels set up on this till, so a
 * removed mail server or SMS provider never shuts every member out: 'either' with only e-mail asks
 * for e-mail, 'email' without e-mail asks for nothing.
 *
 * The router reads the policy at every call of a signed-in member (one small statement over four
 * settings rows; on a store server, the rows the call's settings `follow` already read), so a change made here or on another till sharing the file applies at each
 * member's next call (A8). Whether the mail and SMS settings are usable is looked up again only
 * when their stored rows change (SMS needs the keychain to open its sealed credentials).
 */
import type { EntityManager } from 'typeorm';
import {
  type VerificationPolicy,
  type VerificationPolicyView,
  VERIFICATION_POLICIES,
} from '../../../shared/contract/contacts';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { SettingEntity } from '../settings/setting.entity';
import type { SmsProviderSource } from '../sms/sms-settings';
import { SMS_PROVIDER_KEY, SMS_TEMPLATE_KEY } from '../sms/sms-settings';
import { StaffEntity } from '../staff/staff.entity';
import type { Clock } from '../types';

export const POLICY_KEY = 'verification_policy';
const MAIL_KEY = 'mail_smtp';

/** A contact the policy asks for: 'either' = a verified e-mail or a verified phone. */
export type AskedContact = Exclude<VerificationPolicy, 'none'>;

/** A member's verified times, as the staff row holds them (UTC, null = not verified). */
export interface VerifiedTimes {
  emailVerifiedAt: string | null;
  phoneVerifiedAt: string | null;
}

/** The policy narrowed to the channels that are set up (see the module comment). */
export function narrowPolicy(
  policy: VerificationPolicy,
  mailAvailable: boolean,
  smsAvailable: boolean,
): VerificationPolicy {
  const email = (policy === 'email' || policy === 'either') && mailAvailable;
  const phone = (policy === 'phone' || policy === 'either') && smsAvailable;
  return email && phone ? 'either' : email ? 'email' : phone ? 'phone' : 'none';
}

/** What `inForce` asks of a member with these verified times, or null when they meet it. */
export function unmetContact(inForce: VerificationPolicy, m: VerifiedTimes): AskedContact | null {
  const email = m.emailVerifiedAt !== null;
  const phone = m.phoneVerifiedAt !== null;
  switch (inForce) {
    case 'none':
      return null;
    case 'email':
      return email ? null : 'email';
    case 'phone':
      return phone ? null : 'phone';
    case 'either':
      return email || phone ? null : 'either';
  }
}

function parsePolicy(raw: string | undefined): VerificationPolicy {
  return (VERIFICATION_POLICIES as readonly string[]).includes(raw ?? '')
    ? (raw as VerificationPolicy)
    : 'none';
}

/** A yes/no about a stored value, looked up again only when the value changes. */
class Memo {
  private raw: string | null | undefined = undefined;
  private value = false;

  async get(raw: string | null, lookUp: () => Promise<boolean>): Promise<boolean> {
    if (raw !== this.raw) {
      this.value = raw === null ? false : await lookUp().catch(() => false);
      this.raw = raw;
    }
    return this.value;
  }
}

export class VerificationPolicyStore {
  private readonly mailMemo = new Memo();
  private readonly smsMemo = new Memo();

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly mail: { configured(): Promise<boolean> },
    private readonly sms: SmsProviderSource,
  ) {}

  /** The policy as set, what it asks for now, and which channels are set up, read through `em`. */
  async view(em: EntityManager = this.db.manager): Promise<VerificationPolicyView> {
    const rows = await run<{ key: string; value: string }>(
      em,
      'SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?)',
      [POLICY_KEY, MAIL_KEY, SMS_PROVIDER_KEY, SMS_TEMPLATE_KEY],
    );
    return this.viewOf(new Map(rows.map((r) => [r.key, r.value])));
  }

  /** `view` from settings rows already read (key → stored value), with no statement of its own. */
  private async viewOf(by: ReadonlyMap<string, string>): Promise<VerificationPolicyView> {
    const policy = parsePolicy(by.get(POLICY_KEY));
    const mailAvailable = await this.mailMemo.get(by.get(MAIL_KEY) ?? null, () =>
      this.mail.configured(),
    );
    const sealed = by.get(SMS_PROVIDER_KEY);
    const template = by.get(SMS_TEMPLATE_KEY);
    const smsAvailable = await this.smsMemo.get(
      sealed && template ? `${sealed}\n${template}` : null,
      async () => (await this.sms.provider()) !== null,
    );
    return {
      policy,
      inForce: narrowPolicy(policy, mailAvailable, smsAvailable),
      mailAvailable,
      smsAvailable,
    };
  }

  /**
   * What the policy asks for now (the router's gate, every call): from `rows` when the caller has
   * just read the settings rows (on a store server, `SettingsService.followedRows` at the start of
   * the same call, which saves a round trip per call), otherwise read through `em`.
   */
  async inForce(
    em: EntityManager = this.db.manager,
    rows: ReadonlyMap<string, string> | null = null,
  ): Promise<VerificationPolicy> {
    return (await (rows ? this.viewOf(rows) : this.view(em))).inForce;
  }

  /**
   * Sets the policy (issue 9, section 4), inside one write transaction. Refused, changing nothing:
   * MAIL_NOT_CONFIGURED ('email' without e-mail, or 'either' with neither channel),
   * SMS_NOT_CONFIGURED ('phone' without SMS), VERIFICATION_REQUIRED when the acting admin's own
   * contacts do not meet the new policy, so no admin shuts themselves out. Audited with before
   * and after (L1, `contacts.policy_changed`); setting the same policy again writes nothing.
   */
  async set(actor: Session, policy: VerificationPolicy): Promise<VerificationPolicyView> {
    return this.db.write(async (em) => {
      const before = await this.view(em);
      const { mailAvailable: mail, smsAvailable: sms } = before;
      if ((policy === 'email' || (policy === 'either' && !sms)) && !mail)
        throw new AppError('MAIL_NOT_CONFIGURED', 'E-mail is not set up on this till.');
      if (policy === 'phone' && !sms)
        throw new AppError('SMS_NOT_CONFIGURED', 'SMS is not set up on this till.');
      const me = await em.getRepository(StaffEntity).findOneByOrFail({ id: actor.staff.id });
      const unmet = unmetContact(narrowPolicy(policy, mail, sms), {
        emailVerifiedAt: me.emailVerifiedAt ?? null,
        phoneVerifiedAt: me.phoneVerifiedAt ?? null,
      });
      if (unmet)
        throw new AppError('VERIFICATION_REQUIRED', verificationMessage(unmet, 'this policy'));
      if (policy === before.policy) return before;
      await em.getRepository(SettingEntity).save({
        key: POLICY_KEY,
        value: policy,
        updatedAt: this.clock.now().toISOString(),
      });
      await this.audit.record(em, {
        action: 'contacts.policy_changed',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'setting',
        targetId: POLICY_KEY,
        detail: `${before.policy} -> ${policy}`,
      });
      return this.view(em);
    });
  }
}

/** VERIFICATION_REQUIRED's message: what to verify before `goal`. */
export function verificationMessage(asked: AskedContact, goal = 'continue'): string {
  const what =
    asked === 'email'
      ? 'your e-mail address'
      : asked === 'phone'
        ? 'your phone number'
        : 'your e-mail address or phone number';
  return goal === 'continue'
    ? `Verify ${what} to continue.`
    : `Verify ${what} before you turn on ${goal}.`;
}

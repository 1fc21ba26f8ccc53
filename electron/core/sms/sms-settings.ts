/**
 * Where the SMS provider's settings live (issue 9, section 4): two rows of the `settings` table.
 * `sms_provider` holds the base URL, key id and key secret as one JSON value sealed with the
 * data-protection key (sealed-text.ts, purpose `sms.provider`), so neither the credentials nor the
 * URL are ever in the file in plain text; `sms_template_id` holds the template id. Nothing here is
 * ever sent to the renderer but `SmsStatus`. Changes are audited without their values (L1).
 */
import type { AuditAction } from '../../../shared/contract/audit';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import type { SmsStatus } from '../../../shared/contract/sms';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { getOrCreateDataProtectionKey } from '../secrets';
import { SettingEntity } from '../settings/setting.entity';
import type { Clock, SecretStore } from '../types';
import { EngageLabOtpProvider } from './engagelab-provider';
import { openText, sealText } from './sealed-text';
import type { SmsOtpProvider } from './sms-provider';

export const SMS_PROVIDER_KEY = 'sms_provider';
export const SMS_TEMPLATE_KEY = 'sms_template_id';
const PURPOSE = 'sms.provider';

/** What an admin enters; the contract has validated it (shared/contract/sms.ts). */
export interface SmsProviderSettings {
  baseUrl: string;
  keyId: string;
  keySecret: string;
  templateId: string;
}

/** Where phone verification gets its provider from: null while SMS is not configured. */
export interface SmsProviderSource {
  provider(): Promise<SmsOtpProvider | null>;
}

interface Stored {
  sealed: string | null;
  templateId: string | null;
  updatedAt: string | null;
}

export class SmsSettings implements SmsProviderSource {
  /** Per-call timeout of the provider, in ms (tests shorten it). */
  timeoutMs = 10_000;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly secrets: SecretStore,
  ) {}

  /** Configured or not, for the Settings screen; never the URL or the credentials. */
  async status(em: EntityManager = this.db.manager): Promise<SmsStatus> {
    const stored = await this.read(em);
    if (!stored.sealed || !stored.templateId)
      return { configured: false, templateId: null, updatedAt: null, unreadable: false };
    const open = await this.open(stored.sealed).catch(() => null);
    return {
      configured: open !== null,
      templateId: stored.templateId,
      updatedAt: stored.updatedAt,
      unreadable: open === null,
    };
  }

  /**
   * Replaces the settings. The data-protection key is fetched first: without a keychain this is
   * KEYCHAIN_UNAVAILABLE and nothing is written.
   */
  async save(actor: Session, input: SmsProviderSettings): Promise<SmsStatus> {
    const key = await getOrCreateDataProtectionKey(this.secrets);
    const sealed = sealText(
      key,
      PURPOSE,
      JSON.stringify({ baseUrl: input.baseUrl, keyId: input.keyId, keySecret: input.keySecret }),
    );
    key.fill(0);
    return this.db.write(async (em) => {
      const at = this.clock.now().toISOString();
      const rows = em.getRepository(SettingEntity);
      await rows.save({ key: SMS_PROVIDER_KEY, value: sealed, updatedAt: at });
      await rows.save({ key: SMS_TEMPLATE_KEY, value: input.templateId, updatedAt: at });
      await this.record(em, actor, 'settings.sms_update', `template ${input.templateId}`);
      return this.status(em);
    });
  }

  /** Removes the settings; phone codes can no longer be sent. */
  async clear(actor: Session): Promise<SmsStatus> {
    return this.db.write(async (em) => {
      const removed = await em
        .getRepository(SettingEntity)
        .delete([SMS_PROVIDER_KEY, SMS_TEMPLATE_KEY]);
      if (removed.affected) await this.record(em, actor, 'settings.sms_clear', null);
      return this.status(em);
    });
  }

  /**
   * The configured provider, or null when SMS is not configured or its settings cannot be opened
   * on this till. Throws AppError('KEYCHAIN_UNAVAILABLE') when the keychain fails.
   */
  async provider(): Promise<SmsOtpProvider | null> {
    const stored = await this.read(this.db.manager);
    if (!stored.sealed || !stored.templateId) return null;
    const open = await this.open(stored.sealed);
    if (!open) return null;
    return new EngageLabOtpProvider({
      baseUrl: open.baseUrl,
      devKey: open.keyId,
      devSecret: open.keySecret,
      templateId: stored.templateId,
      timeoutMs: this.timeoutMs,
    });
  }

  /** Records an SMS event (test sends) in its own write. */
  async recordEvent(
    actor: Session,
    action: AuditAction,
    outcome: 'success' | 'failure',
    detail: string,
  ): Promise<void> {
    await this.db.write((em) => this.record(em, actor, action, detail, outcome));
  }

  private async open(sealed: string): Promise<Omit<SmsProviderSettings, 'templateId'> | null> {
    const key = await getOrCreateDataProtectionKey(this.secrets);
    const text = openText(key, PURPOSE, sealed);
    key.fill(0);
    if (!text) return null;
    const v = JSON.parse(text) as Omit<SmsProviderSettings, 'templateId'>;
    return v;
  }

  private async read(em: EntityManager): Promise<Stored> {
    const rows = await em.getRepository(SettingEntity).find({
      where: [{ key: SMS_PROVIDER_KEY }, { key: SMS_TEMPLATE_KEY }],
    });
    const by = new Map(rows.map((r) => [r.key, r]));
    return {
      sealed: by.get(SMS_PROVIDER_KEY)?.value ?? null,
      templateId: by.get(SMS_TEMPLATE_KEY)?.value ?? null,
      updatedAt: by.get(SMS_PROVIDER_KEY)?.updatedAt ?? null,
    };
  }

  private async record(
    em: EntityManager,
    actor: Session,
    action: AuditAction,
    detail: string | null,
    outcome: 'success' | 'failure' = 'success',
  ): Promise<void> {
    await this.audit.record(em, {
      action,
      outcome,
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'setting',
      targetId: SMS_PROVIDER_KEY,
      detail,
    });
  }
}

/** Maps a provider failure to the error that crosses IPC (the phone field for a refused number). */
export function smsAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'INVALID_NUMBER')
    return new AppError('VALIDATION_FAILED', 'The SMS provider refused this number', [
      { path: 'phone', message: 'The SMS provider refused this number' },
    ]);
  if (code === 'RATE_LIMITED')
    return new AppError('SMS_RATE_LIMITED', "The SMS provider's sending limit was hit");
  return new AppError('SMS_UNAVAILABLE', 'The SMS provider could not be used');
}

/**
 * Re-seals, inside `em`'s transaction, the stored provider settings with `to`'s key when `from`'s
 * opens them (a till's file copied to a store server takes the store key, secrets/store-key.ts).
 */
export async function resealSmsProvider(
  em: EntityManager,
  from: SecretStore,
  to: SecretStore,
): Promise<void> {
  const row = await em.getRepository(SettingEntity).findOneBy({ key: SMS_PROVIDER_KEY });
  if (!row) return;
  const [fromKey, toKey] = [
    await getOrCreateDataProtectionKey(from),
    await getOrCreateDataProtectionKey(to),
  ];
  try {
    const text = openText(fromKey, PURPOSE, row.value);
    if (text === null) return;
    await em.getRepository(SettingEntity).save({ ...row, value: sealText(toKey, PURPOSE, text) });
  } finally {
    fromKey.fill(0);
    toKey.fill(0);
  }
}

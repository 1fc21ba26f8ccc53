/**
 * The SMTP settings (issue 9, section 4), one row `mail_smtp` in `settings` holding JSON. The
 * password is sealed with the data-protection key (AES-256-GCM, secrets/sealed-text.ts) before it
 * is written, and is opened only to hand it to nodemailer; views carry `passwordSet` instead.
 * Every change is audited without the password (L1).
 */
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { ChannelParsedInput } from '../../../shared/contract';
import { MAIL_TLS_MODES, type MailSettingsView } from '../../../shared/contract/mail';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { openText, sealText } from '../secrets/sealed-text';
import { SettingEntity } from '../settings/setting.entity';
import type { Clock, SecretStore } from '../types';

const ROW_KEY = 'mail_smtp';
/** The additional authenticated data of the sealed password: it opens only as this field. */
const PASSWORD_PURPOSE = 'mail.smtp_password';

/** What the row holds; a row that no longer parses reads as "not configured". */
const storedSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
  tls: z.enum(MAIL_TLS_MODES),
  user: z.string(),
  sealedPassword: z.string().nullable(),
  from: z.string().min(1),
});
type Stored = z.infer<typeof storedSchema>;

/** What the mailer connects with: the stored settings and the opened password. */
export interface SmtpSettings extends Omit<Stored, 'sealedPassword'> {
  password: string | null;
}

const NOT_CONFIGURED: MailSettingsView = {
  configured: false,
  host: '',
  port: 587,
  tls: 'starttls',
  user: '',
  passwordSet: false,
  from: '',
};

function viewOf(s: Stored | null): MailSettingsView {
  if (!s) return NOT_CONFIGURED;
  const { sealedPassword, ...rest } = s;
  return { configured: true, ...rest, passwordSet: sealedPassword !== null };
}

export class MailSettings {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly secrets: SecretStore,
  ) {}

  private async read(em: EntityManager): Promise<Stored | null> {
    const row = await em.getRepository(SettingEntity).findOneBy({ key: ROW_KEY });
    if (!row) return null;
    try {
      const parsed = storedSchema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** The settings as the settings screen shows them; never the password. */
  async view(): Promise<MailSettingsView> {
    return viewOf(await this.read(this.db.manager));
  }

  /** True once SMTP settings are saved: e-mail verification and "forgot password" are on. */
  async configured(): Promise<boolean> {
    return (await this.read(this.db.manager)) !== null;
  }

  /**
   * Saves the settings (inside the channel's write transaction). A new password is sealed first,
   * so a missing keychain refuses the save (KEYCHAIN_UNAVAILABLE) and nothing is written.
   */
  async save(
    em: EntityManager,
    actor: Session,
    input: ChannelParsedInput<'mail:updateSettings'>,
  ): Promise<MailSettingsView> {
    const before = await this.read(em);
    const sealedPassword =
      input.password === undefined
        ? (before?.sealedPassword ?? null)
        : input.password === null
          ? null
          : await sealText(this.secrets, PASSWORD_PURPOSE, input.password);
    const next: Stored = {
      host: input.host,
      port: input.port,
      tls: input.tls,
      user: input.user,
      sealedPassword,
      from: input.from,
    };
    await em.getRepository(SettingEntity).save({
      key: ROW_KEY,
      value: JSON.stringify(next),
      updatedAt: this.clock.now().toISOString(),
    });
    const passwordNote =
      input.password === undefined ? 'kept' : input.password === null ? 'removed' : 'changed';
    await this.audit.record(em, {
      action: 'mail.settings_update',
      outcome: 'success',
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'setting',
      targetId: ROW_KEY,
      detail: `${next.tls}://${next.host}:${next.port} user ${next.user || '(none)'} from ${next.from}; password ${passwordNote}`,
    });
    return viewOf(next);
  }

  /** Removes the settings and the sealed password; e-mail features are off. Audited. */
  async remove(em: EntityManager, actor: Session): Promise<void> {
    const result = await em.getRepository(SettingEntity).delete({ key: ROW_KEY });
    if (!result.affected) return;
    await this.audit.record(em, {
      action: 'mail.settings_remove',
      outcome: 'success',
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'setting',
      targetId: ROW_KEY,
    });
  }

  /**
   * The settings with the password opened, for the mailer. Errors: MAIL_NOT_CONFIGURED;
   * KEYCHAIN_UNAVAILABLE when the sealed password cannot be opened.
   */
  async smtp(): Promise<SmtpSettings> {
    const stored = await this.read(this.db.manager);
    if (!stored)
      throw new AppError(
        'MAIL_NOT_CONFIGURED',
        'E-mail is not set up on this till. An admin can set it up in Settings.',
      );
    const { sealedPassword, ...rest } = stored;
    const password =
      sealedPassword === null
        ? null
        : await openText(this.secrets, PASSWORD_PURPOSE, sealedPassword);
    return { ...rest, password };
  }
}

/**
 * Re-seals, inside `em`'s transaction, the stored SMTP password with `to` when `from` opens it (a
 * till's file copied to a store server takes the store key, secrets/store-key.ts).
 */
export async function resealMailPassword(
  em: EntityManager,
  from: SecretStore,
  to: SecretStore,
): Promise<void> {
  const row = await em.getRepository(SettingEntity).findOneBy({ key: ROW_KEY });
  const parsed = row ? storedSchema.safeParse(JSON.parse(row.value)) : null;
  if (!row || !parsed?.success || !parsed.data.sealedPassword) return;
  const password = await openText(from, PASSWORD_PURPOSE, parsed.data.sealedPassword).catch(
    () => null,
  );
  if (password === null) return;
  const sealedPassword = await sealText(to, PASSWORD_PURPOSE, password);
  await em
    .getRepository(SettingEntity)
    .save({ ...row, value: JSON.stringify({ ...parsed.data, sealedPassword }) });
}

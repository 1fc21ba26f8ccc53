/**
 * What the backups keep in `settings` (no schema change): `backups` (the second folder and the
 * passphrase, sealed with the data-protection key like the SMTP password) and `backup_last_run`
 * (the last run and the last good backup's time, for the status and the daily schedule).
 * A row that no longer parses reads as absent.
 */
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { backupRunSchema, type BackupRun } from '../../../shared/contract/backups';
import type { Database } from '../db/database';
import { openText, sealText } from '../secrets/sealed-text';
import { SettingEntity } from '../settings/setting.entity';
import type { Clock, SecretStore } from '../types';

const CONFIG_KEY = 'backups';
const LAST_RUN_KEY = 'backup_last_run';
/** The additional authenticated data of the sealed passphrase: it opens only as this field. */
const PASSPHRASE_PURPOSE = 'backups.passphrase';

const configSchema = z.object({
  folder: z.string().nullable(),
  sealedPassphrase: z.string().nullable(),
});
export type BackupConfig = z.infer<typeof configSchema>;

const lastSchema = z.object({ run: backupRunSchema, lastSuccessAt: z.string().nullable() });
export type LastBackup = z.infer<typeof lastSchema>;

export class BackupSettings {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly secrets: SecretStore,
  ) {}

  private async readRow<T>(em: EntityManager, key: string, schema: z.ZodType<T>) {
    const row = await em.getRepository(SettingEntity).findOneBy({ key });
    if (!row) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private async writeRow(em: EntityManager, key: string, value: unknown): Promise<void> {
    await em.getRepository(SettingEntity).save({
      key,
      value: JSON.stringify(value),
      updatedAt: this.clock.now().toISOString(),
    });
  }

  config(em: EntityManager = this.db.manager): Promise<BackupConfig> {
    return this.readRow(em, CONFIG_KEY, configSchema).then(
      (c) => c ?? { folder: null, sealedPassphrase: null },
    );
  }

  /** The passphrase set now, or null. Errors: KEYCHAIN_UNAVAILABLE when it cannot be opened. */
  async passphrase(): Promise<string | null> {
    const { sealedPassphrase } = await this.config();
    return sealedPassphrase ? openText(this.secrets, PASSPHRASE_PURPOSE, sealedPassphrase) : null;
  }

  /** `passphrase`: a string sets it, null removes it, undefined keeps it. */
  async saveConfig(
    em: EntityManager,
    folder: string | null,
    passphrase: string | null | undefined,
  ): Promise<void> {
    const current = await this.config(em);
    const sealedPassphrase =
      passphrase === undefined
        ? current.sealedPassphrase
        : passphrase === null
          ? null
          : await sealText(this.secrets, PASSPHRASE_PURPOSE, passphrase);
    await this.writeRow(em, CONFIG_KEY, { folder, sealedPassphrase });
  }

  last(em: EntityManager = this.db.manager): Promise<LastBackup | null> {
    return this.readRow(em, LAST_RUN_KEY, lastSchema);
  }

  async recordRun(em: EntityManager, run: BackupRun, localWritten: boolean): Promise<void> {
    const previous = await this.last(em);
    await this.writeRow(em, LAST_RUN_KEY, {
      run,
      lastSuccessAt: localWritten ? run.at : (previous?.lastSuccessAt ?? null),
    });
  }
}

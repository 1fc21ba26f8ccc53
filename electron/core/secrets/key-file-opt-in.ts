/**
 * Where the data-protection key lives: the OS keychain, or, on a till without one whose admin
 * opted in, a key file readable only by the app's user (issue 9, section 1; docs/security-
 * requirements.md, "Keychain"). The opt-in is a settings row (`keyFileSetting`), so it survives
 * restarts, and is audited as `settings.key_file_opt_in` (L1). It is one till's: on a store server
 * the row names the till, so a till whose keychain failed never moves the others to key files. It
 * is refused while the OS keychain works: a key file is weaker than the keychain, so it is never
 * chosen over one.
 *
 * `store` is the SecretStore every secret-sealing service uses: the key file once opted in, the OS
 * keychain otherwise. The audit chain's seal key stays in the OS keychain only (chain-seal.ts):
 * a seal key in a file beside the database would not stop anyone who can rewrite the database.
 */
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { SettingEntity } from '../settings/setting.entity';
import type { Clock, SecretStore } from '../types';
import { DATA_PROTECTION_KEY_ACCOUNT } from './data-key';
import { createKeyFileSecretStore } from './key-file-store';

/** The settings row that records a SQLite till's opt-in ('1'). */
export const KEY_FILE_SETTING = 'secrets_key_file';

/**
 * The settings row of till `tillId`'s opt-in: on a store server, where the tills share `settings`,
 * `secrets_key_file.<tills.id>`; in a SQLite file (one till's, `tillId` null) KEY_FILE_SETTING.
 */
export function keyFileSetting(tillId: number | null): string {
  return tillId === null ? KEY_FILE_SETTING : `${KEY_FILE_SETTING}.${tillId}`;
}

/** Where secrets are kept: the OS keychain, the opted-in key file, or nowhere (features refused). */
export type KeychainKind = 'os' | 'keyFile' | 'none';

export class KeyFileOptIn {
  private optedIn = false;
  private readonly keyFile: SecretStore;
  /** The store the data-protection key is read from and written to. */
  readonly store: SecretStore;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly osKeychain: SecretStore,
    /** The key file's path, beside the database. */
    readonly keyFilePath: string,
    /** The settings row of this till's opt-in (`keyFileSetting`). */
    private readonly setting: string,
  ) {
    this.keyFile = createKeyFileSecretStore(keyFilePath);
    const current = () => (this.optedIn ? this.keyFile : this.osKeychain);
    this.store = {
      get: (key) => current().get(key),
      set: (key, value) => current().set(key, value),
      delete: (key) => current().delete(key),
    };
  }

  /** Reads the opt-in row; call once the database is open. */
  async load(): Promise<void> {
    const row = await this.db.manager.getRepository(SettingEntity).findOneBy({ key: this.setting });
    this.optedIn = row?.value === '1';
  }

  /** True when the OS keychain answers a read (the key need not exist yet). */
  private async osKeychainWorks(): Promise<boolean> {
    try {
      await this.osKeychain.get(DATA_PROTECTION_KEY_ACCOUNT);
      return true;
    } catch {
      return false;
    }
  }

  /** Where secrets are kept now. */
  async status(): Promise<{ keychain: KeychainKind }> {
    if (this.optedIn) return { keychain: 'keyFile' };
    return { keychain: (await this.osKeychainWorks()) ? 'os' : 'none' };
  }

  /**
   * Opts this till in to the key file. Errors: `CONFLICT` while the OS keychain works or when
   * already opted in; nothing changes then. The row and its audit entry are one transaction.
   */
  async useKeyFile(actor: Session): Promise<{ keychain: KeychainKind }> {
    if (this.optedIn)
      throw new AppError('CONFLICT', 'This till already keeps secrets in a key file.');
    if (await this.osKeychainWorks())
      throw new AppError(
        'CONFLICT',
        'The OS keychain is available; secrets stay in the keychain, not in a key file.',
      );
    await this.db.write(async (em) => {
      await em.getRepository(SettingEntity).save({
        key: this.setting,
        value: '1',
        updatedAt: this.clock.now().toISOString(),
      });
      await this.audit.record(em, {
        action: 'settings.key_file_opt_in',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'setting',
        targetId: this.setting,
        detail: 'secrets are kept in a key file readable only by the app user',
      });
    });
    this.optedIn = true;
    return { keychain: 'keyFile' };
  }
}

/** Till settings: the idle-lock minutes (S2) and the till's name. Changes are audited (L1). */
import type { TillSettings } from '../../../shared/contract/settings';
import type { AuditLog } from '../audit/audit-log';
import type { Database } from '../db/database';
import type { Session } from '../auth/sessions';
import type { Clock } from '../types';
import { SettingEntity } from './setting.entity';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;
const IDLE_KEY = 'idle_lock_minutes';

export class SettingsService {
  private idle = DEFAULT_IDLE_LOCK_MINUTES;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    readonly terminalName: string,
  ) {}

  /** Loads cached values; call once at start-up. */
  async load(): Promise<void> {
    const row = await this.db.manager.getRepository(SettingEntity).findOneBy({ key: IDLE_KEY });
    const n = row ? Number(row.value) : NaN;
    this.idle = Number.isInteger(n) && n >= 1 && n <= 15 ? n : DEFAULT_IDLE_LOCK_MINUTES;
  }

  /** Minutes of inactivity before a session idle-locks (1..15). */
  idleLockMinutes(): number {
    return this.idle;
  }

  get(): TillSettings {
    return { terminalName: this.terminalName, idleLockMinutes: this.idle };
  }

  /** Sets the idle-lock minutes (validated 1..15 by the contract) and audits the change. */
  async update(actor: Session, input: { idleLockMinutes: number }): Promise<TillSettings> {
    const before = this.idle;
    await this.db.write(async (em) => {
      await em.getRepository(SettingEntity).save({
        key: IDLE_KEY,
        value: String(input.idleLockMinutes),
        updatedAt: this.clock.now().toISOString(),
      });
      await this.audit.record(em, {
        action: 'settings.update',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'setting',
        targetId: IDLE_KEY,
        detail: `${before} -> ${input.idleLockMinutes}`,
      });
    });
    this.idle = input.idleLockMinutes;
    return this.get();
  }
}

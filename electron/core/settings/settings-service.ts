/**
 * Till and store settings, as key/value rows cached in memory: the idle-lock minutes (S2), the
 * store name, the currency (ISO 4217), whether prices include tax, and the store's time zone.
 * Every change is audited (L1). The currency is fixed once the first sale is recorded, because
 * every stored amount is in its minor unit.
 */
import { AppError } from '../../../shared/errors';
import type { TillSettings } from '../../../shared/contract/settings';
import { currencyExponent } from '../../../shared/money';
import type { AuditLog } from '../audit/audit-log';
import type { Database } from '../db/database';
import type { Session } from '../auth/sessions';
import { SaleEntity } from '../sales/sale.entity';
import type { Clock } from '../types';
import { SettingEntity } from './setting.entity';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const DEFAULT_CURRENCY = 'GBP';

/** The machine's IANA zone, or UTC when it has none: the store zone until one is set. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

interface StoreValues {
  idleLockMinutes: number;
  storeName: string;
  currency: string;
  pricesIncludeTax: boolean;
  timeZone: string;
}
type Key = keyof StoreValues;

const KEYS: Record<Key, string> = {
  idleLockMinutes: 'idle_lock_minutes',
  storeName: 'store_name',
  currency: 'currency',
  pricesIncludeTax: 'prices_include_tax',
  timeZone: 'time_zone',
};

function parse(key: Key, raw: string | undefined): StoreValues[Key] | undefined {
  if (raw === undefined) return undefined;
  switch (key) {
    case 'idleLockMinutes': {
      const n = Number(raw);
      return Number.isInteger(n) && n >= 1 && n <= 15 ? n : undefined;
    }
    case 'pricesIncludeTax':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    default:
      return raw;
  }
}

export class SettingsService {
  private values: StoreValues = {
    idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
    storeName: 'Kassa',
    currency: DEFAULT_CURRENCY,
    pricesIncludeTax: true,
    timeZone: systemTimeZone(),
  };

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    readonly terminalName: string,
  ) {}

  /** Loads cached values; call once at start-up. Unknown or broken rows fall back to defaults. */
  async load(): Promise<void> {
    const rows = await this.db.manager.getRepository(SettingEntity).find();
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    for (const key of Object.keys(KEYS) as Key[]) {
      const v = parse(key, byKey.get(KEYS[key]));
      if (v !== undefined) (this.values as unknown as Record<Key, unknown>)[key] = v;
    }
  }

  /** Minutes of inactivity before a session idle-locks (1..15). */
  idleLockMinutes(): number {
    return this.values.idleLockMinutes;
  }

  /** ISO 4217 code every amount is in. */
  currency(): string {
    return this.values.currency;
  }

  pricesIncludeTax(): boolean {
    return this.values.pricesIncludeTax;
  }

  /** IANA zone that defines "a day" (voids, day summary). */
  timeZone(): string {
    return this.values.timeZone;
  }

  get(): TillSettings {
    return {
      terminalName: this.terminalName,
      ...this.values,
      currencyExponent: currencyExponent(this.values.currency),
    };
  }

  /**
   * Changes the given settings (validated by the contract) and audits each change.
   * Errors: CONFLICT when the currency would change after the first sale.
   */
  async update(actor: Session, input: Partial<StoreValues>): Promise<TillSettings> {
    const changes = (Object.keys(KEYS) as Key[]).filter(
      (k) => input[k] !== undefined && input[k] !== this.values[k],
    );
    await this.db.write(async (em) => {
      if (changes.includes('currency')) {
        const sold = await em.getRepository(SaleEntity).exists();
        if (sold)
          throw new AppError(
            'CONFLICT',
            'The currency cannot change once sales are recorded: every amount is in its minor unit.',
          );
      }
      for (const key of changes) {
        await em.getRepository(SettingEntity).save({
          key: KEYS[key],
          value: String(input[key]),
          updatedAt: this.clock.now().toISOString(),
        });
        await this.audit.record(em, {
          action: 'settings.update',
          outcome: 'success',
          actorId: actor.staff.id,
          actorName: actor.staff.username,
          targetType: 'setting',
          targetId: KEYS[key],
          detail: `${String(this.values[key])} -> ${String(input[key])}`,
        });
      }
    });
    for (const key of changes) (this.values as unknown as Record<Key, unknown>)[key] = input[key];
    return this.get();
  }
}

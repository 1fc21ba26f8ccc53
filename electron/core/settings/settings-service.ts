/**
 * Till and store settings, as key/value rows cached in memory: the idle-lock minutes (S2), the
 * store's name, address, VAT number and receipt footer (printed on receipts), its country
 * (ISO 3166-1), currency (ISO 4217), whether prices include tax and the default tax rate of new
 * products, the store's time zone and locale (BCP 47), the largest discount a member may give
 * without sales.discountOverride (M2), and whether the first-run store set-up is done. Every change
 * is audited (L1). The currency is fixed once the first sale is recorded, because every stored
 * amount is in its minor unit. Values are validated by the contract (shared/contract/settings.ts)
 * before they reach this service; a stored value that no longer parses reads as its default.
 *
 * The cache serves the screens and the session rules. What a sale is priced and recorded with
 * (currency, tax mode, discount limit) is read from the table inside the sale's own write
 * transaction (`moneyRules`), so a settings change committed just before it, here or on another
 * till sharing the file, is always the one that applies (D2).
 *
 * On a store server (PostgreSQL, issue 12) several tills share the table: the router calls
 * `follow` at the start of every call, which reads the rows again, so a change made on another
 * till (the idle-lock minutes, the store's name, zone or locale) applies here at the next call.
 * On SQLite the core is the file's only writer and the cache stays as loaded and updated.
 */
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import { DEFAULT_STORE_LOCALE, type TillSettings } from '../../../shared/contract/settings';
import { currencyExponent } from '../../../shared/money';
import type { AuditLog } from '../audit/audit-log';
import type { Database } from '../db/database';
import { isPostgres, run } from '../db/sql';
import type { Session } from '../auth/sessions';
import {
  accessFrom,
  STAFF_ACCESS_COLUMNS,
  STAFF_ACCESS_FROM,
  type StaffAccess,
  type StaffAccessRow,
} from '../auth/staff-access';
import { SaleEntity } from '../sales/sale.entity';
import type { Clock } from '../types';
import { SettingEntity } from './setting.entity';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const DEFAULT_CURRENCY = 'GBP';
export const DEFAULT_COUNTRY = 'GB';
/** 20 %: the UK standard VAT rate, matching the default country and currency. */
export const DEFAULT_TAX_RATE_BPS = 2_000;
/** 50 %: the largest discount without sales.discountOverride until an admin sets another. */
export const DEFAULT_MAX_DISCOUNT_BPS = 5_000;

let machineZone: string | undefined;

/** The machine's IANA zone, or UTC when it has none; looked up once (Intl is slow to ask). */
export function systemTimeZone(): string {
  machineZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return machineZone;
}

interface StoreValues {
  idleLockMinutes: number;
  storeName: string;
  storeAddress: string;
  taxNumber: string;
  country: string;
  currency: string;
  pricesIncludeTax: boolean;
  defaultTaxRateBps: number;
  timeZone: string;
  receiptFooter: string;
  locale: string;
  maxDiscountBps: number;
  storeSetUp: boolean;
  customerDisplay: boolean;
}
/** What `settings:update` may change (everything but the set-up marker). */
export type SettingsChanges = Partial<Omit<StoreValues, 'storeSetUp'>>;
/** What `settings:setUpStore` takes: every store detail. */
export type StoreSetUp = Omit<
  StoreValues,
  'idleLockMinutes' | 'maxDiscountBps' | 'storeSetUp' | 'customerDisplay'
>;
type Key = keyof StoreValues;

/** The settings a sale is priced and recorded with, as stored when its transaction reads them. */
export interface MoneyRules {
  /** ISO 4217. */
  currency: string;
  pricesIncludeTax: boolean;
  /** Basis points, 0..10000. */
  maxDiscountBps: number;
}

const KEYS: Record<Key, string> = {
  idleLockMinutes: 'idle_lock_minutes',
  storeName: 'store_name',
  storeAddress: 'store_address',
  taxNumber: 'tax_number',
  country: 'country',
  currency: 'currency',
  pricesIncludeTax: 'prices_include_tax',
  defaultTaxRateBps: 'default_tax_rate_bps',
  timeZone: 'time_zone',
  receiptFooter: 'receipt_footer',
  locale: 'locale',
  maxDiscountBps: 'max_discount_bps',
  storeSetUp: 'store_set_up',
  customerDisplay: 'customer_display',
};

function defaults(): StoreValues {
  return {
    idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
    storeName: 'Kassa',
    storeAddress: '',
    taxNumber: '',
    country: DEFAULT_COUNTRY,
    currency: DEFAULT_CURRENCY,
    pricesIncludeTax: true,
    defaultTaxRateBps: DEFAULT_TAX_RATE_BPS,
    timeZone: systemTimeZone(),
    receiptFooter: '',
    locale: DEFAULT_STORE_LOCALE,
    maxDiscountBps: DEFAULT_MAX_DISCOUNT_BPS,
    storeSetUp: false,
    customerDisplay: true,
  };
}

function parseInteger(raw: string, min: number, max: number): number | undefined {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function parse(key: Key, raw: string | undefined): StoreValues[Key] | undefined {
  if (raw === undefined) return undefined;
  switch (key) {
    case 'idleLockMinutes':
      return parseInteger(raw, 1, 15);
    case 'maxDiscountBps':
    case 'defaultTaxRateBps':
      return parseInteger(raw, 0, 10_000);
    case 'pricesIncludeTax':
    case 'storeSetUp':
    case 'customerDisplay':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    default:
      return raw;
  }
}

const MONEY_KEYS = ['currency', 'pricesIncludeTax', 'maxDiscountBps'] as const;

/** Typed values from stored rows; defaults fill gaps and replace broken values. */
function valuesFrom(rows: ReadonlyArray<{ key: string; value: string }>): StoreValues {
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const values = defaults();
  for (const key of Object.keys(KEYS) as Key[]) {
    const v = parse(key, byKey.get(KEYS[key]));
    if (v !== undefined) (values as unknown as Record<Key, unknown>)[key] = v;
  }
  return values;
}

/** The settings rows' empty access columns, for the union with the access read in `follow`. */
const ACCESS_NULLS =
  'NULL AS status, NULL AS role_id, NULL AS role_name, NULL AS session_epoch, ' +
  'NULL AS permission_id, NULL AS email_verified_at, NULL AS phone_verified_at';

/** The stored values read through `em` (inside a transaction when `em` is one). */
async function readValues(em: EntityManager): Promise<StoreValues> {
  return valuesFrom(await em.getRepository(SettingEntity).find());
}

export class SettingsService {
  private values: StoreValues = defaults();
  /** Bumped at every change of `values`, so a `follow` that read before it does not undo it. */
  private version = 0;
  /** Every settings row the last `follow` read (key → stored value); see `followedRows`. */
  private followed: ReadonlyMap<string, string> | null = null;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    readonly terminalName: string,
  ) {}

  /** True on a store server (PostgreSQL), where other tills may change the rows: see `follow`. */
  get shared(): boolean {
    return isPostgres(this.db.manager);
  }

  /** Loads cached values; call once at start-up. Unknown or broken rows fall back to defaults. */
  async load(): Promise<void> {
    this.set(await readValues(this.db.manager));
  }

  /**
   * Issue 12: on a store server, the cached values become the stored ones again (another till may
   * have changed them); on SQLite it does nothing. Never rejects: when the server cannot be read
   * the values stay as they were, and the call that asked meets the server's absence itself.
   *
   * With `staffId` (a signed-in member's call that is not a write), the same statement reads that
   * member's access too (A8, `readStaffAccess`'s columns), so the call's gate needs no round trip
   * of its own: answered as a StaffAccess, or null when the row is gone. Undefined when nothing
   * was read (SQLite, no `staffId`, or the server away): the gate then reads it itself.
   */
  async follow(staffId?: number): Promise<StaffAccess | null | undefined> {
    if (!this.shared) return undefined;
    const version = this.version;
    try {
      const rows = await run<StaffAccessRow & { part: number; key: string; value: string }>(
        this.db.manager,
        staffId === undefined
          ? 'SELECT 0 AS part, key, value FROM settings'
          : `SELECT 0 AS part, key, value, ${ACCESS_NULLS} FROM settings
             UNION ALL SELECT 1, NULL, NULL, ${STAFF_ACCESS_COLUMNS} ${STAFF_ACCESS_FROM}`,
        staffId === undefined ? [] : [staffId],
        { reusePlan: true },
      );
      const settings = rows.filter((r) => Number(r.part) === 0);
      this.followed = new Map(settings.map((r) => [r.key, r.value]));
      if (this.version === version) this.set(valuesFrom(settings));
      return staffId === undefined
        ? undefined
        : accessFrom(rows.filter((r) => Number(r.part) === 1));
    } catch {
      // The server is away: the call's own reads answer SERVER_UNREACHABLE.
      this.followed = null;
      return undefined;
    }
  }

  /**
   * On a store server, every settings row exactly as the latest `follow` read it (key → stored
   * value, sealed values still sealed), so a check in the same call reads them without a round
   * trip of its own (the router's verification-policy gate, A8). Null on SQLite, before the first
   * `follow`, and after one that failed: then the caller reads the rows itself.
   */
  followedRows(): ReadonlyMap<string, string> | null {
    return this.followed;
  }

  private set(values: StoreValues): void {
    this.values = values;
    this.version += 1;
  }

  /** Minutes of inactivity before a session idle-locks (1..15). */
  idleLockMinutes(): number {
    return this.values.idleLockMinutes;
  }

  /** ISO 4217 code every amount is in (cached: for screens and imports, not for pricing a sale). */
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

  /** ISO 3166-1 alpha-2 country of the store: the default region of phone numbers. */
  country(): string {
    return this.values.country;
  }

  /** BCP 47 locale of the screens (e.g. "en-GB", "de-DE"); public through `app:status`. */
  locale(): string {
    return this.values.locale;
  }

  /** Basis points a new product starts with unless it says otherwise. */
  defaultTaxRateBps(): number {
    return this.values.defaultTaxRateBps;
  }

  /**
   * Currency, tax mode and discount limit as stored, read through `em`: pass the sale's write
   * transaction so the sale is priced and recorded with what is committed when it is written
   * (D2), never with a cached value a concurrent `settings:update` has since replaced.
   */
  async moneyRules(em: EntityManager): Promise<MoneyRules> {
    return (await this.moneyRulesWith(em, [])).rules;
  }

  /**
   * `moneyRules`, and the stored values of the settings keys in `also` (key → value as stored;
   * a key without a row is absent), in the same statement: a sale reads every setting it needs
   * in one round trip, which on a store server is what a statement costs (issue 12, section 5).
   */
  async moneyRulesWith(
    em: EntityManager,
    also: readonly string[],
  ): Promise<{ rules: MoneyRules; stored: ReadonlyMap<string, string> }> {
    // One small statement on the checkout path (no entity hydration).
    const keys = [...MONEY_KEYS.map((k) => KEYS[k]), ...also];
    const rows = await run<{ key: string; value: string }>(
      em,
      `SELECT key, value FROM settings WHERE key IN (${keys.map(() => '?').join(', ')})`,
      keys,
      { reusePlan: true },
    );
    const v = valuesFrom(rows);
    return {
      rules: {
        currency: v.currency,
        pricesIncludeTax: v.pricesIncludeTax,
        maxDiscountBps: v.maxDiscountBps,
      },
      stored: new Map(rows.map((r) => [r.key, r.value])),
    };
  }

  get(): TillSettings {
    return {
      terminalName: this.terminalName,
      ...this.values,
      currencyExponent: currencyExponent(this.values.currency),
    };
  }

  /**
   * Changes the given settings (validated by the contract) and audits each change. What changes
   * is decided against the stored values inside the write transaction, so concurrent updates
   * (or another till's) are neither lost nor audited twice. Errors: CONFLICT when the currency
   * would change after the first sale.
   */
  async update(actor: Session, input: SettingsChanges): Promise<TillSettings> {
    this.set(await this.db.write((em) => this.write(em, actor, input)));
    return this.get();
  }

  /**
   * The first-run store set-up (after the first admin): writes every store detail and marks the
   * store as set up, in one transaction, each change audited plus one `settings.store_set_up`
   * row (L1). Errors: CONFLICT when the store is already set up, or when the currency would
   * change after the first sale; nothing is written then.
   */
  async setUpStore(actor: Session, input: StoreSetUp): Promise<TillSettings> {
    const stored = await this.db.write(async (em) => {
      if ((await readValues(em)).storeSetUp)
        throw new AppError(
          'CONFLICT',
          'The store is already set up. Change its details in Settings.',
        );
      const next = await this.write(em, actor, { ...input, storeSetUp: true });
      await this.audit.record(em, {
        action: 'settings.store_set_up',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'setting',
        targetId: KEYS.storeSetUp,
        detail: `${input.storeName}; ${input.country}; ${input.currency}; ${input.locale}`,
      });
      return next;
    });
    this.set(stored);
    return this.get();
  }

  /** Writes and audits the values in `input` that differ from the stored ones, inside `em`. */
  private async write(
    em: EntityManager,
    actor: Session,
    input: Partial<StoreValues>,
  ): Promise<StoreValues> {
    const stored = await readValues(em);
    const changes = (Object.keys(KEYS) as Key[]).filter(
      (k) => input[k] !== undefined && input[k] !== stored[k],
    );
    if (changes.includes('currency')) {
      const sold = await em.getRepository(SaleEntity).exists();
      if (sold)
        throw new AppError(
          'CONFLICT',
          'The currency cannot change once sales are recorded: every amount is in its minor unit.',
        );
    }
    const next = { ...stored };
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
        detail: `${String(stored[key])} -> ${String(input[key])}`,
      });
      (next as unknown as Record<Key, unknown>)[key] = input[key];
    }
    return next;
  }
}

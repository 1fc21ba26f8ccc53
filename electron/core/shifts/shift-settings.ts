/**
 * The store's shift settings (issue 10, section 1), rows of the `settings` table read inside the
 * caller's transaction, so a change committed just before is honoured by the next sale:
 * - `shifts.require_open_shift` ('true'/'false'; default true): sales need an open shift;
 * - `shifts.over_short_note_threshold` (minor units; default by currency, `defaultNoteThreshold`:
 *   £5.00, Rp50,000): above it a close needs a note;
 * - `shifts.denominations.<CUR>`: the store's own table for a currency, "n5000,c200,…" (n note,
 *   c coin, value in minor units); absent means Kassa's default (shared/denominations.ts).
 */
import type { EntityManager } from 'typeorm';
import type { ShiftSettings } from '../../../shared/contract';
import {
  defaultDenominations,
  defaultNoteThreshold,
  type Denomination,
} from '../../../shared/denominations';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { run } from '../db/sql';
import type { Clock } from '../types';

export const REQUIRE_OPEN_SHIFT_KEY = 'shifts.require_open_shift';
export const NOTE_THRESHOLD_KEY = 'shifts.over_short_note_threshold';
const DENOMINATIONS_PREFIX = 'shifts.denominations.';

async function value(em: EntityManager, key: string): Promise<string | undefined> {
  const rows = await run<{ value: string }>(em, 'SELECT value FROM settings WHERE key = ?', [key], {
    reusePlan: true,
  });
  return rows[0]?.value;
}

/** Whether sales need an open shift on the till (default true). */
export async function requireOpenShift(em: EntityManager): Promise<boolean> {
  return requireOpenShiftFrom(await value(em, REQUIRE_OPEN_SHIFT_KEY));
}

/** What a stored `shifts.require_open_shift` value (undefined: no row) says. */
export function requireOpenShiftFrom(stored: string | undefined): boolean {
  return stored !== 'false';
}

/**
 * The over/short above which a close needs a note, minor units of `currency` (the store's): the
 * store's own, else the currency's default (`defaultNoteThreshold`).
 */
export async function noteThreshold(em: EntityManager, currency: string): Promise<number> {
  const raw = await value(em, NOTE_THRESHOLD_KEY);
  const n = Number(raw);
  return raw !== undefined && Number.isSafeInteger(n) && n >= 0
    ? n
    : defaultNoteThreshold(currency);
}

function encode(table: readonly Denomination[]): string {
  return table.map((d) => `${d.kind === 'note' ? 'n' : 'c'}${d.value}`).join(',');
}

function decode(raw: string): Denomination[] {
  return raw
    .split(',')
    .map((p) => ({ kind: p[0] === 'n' ? 'note' : 'coin', value: Number(p.slice(1)) }));
}

/** The store's table for `currency` (its own edit, else the default), largest first. */
export async function denominationsFor(
  em: EntityManager,
  currency: string,
): Promise<{ table: Denomination[]; edited: boolean }> {
  const raw = await value(em, DENOMINATIONS_PREFIX + currency);
  return raw
    ? { table: decode(raw), edited: true }
    : { table: defaultDenominations(currency), edited: false };
}

export class ShiftSettingsStore {
  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly currency: (em: EntityManager) => Promise<string>,
  ) {}

  /** `shifts:settings`, read through `em`. */
  async read(em: EntityManager): Promise<ShiftSettings> {
    const currency = await this.currency(em);
    const { table, edited } = await denominationsFor(em, currency);
    return {
      requireOpenShift: await requireOpenShift(em),
      overShortNoteThreshold: await noteThreshold(em, currency),
      currency,
      denominations: table,
      denominationsEdited: edited,
    };
  }

  /** `shifts:updateSettings`: writes and audits the values that differ. Inside a write. */
  async update(
    em: EntityManager,
    actor: Session,
    input: { requireOpenShift?: boolean | undefined; overShortNoteThreshold?: number | undefined },
  ): Promise<ShiftSettings> {
    const before = await this.read(em);
    if (input.requireOpenShift !== undefined && input.requireOpenShift !== before.requireOpenShift)
      await this.put(
        em,
        actor,
        REQUIRE_OPEN_SHIFT_KEY,
        String(before.requireOpenShift),
        String(input.requireOpenShift),
      );
    if (
      input.overShortNoteThreshold !== undefined &&
      input.overShortNoteThreshold !== before.overShortNoteThreshold
    )
      await this.put(
        em,
        actor,
        NOTE_THRESHOLD_KEY,
        String(before.overShortNoteThreshold),
        String(input.overShortNoteThreshold),
      );
    return this.read(em);
  }

  /**
   * `shifts:setDenominations`: the store's own table for `currency`, largest first, or the
   * default again (`null`). VALIDATION_FAILED for a value given twice. Inside a write.
   */
  async setDenominations(
    em: EntityManager,
    actor: Session,
    currency: string,
    table: readonly Denomination[] | null,
  ): Promise<ShiftSettings> {
    const key = DENOMINATIONS_PREFIX + currency;
    const before = await value(em, key);
    if (table === null) {
      if (before !== undefined) {
        await run(em, 'DELETE FROM settings WHERE key = ?', [key]);
        await this.record(em, actor, key, `${before} -> default`);
      }
      return this.read(em);
    }
    const seen = new Set<number>();
    table.forEach((d, i) => {
      if (seen.has(d.value))
        throw new AppError('VALIDATION_FAILED', 'Each note or coin may be listed once.', [
          { path: `denominations.${i}.value`, message: 'Listed twice' },
        ]);
      seen.add(d.value);
    });
    const next = encode([...table].sort((a, b) => b.value - a.value));
    if (next !== before) await this.put(em, actor, key, before ?? 'default', next);
    return this.read(em);
  }

  private async put(em: EntityManager, actor: Session, key: string, from: string, to: string) {
    const now = this.clock.now().toISOString();
    const updated = await run(
      em,
      'UPDATE settings SET value = ?, updated_at = ? WHERE key = ? RETURNING key',
      [to, now, key],
    );
    if (updated.length === 0)
      await run(em, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)', [
        key,
        to,
        now,
      ]);
    await this.record(em, actor, key, `${from} -> ${to}`);
  }

  private record(em: EntityManager, actor: Session, key: string, detail: string) {
    return this.audit.record(em, {
      action: 'settings.update',
      outcome: 'success',
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'setting',
      targetId: key,
      detail,
    });
  }
}

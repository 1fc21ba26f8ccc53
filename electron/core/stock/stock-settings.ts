/**
 * The store's stock settings (issue 11, section 2), a row of the `settings` table read inside the
 * caller's transaction, so a change committed just before is honoured by the next sale (D2):
 * `stock.negative_stock` = `warn` (default: a sale may take stock below zero, the cart warns) or
 * `refuse` (such a sale is INSUFFICIENT_STOCK and records nothing).
 */
import type { EntityManager } from 'typeorm';
import type { NegativeStockMode, StockSettings } from '../../../shared/contract/stock';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { run } from '../db/sql';
import type { Clock } from '../types';

export const NEGATIVE_STOCK_KEY = 'stock.negative_stock';

/** The store's negative-stock mode as stored; anything but `refuse` reads as `warn`. */
export async function negativeStockMode(em: EntityManager): Promise<NegativeStockMode> {
  const rows = await run<{ value: string }>(
    em,
    'SELECT value FROM settings WHERE key = ?',
    [NEGATIVE_STOCK_KEY],
    { reusePlan: true },
  );
  return negativeStockFrom(rows[0]?.value);
}

/** The mode a stored `stock.negative_stock` value (undefined: no row) stands for. */
export function negativeStockFrom(stored: string | undefined): NegativeStockMode {
  return stored === 'refuse' ? 'refuse' : 'warn';
}

export class StockSettingsStore {
  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** `stock:settings`, read through `em`. */
  async read(em: EntityManager): Promise<StockSettings> {
    return { negativeStock: await negativeStockMode(em) };
  }

  /** `stock:updateSettings`: writes and audits (settings.update) a changed mode. Inside a write. */
  async update(em: EntityManager, actor: Session, input: StockSettings): Promise<StockSettings> {
    const before = await negativeStockMode(em);
    if (input.negativeStock === before) return { negativeStock: before };
    const now = this.clock.now().toISOString();
    const updated = await run(
      em,
      'UPDATE settings SET value = ?, updated_at = ? WHERE key = ? RETURNING key',
      [input.negativeStock, now, NEGATIVE_STOCK_KEY],
    );
    if (updated.length === 0)
      await run(em, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)', [
        NEGATIVE_STOCK_KEY,
        input.negativeStock,
        now,
      ]);
    await this.audit.record(em, {
      action: 'settings.update',
      outcome: 'success',
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'setting',
      targetId: NEGATIVE_STOCK_KEY,
      detail: `${before} -> ${input.negativeStock}`,
    });
    return { negativeStock: input.negativeStock };
  }
}

/**
 * The stock channels (issue 11, section 2): adjustments and the opening balance, a product's
 * ledger, levels for the product list, the low-stock list, reorder levels and the drift check.
 * Every write goes through `recordMovements` (stock-ledger.ts) in one transaction with its audit
 * row (L1, D2); the ledger itself is immutable (D6).
 */
import type { EntityManager } from 'typeorm';
import type { ChannelParsedInput, ChannelOutput } from '../../../shared/contract';
import type { StockLevel, StockMovementView } from '../../../shared/contract/stock';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { Till } from '../sales/checkout-service';
import type { Clock } from '../types';
import { guardNegativeStock, recordMovements } from './stock-ledger';

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  kind: string;
  on_hand: number;
  reorder_level: number | null;
}

const LEVEL_COLUMNS = 'p.id, p.sku, p.name, p.kind, p.on_hand, p.reorder_level';

function level(p: ProductRow): StockLevel {
  return {
    productId: Number(p.id),
    sku: p.sku,
    name: p.name,
    onHand: Number(p.on_hand),
    reorderLevel: p.reorder_level === null ? null : Number(p.reorder_level),
  };
}

/** Which sign each adjustment reason allows (a found item adds, a damaged one takes away). */
const SIGN: Record<string, (q: number) => boolean> = {
  opening: (q) => q >= 0,
  damaged: (q) => q < 0,
  lost: (q) => q < 0,
  found: (q) => q > 0,
  correction: (q) => q !== 0,
};

export class StockService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly till: Till,
  ) {}

  /** The stock product `id` read through `em`. NOT_FOUND; VALIDATION_FAILED for a non-stock kind. */
  private async stockProduct(em: EntityManager, id: number): Promise<ProductRow> {
    const rows = await run<ProductRow>(
      em,
      `SELECT ${LEVEL_COLUMNS} FROM products p WHERE p.id = ?`,
      [id],
    );
    const p = rows[0];
    if (!p) throw new AppError('NOT_FOUND', 'That product does not exist.');
    if (p.kind !== 'stock')
      throw new AppError('VALIDATION_FAILED', `${p.name} is not a stock item: it has no stock.`, [
        { path: 'productId', message: `a ${p.kind} product has no stock` },
      ]);
    return p;
  }

  /**
   * `stock:adjust`: one `adjust` movement (or the `opening` balance) and the new on-hand, audited
   * as `stock.adjust`. Errors: NOT_FOUND, VALIDATION_FAILED (non-stock product; quantity 0 or of a
   * sign the reason does not allow), CONFLICT (an opening balance after movements),
   * INSUFFICIENT_STOCK (refuse mode and the result would be below zero).
   */
  async adjust(actor: Session, input: ChannelParsedInput<'stock:adjust'>): Promise<StockLevel> {
    return this.db.write(async (em) => {
      const p = await this.stockProduct(em, input.productId);
      if (!SIGN[input.reason]!(input.quantity))
        throw new AppError('VALIDATION_FAILED', signMessage(input.reason), [
          { path: 'quantity', message: signMessage(input.reason) },
        ]);
      const opening = input.reason === 'opening';
      if (opening) {
        const any = await run(em, 'SELECT 1 FROM stock_movements WHERE product_id = ? LIMIT 1', [
          p.id,
        ]);
        if (any.length > 0)
          throw new AppError(
            'CONFLICT',
            `${p.name} already has stock movements: use a correction instead of an opening balance.`,
          );
      }
      if (input.quantity < 0)
        await guardNegativeStock(em, [
          { productId: p.id, quantity: -input.quantity, onHand: Number(p.on_hand), name: p.name },
        ]);
      await recordMovements(em, [
        {
          productId: Number(p.id),
          kind: opening ? 'opening' : 'adjust',
          quantity: input.quantity,
          unitCost: null,
          reason: opening ? null : input.reason,
          note: input.note,
          staffId: actor.staff.id,
          tillId: this.till.id,
          saleId: null,
          createdAt: this.clock.now().toISOString(),
        },
      ]);
      const after = Number(p.on_hand) + input.quantity;
      await this.audit.record(em, {
        action: 'stock.adjust',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'product',
        targetId: p.id,
        detail: `${p.sku}; ${input.reason} ${input.quantity > 0 ? '+' : ''}${input.quantity}; on hand ${p.on_hand} -> ${after}${input.note ? `; note: ${input.note}` : ''}`,
      });
      return level({ ...p, on_hand: after });
    });
  }

  /** `stock:movements`: the ledger of one product, newest first, with the balance after each. */
  async movements(
    input: ChannelParsedInput<'stock:movements'>,
  ): Promise<ChannelOutput<'stock:movements'>> {
    const em = this.db.manager;
    const rows = await run<ProductRow>(
      em,
      `SELECT ${LEVEL_COLUMNS} FROM products p WHERE p.id = ?`,
      [input.productId],
    );
    if (!rows[0]) throw new AppError('NOT_FOUND', 'That product does not exist.');
    const total = await run<{ n: number }>(
      em,
      'SELECT COUNT(*) AS n FROM stock_movements WHERE product_id = ?',
      [input.productId],
    );
    const items = await run<{
      id: number;
      product_id: number;
      kind: StockMovementView['kind'];
      quantity: number;
      unit_cost: number | null;
      reason: StockMovementView['reason'];
      note: string | null;
      staff_id: number;
      staff_name: string;
      till_name: string;
      sale_id: number | null;
      created_at: string;
      balance: number;
    }>(
      em,
      `SELECT m.*, st.display_name AS staff_name, t.name AS till_name FROM (
         SELECT id, product_id, kind, quantity, unit_cost, reason, note, staff_id, till_id, sale_id,
           created_at, SUM(quantity) OVER (ORDER BY id) AS balance
         FROM stock_movements WHERE product_id = ?) m
       JOIN staff st ON st.id = m.staff_id JOIN tills t ON t.id = m.till_id
       ORDER BY m.id DESC LIMIT ? OFFSET ?`,
      [input.productId, input.limit, input.offset],
    );
    return {
      level: level(rows[0]),
      total: Number(total[0]?.n ?? 0),
      items: items.map((m) => ({
        id: Number(m.id),
        productId: Number(m.product_id),
        kind: m.kind,
        quantity: Number(m.quantity),
        unitCost: m.unit_cost === null ? null : Number(m.unit_cost),
        reason: m.reason,
        note: m.note,
        staff: { id: Number(m.staff_id), name: m.staff_name },
        tillName: m.till_name,
        saleId: m.sale_id === null ? null : Number(m.sale_id),
        balance: Number(m.balance),
        at: m.created_at,
      })),
    };
  }

  /** `stock:levels`: the stock products among `productIds`, in id order. */
  async levels(input: ChannelParsedInput<'stock:levels'>): Promise<StockLevel[]> {
    const ids = [...new Set(input.productIds)];
    const rows = await run<ProductRow>(
      this.db.manager,
      `SELECT ${LEVEL_COLUMNS} FROM products p WHERE p.kind = 'stock' AND p.id IN (${ids.map(() => '?').join(', ')}) ORDER BY p.id`,
      ids,
    );
    return rows.map(level);
  }

  /** `stock:lowStock`: active stock products at or under their reorder level, lowest first. */
  async lowStock(
    input: ChannelParsedInput<'stock:lowStock'>,
  ): Promise<ChannelOutput<'stock:lowStock'>> {
    const where = `p.kind = 'stock' AND p.active = TRUE AND p.archived_at IS NULL
      AND p.reorder_level IS NOT NULL AND p.on_hand <= p.reorder_level`;
    const em = this.db.manager;
    const total = await run<{ n: number }>(
      em,
      `SELECT COUNT(*) AS n FROM products p WHERE ${where}`,
    );
    const rows = await run<ProductRow>(
      em,
      `SELECT ${LEVEL_COLUMNS} FROM products p WHERE ${where} ORDER BY p.on_hand, p.id LIMIT ? OFFSET ?`,
      [input.limit, input.offset],
    );
    return { items: rows.map(level), total: Number(total[0]?.n ?? 0) };
  }

  /** `stock:setReorderLevel`: audited (stock.reorder_level) when it changes. */
  async setReorderLevel(
    actor: Session,
    input: ChannelParsedInput<'stock:setReorderLevel'>,
  ): Promise<StockLevel> {
    return this.db.write(async (em) => {
      const p = await this.stockProduct(em, input.productId);
      const before = p.reorder_level === null ? null : Number(p.reorder_level);
      if (before === input.reorderLevel) return level(p);
      await run(em, 'UPDATE products SET reorder_level = ? WHERE id = ?', [
        input.reorderLevel,
        p.id,
      ]);
      await this.audit.record(em, {
        action: 'stock.reorder_level',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'product',
        targetId: p.id,
        detail: `${p.sku}; reorder level ${before ?? 'none'} -> ${input.reorderLevel ?? 'none'}`,
      });
      return level({ ...p, reorder_level: input.reorderLevel });
    });
  }

  /**
   * `stock:check`: every product's on-hand against the sum of its ledger; the products whose
   * figures differ. Non-stock products must have on-hand 0 and no movements, so they are checked
   * too. One read (a consistent snapshot in WAL mode).
   */
  async check(): Promise<ChannelOutput<'stock:check'>> {
    const rows = await run<{ id: number; sku: string; on_hand: number; ledger: number }>(
      this.db.manager,
      `SELECT p.id, p.sku, p.on_hand, COALESCE(l.total, 0) AS ledger FROM products p
       LEFT JOIN (SELECT product_id, SUM(quantity) AS total FROM stock_movements GROUP BY product_id) l
         ON l.product_id = p.id
       ORDER BY p.id`,
    );
    const drift = rows
      .filter((r) => Number(r.on_hand) !== Number(r.ledger))
      .map((r) => ({
        productId: Number(r.id),
        sku: r.sku,
        onHand: Number(r.on_hand),
        ledger: Number(r.ledger),
      }));
    return { checked: rows.length, drift };
  }
}

function signMessage(reason: string): string {
  switch (reason) {
    case 'opening':
      return 'An opening balance is zero or more.';
    case 'found':
      return 'Found stock is a positive quantity.';
    case 'correction':
      return 'Enter a quantity other than zero.';
    default:
      return 'Damaged or lost stock is a negative quantity.';
  }
}

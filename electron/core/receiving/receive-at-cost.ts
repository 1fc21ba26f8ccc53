/**
 * Receiving at cost (issue 11, section 3): the one place a receipt becomes `receive` movements
 * (through `recordMovements`, stock-ledger.ts) and moves the products' last and moving average
 * cost, inside the caller's transaction (D2). Used by `stock:receive` and `purchaseOrders:receive`.
 */
import type { EntityManager } from 'typeorm';
import type { ReceivedLevel } from '../../../shared/contract/receiving';
import { AppError } from '../../../shared/errors';
import { run } from '../db/sql';
import { recordMovements } from '../stock/stock-ledger';

export interface CostLine {
  productId: number;
  /** > 0 units coming in. */
  quantity: number;
  /** Minor units per unit, ≥ 0. */
  unitCost: number;
}

export interface ReceiptContext {
  staffId: number;
  tillId: number;
  note: string | null;
  /** UTC ISO-8601. */
  createdAt: string;
}

interface ProductCosts {
  id: number;
  sku: string;
  name: string;
  kind: string;
  archived_at: string | null;
  on_hand: number;
  last_cost: number | null;
  average_cost: number | null;
}

/**
 * The moving average cost after receiving `quantity` at `unitCost` onto `onHand` units whose
 * average is `average` (minor units): (onHand·average + quantity·unitCost) / (onHand + quantity),
 * rounded half away from zero (exact, in BigInt). When on-hand is ≤ 0 (nothing on the shelf to
 * average with: a negative on-hand is goods sold before they were received) or there is no average
 * yet, it restarts at `unitCost`.
 */
export function movingAverageCost(
  onHand: number,
  average: number | null,
  quantity: number,
  unitCost: number,
): number {
  if (onHand <= 0 || average === null) return unitCost;
  const num = BigInt(onHand) * BigInt(average) + BigInt(quantity) * BigInt(unitCost);
  const den = BigInt(onHand + quantity);
  // All terms ≥ 0: half away from zero is floor((2·num + den) / (2·den)).
  return Number((2n * num + den) / (2n * den));
}

/**
 * Writes a receipt's lines (in order; the same product twice averages twice) and returns each
 * product's level and costs afterwards, in first-seen order. NOT_FOUND for an unknown product;
 * VALIDATION_FAILED (path `lines.<i>.productId`) for a non-stock or archived product. Nothing is
 * written unless every line is valid (the caller's transaction rolls back on the error).
 */
export async function receiveAtCost(
  em: EntityManager,
  lines: readonly CostLine[],
  at: ReceiptContext,
): Promise<ReceivedLevel[]> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const rows = await run<ProductCosts>(
    em,
    `SELECT id, sku, name, kind, archived_at, on_hand, last_cost, average_cost FROM products
     WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const state = new Map<number, ReceivedLevel>();
  lines.forEach((l, i) => {
    const p = byId.get(l.productId);
    if (!p) throw new AppError('NOT_FOUND', `Line ${i + 1}: that product does not exist.`);
    if (p.kind !== 'stock' || p.archived_at !== null)
      throw new AppError(
        'VALIDATION_FAILED',
        `${p.name} cannot be received: it is ${p.kind !== 'stock' ? 'not a stock item' : 'archived'}.`,
        [{ path: `lines.${i}.productId`, message: `product ${p.id} cannot be received` }],
      );
    const before = state.get(l.productId) ?? {
      productId: l.productId,
      onHand: Number(p.on_hand),
      lastCost: p.last_cost === null ? null : Number(p.last_cost),
      averageCost: p.average_cost === null ? null : Number(p.average_cost),
    };
    state.set(l.productId, {
      productId: l.productId,
      onHand: before.onHand + l.quantity,
      lastCost: l.unitCost,
      averageCost: movingAverageCost(before.onHand, before.averageCost, l.quantity, l.unitCost),
    });
  });
  await recordMovements(
    em,
    lines.map((l) => ({
      productId: l.productId,
      kind: 'receive',
      quantity: l.quantity,
      unitCost: l.unitCost,
      reason: null,
      note: at.note,
      staffId: at.staffId,
      tillId: at.tillId,
      saleId: null,
      createdAt: at.createdAt,
    })),
  );
  for (const s of state.values())
    await run(em, 'UPDATE products SET last_cost = ?, average_cost = ? WHERE id = ?', [
      s.lastCost,
      s.averageCost,
      s.productId,
    ]);
  return [...state.values()];
}

/** The audit detail of a receipt: `SKU +qty @ cost` per line (the audit log clips it). */
export async function receiptDetail(
  em: EntityManager,
  lines: readonly CostLine[],
  prefix: string,
): Promise<string> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const rows = await run<{ id: number; sku: string }>(
    em,
    `SELECT id, sku FROM products WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const sku = new Map(rows.map((r) => [Number(r.id), r.sku]));
  return `${prefix}${lines.map((l) => `${sku.get(l.productId)} +${l.quantity} @ ${l.unitCost}`).join('; ')}`;
}

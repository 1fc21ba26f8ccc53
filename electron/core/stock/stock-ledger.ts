/**
 * Writes stock movements (issue 11, section 2): the one way a product's stock changes. Each call
 * inserts the immutable `stock_movements` rows (D6) and adds their quantities to
 * `products.on_hand` in the caller's transaction (D2), so on-hand always equals the ledger sum.
 * Sales, refunds and voids call it from their own IMMEDIATE transaction (sales/checkout-service.ts,
 * sales/sale-actions.ts); adjustments from stock-service.ts.
 */
import type { EntityManager } from 'typeorm';
import type { StockMovementKind } from '../../../shared/contract/stock';
import { AppError } from '../../../shared/errors';
import { isPostgres, run, valuesList } from '../db/sql';
import { negativeStockMode } from './stock-settings';

export interface NewMovement {
  productId: number;
  kind: StockMovementKind;
  /** Signed: + in, − out. */
  quantity: number;
  /** Minor units per unit, where known. */
  unitCost: number | null;
  reason: string | null;
  note: string | null;
  staffId: number;
  tillId: number;
  saleId: number | null;
  /** UTC ISO-8601. */
  createdAt: string;
}

const COLUMNS = 10;

/**
 * Inserts `movements` and moves each product's on-hand by their sum. No-op for none. On a store
 * server the INSERT rides the first on-hand UPDATE as a data-modifying `WITH` query: a sale's
 * round trips are what its rate costs there (docs/benchmarks.md).
 */
export async function recordMovements(
  em: EntityManager,
  movements: readonly NewMovement[],
): Promise<void> {
  if (movements.length === 0) return;
  const params: unknown[] = [];
  for (const m of movements)
    params.push(
      m.productId,
      m.kind,
      m.quantity,
      m.unitCost,
      m.reason,
      m.note,
      m.staffId,
      m.tillId,
      m.saleId,
      m.createdAt,
    );
  const insert: Statement = {
    sql: `INSERT INTO stock_movements (product_id, kind, quantity, unit_cost, reason, note,
       staff_id, till_id, sale_id, created_at) VALUES ${valuesList(movements.length, COLUMNS)}`,
    params,
  };
  const moved = [...sumByProduct(movements)]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => a - b);
  if (isPostgres(em) && moved.length > 0) return moveOnHand(em, moved, insert);
  await run(em, insert.sql, insert.params, { reusePlan: true });
  await moveOnHand(em, moved, null);
}

/** SQL with `?` placeholders, and their values in order. */
interface Statement {
  sql: string;
  params: unknown[];
}

/** Products per on-hand UPDATE: 3 bound values each, far under either engine's limit. */
const PRODUCTS_PER_UPDATE = 500;

/**
 * Adds each product's delta to its on-hand (`moved`: [product id, delta ≠ 0] in id order), many
 * products per statement (a sale's ten lines are one UPDATE, not ten). On PostgreSQL, `first`
 * runs in the first UPDATE's statement, as a data-modifying WITH query, which runs once and to
 * completion whether or not it is read (PostgreSQL documentation, "WITH Queries"); the rows it
 * inserts have their foreign keys checked at the statement's end. Portable: the CAST types the
 * bound delta for PostgreSQL.
 */
async function moveOnHand(
  em: EntityManager,
  moved: ReadonlyArray<readonly [productId: number, delta: number]>,
  first: Statement | null,
): Promise<void> {
  for (let start = 0; start < moved.length; start += PRODUCTS_PER_UPDATE) {
    const chunk = moved.slice(start, start + PRODUCTS_PER_UPDATE);
    const ids = chunk.map(([productId]) => productId);
    const delta = `CASE p.id ${chunk.map(() => 'WHEN ? THEN CAST(? AS integer)').join(' ')} END`;
    const list = ids.map(() => '?').join(', ');
    const rider = start === 0 ? first : null;
    // On a store server each chunk's rows are locked in id order before the UPDATE touches
    // them, in the same statement: an UPDATE locks rows in the order it finds them, so two
    // writers moving overlapping products could otherwise deadlock. `NO KEY UPDATE`: see
    // lockForUpdate (the movements' foreign keys take `KEY SHARE`, which it lets through). The
    // row-locking CTE is evaluated apart from the UPDATE, and whichever way the join reads it,
    // rows are taken in its id order (PostgreSQL documentation, "WITH Queries", "The Locking
    // Clause"). SQLite's write transaction excludes every other writer.
    await run(
      em,
      isPostgres(em)
        ? `WITH ${rider ? `recorded AS (${rider.sql}), ` : ''}locked AS (SELECT id FROM products
             WHERE id IN (${list}) ORDER BY id FOR NO KEY UPDATE)
           UPDATE products p SET on_hand = p.on_hand + ${delta} FROM locked WHERE p.id = locked.id`
        : `UPDATE products AS p SET on_hand = p.on_hand + ${delta} WHERE p.id IN (${list})`,
      isPostgres(em)
        ? [...(rider?.params ?? []), ...ids, ...chunk.flat()]
        : [...chunk.flat(), ...ids],
      { reusePlan: true },
    );
  }
}

/** Who, where and when a sale, refund or void moved stock. */
export interface MovementContext {
  staffId: number;
  tillId: number;
  saleId: number;
  /** UTC ISO-8601. */
  createdAt: string;
}

/**
 * The `sale` movements of a sale's lines: one per line of a stock product (`onHand` not null, as
 * the quote read it), taking its quantity out at the line's unit cost (sale_lines.unit_cost, as
 * insertSale stored it; null when unknown).
 */
export function saleMovements(
  lines: ReadonlyArray<{
    productId: number;
    quantity: number;
    onHand: number | null;
    unitCost: number | null;
  }>,
  at: MovementContext,
): NewMovement[] {
  return lines
    .filter((l) => l.onHand !== null)
    .map((l) => movement(at, l.productId, 'sale', -l.quantity, l.unitCost, null));
}

/**
 * One movement of `at`, field by field: `{ ...at, productId, … }` costs V8 (Node 20) a runtime
 * call per object, about 8 µs a sale line (`npm run bench -- --sale-only`).
 */
function movement(
  at: MovementContext,
  productId: number,
  kind: StockMovementKind,
  quantity: number,
  unitCost: number | null,
  reason: string | null,
): NewMovement {
  return {
    productId,
    kind,
    quantity,
    unitCost,
    reason,
    note: null,
    staffId: at.staffId,
    tillId: at.tillId,
    saleId: at.saleId,
    createdAt: at.createdAt,
  };
}

/**
 * The `refund` movements of a refund's lines (negative quantities, as stored) whose product is a
 * stock item now: restocked (+ the quantity returned) or written off (0; the refund's lines keep
 * the quantity), at the refund line's unit cost (its original line's). `saleId` is the refund sale.
 */
export async function refundMovements(
  em: EntityManager,
  lines: ReadonlyArray<{ productId: number; quantity: number; unitCost: number | null }>,
  restock: boolean,
  at: MovementContext,
): Promise<NewMovement[]> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  if (ids.length === 0) return [];
  const stock = new Set(
    (
      await run<{ id: number }>(
        em,
        `SELECT id FROM products WHERE kind = 'stock' AND id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      )
    ).map((r) => Number(r.id)),
  );
  return lines
    .filter((l) => stock.has(l.productId))
    .map((l) =>
      movement(
        at,
        l.productId,
        'refund',
        restock ? -l.quantity : 0,
        l.unitCost,
        restock ? 'restock' : 'write_off',
      ),
    );
}

/**
 * A void gives back what the voided sale took: for each of its `sale` movements, the same
 * movement (and unit cost) with the opposite quantity and reason `void`. `at.saleId` is the voided
 * sale.
 */
export async function voidMovements(
  em: EntityManager,
  at: MovementContext,
): Promise<NewMovement[]> {
  const rows = await run<{ product_id: number; quantity: number; unit_cost: number | null }>(
    em,
    `SELECT product_id, quantity, unit_cost FROM stock_movements WHERE sale_id = ? AND kind = 'sale'
       AND reason IS NULL ORDER BY id`,
    [at.saleId],
  );
  return rows.map((r) =>
    movement(
      at,
      Number(r.product_id),
      'sale',
      -Number(r.quantity),
      r.unit_cost === null ? null : Number(r.unit_cost),
      'void',
    ),
  );
}

/** Σ quantity per product, in first-seen order. */
export function sumByProduct(
  items: ReadonlyArray<{ productId: number; quantity: number }>,
): Map<number, number> {
  const sums = new Map<number, number>();
  for (const i of items) sums.set(i.productId, (sums.get(i.productId) ?? 0) + i.quantity);
  return sums;
}

/** Lines taking `quantity` units out of a product that has `onHand` (null: stock not kept). */
type StockOut = ReadonlyArray<{
  productId: number;
  quantity: number;
  onHand: number | null;
  name: string;
}>;

/**
 * The store's negative-stock rule (`stock:settings`), read in the caller's transaction: in
 * `refuse` mode, as `refuseShortStock`. `onHand` is the figure read in the same transaction.
 */
export async function guardNegativeStock(em: EntityManager, lines: StockOut): Promise<void> {
  if (lines.some((l) => l.onHand !== null) && (await negativeStockMode(em)) === 'refuse')
    refuseShortStock(lines);
}

/**
 * The rule of a store in `refuse` mode, for a caller that has read the mode itself:
 * INSUFFICIENT_STOCK when taking the lines' units (per product, summed over lines) would leave a
 * product below zero.
 */
export function refuseShortStock(lines: StockOut): void {
  const out = sumByProduct(lines.filter((l) => l.onHand !== null));
  for (const [productId, quantity] of out) {
    const index = lines.findIndex((l) => l.productId === productId);
    const line = lines[index]!;
    if (line.onHand! - quantity < 0)
      throw new AppError(
        'INSUFFICIENT_STOCK',
        line.onHand! <= 0
          ? `${line.name} is out of stock.`
          : `Only ${line.onHand} of ${line.name} in stock.`,
        [
          {
            path: `lines.${index}.quantity`,
            message: `product ${productId}: ${line.onHand} on hand`,
          },
        ],
      );
  }
}

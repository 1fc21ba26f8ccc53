/**
 * The rollup rows (issue 11, section 4) that one sale or refund just written by checkout adds,
 * computed from the rows checkout holds and written as `INSERT … VALUES … ON CONFLICT` upserts,
 * without reading the new rows back. The figures are those of rollup-sql.ts's SELECTs for a
 * completed sale or refund (see there for what each means).
 *
 * Why a second form: checkout's six `INSERT … SELECT` statements re-read the sale they follow and
 * cost about three times these upserts (`npm run bench -- --sale-only`), and the complete-sale
 * row must stay within 1.5 × raw SQLite writing the same rows (issue 11, section 4). Voids,
 * refunds through sale actions and rebuilds keep the SELECT form; the rollup property test
 * (tests/core/analytics-rollups.test.ts) holds both to raw sums after a random stream.
 *
 * Every row is the sale's till's (`till_id` ends each key): on a store server two tills' sales
 * never upsert the same row, so neither waits for the other's row lock (issue 12, section 5).
 */
import type { EntityManager } from 'typeorm';
import { isPostgres, run, valuesList } from '../db/sql';
import type { NewSale, NewSaleLine, NewTender } from '../sales/sale-writer';
import { localHour } from './rollups';
import {
  ALL_ROLLUPS,
  conflictUpdate,
  ROLLUP_HOURS,
  ROLLUP_PRODUCT_MONTHS,
  ROLLUP_PRODUCTS,
  ROLLUP_STAFF,
  ROLLUP_TAX_RATES,
  ROLLUP_TENDERS,
  type RollupTable,
} from './rollup-sql';

/** A completed sale or refund as checkout wrote it (money in minor units, negative on a refund). */
export interface WrittenSale {
  sale: Pick<NewSale, 'kind' | 'tillId' | 'staffId' | 'businessDate' | 'createdAt'> &
    Pick<NewSale, 'discount' | 'tax' | 'total'>;
  lines: ReadonlyArray<
    Pick<NewSaleLine, 'productId' | 'quantity' | 'taxRateBps' | 'discount' | 'tax' | 'total'>
  >;
  /** Each line's stored unit cost (minor units per unit; null: unknown), in the order of lines. */
  unitCosts: ReadonlyArray<number | null>;
  tenders: ReadonlyArray<Pick<NewTender, 'type' | 'amount'>>;
}

type Figures = Record<string, number>;
interface Row {
  keys: Array<string | number>;
  figures: Figures;
}

/** Adds `figures` to the row of `keys` in `rows` (one row per key: PostgreSQL refuses two). */
function addTo(rows: Map<string, Row>, keys: Array<string | number>, figures: Figures): void {
  const id = keys.join('|');
  const row = rows.get(id);
  if (!row) rows.set(id, { keys, figures: { ...figures } });
  else for (const [f, v] of Object.entries(figures)) row.figures[f] = (row.figures[f] ?? 0) + v;
}

/** Figure `f` of `row`; a figure this module does not compute is a programming error. */
function figure(row: Row, f: string): number {
  const v = row.figures[f];
  if (v === undefined) throw new Error(`rollup-rows.ts does not compute ${f}`);
  return v;
}

/** The rows of every rollup table for `w`, by table. */
function rowsOf(w: WrittenSale, hour: number): Map<RollupTable, Map<string, Row>> {
  const { sale } = w;
  const isSale = sale.kind === 'sale';
  const byTable = new Map<RollupTable, Map<string, Row>>(
    ALL_ROLLUPS.map((t) => [t, new Map<string, Row>()]),
  );
  const header: Figures = {
    sales_count: isSale ? 1 : 0,
    refunds_count: isSale ? 0 : 1,
    voids_count: 0,
    items: isSale ? w.lines.reduce((a, l) => a + l.quantity, 0) : 0,
    gross: isSale ? sale.total : 0,
    refunds: isSale ? 0 : -sale.total,
    voids: 0,
    discounts: isSale ? sale.discount : 0,
    tax: sale.tax,
  };
  const till = sale.tillId;
  addTo(byTable.get(ROLLUP_STAFF)!, [sale.businessDate, sale.staffId, till], header);
  addTo(byTable.get(ROLLUP_HOURS)!, [sale.businessDate, hour, till], header);
  const month = sale.businessDate.slice(0, 7);
  w.lines.forEach((l, i) => {
    const unitCost = w.unitCosts[i] ?? null;
    const product: Figures = {
      quantity: isSale ? l.quantity : 0,
      refunded_quantity: isSale ? 0 : -l.quantity,
      gross: isSale ? l.total : 0,
      refunds: isSale ? 0 : -l.total,
      discounts: isSale ? l.discount : 0,
      tax: l.tax,
      cost: unitCost === null ? 0 : unitCost * l.quantity,
      costed_net: unitCost === null ? 0 : l.total - l.tax,
    };
    addTo(byTable.get(ROLLUP_PRODUCTS)!, [sale.businessDate, l.productId, till], product);
    addTo(byTable.get(ROLLUP_PRODUCT_MONTHS)!, [month, l.productId, till], product);
    addTo(byTable.get(ROLLUP_TAX_RATES)!, [sale.businessDate, l.taxRateBps, till], {
      total: l.total,
      tax: l.tax,
    });
  });
  for (const t of w.tenders)
    addTo(byTable.get(ROLLUP_TENDERS)!, [sale.businessDate, t.type, till], {
      sales_count: isSale ? 1 : 0,
      amount: isSale ? t.amount : 0,
      refunds_count: isSale ? 0 : 1,
      refunds: isSale ? 0 : -t.amount,
    });
  return byTable;
}

/**
 * Adds the completed sale or refund `w`, just written in this transaction, to every rollup table:
 * one multi-row upsert per table. `timeZone` is the zone its business day was stamped in (the
 * hour row is store-local). Call inside the transaction that wrote the sale (D2).
 *
 * On PostgreSQL the upserts go in one statement, each a data-modifying `WITH` query (PostgreSQL
 * documentation, 7.8.4): one round trip to the server instead of six, for every sale of every
 * till. They write different tables, so running them from one snapshot changes nothing. SQLite
 * has no data-modifying `WITH`, and no round trip to save.
 */
export async function addWrittenSale(
  em: EntityManager,
  w: WrittenSale,
  timeZone: string,
): Promise<void> {
  const hour = localHour(w.sale.createdAt, timeZone);
  const upserts: Array<{ sql: string; params: unknown[] }> = [];
  for (const [t, rows] of rowsOf(w, hour)) {
    if (rows.size === 0) continue;
    const cols = [...t.keys, ...t.figures];
    upserts.push({
      sql: `INSERT INTO ${t.table} (${cols.join(', ')}) VALUES ${valuesList(rows.size, cols.length)}
       ${conflictUpdate(t)}`,
      params: [...rows.values()].flatMap((r) => [...r.keys, ...t.figures.map((f) => figure(r, f))]),
    });
  }
  if (isPostgres(em) && upserts.length > 1) {
    await run(
      em,
      `WITH ${upserts.map((u, i) => `r${i} AS (${u.sql})`).join(', ')} SELECT 1`,
      upserts.flatMap((u) => u.params),
      { reusePlan: true },
    );
    return;
  }
  for (const u of upserts) await run(em, u.sql, u.params);
}

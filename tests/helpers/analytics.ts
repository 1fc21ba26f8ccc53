/**
 * Independent sums for the analytics tests: what each rollup table (issue 11, section 4)
 * must hold, computed in JavaScript straight from the rows of sales, sale_lines and sale_tenders,
 * and the rollup tables as stored, in the same shape, for `toEqual`. Both are keyed
 * `period|key|till`: every rollup row is one till's, the sale's (migration 1790000012000), so a
 * row credited to the wrong till, or two tills' sales in one row, fails the comparison.
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { Database as CoreDatabase } from '../../electron/core/db/database';
import type { TestCore } from './core';
import { rebuildRollups, type DayRange } from '../../electron/core/analytics/rollups';

type Figures = Record<string, number>;
export type Rollups = Record<string, Record<string, Figures>>;

interface SaleRow {
  id: number;
  kind: 'sale' | 'refund';
  status: 'completed' | 'voided';
  till_id: number;
  staff_id: number;
  business_date: string;
  created_at: string;
  total: number;
  discount: number;
  tax: number;
}

function add(table: Record<string, Figures>, key: string, figures: Figures): void {
  const row = (table[key] ??= Object.fromEntries(Object.keys(figures).map((f) => [f, 0])));
  for (const [f, v] of Object.entries(figures)) row[f]! += v;
}

/** The rollups as sums over the raw rows, hours in `timeZone`. */
export function expectedRollups(db: Database.Database, timeZone: string): Rollups {
  const sales = db.prepare('SELECT * FROM sales').all() as SaleRow[];
  const byId = new Map(sales.map((s) => [s.id, s]));
  const items = new Map<number, number>();
  const lines = db.prepare('SELECT * FROM sale_lines').all() as Array<
    Record<string, number | null>
  >;
  for (const l of lines) items.set(l.sale_id!, (items.get(l.sale_id!) ?? 0) + l.quantity!);
  const out: Rollups = {
    rollup_staff: {},
    rollup_hours: {},
    rollup_products: {},
    rollup_tenders: {},
    rollup_tax_rates: {},
    rollup_product_months: {},
  };
  for (const s of sales) {
    const done = s.status === 'completed';
    const sale = done && s.kind === 'sale';
    const refund = done && s.kind === 'refund';
    const header = {
      sales_count: sale ? 1 : 0,
      refunds_count: refund ? 1 : 0,
      voids_count: done ? 0 : 1,
      items: sale ? (items.get(s.id) ?? 0) : 0,
      gross: sale ? s.total : 0,
      refunds: refund ? -s.total : 0,
      voids: done ? 0 : s.total,
      discounts: sale ? s.discount : 0,
      tax: done ? s.tax : 0,
    };
    const hour = DateTime.fromISO(s.created_at).setZone(timeZone).hour;
    add(out.rollup_staff!, `${s.business_date}|${s.staff_id}|${s.till_id}`, header);
    add(out.rollup_hours!, `${s.business_date}|${hour}|${s.till_id}`, header);
  }
  for (const l of lines) {
    const s = byId.get(l.sale_id!)!;
    const done = s.status === 'completed';
    const sale = done && s.kind === 'sale';
    const refund = done && s.kind === 'refund';
    // Cost of goods sold: only lines whose unit cost is known, in both terms of the margin.
    const costed = done && l.unit_cost !== null;
    const product = {
      quantity: sale ? l.quantity! : 0,
      refunded_quantity: refund ? -l.quantity! : 0,
      gross: sale ? l.total! : 0,
      refunds: refund ? -l.total! : 0,
      discounts: sale ? l.discount! : 0,
      tax: done ? l.tax! : 0,
      cost: costed ? l.unit_cost! * l.quantity! : 0,
      costed_net: costed ? l.total! - l.tax! : 0,
    };
    const till = s.till_id;
    add(out.rollup_products!, `${s.business_date}|${l.product_id}|${till}`, product);
    add(
      out.rollup_product_months!,
      `${s.business_date.slice(0, 7)}|${l.product_id}|${till}`,
      product,
    );
    add(out.rollup_tax_rates!, `${s.business_date}|${l.tax_rate_bps}|${till}`, {
      total: done ? l.total! : 0,
      tax: done ? l.tax! : 0,
    });
  }
  const tenders = db.prepare('SELECT * FROM sale_tenders').all() as Array<{
    sale_id: number;
    type: string;
    amount: number;
  }>;
  for (const t of tenders) {
    const s = byId.get(t.sale_id)!;
    const done = s.status === 'completed';
    add(out.rollup_tenders!, `${s.business_date}|${t.type}|${s.till_id}`, {
      sales_count: done && s.kind === 'sale' ? 1 : 0,
      amount: done && s.kind === 'sale' ? t.amount : 0,
      refunds_count: done && s.kind === 'refund' ? 1 : 0,
      refunds: done && s.kind === 'refund' ? -t.amount : 0,
    });
  }
  return out;
}

const KEYS: Record<string, [string, string]> = {
  rollup_staff: ['business_date', 'staff_id'],
  rollup_hours: ['business_date', 'hour'],
  rollup_products: ['business_date', 'product_id'],
  rollup_tenders: ['business_date', 'tender_type'],
  rollup_tax_rates: ['business_date', 'tax_rate_bps'],
  rollup_product_months: ['month', 'product_id'],
};

/** The rollup tables as stored, keyed `day|key|till`. */
export function storedRollups(db: Database.Database): Rollups {
  const out: Rollups = {};
  for (const [table, [first, key]] of Object.entries(KEYS)) {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>;
    out[table] = {};
    for (const r of rows) {
      const { [first]: period, [key]: k, till_id: till, ...figures } = r;
      out[table][`${String(period)}|${String(k)}|${String(till)}`] = Object.fromEntries(
        Object.entries(figures).map(([f, v]) => [f, Number(v)]),
      );
    }
  }
  return out;
}

/** Runs `rebuildRollups` on `t`'s database through a second connection, as a bulk writer would. */
export async function rebuildOnFile(
  t: TestCore,
  timeZone: string,
  range?: DayRange,
): Promise<void> {
  const dataSource = t.dataSource();
  await dataSource.initialize();
  const db = new CoreDatabase(dataSource);
  try {
    await db.write((em) => rebuildRollups(em, timeZone, range));
  } finally {
    await db.close();
  }
}

/**
 * Quick retail fixtures for core tests: products and customers inserted as raw rows into the test
 * core's database (a short-lived writable connection, opened and closed around the inserts), so
 * sales tests do not depend on the product and customer services; and a checkout shortcut.
 *
 * Amounts are minor units; times are the test clock's UTC now.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ChannelInput } from '../../shared/contract';
import type { TestCore } from './core';

export interface ProductRow {
  sku: string;
  barcode?: string | null;
  name: string;
  /** Minor units. */
  price: number;
  taxRateBps?: number;
  kind?: 'stock' | 'fee' | 'postage' | 'discount' | 'manual';
  active?: boolean;
  archived?: boolean;
}

export interface CustomerRow {
  name: string;
  email?: string | null;
  phone?: string | null;
  country?: string | null;
  notes?: string | null;
  externalRef?: string | null;
  archived?: boolean;
}

/** What the fixtures need of a test core: its clock and a writable connection. */
export type Writable = Pick<TestCore, 'clock' | 'writable'>;

/** Runs `fn` on a writable connection to the test core's file, then closes it. */
export function withWritable<T>(t: Writable, fn: (db: Database.Database) => T): T {
  const db = t.writable();
  try {
    return db.transaction(() => fn(db))();
  } finally {
    db.close();
  }
}

/** Inserts products as raw rows; returns their ids in order. */
export function insertProducts(t: Writable, rows: readonly ProductRow[]): number[] {
  const now = t.clock.now().toISOString();
  return withWritable(t, (db) => {
    const stmt = db.prepare(
      `INSERT INTO products (sku, barcode, name, search_name, price, tax_rate_bps, kind, active,
         archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    return rows.map((r) => {
      const row = stmt.get(
        r.sku.toUpperCase(),
        r.barcode ?? null,
        r.name,
        r.name.toLowerCase(),
        r.price,
        r.taxRateBps ?? 2000,
        r.kind ?? 'stock',
        r.active === false ? 0 : 1,
        r.archived ? now : null,
        now,
        now,
      ) as { id: number };
      return row.id;
    });
  });
}

export function insertProduct(t: TestCore, row: ProductRow): number {
  return insertProducts(t, [row])[0]!;
}

/** Inserts customers as raw rows; returns their ids in order. */
export function insertCustomers(t: TestCore, rows: readonly CustomerRow[]): number[] {
  const now = t.clock.now().toISOString();
  return withWritable(t, (db) => {
    const stmt = db.prepare(
      `INSERT INTO customers (name, email, phone, phone_digits, country, notes, external_ref,
         search_name, search_text, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    return rows.map((r) => {
      const digits = r.phone ? r.phone.replace(/\D/g, '') : null;
      const searchText = [r.name, r.email ?? '', digits ?? ''].join(' ').toLowerCase().trim();
      const row = stmt.get(
        r.name,
        r.email ?? null,
        r.phone ?? null,
        digits,
        r.country ?? null,
        r.notes ?? null,
        r.externalRef ?? null,
        r.name.toLowerCase(),
        searchText,
        r.archived ? now : null,
        now,
        now,
      ) as { id: number };
      return row.id;
    });
  });
}

export function insertCustomer(t: TestCore, row: CustomerRow): number {
  return insertCustomers(t, [row])[0]!;
}

type CheckoutInput = ChannelInput<'sales:checkout'>;

/**
 * Checks out cart `lines` paid with `tenders` on window `windowId`, with a fresh UUID unless
 * `extra.id` is given. Returns the sale detail; throws on an error result.
 */
export async function sell(
  t: TestCore,
  lines: CheckoutInput['lines'],
  tenders: CheckoutInput['tenders'],
  extra: Partial<Omit<CheckoutInput, 'lines' | 'tenders'>> = {},
  windowId = 1,
) {
  return t.must('sales:checkout', { id: randomUUID(), lines, tenders, ...extra }, windowId);
}

/** Rows in the sales tables and the till's next receipt number: for "nothing was written" checks. */
const readers = new WeakMap<TestCore, Database.Database>();

/** One read-only connection per test core, reused (TestCore closes it). */
export function reader(t: TestCore): Database.Database {
  let db = readers.get(t);
  if (!db) readers.set(t, (db = t.raw()));
  return db;
}

export function salesFootprint(t: TestCore) {
  const db = reader(t);
  const n = (table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    sales: n('sales'),
    saleLines: n('sale_lines'),
    saleTenders: n('sale_tenders'),
    saleVoids: n('sale_voids'),
    nextReceiptNo: (
      db.prepare('SELECT next_receipt_no AS n FROM tills ORDER BY id LIMIT 1').get() as {
        n: number;
      }
    ).n,
  };
}

/** Ids of a small retail fixture, for payload tables (tests/helpers/fuzz-payloads.ts). */
export interface RetailFixture {
  /** A sellable product and its price (minor units, tax-inclusive at 20 %). */
  productId: number;
  productPrice: number;
  /** A product nothing refers to, for remove/restore. */
  spareProductId: number;
  /** A customer, and one nothing refers to. */
  customerId: number;
  spareCustomerId: number;
  /** A completed sale of 50 units on one line, for get/annotate/refund. */
  saleId: number;
  saleLineId: number;
  /** Another completed sale, for void. */
  voidSaleId: number;
  /** Two parked carts, for resume and discard. */
  parkedIds: [number, number];
}

/** Seeds the fixture through raw inserts and real channels, as the signed-in admin on `windowId`. */
export async function seedRetail(t: TestCore, windowId = 1): Promise<RetailFixture> {
  const [productId, spareProductId] = insertProducts(t, [
    { sku: 'FIX-TEA', barcode: '5000000000017', name: 'Fixture Tea', price: 250 },
    { sku: 'FIX-SPARE', name: 'Spare Product', price: 99 },
  ]) as [number, number];
  const [customerId, spareCustomerId] = insertCustomers(t, [
    { name: 'Fixture Customer', email: 'fixture@shop.test', phone: '+44 20 7946 0000' },
    { name: 'Spare Customer' },
  ]) as [number, number];
  const sale = await sell(
    t,
    [{ productId, quantity: 50 }],
    [{ type: 'card', amount: 50 * 250 }],
    {
      customerId,
    },
    windowId,
  );
  const toVoid = await sell(
    t,
    [{ productId, quantity: 1 }],
    [{ type: 'cash', amount: 500 }],
    {},
    windowId,
  );
  const parked = [];
  for (const label of ['resume me', 'discard me'])
    parked.push(
      (
        await t.must(
          'sales:park',
          { label, cart: { lines: [{ productId, quantity: 2 }] } },
          windowId,
        )
      ).id,
    );
  return {
    productId,
    productPrice: 250,
    spareProductId,
    customerId,
    spareCustomerId,
    saleId: sale.id,
    saleLineId: sale.lines[0]!.id,
    voidSaleId: toVoid.id,
    parkedIds: parked as [number, number],
  };
}

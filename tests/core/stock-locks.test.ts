/**
 * Issue 12, sections 2 and 5: two tills selling the same products at once. On a store server a
 * sale locks its products' rows only at its end, in id order, with PostgreSQL's `FOR NO KEY
 * UPDATE` (electron/core/stock/stock-ledger.ts): the foreign-key check of each sale line it
 * inserted before holds a `KEY SHARE` lock on the same rows, which `FOR UPDATE` would wait on.
 * So sales whose lines name overlapping products in opposite orders never deadlock (no write is
 * retried for `40P01`), and every unit sold comes off the stock exactly once. On SQLite the same
 * test holds trivially: one writer at a time. Runs on both engines (node and node-pg).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCore, withAdmin, type TestCore } from '../helpers/core';
import { insertProducts, reader, sell } from '../helpers/retail';

const PRODUCTS = 6;
const SALES_PER_TILL = 12;
const RECEIVED = 1000;

describe('two tills selling overlapping products at once (issue 12, section 5)', () => {
  let one: TestCore;
  let two: TestCore;
  let ids: number[];
  /** Every write retry either till logged, with its PostgreSQL code. */
  const retries: unknown[] = [];
  const logger = {
    info: () => {},
    warn: (message: string, meta?: Record<string, unknown>) => {
      if (message.startsWith('write retried') || message.startsWith('write gave up'))
        retries.push(meta);
    },
    error: () => {},
  };

  beforeAll(async () => {
    one = await makeTestCore({ terminalName: 'till-1', logger });
    await withAdmin(one);
    two = await makeTestCore({ dir: one.dir, terminalName: 'till-2', logger });
    await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
    ids = insertProducts(
      one,
      Array.from({ length: PRODUCTS }, (_, i) => ({
        sku: `P${i}`,
        name: `Product ${i}`,
        price: 100,
      })),
    );
    await one.must('stock:receive', {
      lines: ids.map((productId) => ({ productId, quantity: RECEIVED, unitCost: 50 })),
    });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('sells every sale, lines in opposite orders on the two tills, without a deadlock', async () => {
    const lines = ids.map((productId) => ({ productId, quantity: 1 }));
    const total = PRODUCTS * 100;
    const ring = (till: TestCore, order: typeof lines) =>
      Array.from({ length: SALES_PER_TILL }, () =>
        sell(till, order, [{ type: 'card', amount: total }]),
      );
    const sales = await Promise.all([...ring(one, lines), ...ring(two, [...lines].reverse())]);
    expect(sales).toHaveLength(2 * SALES_PER_TILL);
    // No write was aborted and run again: the tills waited on each other's rows in one order.
    expect(retries).toEqual([]);
    const onHand = reader(one)
      .prepare(`SELECT id, on_hand FROM products WHERE id IN (${ids.join(', ')}) ORDER BY id`)
      .all() as Array<{ id: number; on_hand: number }>;
    expect(onHand.map((p) => Number(p.on_hand))).toEqual(
      ids.map(() => RECEIVED - 2 * SALES_PER_TILL),
    );
    // The stock movements agree with the stock: one per line sold, and nothing else.
    const moved = reader(one)
      .prepare("SELECT COUNT(*) AS n, SUM(quantity) AS q FROM stock_movements WHERE kind = 'sale'")
      .get() as { n: number; q: number };
    expect([Number(moved.n), Number(moved.q)]).toEqual([
      2 * SALES_PER_TILL * PRODUCTS,
      -2 * SALES_PER_TILL * PRODUCTS,
    ]);
  });
});

/**
 * Issue 12, section 2, on one till: the audited writes that change the catalogue, settings or
 * staff announce their topic in-process once committed (`Core.onStoreChange`), a write that fails
 * announces nothing, and the audit actions map onto the closed list of topics (SQLite).
 *
 * Stock levels, on both engines (`node` runs this file on SQLite, `node-pg` on a server, where the
 * till hears its own notifications through its LISTEN connection): a sale, a refund, a void, goods
 * received and an adjustment announce `stock`; a sale rolled back after its audit row announces
 * nothing; and on a server the announcement rides the sale's audit INSERT, so a sale sends no
 * statement for it (the bench of 8 tills is bound by round trips per sale).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreChangeTopic } from '../../shared/contract/store-changes';
import { changedTopics, STOCK_ANNOUNCE_MS } from '../../electron/core/db/store-changes';
import {
  ADMIN,
  makeTestCore,
  resultCode,
  withAdmin,
  writeBesideCore,
  type TestCore,
} from '../helpers/core';
import { insertProducts, sell } from '../helpers/retail';
import { Heard } from '../helpers/heard-topics';
import { recordStatements } from '../helpers/pg-statements';
import { ON_POSTGRES } from '../helpers/test-engine';

// SQLite only: on a server the notices are postgres-notify's.
describe.skipIf(ON_POSTGRES)('store changes on one till (SQLite)', () => {
  it('maps audit actions onto topics', () => {
    expect(changedTopics('product.update')).toEqual(['catalogue']);
    expect(changedTopics('category.archive')).toEqual(['catalogue']);
    expect(changedTopics('settings.update')).toEqual(['settings']);
    expect(changedTopics('settings.sms_test')).toEqual([]);
    expect(changedTopics('role.update')).toEqual(['staff']);
    expect(changedTopics('import.online_retail')).toEqual(['catalogue', 'staff']);
    expect(changedTopics('auth.login')).toEqual([]);
    // Every action that moves on-hand or a reorder level (stock/stock-ledger.ts' callers).
    for (const action of [
      'sale.complete',
      'sale.void',
      'sale.refund',
      'stock.receive',
      'stock.adjust',
      'stock.count_post',
      'stock.reorder_level',
    ])
      expect([action, changedTopics(action)]).toEqual([action, ['stock']]);
    for (const action of [
      'sale.override',
      'sale.annotate',
      'stock.count_start',
      'stock.count_cancel',
      'shift.cash_movement',
      'shift.no_sale',
      'store_server.change',
    ])
      expect([action, changedTopics(action)]).toEqual([action, []]);
    // The store's tills and their shifts (Settings' list of tills, the Till filters, Z reports).
    for (const action of [
      'store_server.join',
      'store_server.copy',
      'till.retire',
      'shift.open',
      'shift.close',
    ])
      expect([action, changedTopics(action)]).toEqual([action, ['tills']]);
  });

  it('announces committed changes once each, and nothing for a failed write', async () => {
    const t = await makeTestCore();
    try {
      await withAdmin(t);
      const topics: StoreChangeTopic[] = [];
      let wake = () => {};
      t.core.onStoreChange((topic) => {
        topics.push(topic);
        wake();
      });
      const heard = (topic: StoreChangeTopic) =>
        new Promise<void>((resolve) => {
          wake = () => topics.includes(topic) && resolve();
          wake();
        });
      await t.must('products:create', { sku: 'MUG', name: 'Mug', price: 250, taxRateBps: 2000 });
      await heard('catalogue');
      const taken = await t.call('products:create', {
        sku: 'MUG',
        name: 'Mug again',
        price: 250,
        taxRateBps: 2000,
      });
      expect(resultCode(taken)).toBe('CONFLICT');
      await t.must('auth:reauthenticate', { password: ADMIN.password });
      // Two settings in one write: one announcement.
      await t.must('settings:update', { storeName: 'Corner Shop', idleLockMinutes: 7 });
      await heard('settings');
      expect(topics).toEqual(['catalogue', 'settings']);
    } finally {
      await t.close();
    }
  });
});

describe('stock levels are announced (issue 12, section 2)', () => {
  let t: TestCore;
  let heard: Heard;
  let tea: number;
  const pay = [{ type: 'cash' as const, amount: 1_000 }];

  beforeAll(async () => {
    t = await makeTestCore();
    await withAdmin(t);
    [tea] = insertProducts(t, [{ sku: 'TEA', name: 'Tea', price: 250 }]) as [number];
    heard = new Heard(t.core);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Runs `write` and waits for `stock` to be announced after it. */
  async function announcesStock(write: () => Promise<unknown>): Promise<void> {
    const since = heard.mark();
    await write();
    await heard.next('stock', since);
  }

  it('a sale, a refund, a void, goods received and an adjustment each announce stock', async () => {
    await announcesStock(() =>
      t.must('stock:adjust', { productId: tea, quantity: 20, reason: 'opening' }),
    );
    let sale: Awaited<ReturnType<typeof sell>> | undefined;
    await announcesStock(async () => {
      sale = await sell(t, [{ productId: tea, quantity: 3 }], pay);
    });
    await announcesStock(() =>
      t.must('sales:refund', {
        saleId: sale!.id,
        refundId: randomUUID(),
        lines: [{ lineId: sale!.lines[0]!.id, quantity: 1 }],
        tender: 'card',
        reason: 'Changed mind',
      }),
    );
    let voided: Awaited<ReturnType<typeof sell>> | undefined;
    await announcesStock(async () => {
      voided = await sell(t, [{ productId: tea, quantity: 1 }], pay);
    });
    await announcesStock(() => t.must('sales:void', { id: voided!.id, reason: 'Rang up twice' }));
    await announcesStock(() =>
      t.must('stock:receive', { lines: [{ productId: tea, quantity: 6, unitCost: 120 }] }),
    );
    await announcesStock(() =>
      t.must('stock:adjust', { productId: tea, quantity: -1, reason: 'damaged' }),
    );
    await announcesStock(() =>
      t.must('stock:setReorderLevel', { productId: tea, reorderLevel: 5 }),
    );
  });

  it('a sale rolled back after its audit row announces nothing', async () => {
    // The sale's audit row (and, on a server, its notification) is written before its stock
    // movements; refusing those rolls the whole sale back.
    await writeBesideCore(
      t.dbPath,
      ON_POSTGRES
        ? `CREATE FUNCTION refuse_sale_stock() RETURNS trigger LANGUAGE plpgsql AS
             $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
           CREATE TRIGGER refuse_sale_stock BEFORE INSERT ON stock_movements FOR EACH ROW
             WHEN (NEW.kind = 'sale') EXECUTE FUNCTION refuse_sale_stock();`
        : `CREATE TRIGGER refuse_sale_stock BEFORE INSERT ON stock_movements
             WHEN NEW.kind = 'sale' BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    try {
      const since = heard.mark();
      const failed = await t.call('sales:checkout', {
        id: randomUUID(),
        lines: [{ productId: tea, quantity: 1 }],
        tenders: pay,
      });
      expect(failed.ok).toBe(false);
      // A later change from the same till: once it is heard, an earlier one would have been too
      // (in-process in commit order on SQLite; the server delivers in commit order).
      await t.must('products:create', { sku: 'MUG', name: 'Mug', price: 250, taxRateBps: 2000 });
      await heard.next('catalogue', since);
      expect(heard.topics.slice(since)).toEqual(['catalogue']);
    } finally {
      await writeBesideCore(
        t.dbPath,
        ON_POSTGRES
          ? 'DROP TRIGGER refuse_sale_stock ON stock_movements; DROP FUNCTION refuse_sale_stock();'
          : 'DROP TRIGGER refuse_sale_stock',
      );
    }
  });

  it.skipIf(!ON_POSTGRES)(
    'on a server sales announce stock after their commits, once a second at most; a catalogue change rides its audit INSERT',
    async () => {
      // A till with the shipped delay: ten sales in a row are announced once or twice, never
      // from inside a sale's transaction (a NOTIFY holds a server-wide lock until its commit).
      const till = await makeTestCore({
        dir: t.dir,
        terminalName: 'till-2',
        stockAnnounceMs: STOCK_ANNOUNCE_MS,
      });
      const onTill = new Heard(till.core);
      await till.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      // Every statement the till's connections send (node-postgres' own Client, observed).
      const watch = recordStatements();
      const sent = watch.sent;
      try {
        const since = onTill.mark();
        const started = Date.now();
        for (let i = 0; i < 10; i++) await sell(till, [{ productId: tea, quantity: 1 }], pay);
        const inSales = sent.length;
        expect(sent.filter((q) => /pg_notify/i.test(q.text))).toEqual([]);
        await onTill.next('stock', since);
        await new Promise((resolve) => setTimeout(resolve, STOCK_ANNOUNCE_MS + 200));
        const windows = Math.ceil((Date.now() - started) / STOCK_ANNOUNCE_MS);
        const announced = sent.slice(inSales).filter((q) => /^SELECT pg_notify/.test(q.text));
        expect(announced.length).toBeGreaterThanOrEqual(1);
        expect(announced.length).toBeLessThanOrEqual(Math.min(windows, 9));

        sent.length = 0;
        await till.must('products:create', {
          sku: 'CUP',
          name: 'Cup',
          price: 250,
          taxRateBps: 2000,
        });
        const notifying = sent.filter((q) => /pg_notify/i.test(q.text));
        expect(notifying).toHaveLength(1);
        expect(notifying[0]!.text).toMatch(/^INSERT INTO audit_events\b/);
      } finally {
        watch.restore();
        await till.close();
      }
    },
  );
});

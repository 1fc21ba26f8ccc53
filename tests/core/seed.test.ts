/**
 * The demo data generator (scripts/seed/generate.ts): a small seeded database must be one the app
 * accepts as its own: sound file, consistent sales, gapless receipts, folded search columns, an
 * intact audit chain, and reports equal to sums taken straight from the rows.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch } from '../../electron/core/search/normalize';
import { seedDemoData, type SeedResult } from '../../scripts/seed/generate';
import { expectedRollups, storedRollups } from '../helpers/analytics';
import { RawSaleWriter } from '../../scripts/bench/raw-writer';
import { auditCount, keychainFor, makeTestCore, tempDir, type TestCore } from '../helpers/core';
import { ON_POSTGRES } from '../helpers/test-engine';

const NOW = new Date('2026-11-23T09:00:00.000Z');

describe('seedDemoData', () => {
  let dir: string;
  let path: string;
  let seeded: SeedResult;
  let t: TestCore;
  let raw: Database.Database;

  beforeAll(async () => {
    dir = tempDir('kassa-seed-');
    path = join(dir, 'kassa.sqlite');
    const secretStore = keychainFor(dir);
    seeded = await seedDemoData({
      databasePath: path,
      customers: 200,
      sales: 2_000,
      now: NOW,
      secretStore,
    });
    // A second run appends to the same database and the same till.
    const more = await seedDemoData({
      databasePath: path,
      customers: 0,
      sales: 100,
      now: NOW,
      secretStore,
    });
    expect(more.staff).toEqual([]);
    t = await makeTestCore({ dir });
    raw = new Database(path, { readonly: true });
  }, 60_000);

  afterAll(async () => {
    raw?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const one = <T>(sql: string, ...args: unknown[]) => raw.prepare(sql).get(...args) as T;
  const n = (sql: string, ...args: unknown[]) => one<{ n: number }>(sql, ...args).n;

  it('writes what it says, in shape', () => {
    expect(seeded).toMatchObject({ sales: 2_000, customers: 200 });
    expect(seeded.products).toBeGreaterThan(1_900);
    expect(seeded.staff.map((s) => s.username)).toEqual(['admin', 'cashier']);
    expect(n(`SELECT COUNT(*) AS n FROM sales WHERE source = 'seed'`)).toBe(2_100);
    expect(n('SELECT COUNT(*) AS n FROM customers')).toBe(200);
    expect(n('SELECT COUNT(*) AS n FROM sale_lines')).toBe(
      seeded.lines + n(`SELECT COUNT(*) AS n FROM sale_lines WHERE sale_id > 2000`),
    );
    const refunds = n(`SELECT COUNT(*) AS n FROM sales WHERE kind = 'refund'`);
    const voided = n(`SELECT COUNT(*) AS n FROM sales WHERE status = 'voided'`);
    const walkIns = n(
      `SELECT COUNT(*) AS n FROM sales WHERE kind = 'sale' AND customer_id IS NULL`,
    );
    expect(refunds).toBeGreaterThan(20);
    expect(refunds).toBeLessThan(120);
    expect(voided).toBeGreaterThan(5);
    expect(voided).toBeLessThan(60);
    expect(walkIns / (2_100 - refunds)).toBeGreaterThan(0.22);
    expect(walkIns / (2_100 - refunds)).toBeLessThan(0.38);
    expect(n(`SELECT COUNT(*) AS n FROM sale_voids`)).toBe(voided);
  });

  it('fills the daily sales rollups: they equal the sums of the rows (issue 11, section 4)', () => {
    expect(n('SELECT COUNT(*) AS n FROM rollup_products')).toBeGreaterThan(100);
    expect(storedRollups(raw)).toEqual(expectedRollups(raw, 'Europe/London'));
  });

  it('writes the stock ledger as the app does, on-hand its sum (issue 11, section 2)', () => {
    // One sale movement per stock line (a void gives its sale's back), one restock per refund line.
    const stockLines = (where: string) =>
      n(`SELECT COUNT(*) AS n FROM sale_lines l JOIN sales s ON s.id = l.sale_id
           JOIN products p ON p.id = l.product_id WHERE p.kind = 'stock' AND ${where}`);
    const moves = (where: string) => n(`SELECT COUNT(*) AS n FROM stock_movements WHERE ${where}`);
    expect(moves(`kind = 'sale' AND reason IS NULL`)).toBe(stockLines(`s.kind = 'sale'`));
    expect(moves(`kind = 'sale' AND reason = 'void'`)).toBe(stockLines(`s.status = 'voided'`));
    expect(moves(`kind = 'refund' AND reason = 'restock'`)).toBe(stockLines(`s.kind = 'refund'`));
    expect(moves(`kind = 'sale'`)).toBeGreaterThan(2_000);
    // Each movement mirrors its line: same sale, product and quantity (opposite sign).
    expect(
      n(`SELECT COUNT(*) AS n FROM stock_movements m WHERE m.kind <> 'opening' AND NOT EXISTS (
           SELECT 1 FROM sale_lines l WHERE l.sale_id = m.sale_id AND l.product_id = m.product_id
             AND ABS(l.quantity) = ABS(m.quantity))`),
    ).toBe(0);
    // One opening balance per stock product, before every other movement of it.
    expect(
      n(`SELECT COUNT(*) AS n FROM products p WHERE p.kind = 'stock' AND 1 <> (
           SELECT COUNT(*) FROM stock_movements m WHERE m.product_id = p.id AND m.kind = 'opening')`),
    ).toBe(0);
    expect(
      n(`SELECT COUNT(*) AS n FROM stock_movements o JOIN stock_movements m
           ON m.product_id = o.product_id AND m.id < o.id WHERE o.kind = 'opening'`),
    ).toBe(0);
    expect(
      n(`SELECT COUNT(*) AS n FROM stock_movements m JOIN products p ON p.id = m.product_id
           WHERE p.kind <> 'stock'`),
    ).toBe(0);
    expect(
      n(`SELECT COUNT(*) AS n FROM products p WHERE p.on_hand <>
           (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE product_id = p.id)`),
    ).toBe(0);
    // The first run's openings keep its products at or above the margin.
    expect(n(`SELECT COUNT(*) AS n FROM products WHERE kind = 'stock' AND on_hand < 10`)).toBe(
      n(`SELECT COUNT(*) AS n FROM products p WHERE kind = 'stock' AND on_hand < 10 AND EXISTS (
           SELECT 1 FROM stock_movements m WHERE m.product_id = p.id AND m.sale_id > 2000)`),
    );
  });

  it("the bench's raw writer adds to the rollups and the stock ledger as the core does", async () => {
    const copy = join(dir, 'raw.sqlite');
    await raw.backup(copy);
    const tillId = one<{ id: number }>('SELECT id FROM tills ORDER BY id LIMIT 1').id;
    const staffId = one<{ id: number }>('SELECT id FROM staff ORDER BY id LIMIT 1').id;
    const writer = new RawSaleWriter(copy, tillId, 'Demo till', 'bench');
    const product = one<{
      id: number;
      sku: string;
      name: string;
      price: number;
      tax_rate_bps: number;
      on_hand: number;
    }>(
      `SELECT id, sku, name, price, tax_rate_bps, on_hand FROM products WHERE kind = 'stock'
       ORDER BY id LIMIT 1`,
    );
    const line = {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unitPrice: product.price,
      quantity: 2,
      taxRateBps: product.tax_rate_bps,
      stock: true,
    };
    const movementsBefore = n('SELECT COUNT(*) AS n FROM stock_movements');
    for (const [createdAt, tender] of [
      ['2026-11-23T08:30:00.000Z', 'cash'],
      ['2026-11-24T23:30:00.000Z', 'card'],
    ] as const)
      writer.record({
        lines: [line, line],
        staffId,
        staffName: 'admin',
        customerId: null,
        createdAt,
        tender,
      });
    writer.close();
    const written = new Database(copy, { readonly: true });
    try {
      expect(storedRollups(written)).toEqual(expectedRollups(written, 'Europe/London'));
      // Two sales of two lines: four sale movements of −2, and on-hand down by 8.
      expect(
        written
          .prepare(
            `SELECT kind, quantity, reason, product_id AS productId FROM stock_movements
             WHERE id > (SELECT MAX(id) FROM stock_movements) - 4 ORDER BY id`,
          )
          .all(),
      ).toEqual(
        new Array(4).fill({ kind: 'sale', quantity: -2, reason: null, productId: product.id }),
      );
      expect(
        (written.prepare('SELECT COUNT(*) AS n FROM stock_movements').get() as { n: number }).n,
      ).toBe(movementsBefore + 4);
      expect(
        written.prepare('SELECT on_hand AS onHand FROM products WHERE id = ?').get(product.id),
      ).toEqual({ onHand: product.on_hand - 8 });
    } finally {
      written.close();
    }
  });

  it('leaves a sound file: integrity, foreign keys, every index, pragmas', () => {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const indexes = (tbl: string) =>
      n(
        `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
        tbl,
      );
    // With IDX_sales_business_date, the shift's index (issue 10) and the customer-day index (issue 11).
    expect(indexes('sales')).toBe(11);
    // Every sale carries its London business day, as checkout would stamp it (shop hours are
    // 09:00–17:30 UTC, so the UTC date is the London date).
    expect(n(`SELECT COUNT(*) AS n FROM sales WHERE business_date IS NULL`)).toBe(0);
    expect(
      n(`SELECT COUNT(*) AS n FROM sales WHERE business_date <> substr(created_at, 1, 10)`),
    ).toBe(0);
    expect(indexes('sale_lines')).toBe(3);
  });

  it('keeps every sale consistent: lines add up, tenders pay the total, refunds mirror', () => {
    expect(
      n(`SELECT COUNT(*) AS n FROM sales s WHERE s.total <> (SELECT SUM(total) FROM sale_lines WHERE sale_id = s.id)
           OR s.tax <> (SELECT SUM(tax) FROM sale_lines WHERE sale_id = s.id)
           OR s.subtotal <> s.total OR s.discount <> 0`),
    ).toBe(0);
    expect(
      n(
        `SELECT COUNT(*) AS n FROM sale_lines WHERE total <> quantity * unit_price OR discount <> 0`,
      ),
    ).toBe(0);
    expect(
      n(`SELECT COUNT(*) AS n FROM sales s WHERE s.total <> 0
           AND s.total <> (SELECT COALESCE(SUM(amount), 0) FROM sale_tenders WHERE sale_id = s.id)`),
    ).toBe(0);
    expect(
      n(`SELECT COUNT(*) AS n FROM sale_tenders WHERE type = 'cash' AND amount > 0
           AND (tendered IS NULL OR change_due <> tendered - amount OR change_due < 0)`),
    ).toBe(0);
    // A refund returns part of one earlier, completed sale: same customer, negative quantities no
    // larger than sold, pointing at the original lines.
    expect(
      n(`SELECT COUNT(*) AS n FROM sales r JOIN sales o ON o.id = r.refund_of_id
           WHERE r.kind = 'refund' AND (o.kind <> 'sale' OR o.status <> 'completed'
             OR o.created_at > r.created_at OR o.customer_id IS NOT r.customer_id)`),
    ).toBe(0);
    expect(
      n(`SELECT COUNT(*) AS n FROM sale_lines rl JOIN sales r ON r.id = rl.sale_id
           JOIN sale_lines ol ON ol.id = rl.refund_of_line_id
           WHERE ol.sale_id <> r.refund_of_id OR rl.quantity >= 0 OR -rl.quantity > ol.quantity
             OR rl.unit_price <> ol.unit_price OR rl.product_id <> ol.product_id`),
    ).toBe(0);
    expect(
      n(`SELECT COUNT(*) AS n FROM sales WHERE kind = 'refund' AND refund_of_id IS NULL`),
    ).toBe(0);
  });

  it('numbers receipts gaplessly on its till and continues from next_receipt_no', () => {
    expect(
      one(
        `SELECT MIN(receipt_no) AS lo, MAX(receipt_no) AS hi, COUNT(*) AS n, MAX(t.next_receipt_no) AS next
         FROM sales s JOIN tills t ON t.id = s.till_id WHERE t.name = 'Demo till'`,
      ),
    ).toEqual({ lo: 1, hi: 2_100, n: 2_100, next: 2_101 });
    expect(
      n(`SELECT COUNT(*) AS n FROM sales a JOIN sales b ON b.receipt_no = a.receipt_no + 1
           WHERE b.created_at < a.created_at`),
    ).toBe(0);
    expect(n(`SELECT COUNT(*) AS n FROM sales WHERE created_at >= ?`, NOW.toISOString())).toBe(0);
    const times = raw.prepare(`SELECT substr(created_at, 12, 5) AS hm FROM sales`).all() as {
      hm: string;
    }[];
    expect(times.every((x) => x.hm >= '09:00' && x.hm < '17:30')).toBe(true);
  });

  it('fills the customer search columns exactly as the app does', () => {
    const rows = raw
      .prepare(`SELECT name, email, phone, phone_digits, search_name, search_text FROM customers`)
      .all() as Record<string, string>[];
    for (const c of rows) {
      expect(c.search_name).toBe(foldForSearch(c.name!));
      expect(c.search_text).toBe(foldForSearch(`${c.name} ${c.email} ${c.phone_digits}`));
      expect(c.phone_digits).toBe(c.phone!.replace(/\D/g, ''));
    }
    expect(n(`SELECT COUNT(DISTINCT email) AS n FROM customers`)).toBe(200);
    expect(
      n(`SELECT COUNT(*) AS n FROM customers_fts WHERE customers_fts MATCH '"demo.example"'`),
    ).toBe(200);
  });

  // SQLite only: the demo data is written as a SQLite file.
  it.skipIf(ON_POSTGRES)(
    'opens in the core with its audit chain intact and sealed, one seed.generate row per run',
    async () => {
      expect(t.core.safeMode).toBe(false);
      expect(auditCount(t, 'app.start', 'failure')).toBe(0);
      expect(auditCount(t, 'seed.generate', 'success')).toBe(2);
      expect((await t.must('app:status')).integrity.auditChain).toEqual({
        state: 'ok',
        detail: null,
      });
      // Sealed by the seed itself: start-up verified only its own rows after the seal (D10).
      expect(
        one<{ detail: string }>(
          `SELECT detail FROM audit_events WHERE action = 'app.start' ORDER BY id DESC LIMIT 1`,
        ).detail,
      ).toBe('audit chain ok (0 rows verified since the seal)');
      expect(await t.core.checkIntegrity()).toMatchObject({
        ok: true,
        auditChain: { state: 'ok' },
      });
    },
  );

  it('writes one chained audit row per sale, refund and void, as the app does (D10)', () => {
    const audited = (action: string) =>
      n(`SELECT COUNT(*) AS n FROM audit_events WHERE action = ? AND target_type = 'sale'`, action);
    expect(audited('sale.complete')).toBe(n(`SELECT COUNT(*) AS n FROM sales WHERE kind = 'sale'`));
    expect(audited('sale.refund')).toBe(n(`SELECT COUNT(*) AS n FROM sales WHERE kind = 'refund'`));
    expect(audited('sale.void')).toBe(n(`SELECT COUNT(*) AS n FROM sale_voids`));
    expect(
      n(`SELECT COUNT(*) AS n FROM audit_events a JOIN sales s ON s.id = CAST(a.target_id AS INTEGER)
           WHERE a.action = 'sale.complete' AND (a.at <> s.created_at OR a.actor_id <> s.staff_id
             OR a.detail NOT LIKE 'receipt Demo till-' || s.receipt_no || ';%')`),
    ).toBe(0);
  });

  // SQLite only: the demo data is written as a SQLite file.
  it.skipIf(ON_POSTGRES)(
    'answers sales:list pages and day summaries equal to raw sums',
    async () => {
      await t.must('auth:login', { identifier: 'admin', password: seeded.staff[0]!.password });

      const seen = new Set<number>();
      let cursor: { createdAt: string; id: number } | undefined;
      let last = '9999';
      for (let page = 0; page < 5; page += 1) {
        const r = await t.must('sales:list', { limit: 100, ...(cursor ? { cursor } : {}) });
        expect(r.items).toHaveLength(100);
        for (const s of r.items) {
          expect(seen.has(s.id)).toBe(false);
          seen.add(s.id);
          expect(s.createdAt <= last).toBe(true);
          last = s.createdAt;
        }
        cursor = r.nextCursor!;
      }

      // A winter day: London time is UTC, so the day is [00:00Z, 24:00Z).
      const date = one<{ d: string }>(
        `SELECT substr(created_at, 1, 10) AS d FROM sales WHERE created_at < '2026-03-01'
       GROUP BY d ORDER BY SUM(kind = 'refund') > 0 DESC, SUM(status = 'voided') > 0 DESC,
         COUNT(*) DESC LIMIT 1`,
      ).d;
      const from = `${date}T00:00:00.000Z`;
      const to = new Date(Date.parse(from) + 86_400_000).toISOString();
      const sum = (where: string) =>
        one<{ n: number; total: number | null }>(
          `SELECT COUNT(*) AS n, SUM(total) AS total FROM sales WHERE created_at >= ? AND created_at < ? AND ${where}`,
          from,
          to,
        );
      const sales = sum(`kind = 'sale' AND status = 'completed'`);
      const refunds = sum(`kind = 'refund' AND status = 'completed'`);
      const voids = sum(`status = 'voided'`);
      const s = await t.must('reports:daySummary', { date });
      expect(sales.n).toBeGreaterThan(0);
      expect({
        salesCount: s.salesCount,
        gross: s.gross,
        refundsCount: s.refundsCount,
        refunds: s.refunds,
        voidsCount: s.voidsCount,
        voids: s.voids,
        net: s.net,
      }).toEqual({
        salesCount: sales.n,
        gross: sales.total ?? 0,
        refundsCount: refunds.n,
        refunds: 0 - (refunds.total ?? 0),
        voidsCount: voids.n,
        voids: voids.total ?? 0,
        net: (sales.total ?? 0) + (refunds.total ?? 0),
      });
      expect(s.byTender.reduce((a, b) => a + b.amount, 0)).toBe(s.net);
    },
  );
});

/**
 * Money and idempotency under concurrency and misuse (D2, M1, M2; issue 7 §5), on real SQLite
 * files through the router, as the renderer would call it:
 *
 * - the retry key is case-insensitive: the same sale UUID in upper and lower case, fired at once,
 *   records one sale; the database refuses an upper-case UUID; the migration lower-cases old ones
 *   (on SQLite and, where installed, PostgreSQL);
 * - a settings change racing a checkout: each sale is priced and recorded with the currency and
 *   tax mode committed before it, and the day summary reports the sales' own currency;
 * - discounts above the store's limit need `sales.discountOverride` (refused at quote and at
 *   checkout, nothing written); with it they are allowed and audited;
 * - a stock product priced 0 cannot be sold; an open-price product takes the price typed at the
 *   till, which needs the same permission.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, SaleDetail } from '../../shared/contract';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { Database as CoreDatabase } from '../../electron/core/db/database';
import { ENTITIES } from '../../electron/core/db/entities';
import { mayOverride } from '../../electron/core/sales/price-overrides';
import { SettingsService } from '../../electron/core/settings/settings-service';
import { MIGRATIONS } from '../../migrations';
import {
  ADMIN,
  approvedMember,
  auditCount,
  FakeClock,
  makeTestCore,
  resultCode,
  tempDir,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { findPostgres, startPostgres } from '../helpers/postgres';
import { insertProducts, reader, salesFootprint, withWritable } from '../helpers/retail';
import { ON_POSTGRES } from '../helpers/test-engine';

const ADMIN_W = 1;
const MANAGER_W = 2;
const CASHIER_W = 3;

const MANAGER = {
  username: 'mona',
  email: 'mona@shop.test',
  displayName: 'Mona Manager',
  password: 'seven paper boats drifting east',
};
const CASHIER = {
  username: 'carl',
  email: 'carl@shop.test',
  displayName: 'Carl Cashier',
  password: 'copper kettle whistles at dawn',
};

type Checkout = ChannelInput<'sales:checkout'>;

/** A core with an admin (window 1), a manager (2) and a cashier (3), and a few products. */
async function shop() {
  const t = await makeTestCore();
  await withAdmin(t);
  await t.must('settings:update', { timeZone: 'Europe/London', idleLockMinutes: 15 });
  const managerId = await approvedMember(t, MANAGER);
  await t.must('staff:setRole', { id: managerId, role: 'manager' });
  await approvedMember(t, CASHIER);
  await t.must('auth:login', { identifier: MANAGER.username, password: MANAGER.password }, 2);
  await t.must('auth:login', { identifier: CASHIER.username, password: CASHIER.password }, 3);
  const [tea, cake, unpriced, postage, giftWrap] = insertProducts(t, [
    { sku: 'TEA', name: 'Tea', price: 250 },
    { sku: 'CAKE', name: 'Cake', price: 333 },
    { sku: 'UNPRICED', name: 'Unpriced mug', price: 0 },
    { sku: 'POST', name: 'Free postage', price: 0, kind: 'postage', taxRateBps: 0 },
    { sku: 'WRAP', name: 'Gift wrap', price: 0 },
  ]) as [number, number, number, number, number];
  withWritable(t, (db) =>
    db.prepare('UPDATE products SET open_price = TRUE WHERE id = ?').run(giftWrap),
  );
  return { t, managerId, products: { tea, cake, unpriced, postage, giftWrap } };
}

function rows<T>(t: TestCore, sql: string, ...params: unknown[]): T[] {
  return reader(t)
    .prepare(sql)
    .all(...params) as T[];
}

function checkoutInput(
  lines: Checkout['lines'],
  tenders: Checkout['tenders'],
  extra: Partial<Checkout> = {},
): Checkout {
  return { id: randomUUID(), lines, tenders, ...extra };
}

/** Checkout on `windowId` expecting `code` and no row written at all (sales, lines, tenders, audit). */
async function refused(t: TestCore, input: Checkout, code: string, windowId: number) {
  const before = salesFootprint(t);
  const completes = auditCount(t, 'sale.complete');
  const r = await t.call('sales:checkout', input, windowId);
  expect(resultCode(r), JSON.stringify(r)).toBe(code);
  expect(salesFootprint(t)).toEqual(before);
  expect(auditCount(t, 'sale.complete')).toBe(completes);
  return r;
}

describe('the retry key is one UUID whatever its letter case (D2)', () => {
  let s: Awaited<ReturnType<typeof shop>>;
  beforeAll(async () => {
    s = await shop();
  });
  afterAll(() => s.t.close());

  // SQLite only: the check reads with SQLite's NOCASE collation.
  it.skipIf(ON_POSTGRES)(
    'concurrent retries in upper, lower and mixed case record exactly one sale',
    async () => {
      const { t } = s;
      for (let round = 0; round < 5; round += 1) {
        const id = randomUUID();
        const spellings = [
          id,
          id.toUpperCase(),
          id.slice(0, 18) + id.slice(18).toUpperCase(),
          id.toUpperCase(),
          id,
        ];
        const before = salesFootprint(t).sales;
        const answers = await Promise.all(
          spellings.map((uuid) =>
            t.call(
              'sales:checkout',
              {
                id: uuid,
                lines: [{ productId: s.products.tea, quantity: round + 1 }],
                tenders: [{ type: 'card', amount: 250 * (round + 1) }],
              },
              round % 2 === 0 ? CASHIER_W : MANAGER_W,
            ),
          ),
        );
        expect(answers.map(resultCode)).toEqual(spellings.map(() => 'ok'));
        const ids = new Set(answers.map((a) => (a.ok ? a.data.id : 0)));
        expect(ids.size).toBe(1);
        expect(salesFootprint(t).sales).toBe(before + 1);
        expect(rows(t, 'SELECT uuid FROM sales WHERE uuid = ? COLLATE NOCASE', id)).toEqual([
          { uuid: id },
        ]);
      }
    },
  );

  it('a refund retried in upper case refunds once', async () => {
    const { t } = s;
    const sale = await t.must(
      'sales:checkout',
      checkoutInput(
        [{ productId: s.products.cake, quantity: 3 }],
        [{ type: 'cash', amount: 1000 }],
      ),
      MANAGER_W,
    );
    const refundId = randomUUID();
    const refund = (id: string) =>
      t.call(
        'sales:refund',
        {
          saleId: sale.id,
          refundId: id,
          lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }],
          tender: 'cash',
          reason: 'Dented',
        },
        MANAGER_W,
      );
    const answers = await Promise.all([refund(refundId.toUpperCase()), refund(refundId)]);
    expect(answers.map(resultCode)).toEqual(['ok', 'ok']);
    expect(rows(t, 'SELECT uuid FROM sales WHERE refund_of_id = ?', sale.id)).toEqual([
      { uuid: refundId },
    ]);
    expect((await t.must('sales:get', { id: sale.id })).lines[0]!.refundedQuantity).toBe(1);
  });

  it('the database refuses an upper-case sale UUID, even past the contract', async () => {
    const { t } = s;
    await t.must(
      'sales:checkout',
      checkoutInput([{ productId: s.products.tea, quantity: 1 }], [{ type: 'card', amount: 250 }]),
    );
    const copy = (uuid: string) =>
      withWritable(t, (db) =>
        db
          .prepare(
            `INSERT INTO sales (uuid, till_id, receipt_no, kind, status, staff_id, currency,
               prices_include_tax, subtotal, discount, tax, total, source, created_at,
               business_date)
             SELECT ?, till_id, receipt_no + 100000, kind, status, staff_id, currency,
               prices_include_tax, subtotal, discount, tax, total, source, created_at,
               business_date
             FROM sales ORDER BY id LIMIT 1`,
          )
          .run(uuid),
      );
    expect(() => copy(randomUUID().toUpperCase())).toThrow(/lower case/);
    expect(() =>
      copy(rows<{ uuid: string }>(t, 'SELECT uuid FROM sales LIMIT 1')[0]!.uuid),
    ).toThrow();
  });
});

/** The migrations before the one that lower-cases sale UUIDs (all of them on older code). */
function migrationsBeforeLowerCase() {
  const at = MIGRATIONS.findIndex((m) => new m().name.startsWith('LowerCaseSaleUuids'));
  return MIGRATIONS.slice(0, at < 0 ? MIGRATIONS.length : at);
}

const OLD_UPPER = 'AAAAAAAA-0000-4000-8000-000000000001';
const TWIN_UPPER = 'BBBBBBBB-0000-4000-8000-000000000002';

/** Inserts, on the previous schema, a sale with an upper-case UUID and a pair that differ only in case. */
async function seedOldSales(ds: DataSource, p: (n: number) => string) {
  const now = '2026-11-23T09:00:00.000Z';
  await ds.query(
    `INSERT INTO staff (username, email, display_name, password_hash, status, rejected, role_id,
       must_change_password, failed_login_count, created_at, updated_at)
     VALUES ('ada', 'ada@shop.test', 'Ada', 'x', 'active', false, 'admin', false, 0, ${p(1)}, ${p(2)})`,
    [now, now],
  );
  await ds.query(
    `INSERT INTO tills (name, next_receipt_no, created_at) VALUES ('till-1', 4, ${p(1)})`,
    [now],
  );
  let receipt = 1;
  for (const uuid of [OLD_UPPER, TWIN_UPPER, TWIN_UPPER.toLowerCase()])
    await ds.query(
      `INSERT INTO sales (uuid, till_id, receipt_no, kind, status, staff_id, currency,
         prices_include_tax, subtotal, discount, tax, total, source, created_at)
       VALUES (${p(1)}, 1, ${p(2)}, 'sale', 'completed', 1, 'GBP', true, 100, 0, 17, 100, 'till', ${p(3)})`,
      [uuid, receipt++, now],
    );
}

/** After the upgrade: lower-cased where free, twins kept, triggers back, upper case refused. */
async function expectUpgraded(ds: DataSource, p: (n: number) => string) {
  const uuids = (await ds.query('SELECT uuid FROM sales ORDER BY id')) as Array<{ uuid: string }>;
  expect(uuids.map((r) => r.uuid)).toEqual([
    OLD_UPPER.toLowerCase(),
    TWIN_UPPER,
    TWIN_UPPER.toLowerCase(),
  ]);
  await expect(ds.query('UPDATE sales SET total = 1')).rejects.toThrow(/immutable/);
  await expect(ds.query('DELETE FROM sales')).rejects.toThrow(/never deleted|immutable/);
  await expect(
    ds.query(
      `INSERT INTO sales (uuid, till_id, receipt_no, kind, status, staff_id, currency,
         prices_include_tax, subtotal, discount, tax, total, source, created_at, business_date)
       VALUES (${p(1)}, 1, 9, 'sale', 'completed', 1, 'GBP', true, 1, 0, 0, 1, 'till', 'x',
         '2026-11-23')`,
      ['CCCCCCCC-0000-4000-8000-000000000003'],
    ),
  ).rejects.toThrow(/lower case/);
}

describe('the migration lower-cases the UUIDs already stored', () => {
  it('on SQLite: upper-case UUIDs become lower case, twins stay, the triggers are back', async () => {
    const dir = tempDir();
    const database = join(dir, 'old.sqlite');
    const old = new DataSource({
      type: 'better-sqlite3',
      database,
      entities: ENTITIES,
      migrations: migrationsBeforeLowerCase(),
    });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    await seedOldSales(old, () => '?');
    const triggersBefore = (
      (await old.query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sales'",
      )) as unknown[]
    ).length;
    await old.destroy();

    const upgraded = new DataSource({
      type: 'better-sqlite3',
      database,
      entities: ENTITIES,
      migrations: MIGRATIONS,
    });
    await upgraded.initialize();
    await upgraded.runMigrations({ transaction: 'each' });
    await expectUpgraded(upgraded, () => '?');
    const triggers = (await upgraded.query(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sales' ORDER BY name",
    )) as Array<{ name: string }>;
    expect(triggers.map((r) => r.name)).toContain('sales_uuid_lower_case');
    // Every trigger of the old schema is back, plus the new ones of later migrations.
    expect(triggers.length).toBeGreaterThanOrEqual(triggersBefore + 1);
    await upgraded.destroy();
    const raw = new Database(database, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const bin = findPostgres();
  it.skipIf(!bin)(
    'on PostgreSQL, the same',
    async () => {
      const pg = await startPostgres(bin!);
      try {
        const base = { type: 'postgres' as const, url: pg.url, entities: ENTITIES };
        const old = new DataSource({ ...base, migrations: migrationsBeforeLowerCase() });
        await old.initialize();
        await old.runMigrations({ transaction: 'each' });
        await seedOldSales(old, (n) => `$${n}`);
        await old.destroy();
        const upgraded = new DataSource({ ...base, migrations: MIGRATIONS });
        await upgraded.initialize();
        await upgraded.runMigrations({ transaction: 'each' });
        await expectUpgraded(upgraded, (n) => `$${n}`);
        // The checkout's own statements run there too: the money rules and the override right.
        const clock = new FakeClock();
        const db = new CoreDatabase(upgraded);
        const settings = new SettingsService(db, new AuditLog(clock, 'till-pg'), clock, 'till-pg');
        expect(await settings.moneyRules(upgraded.manager)).toEqual({
          currency: 'GBP',
          pricesIncludeTax: true,
          maxDiscountBps: 5000,
        });
        expect(await mayOverride(upgraded.manager, 1)).toBe(true);
        await upgraded.destroy();
      } finally {
        pg.stop();
      }
    },
    60_000,
  );
});

describe('settings racing a checkout: a sale is priced with what is committed before it', () => {
  it('currency: whichever of the update and the checkout commits first, sale, setting and summary agree', async () => {
    const sell = (t: TestCore, productId: number) =>
      t.call(
        'sales:checkout',
        checkoutInput([{ productId, quantity: 2 }], [{ type: 'card', amount: 500 }]),
        CASHIER_W,
      );
    const toJpy = (t: TestCore) => t.call('settings:update', { currency: 'JPY' }, ADMIN_W);
    const day = { date: '2026-11-23' };

    // The update is queued first: it commits, and the sale is recorded in yen.
    const a = await shop();
    const [update, sale] = await Promise.all([toJpy(a.t), sell(a.t, a.products.tea)]);
    expect([resultCode(update), resultCode(sale)]).toEqual(['ok', 'ok']);
    expect((await a.t.must('settings:get')).currency).toBe('JPY');
    expect(rows(a.t, 'SELECT currency FROM sales')).toEqual([{ currency: 'JPY' }]);
    expect(sale.ok && sale.data.currency).toBe('JPY');
    expect(await a.t.must('reports:daySummary', day)).toMatchObject({
      currency: 'JPY',
      salesCount: 1,
      gross: 500,
    });
    // Now that a sale exists, the currency is fixed.
    expect(resultCode(await a.t.call('settings:update', { currency: 'GBP' }))).toBe('CONFLICT');
    await a.t.close();

    // The checkout is queued first: the sale is in pounds and the update is CONFLICT.
    const b = await shop();
    const [sale2, update2] = await Promise.all([sell(b.t, b.products.tea), toJpy(b.t)]);
    expect([resultCode(sale2), resultCode(update2)]).toEqual(['ok', 'CONFLICT']);
    expect(rows(b.t, 'SELECT currency FROM sales')).toEqual([{ currency: 'GBP' }]);
    expect((await b.t.must('settings:get')).currency).toBe('GBP');
    expect((await b.t.must('reports:daySummary', day)).currency).toBe('GBP');
    await b.t.close();
  });

  it("another till's settings change applies to this till's next sale, though its cache is stale", async () => {
    const s = await shop();
    const { t } = s;
    // A second till on the same file: it changes the tax mode and the discount limit.
    const other = await makeTestCore({ dir: t.dir });
    await other.must('auth:login', { identifier: 'ada', password: ADMIN.password });
    await other.must('settings:update', { pricesIncludeTax: false, maxDiscountBps: 2000 });
    await other.core.close();
    // This till still caches "prices include tax" and 50 %; on a server it reads them again at
    // every call (SettingsService.follow), so it already shows the other till's.
    expect(await t.must('settings:get')).toMatchObject(
      ON_POSTGRES
        ? { pricesIncludeTax: false, maxDiscountBps: 2000 }
        : { pricesIncludeTax: true, maxDiscountBps: 5000 },
    );
    const sale = await t.must(
      'sales:checkout',
      checkoutInput([{ productId: s.products.tea, quantity: 1 }], [{ type: 'cash', amount: 300 }]),
      CASHIER_W,
    );
    expect(sale).toMatchObject({ pricesIncludeTax: false, subtotal: 250, tax: 50, total: 300 });
    await refused(
      t,
      checkoutInput(
        [{ productId: s.products.tea, quantity: 1, discount: { type: 'percent', bps: 3000 } }],
        [{ type: 'cash', amount: 300 }],
      ),
      'OVERRIDE_REQUIRED',
      CASHIER_W,
    );
    // Setting back what this till's cache still shows is a real change, not "nothing to do".
    await t.must('settings:update', { pricesIncludeTax: true });
    expect(rows(t, "SELECT value FROM settings WHERE key = 'prices_include_tax'")).toEqual([
      { value: 'true' },
    ]);
    await t.close();
  });

  // SQLite only: it rewrites a sale with INSERT OR REPLACE, SQLite's own statement.
  it.skipIf(ON_POSTGRES)(
    'the day summary reports the currency its sales were recorded in, never another',
    async () => {
      const s = await shop();
      const dir = s.t.dir;
      await s.t.must(
        'sales:checkout',
        checkoutInput(
          [{ productId: s.products.tea, quantity: 1 }],
          [{ type: 'card', amount: 250 }],
        ),
      );
      // A till whose setting says yen over a pound sale: what the old race left behind.
      withWritable(s.t, (db) =>
        db
          .prepare(
            "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('currency', 'JPY', ?)",
          )
          .run(s.t.clock.now().toISOString()),
      );
      await s.t.core.close();
      const t = await makeTestCore({ dir });
      await t.must('auth:login', { identifier: 'ada', password: ADMIN.password });
      expect((await t.must('settings:get')).currency).toBe('JPY');
      const day = { date: '2026-11-23' };
      expect(await t.must('reports:daySummary', day)).toMatchObject({
        currency: 'GBP',
        gross: 250,
      });
      // Two currencies on one day cannot be added up: refused rather than mislabelled.
      withWritable(t, (db) =>
        db
          .prepare(
            `INSERT INTO sales (uuid, till_id, receipt_no, kind, status, staff_id, currency,
             prices_include_tax, subtotal, discount, tax, total, source, created_at, business_date)
           SELECT ?, till_id, receipt_no + 1, kind, status, staff_id, 'JPY', prices_include_tax,
             subtotal, discount, tax, total, source, created_at, business_date FROM sales`,
          )
          .run(randomUUID()),
      );
      expect(resultCode(await t.call('reports:daySummary', day))).toBe('CONFLICT');
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  );

  it('tax mode: ten sales interleaved with toggles each follow the mode committed before them', async () => {
    const s = await shop();
    const { t } = s;
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i += 1) {
      calls.push(t.call('settings:update', { pricesIncludeTax: i % 2 === 1 }, ADMIN_W));
      calls.push(
        t.call(
          'sales:checkout',
          checkoutInput(
            [
              { productId: s.products.tea, quantity: 1 + (i % 3) },
              {
                productId: s.products.cake,
                quantity: 1,
                discount: { type: 'percent', bps: 1000 },
              },
            ],
            [{ type: 'cash', amount: 5000 }],
          ),
          i % 2 === 0 ? CASHIER_W : MANAGER_W,
        ),
      );
    }
    const answers = (await Promise.all(calls)) as Array<{ ok: boolean }>;
    expect(answers.every((a) => a.ok)).toBe(true);

    // Replay the commits in audit order: each sale must carry the tax mode stored before it.
    const events = rows<{ action: string; target_id: string; detail: string }>(
      t,
      `SELECT action, target_id, detail FROM audit_events
        WHERE action = 'sale.complete' OR (action = 'settings.update' AND target_id = 'prices_include_tax')
        ORDER BY id`,
    );
    let includeTax = true;
    let sales = 0;
    let toggles = 0;
    for (const e of events) {
      if (e.action === 'settings.update') {
        includeTax = e.detail.endsWith('true');
        toggles += 1;
        continue;
      }
      sales += 1;
      const [sale] = rows<{
        prices_include_tax: number;
        subtotal: number;
        discount: number;
        tax: number;
        total: number;
      }>(
        t,
        'SELECT prices_include_tax, subtotal, discount, tax, total FROM sales WHERE id = ?',
        Number(e.target_id),
      );
      expect(Boolean(sale!.prices_include_tax), `sale ${e.target_id}`).toBe(includeTax);
      expect(sale!.total).toBe(
        includeTax ? sale!.subtotal - sale!.discount : sale!.subtotal - sale!.discount + sale!.tax,
      );
    }
    expect(sales).toBe(10);
    // false, true, false, … : every one is a real change against the stored value.
    expect(toggles).toBe(10);
    expect((await t.must('settings:get')).pricesIncludeTax).toBe(true);
    await t.close();
  });
});

describe('discounts above the store limit need sales.discountOverride (M2)', () => {
  let s: Awaited<ReturnType<typeof shop>>;
  beforeAll(async () => {
    s = await shop();
  });
  afterAll(() => s.t.close());

  const percent = (bps: number) => ({ type: 'percent' as const, bps });
  const amount = (value: number) => ({ type: 'amount' as const, value });

  it('ten sales in a row: the cashier is held to 50 %, the manager may go past it, audited', async () => {
    const { t } = s;
    const { tea, cake } = s.products;
    const cases: Array<{
      who: number;
      lines: Checkout['lines'];
      discount?: Checkout['discount'];
      tenders: Checkout['tenders'];
      expect: string;
      paths?: string[];
    }> = [
      // At the limit, by percent and by amount: allowed.
      {
        who: CASHIER_W,
        lines: [{ productId: tea, quantity: 2, discount: percent(5000) }],
        tenders: [{ type: 'card', amount: 250 }],
        expect: 'ok',
      },
      {
        who: CASHIER_W,
        lines: [{ productId: tea, quantity: 2, discount: amount(250) }],
        tenders: [{ type: 'card', amount: 250 }],
        expect: 'ok',
      },
      // Cake at 50 % rounds half-up to 167: still "50 %", still allowed.
      {
        who: CASHIER_W,
        lines: [{ productId: cake, quantity: 1, discount: percent(5000) }],
        tenders: [{ type: 'card', amount: 166 }],
        expect: 'ok',
      },
      // One penny over, a percent over, the whole sale free with no tender: refused.
      {
        who: CASHIER_W,
        lines: [{ productId: tea, quantity: 2, discount: amount(251) }],
        tenders: [{ type: 'card', amount: 249 }],
        expect: 'OVERRIDE_REQUIRED',
        paths: ['lines.0.discount'],
      },
      {
        who: CASHIER_W,
        lines: [
          { productId: tea, quantity: 1 },
          { productId: cake, quantity: 1, discount: percent(5001) },
        ],
        tenders: [{ type: 'cash', amount: 1000 }],
        expect: 'OVERRIDE_REQUIRED',
        paths: ['lines.1.discount'],
      },
      {
        who: CASHIER_W,
        lines: [{ productId: tea, quantity: 1 }],
        discount: percent(10_000),
        tenders: [],
        expect: 'OVERRIDE_REQUIRED',
        paths: ['discount'],
      },
      // Two discounts under the limit that stack above it (40 % then 40 % = 64 %): refused.
      {
        who: CASHIER_W,
        lines: [{ productId: tea, quantity: 4, discount: percent(4000) }],
        discount: percent(4000),
        tenders: [{ type: 'card', amount: 360 }],
        expect: 'OVERRIDE_REQUIRED',
        paths: ['discount'],
      },
      // A sale discount at the limit on its own: allowed.
      {
        who: CASHIER_W,
        lines: [
          { productId: tea, quantity: 1 },
          { productId: cake, quantity: 3 },
        ],
        discount: percent(5000),
        tenders: [{ type: 'card', amount: 624 }],
        expect: 'ok',
      },
      // The manager: 100 % off with no tender, and 80 % off a line; both recorded and audited.
      {
        who: MANAGER_W,
        lines: [{ productId: tea, quantity: 1 }],
        discount: percent(10_000),
        tenders: [],
        expect: 'ok',
      },
      {
        who: MANAGER_W,
        lines: [{ productId: cake, quantity: 2, discount: percent(8000) }],
        tenders: [{ type: 'cash', amount: 200 }],
        expect: 'ok',
      },
    ];
    const overridesBefore = auditCount(t, 'sale.override');
    for (const [i, c] of cases.entries()) {
      const input = checkoutInput(c.lines, c.tenders, c.discount ? { discount: c.discount } : {});
      if (c.expect === 'ok') {
        const r = await t.call('sales:checkout', input, c.who);
        expect(resultCode(r), `case ${i}: ${JSON.stringify(r)}`).toBe('ok');
        continue;
      }
      const r = await refused(t, input, c.expect, c.who);
      expect(r.ok ? [] : r.error.issues?.map((x) => x.path), `case ${i}`).toEqual(c.paths);
      // The cart shows it before Pay: the quote refuses the same cart the same way.
      const { id: _id, tenders: _t, ...cart } = input;
      const q = await t.call('sales:quote', cart, c.who);
      expect(resultCode(q), `quote ${i}`).toBe(c.expect);
    }
    const overrides = rows<{ actor_name: string; detail: string }>(
      t,
      "SELECT actor_name, detail FROM audit_events WHERE action = 'sale.override' ORDER BY id",
    );
    expect(overrides.length - overridesBefore).toBe(2);
    expect(overrides.slice(-2).map((o) => o.actor_name)).toEqual(['mona', 'mona']);
    expect(overrides.at(-2)!.detail).toMatch(/sale: discounts 250 of 250 \(limit 50 %\)/);
    expect(overrides.at(-1)!.detail).toMatch(/line 1 Cake: discount 533 of 666 \(limit 50 %\)/);
    const free = rows<{ total: number; tenders: number }>(
      t,
      `SELECT s.total, (SELECT COUNT(*) FROM sale_tenders x WHERE x.sale_id = s.id) AS tenders
        FROM sales s WHERE s.staff_id = ? AND s.total = 0`,
      s.managerId,
    );
    expect(free).toEqual([{ total: 0, tenders: 0 }]);
  });

  it('the limit is a store setting: an admin lowers it to 20 %, and it applies to the next sale', async () => {
    const { t } = s;
    expect((await t.must('settings:get')).maxDiscountBps).toBe(5000);
    expect(resultCode(await t.call('settings:update', { maxDiscountBps: 2000 }, CASHIER_W))).toBe(
      'FORBIDDEN',
    );
    expect(resultCode(await t.call('settings:update', { maxDiscountBps: 10_001 }))).toBe(
      'VALIDATION_FAILED',
    );
    await t.must('settings:update', { maxDiscountBps: 2000 });
    const line = (bps: number) => [
      { productId: s.products.tea, quantity: 4, discount: percent(bps) },
    ];
    await refused(
      t,
      checkoutInput(line(3000), [{ type: 'card', amount: 700 }]),
      'OVERRIDE_REQUIRED',
      CASHIER_W,
    );
    await t.must(
      'sales:checkout',
      checkoutInput(line(2000), [{ type: 'card', amount: 800 }]),
      CASHIER_W,
    );
    await t.must('settings:update', { maxDiscountBps: 5000 });
  });

  it('the right to override is read when the sale is written: a demotion committed first wins', async () => {
    const { t } = s;
    const cart = () =>
      checkoutInput(
        [{ productId: s.products.tea, quantity: 1, discount: percent(9000) }],
        [{ type: 'card', amount: 25 }],
      );
    await t.must('sales:checkout', cart(), MANAGER_W);
    const before = salesFootprint(t);
    // The demotion is queued first and commits before the checkout's transaction reads the role.
    const [demoted, sale] = await Promise.all([
      t.call('staff:setRole', { id: s.managerId, role: 'cashier' }, ADMIN_W),
      t.call('sales:checkout', cart(), MANAGER_W),
    ]);
    expect(resultCode(demoted)).toBe('ok');
    // Refused for the discount, or for the session the demotion ended: never recorded.
    expect(['OVERRIDE_REQUIRED', 'UNAUTHENTICATED']).toContain(resultCode(sale));
    expect(salesFootprint(t)).toEqual(before);
    await t.must('staff:setRole', { id: s.managerId, role: 'manager' });
    await t.must(
      'auth:login',
      { identifier: MANAGER.username, password: MANAGER.password },
      MANAGER_W,
    );
    await t.must('sales:checkout', cart(), MANAGER_W);
  });
});

describe('zero prices and open prices', () => {
  let s: Awaited<ReturnType<typeof shop>>;
  beforeAll(async () => {
    s = await shop();
  });
  afterAll(() => s.t.close());

  it('a stock product priced 0 is refused for everyone; a non-stock one priced 0 sells', async () => {
    const { t } = s;
    for (const who of [CASHIER_W, MANAGER_W, ADMIN_W]) {
      const r = await refused(
        t,
        checkoutInput(
          [
            { productId: s.products.tea, quantity: 1 },
            { productId: s.products.unpriced, quantity: 1 },
          ],
          [{ type: 'card', amount: 250 }],
        ),
        'PRODUCT_UNAVAILABLE',
        who,
      );
      expect(r.ok ? null : r.error.issues?.[0]?.path).toBe('lines.1.productId');
    }
    const sale = await t.must(
      'sales:checkout',
      checkoutInput(
        [
          { productId: s.products.tea, quantity: 1 },
          { productId: s.products.postage, quantity: 1 },
        ],
        [{ type: 'card', amount: 250 }],
      ),
      CASHIER_W,
    );
    expect(sale.lines.map((l) => l.total)).toEqual([250, 0]);
  });

  it('an open price comes from the till, needs the override, and is audited', async () => {
    const { t } = s;
    const wrap = (extra: Record<string, unknown>) =>
      checkoutInput(
        [{ productId: s.products.giftWrap, quantity: 2, ...extra } as Checkout['lines'][number]],
        [{ type: 'card', amount: 2 * 1234 }],
      );
    await refused(t, wrap({ unitPrice: 1234 }), 'OVERRIDE_REQUIRED', CASHIER_W);
    expect(
      resultCode(
        await t.call(
          'sales:quote',
          { lines: [{ productId: s.products.giftWrap, quantity: 1, unitPrice: 1234 }] },
          CASHIER_W,
        ),
      ),
    ).toBe('OVERRIDE_REQUIRED');
    await refused(t, wrap({}), 'VALIDATION_FAILED', MANAGER_W);
    await refused(t, wrap({ unitPrice: 0 }), 'VALIDATION_FAILED', MANAGER_W);
    await refused(t, wrap({ unitPrice: 1_000_000_001 }), 'VALIDATION_FAILED', MANAGER_W);
    await refused(t, wrap({ unitPrice: 1.5 }), 'VALIDATION_FAILED', MANAGER_W);
    // A price for any other product is still the renderer pricing a sale: refused.
    await refused(
      t,
      checkoutInput(
        [{ productId: s.products.tea, quantity: 1, unitPrice: 1 }],
        [{ type: 'card', amount: 1 }],
      ),
      'VALIDATION_FAILED',
      MANAGER_W,
    );
    const sale: SaleDetail = await t.must('sales:checkout', wrap({ unitPrice: 1234 }), MANAGER_W);
    expect(sale.lines[0]).toMatchObject({ unitPrice: 1234, quantity: 2, total: 2468 });
    const [audit] = rows<{ detail: string }>(
      t,
      "SELECT detail FROM audit_events WHERE action = 'sale.override' AND target_id = ?",
      String(sale.id),
    );
    expect(audit!.detail).toMatch(/line 1 Gift wrap: open price 1234/);
  });

  it('products carry the open-price flag through create, update and get, audited', async () => {
    const { t } = s;
    const created = await t.must('products:create', {
      sku: 'ENGRAVE',
      name: 'Engraving',
      price: 0,
      taxRateBps: 2000,
      kind: 'fee',
      openPrice: true,
    });
    expect(created.openPrice).toBe(true);
    const { id: _i, createdAt: _c, updatedAt: _u, archived: _a, ...fields } = created;
    const updated = await t.must('products:update', {
      id: created.id,
      ...fields,
      openPrice: false,
    });
    expect(updated.openPrice).toBe(false);
    expect((await t.must('products:get', { id: created.id })).openPrice).toBe(false);
    const [audit] = rows<{ detail: string }>(
      t,
      "SELECT detail FROM audit_events WHERE action = 'product.update' ORDER BY id DESC LIMIT 1",
    );
    expect(audit!.detail).toContain('openPrice true -> false');
  });
});

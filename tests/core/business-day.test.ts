/**
 * Issue 7 §9–10: one calendar-day model. The store's zone (Europe/London) differs from this test
 * process's zone (TZ=America/New_York, set before anything is imported), across both 2026 DST
 * changes in London (29 March, 25 October). A business day is what the core says it is:
 *
 * - `reports:today` and each sale's `business_date` follow the store zone, never the process zone;
 * - "today's transactions" (`sales:list` by business day) and "today's day summary" cover the same
 *   sales;
 * - the void rule and the day summary use the business date fixed on the sale, so changing the
 *   time-zone setting later moves no sale to another day;
 * - the migration backfills `business_date` with the zone set at the time.
 */
import { vi } from 'vitest';

vi.hoisted(() => {
  process.env.TZ = 'America/New_York';
});

import { rmSync } from 'node:fs';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteDataSource } from '../../electron/core/db/data-source';
import {
  anyZoneRange,
  BusinessDayStamper,
  businessDay,
  businessDayRange,
} from '../../electron/core/sales/local-day';
import { SaleBusinessDate1790000004000 } from '../../migrations/1790000004000-SaleBusinessDate';
import {
  ADMIN,
  FakeClock,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { ON_POSTGRES } from '../helpers/test-engine';
import { insertProducts, sell, withWritable } from '../helpers/retail';

const LONDON = 'Europe/London';
let open: TestCore[] = [];

afterEach(async () => {
  for (const t of open) await t.close();
  open = [];
});

/** A till in London time at `at`, with the admin signed in and one product. */
async function till(at: string) {
  const t = await makeTestCore({ clock: new FakeClock(Date.parse(at)) });
  open.push(t);
  await withAdmin(t);
  await t.must('settings:update', { timeZone: LONDON });
  const [tea] = insertProducts(t, [{ sku: 'TEA', name: 'Tea', price: 250 }]);
  return { t, tea: tea! };
}

/** Moves the till's clock to `at` and signs the admin in again (the session has gone idle). */
async function at(t: TestCore, iso: string) {
  t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
  await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
}

const sellTea = (t: TestCore, tea: number) =>
  sell(t, [{ productId: tea, quantity: 1 }], [{ type: 'card', amount: 250 }]);

function businessDates(t: TestCore): Record<number, string> {
  return Object.fromEntries(
    withWritable(t, (db) =>
      (
        db.prepare('SELECT id, business_date FROM sales').all() as Array<{
          id: number;
          business_date: string;
        }>
      ).map((r) => [r.id, r.business_date]),
    ),
  );
}

describe('the process zone is not the store zone', () => {
  it('runs in New York while the store is in London', () => {
    // 29 March 2026, 23:30 UTC: 19:30 in New York, 00:30 on the 30th in London (BST).
    const instant = new Date('2026-03-29T23:30:00.000Z');
    expect(instant.getDate()).toBe(29);
    expect(businessDay(instant, LONDON)).toBe('2026-03-30');
  });
});

describe('local-day (Luxon)', () => {
  it('gives 23- and 25-hour London days across the 2026 DST changes', () => {
    expect(businessDayRange('2026-03-29', LONDON)).toEqual({
      from: new Date('2026-03-29T00:00:00.000Z'),
      to: new Date('2026-03-29T23:00:00.000Z'),
    });
    expect(businessDayRange('2026-10-25', LONDON)).toEqual({
      from: new Date('2026-10-24T23:00:00.000Z'),
      to: new Date('2026-10-26T00:00:00.000Z'),
    });
    expect(businessDay(new Date('2026-10-25T23:30:00.000Z'), LONDON)).toBe('2026-10-25');
    expect(businessDay(new Date('2026-10-24T23:30:00.000Z'), LONDON)).toBe('2026-10-25');
    expect(() => businessDayRange('2026-02-30', LONDON)).toThrow(RangeError);
    // Kiritimati (UTC+14) starts a day first, Baker Island's zone (UTC−12) ends it last.
    const span = anyZoneRange('2026-03-29', '2026-03-30');
    expect(span).toEqual({ from: '2026-03-28T10:00:00.000Z', to: '2026-03-31T12:00:00.000Z' });
    expect(businessDayRange('2026-03-29', 'Pacific/Kiritimati').from.toISOString()).toBe(span.from);
    expect(businessDayRange('2026-03-30', 'Etc/GMT+12').to.toISOString()).toBe(span.to);
  });

  it('the stamper answers as businessDay for every 7 minutes across both changes', () => {
    for (const [start, end] of [
      ['2026-03-27T00:00:00Z', '2026-04-01T00:00:00Z'],
      ['2026-10-23T00:00:00Z', '2026-10-28T00:00:00Z'],
    ] as const) {
      const stamp = new BusinessDayStamper(LONDON);
      for (let t = Date.parse(start); t < Date.parse(end); t += 7 * 60_000) {
        const d = new Date(t);
        expect(stamp.dayOf(d), d.toISOString()).toBe(businessDay(d, LONDON));
        expect(stamp.dayOf(d)).toBe(DateTime.fromJSDate(d).setZone(LONDON).toFormat('yyyy-MM-dd'));
      }
    }
  });
});

describe("today's transactions and today's day summary cover the same hours", () => {
  it('around the March change: London days, whatever the process zone says', async () => {
    // 22:30Z on 29 March is 23:30 BST on the 29th; 23:30Z is 00:30 BST on the 30th (still the
    // 29th in New York, which is where this process thinks it is).
    const { t, tea } = await till('2026-03-29T22:30:00.000Z');
    const before = await sellTea(t, tea);
    await at(t, '2026-03-29T23:30:00.000Z');
    const after = await sellTea(t, tea);
    expect(await t.must('reports:today', {})).toEqual({ date: '2026-03-30', timeZone: LONDON });
    expect(businessDates(t)).toEqual({ [before.id]: '2026-03-29', [after.id]: '2026-03-30' });

    const list = await t.must('sales:list', { fromDay: '2026-03-30', toDay: '2026-03-30' });
    expect(list.items.map((s) => s.id)).toEqual([after.id]);
    const summary = await t.must('reports:daySummary', { date: '2026-03-30' });
    expect(summary).toMatchObject({ salesCount: 1, gross: 250, from: '2026-03-29T23:00:00.000Z' });
    const yesterday = await t.must('sales:list', { fromDay: '2026-03-29', toDay: '2026-03-29' });
    expect(yesterday.items.map((s) => s.id)).toEqual([before.id]);
    expect(await t.must('reports:daySummary', { date: '2026-03-29' })).toMatchObject({
      salesCount: 1,
      from: '2026-03-29T00:00:00.000Z',
      to: '2026-03-29T23:00:00.000Z',
    });
    const both = await t.must('sales:list', { fromDay: '2026-03-29', toDay: '2026-03-30' });
    expect(both.items.map((s) => s.id)).toEqual([after.id, before.id]);
    // One end only: from a day on, and up to a day.
    const since = await t.must('sales:list', { fromDay: '2026-03-30' });
    expect(since.items.map((s) => s.id)).toEqual([after.id]);
    const until = await t.must('sales:list', { toDay: '2026-03-29' });
    expect(until.items.map((s) => s.id)).toEqual([before.id]);
    // A cursor with a last day, the cursor inside the days or after them.
    const cursor = { createdAt: after.createdAt, id: after.id };
    for (const toDay of ['2026-03-30', '2026-03-29', '2026-03-28']) {
      const page = await t.must('sales:list', { toDay, cursor });
      expect(page.items.map((s) => s.id)).toEqual(toDay === '2026-03-28' ? [] : [before.id]);
    }
    // Today's sale can be voided; yesterday's (an hour older) cannot.
    expect((await t.must('sales:get', { id: after.id })).voidable).toBe(true);
    expect((await t.must('sales:get', { id: before.id })).voidable).toBe(false);
  });

  it('refuses a day that is not a calendar day, and changes nothing', async () => {
    const { t } = await till('2026-03-29T12:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-3-29', '2026-03-29T00:00:00Z', ''])
      expect(resultCode(await t.call('sales:list', { fromDay: bad }))).toBe('VALIDATION_FAILED');
    // The old UTC range is gone: the renderer cannot send computer-zone instants any more.
    expect(
      resultCode(await t.call('sales:list', { from: '2026-03-29T00:00:00.000Z' } as never)),
    ).toBe('VALIDATION_FAILED');
  });
});

describe('a change of the time-zone setting moves no sale to another day', () => {
  it('after the October change: the void rule and both day views keep the sale on its day', async () => {
    // 23:30Z on 25 October is 23:30 GMT in London (the clocks went back that morning).
    const { t, tea } = await till('2026-10-25T23:30:00.000Z');
    const sale = await sellTea(t, tea);
    expect(sale.voidable).toBe(true);
    // Ten minutes later the shop moves its setting to Berlin, where it is already the 26th.
    await at(t, '2026-10-25T23:40:00.000Z');
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    await t.must('settings:update', { timeZone: 'Europe/Berlin' });
    expect(await t.must('reports:today', {})).toEqual({
      date: '2026-10-26',
      timeZone: 'Europe/Berlin',
    });
    // The sale stays on the 25th: in the summary, the list, and the void rule.
    expect(await t.must('reports:daySummary', { date: '2026-10-25' })).toMatchObject({
      salesCount: 1,
      gross: 250,
    });
    expect(await t.must('reports:daySummary', { date: '2026-10-26' })).toMatchObject({
      salesCount: 0,
    });
    const day = await t.must('sales:list', { fromDay: '2026-10-25', toDay: '2026-10-25' });
    expect(day.items.map((s) => s.id)).toEqual([sale.id]);
    expect(
      (await t.must('sales:list', { fromDay: '2026-10-26', toDay: '2026-10-26' })).items,
    ).toEqual([]);
    expect((await t.must('sales:get', { id: sale.id })).voidable).toBe(false);
    const r = await t.call('sales:void', { id: sale.id, reason: 'Next day' });
    expect(resultCode(r)).toBe('VOID_NOT_ALLOWED');
    // A new sale is stamped with the new zone's day.
    const next = await sellTea(t, tea);
    expect(businessDates(t)[next.id]).toBe('2026-10-26');
  });

  it('the business date cannot be rewritten, nor left out (D6)', async () => {
    const { t, tea } = await till('2026-10-25T12:00:00.000Z');
    const sale = await sellTea(t, tea);
    // Each in a transaction of its own: on PostgreSQL a failed statement ends its transaction.
    expect(() =>
      withWritable(t, (db) =>
        db.prepare("UPDATE sales SET business_date = '2026-10-26' WHERE id = ?").run(sale.id),
      ),
    ).toThrow(/immutable/);
    expect(() =>
      withWritable(t, (db) =>
        db
          .prepare(
            `INSERT INTO sales (uuid, till_id, receipt_no, kind, status, staff_id, currency,
               prices_include_tax, subtotal, discount, tax, total, source, created_at)
             SELECT 'x-no-date', till_id, 999, kind, status, staff_id, currency,
               prices_include_tax, subtotal, discount, tax, total, source, created_at
             FROM sales WHERE id = ?`,
          )
          .run(sale.id),
      ),
    ).toThrow(/business.date/);
    expect(businessDates(t)).toEqual({ [sale.id]: '2026-10-25' });
  });
});

describe('the migration backfills business_date', () => {
  // The migration undone and redone on a SQLite file with PRAGMA table_info; on a server the
  // migrations run once, on an empty store (test-engine.ts).
  it.skipIf(ON_POSTGRES)('with the zone set at the time, across the March change', async () => {
    const { t, tea } = await till('2026-03-28T23:30:00.000Z');
    for (const when of [
      '2026-03-28T23:30:00.000Z', // 23:30 GMT, 28th
      '2026-03-29T00:30:00.000Z', // 00:30 GMT, 29th
      '2026-03-29T22:59:00.000Z', // 23:59 BST, 29th
      '2026-03-29T23:00:00.000Z', // 00:00 BST, 30th
    ]) {
      await at(t, when);
      await sellTea(t, tea);
    }
    const stamped = businessDates(t);
    expect(Object.values(stamped)).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-29',
      '2026-03-30',
    ]);
    const dir = t.dir;
    const path = t.dbPath;
    await t.core.close();
    open = open.filter((x) => x !== t);

    // Undo and redo this migration on the real file, as an upgrade from the previous version.
    const ds = createSqliteDataSource({ databasePath: path });
    await ds.initialize();
    const q = ds.createQueryRunner();
    const migration = new SaleBusinessDate1790000004000();
    // A later migration's index on the column (1790000009200, customers by day) goes first.
    await q.query('DROP INDEX "IDX_sales_customer_day"');
    await migration.down(q);
    const cols = (await q.query('PRAGMA table_info(sales)')) as Array<{ name: string }>;
    expect(cols.map((c) => c.name)).not.toContain('business_date');
    await migration.up(q);
    const rows = (await q.query('SELECT id, business_date FROM sales ORDER BY id')) as Array<{
      id: number;
      business_date: string;
    }>;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.business_date]))).toEqual(stamped);

    // Again with New York as the store zone: the backfill follows the setting.
    await migration.down(q);
    await q.query("UPDATE settings SET value = 'America/New_York' WHERE key = 'time_zone'");
    await migration.up(q);
    const ny = (await q.query('SELECT business_date FROM sales ORDER BY id')) as Array<{
      business_date: string;
    }>;
    expect(ny.map((r) => r.business_date)).toEqual([
      '2026-03-28',
      '2026-03-28',
      '2026-03-29',
      '2026-03-29',
    ]);
    await q.release();
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * Issue 10, section 6: the accountant's exports on a real SQLite file, read back with csv-parse
 * and exceljs's reader and checked against raw SQL sums.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { parseMoney } from '../../shared/money';
import {
  ADMIN,
  approvedMember,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertCustomer, insertProducts, reader, sell } from '../helpers/retail';
import { countOf } from '../helpers/shifts';

let t: TestCore;
let tea: number;
let book: number;

beforeEach(async () => {
  t = await makeTestCore();
  await withAdmin(t);
  [tea, book] = insertProducts(t, [
    { sku: 'TEA', name: 'Tea', price: 250, taxRateBps: 2000 },
    { sku: 'BOOK', name: '=HYPERLINK("http://evil.test","x")', price: 1299, taxRateBps: 0 },
  ]) as [number, number];
});
afterEach(() => t.close());

const DAY = 86_400_000;
type Run = ChannelInput<'exports:run'>;
const request = (more: Partial<Run> = {}): Run => ({
  jobId: randomUUID(),
  from: '2026-11-23',
  to: '2026-11-24',
  format: 'csv',
  datasets: ['sales'],
  ...more,
});

/** Two days of sales: card and cash, a customer whose name is a formula, a refund and a void. */
async function ringUpTwoDays() {
  const customerId = insertCustomer(t, { name: '+SUM(1;2)' });
  const a = await sell(
    t,
    [
      { productId: tea, quantity: 2 },
      { productId: book, quantity: 1 },
    ],
    [{ type: 'card', amount: 1799 }],
    { customerId, note: '@admin -1' },
  );
  await sell(t, [{ productId: tea, quantity: 1 }], [{ type: 'cash', amount: 500 }]);
  // The next business day, in a new session (a session ends after 12 hours).
  t.clock.advance(DAY);
  await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
  const v = await sell(t, [{ productId: tea, quantity: 3 }], [{ type: 'cash', amount: 750 }]);
  await t.must('sales:void', { id: v.id, reason: '=1+1' });
  await t.must('sales:refund', {
    saleId: a.id,
    refundId: randomUUID(),
    lines: [{ lineId: a.lines[0]!.id, quantity: 1 }],
    tender: 'card',
    reason: 'Broken',
  });
}

const fileOf = (fileName: string) => join(t.dir, 'exports', fileName);

async function exportCsv(more: Partial<Run>) {
  const out = await t.must('exports:run', request({ format: 'csv', ...more }));
  if (out.outcome !== 'saved') throw new Error('not saved');
  const text = readFileSync(fileOf(out.fileName), 'utf8');
  return { out, text, rows: parse(text, { bom: true, columns: true }) as Record<string, string>[] };
}

const sql = (q: string, ...p: unknown[]) =>
  reader(t)
    .prepare(q)
    .get(...p) as Record<string, number>;
const money = (s: string) => parseMoney(s, 2)!;
const sum = (rows: Record<string, string>[], key: string) =>
  rows.reduce((a, r) => a + money(r[key]!), 0);

describe('exports:run as CSV', () => {
  it('writes every sale, line and tender of the range, adding up to the raw SQL sums', async () => {
    await ringUpTwoDays();
    const range = "business_date BETWEEN '2026-11-23' AND '2026-11-24'";
    const sales = await exportCsv({ datasets: ['sales'] });
    const db = sql(
      `SELECT COUNT(*) AS n, SUM(total) AS total, SUM(tax) AS tax FROM sales WHERE ${range}`,
    );
    expect(sales.rows).toHaveLength(db.n!);
    expect(sales.rows).toHaveLength(4);
    expect(sum(sales.rows, 'total')).toBe(db.total);
    expect(sum(sales.rows, 'tax')).toBe(db.tax);
    expect(sales.out).toMatchObject({ outcome: 'saved', rows: [{ dataset: 'sales', rows: 4 }] });
    expect(sales.rows.map((r) => `${r.kind}/${r.status}`).sort()).toEqual([
      'refund/completed',
      'sale/completed',
      'sale/completed',
      'sale/voided',
    ]);
    expect(new Set(sales.rows.map((r) => r.business_date))).toEqual(
      new Set(['2026-11-23', '2026-11-24']),
    );
    expect(sales.rows[0]!.time_utc).toMatch(/^2026-11-23T09:00:00\.000Z$/);

    const lines = await exportCsv({ datasets: ['lines'] });
    const dbLines = sql(
      `SELECT COUNT(*) AS n, SUM(l.total) AS total FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.${range}`,
    );
    expect(lines.rows).toHaveLength(dbLines.n!);
    expect(sum(lines.rows, 'total')).toBe(dbLines.total);
    expect(lines.rows.find((r) => r.sku === 'TEA')!.tax_rate_percent).toBe('20.00');

    const tenders = await exportCsv({ datasets: ['tenders'] });
    const dbTenders = sql(
      `SELECT COUNT(*) AS n, SUM(p.amount) AS total FROM sale_tenders p JOIN sales s ON s.id = p.sale_id WHERE s.${range}`,
    );
    expect(tenders.rows).toHaveLength(dbTenders.n!);
    expect(sum(tenders.rows, 'amount')).toBe(dbTenders.total);

    // Tax by rate: completed sales and refunds only; Σ gross is the net takings.
    const tax = await exportCsv({ datasets: ['taxRates'] });
    const completed = sql(
      `SELECT SUM(total) AS total, SUM(tax) AS tax FROM sales WHERE ${range} AND status = 'completed'`,
    );
    expect(sum(tax.rows, 'gross')).toBe(completed.total);
    expect(sum(tax.rows, 'tax')).toBe(completed.tax);
    expect(sum(tax.rows, 'net')).toBe(completed.total! - completed.tax!);
    expect(tax.rows.map((r) => `${r.business_date} ${r.tax_rate_percent}`)).toEqual([
      '2026-11-23 0.00',
      '2026-11-23 20.00',
      '2026-11-24 20.00',
    ]);
  });

  it('lists the Z reports of the shifts opened in the range, with the figures they hold', async () => {
    /** One shift of a cash and a card sale, counted `short` minor units short, closed. */
    const shift = async (short: number) => {
      const opened = await t.must('shifts:open', { floatCount: countOf(10_000) });
      await sell(t, [{ productId: tea, quantity: 2 }], [{ type: 'cash', amount: 500 }]);
      await sell(t, [{ productId: book, quantity: 1 }], [{ type: 'card', amount: 1299 }]);
      await t.must('auth:reauthenticate', { password: ADMIN.password });
      return t.must('shifts:close', {
        shiftId: opened.id,
        countedCash: countOf(10_500 - short),
        countedOther: [{ type: 'card', amount: 1299 }],
        ...(short ? { note: 'Till short' } : {}),
      });
    };
    const z1 = await shift(0);
    t.clock.advance(DAY);
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    const z2 = await shift(50);

    const both = await exportCsv({ datasets: ['zReports'] });
    expect(both.rows.map((r) => [r.z_no, r.business_date, r.till])).toEqual([
      ['1', '2026-11-23', 'till-1'],
      ['2', '2026-11-24', 'till-1'],
    ]);
    const row = both.rows[1]!;
    expect(row).toMatchObject({ sales_count: '2', opened_by: 'Ada Admin', closed_by: 'Ada Admin' });
    expect(money(row.gross!)).toBe(z2.gross);
    expect(money(row.net!)).toBe(z2.net);
    expect(money(row.expected_cash!)).toBe(10_500);
    expect(money(row.counted_cash!)).toBe(10_450);
    expect(money(row.over_short!)).toBe(-50);
    expect(money(row.grand_total!)).toBe(z1.grandTotal + z2.gross);
    expect(row.note).toBe('Till short');
    expect(Number(row.first_receipt_no)).toBe(z2.firstReceiptNo);

    // A shift opened before the range is not in it.
    const second = await exportCsv({ from: '2026-11-24', datasets: ['zReports'] });
    expect(second.rows.map((r) => r.z_no)).toEqual(['2']);
  });

  it("takes each business day of the range in the store's time zone", async () => {
    // 12:00 UTC on 23 November is 01:00 on 24 November in Auckland (UTC+13).
    await t.must('settings:update', { timeZone: 'Pacific/Auckland' });
    t.clock.advance(3 * 3_600_000);
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    const opened = await t.must('shifts:open', { floatCount: countOf(10_000) });
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    await t.must('shifts:close', {
      shiftId: opened.id,
      countedCash: countOf(10_000),
      countedOther: [],
    });
    const z = async (day: string) => {
      const { out, rows } = await exportCsv({ from: day, to: day, datasets: ['zReports'] });
      return { written: out.outcome === 'saved' ? out.rows : null, rows: rows.map((r) => r.z_no) };
    };
    expect(await z('2026-11-23')).toEqual({
      written: [{ dataset: 'zReports', rows: 0 }],
      rows: [],
    });
    expect(await z('2026-11-24')).toEqual({
      written: [{ dataset: 'zReports', rows: 1 }],
      rows: ['1'],
    });
  });

  it('neutralises formulas in text cells (OWASP CSV injection) but keeps negative amounts numbers', async () => {
    await ringUpTwoDays();
    const { text, rows } = await exportCsv({ datasets: ['sales'] });
    expect(rows.find((r) => r.customer?.includes('SUM'))!.customer).toBe("'+SUM(1;2)");
    expect(rows.find((r) => r.note)!.note).toBe("'@admin -1");
    expect(rows.find((r) => r.status === 'voided')!.void_reason).toBe("'=1+1");
    const refund = rows.find((r) => r.kind === 'refund')!;
    expect(refund.total).toBe('-2.50');
    expect(text).toContain('"-2.50"');
    const lines = await exportCsv({ datasets: ['lines'] });
    expect(lines.rows.find((r) => r.sku === 'BOOK')!.description).toBe(
      '\'=HYPERLINK("http://evil.test","x")',
    );
    // Text written by Kassa at the start of the file: a BOM, then the quoted header.
    expect(text.startsWith('\ufeff"sale_id","till"')).toBe(true);
  });

  it('writes only the header for a range without sales', async () => {
    await ringUpTwoDays();
    const { out, rows, text } = await exportCsv({ from: '2026-01-01', to: '2026-01-31' });
    expect(rows).toHaveLength(0);
    expect(out).toMatchObject({ rows: [{ dataset: 'sales', rows: 0 }] });
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses a bad range or request with a clear error, writing no file and no audit row', async () => {
    const audits = () =>
      sql("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'reports.export'").n;
    const cases: [Partial<Run>, RegExp][] = [
      [{ from: '2026-11-24', to: '2026-11-23' }, /first day must not be after the last/],
      [{ from: '2025-01-01', to: '2026-01-02' }, /at most 366 days/],
      [{ from: '2026-02-30' }, /date/i],
      [{ datasets: ['sales', 'lines'] }, /CSV file holds one dataset/],
      [{ format: 'xlsx', datasets: ['sales', 'sales'] }, /listed twice/],
      [{ datasets: [] }, /./],
    ];
    for (const [more, message] of cases) {
      const r = await t.call('exports:run', request(more));
      expect(resultCode(r), JSON.stringify(more)).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r)).toMatch(message);
    }
    expect(existsSync(join(t.dir, 'exports'))).toBe(false);
    expect(audits()).toBe(0);
  });

  it('is audited, and needs reports.view', async () => {
    await exportCsv({});
    const row = reader(t)
      .prepare("SELECT actor_name, detail FROM audit_events WHERE action = 'reports.export'")
      .get() as { actor_name: string; detail: string };
    expect(row.actor_name).toBe('ada');
    expect(row.detail).toContain('csv sales 2026-11-23..2026-11-24');
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    expect(resultCode(await t.call('exports:run', request(), 2))).toBe('FORBIDDEN');
  });
});

describe('exports:run as XLSX', () => {
  it('writes a sheet per dataset with money as numbers in a money format', async () => {
    await ringUpTwoDays();
    const out = await t.must(
      'exports:run',
      request({ format: 'xlsx', datasets: ['sales', 'lines', 'tenders', 'taxRates'] }),
    );
    if (out.outcome !== 'saved') throw new Error('not saved');
    expect(out.fileName).toBe('kassa-accounts-2026-11-23_2026-11-24.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fileOf(out.fileName));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['sales', 'lines', 'tenders', 'tax_by_rate']);
    const sheet = wb.getWorksheet('sales')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const totalCol = header.indexOf('total') + 1;
    const custCol = header.indexOf('customer') + 1;
    let total = 0;
    let rows = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      rows++;
      const cell = row.getCell(totalCol);
      expect(typeof cell.value).toBe('number');
      expect(cell.numFmt).toBe('#,##0.00');
      total += Math.round((cell.value as number) * 100);
    });
    const db = sql('SELECT COUNT(*) AS n, SUM(total) AS total FROM sales');
    expect(rows).toBe(db.n);
    expect(total).toBe(db.total);
    expect(out.rows.map((r) => r.rows)).toEqual([
      4,
      sql('SELECT COUNT(*) AS n FROM sale_lines').n,
      sql('SELECT COUNT(*) AS n FROM sale_tenders').n,
      3,
    ]);
    // A formula-like name is a text cell in XLSX: never a formula, never altered.
    const names: unknown[] = [];
    sheet.eachRow((row) => names.push(row.getCell(custCol).value));
    expect(names).toContain('+SUM(1;2)');
  });
});

describe('progress and cancel', () => {
  it('shows rows done over rows to write while it runs, and the dialog folder gets the file', async () => {
    await ringUpTwoDays();
    const req = request({
      format: 'xlsx',
      datasets: ['sales', 'lines'],
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const running = t.must('exports:run', req);
    const seen: string[] = [];
    let done = false;
    void running.finally(() => (done = true));
    while (!done) {
      const p = (await t.must('exports:progress', { jobId: req.jobId })).progress;
      if (p) seen.push(`${p.phase} ${p.rowsDone}/${p.rowsTotal}`);
      await new Promise((r) => setTimeout(r, 1));
    }
    const out = await running;
    expect(out.outcome).toBe('saved');
    expect(seen.some((s) => s.startsWith('counting'))).toBe(true);
    expect((await t.must('exports:progress', { jobId: req.jobId })).progress).toBeNull();
    expect(readdirSync(join(t.dir, 'exports'))).toEqual([
      'kassa-accounts-2026-01-01_2026-12-31.xlsx',
    ]);
  });

  it('stops on exports:cancel, leaves no file, and only the owner may cancel', async () => {
    await ringUpTwoDays();
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    for (const format of ['csv', 'xlsx'] as const) {
      const req = request({ format, from: '2026-01-01', to: '2026-12-31' });
      const running = t.must('exports:run', req);
      while ((await t.must('exports:progress', { jobId: req.jobId })).progress === null)
        await new Promise((r) => setImmediate(r));
      expect(await t.call('exports:cancel', { jobId: req.jobId }, 2)).toMatchObject({
        ok: false,
      });
      expect(await t.must('exports:cancel', { jobId: req.jobId })).toEqual({ cancelled: true });
      expect(await running).toEqual({ outcome: 'cancelled' });
      expect(readdirSync(join(t.dir, 'exports'))).toEqual([]);
    }
    expect(await t.must('exports:cancel', { jobId: randomUUID() })).toEqual({ cancelled: false });
  });

  it('runs ten exports in a row, each with its own file', async () => {
    await ringUpTwoDays();
    const outs = await Promise.all(
      Array.from({ length: 10 }, () => t.must('exports:run', request({ datasets: ['tenders'] }))),
    );
    expect(outs.every((o) => o.outcome === 'saved')).toBe(true);
    expect(readdirSync(join(t.dir, 'exports'))).toHaveLength(10);
    // The same job id twice at once: one export runs, the other is refused. Which one is up to
    // the engine (on a store server the two calls' checks are round trips that end in any order).
    const again = request();
    const both = await Promise.all([t.call('exports:run', again), t.call('exports:run', again)]);
    expect(both.map(resultCode).sort()).toEqual(['CONFLICT', 'ok']);
    expect(readdirSync(join(t.dir, 'exports'))).toHaveLength(11);
  });

  it('refuses a job id that has already run, however quickly it ran, and writes no second file', async () => {
    await ringUpTwoDays();
    const once = request({ datasets: ['tenders'] });
    expect((await t.must('exports:run', once)).outcome).toBe('saved');
    for (let i = 0; i < 3; i++)
      expect(resultCode(await t.call('exports:run', once)), `try ${i + 2}`).toBe('CONFLICT');
    expect(readdirSync(join(t.dir, 'exports'))).toHaveLength(1);
  });
});

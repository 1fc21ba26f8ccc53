/**
 * Issue 11, section 4: "every report exports as CSV (formula-neutralised) and PDF". For a handful
 * of sales (two days, a cashier and an admin, two tax rates, cash and card, a refund, and a
 * product named like a spreadsheet formula), `analytics:export` saves each report, and the whole
 * dashboard, as CSV whose figures, parsed back, equal what the `analytics:*` channels answer, and
 * as a PDF (Chromium through the print route, read back with pdftotext) showing the same figures.
 * Bad input, a PDF the engine cannot make and a closed save dialog write no file and no audit
 * row. One core and one browser for the file; real SQLite.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_REPORTS, type ChannelInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { folderSaveDialog } from '../../electron/core/exports/save-path';
import { ADMIN, approvedMember, auditCount, FakeClock, makeTestCore } from '../helpers/core';
import { resultCode, withAdmin, type TestCore } from '../helpers/core';
import { usePlaywrightPdfMaker } from '../helpers/pdf-browser';
import { expectRow, pdfText } from '../helpers/receipt-pdf';
import { insertCustomers, insertProducts, sell } from '../helpers/retail';
import { SCREENSHOT_DIR } from '../e2e/harness';

const CASHIER = {
  username: 'carl',
  email: 'carl@shop.test',
  displayName: 'Carl Cashier',
  password: 'copper kettle whistles at dawn',
};
const EVIL = '=HYPERLINK("http://evil.test","click")';
const RANGE = { from: '2026-03-08', to: '2026-03-09' };

const pdfMaker = usePlaywrightPdfMaker();
/** GBP minor units as the CSV writes them: "12.50", "-2.50". */
const dec = (minor: number) => (minor < 0 ? '-' : '') + (Math.abs(minor) / 100).toFixed(2);
const gbp = (minor: number) => formatMoney(minor, 'GBP', 'en-GB').replace(/\u00a0/g, ' ');

interface Section {
  header: string[];
  rows: string[][];
}

/** The sections of a report CSV by table id (report-csv.ts): header and rows, totals included. */
function sections(file: string): Map<string, Section> {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const out = new Map<string, Section>();
  for (const chunk of bytes.toString('utf8').slice(1).split('\r\n\r\n')) {
    if (chunk.trim() === '') continue;
    const records = parse(chunk, { relax_column_count: true }) as string[][];
    out.set(records[0]![0]!, { header: records[1]!, rows: records.slice(2) });
  }
  return out;
}

/** The row of `s` whose first cell is `first`. */
function row(s: Section | undefined, first: string): string[] {
  const found = s?.rows.find((r) => r[0] === first);
  if (!found) throw new Error(`no row ${first} in ${JSON.stringify(s)}`);
  return found;
}

describe('analytics:export', () => {
  let t: TestCore;
  let cancelDialog = false;
  let failPdf = false;

  const exportsDir = () => join(t.dir, 'exports');
  const exported = () => (existsSync(exportsDir()) ? readdirSync(exportsDir()).sort() : []);

  /** Exports `input` and answers the saved file's path. */
  async function save(input: ChannelInput<'analytics:export'>): Promise<string> {
    const result = await t.must('analytics:export', input);
    if (result.outcome !== 'saved') throw new Error('not saved');
    return join(exportsDir(), result.fileName);
  }

  beforeAll(async () => {
    t = await makeTestCore({
      clock: new FakeClock(Date.parse('2026-03-01T09:00:00.000Z')),
      receiptPdf: (job) =>
        failPdf ? Promise.reject(new Error('renderer crashed')) : pdfMaker(job),
      saveDialog: (request, caller) =>
        cancelDialog ? Promise.resolve(null) : folderSaveDialog(exportsDir())(request, caller),
    });
    await withAdmin(t);
    await t.must('settings:update', {
      timeZone: 'Europe/London',
      idleLockMinutes: 15,
      storeName: 'Corner Deli',
    });
    await approvedMember(t, CASHIER);
    const [tea, evil] = insertProducts(t, [
      { sku: 'TEA', name: 'Tea', price: 250 },
      { sku: 'EVIL', name: EVIL, price: 1000, taxRateBps: 0 },
    ]) as [number, number];
    const [rita] = insertCustomers(t, [{ name: 'Rita Regular' }]) as [number];
    const at = async (iso: string) => {
      t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
      await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
      await t.must('auth:login', { identifier: CASHIER.username, password: CASHIER.password }, 3);
    };
    // Sunday 2026-03-08: the admin sells 2 teas by card to Rita at 10:15; the cashier the formula
    // product and a tea for cash at 14:40. Monday: one of Rita's teas comes back.
    await at('2026-03-08T10:15:00.000Z');
    const first = await sell(
      t,
      [{ productId: tea, quantity: 2 }],
      [{ type: 'card', amount: 500 }],
      { customerId: rita },
      1,
    );
    await at('2026-03-08T14:40:00.000Z');
    await sell(
      t,
      [
        { productId: evil, quantity: 1 },
        { productId: tea, quantity: 1 },
      ],
      [{ type: 'cash', amount: 1250 }],
      {},
      3,
    );
    await at('2026-03-09T09:05:00.000Z');
    await t.must('auth:reauthenticate', { password: ADMIN.password }, 1);
    await t.must('sales:refund', {
      refundId: randomUUID(),
      saleId: first.id,
      lines: [{ lineId: first.lines[0]!.id, quantity: 1 }],
      tender: 'card',
      reason: 'spilt',
    });
  }, 60_000);
  afterAll(() => t?.close());

  it('saves each report as CSV whose figures are the channel figures, audited', async () => {
    const before = auditCount(t, 'reports.export');
    const files = await Promise.all(
      EXPORT_REPORTS.map((report) => save({ report, format: 'csv', ...RANGE })),
    );
    expect(files.map((f) => f.slice(exportsDir().length + 1))).toEqual([
      'kassa-key-figures-2026-03-08_2026-03-09.csv',
      'kassa-trend-2026-03-08_2026-03-09.csv',
      'kassa-top-products-2026-03-08_2026-03-09.csv',
      'kassa-top-categories-2026-03-08_2026-03-09.csv',
      'kassa-tax-report-2026-03-08_2026-03-09.csv',
      'kassa-staff-performance-2026-03-08_2026-03-09.csv',
      'kassa-heatmap-2026-03-08_2026-03-09.csv',
      'kassa-customers-2026-03-08_2026-03-09.csv',
    ]);
    const [key, trend, top, categories, tax, staff, heat, customers] = files.map(sections);
    expect(auditCount(t, 'reports.export')).toBe(before + EXPORT_REPORTS.length);
    const audits = t
      .raw()
      .prepare("SELECT target_type, detail FROM audit_events WHERE action = 'reports.export'")
      .all() as { target_type: string; detail: string }[];
    expect(new Set(audits.map((a) => a.target_type))).toEqual(new Set(['report']));
    expect(audits.map((a) => a.detail)).toContainEqual(
      expect.stringMatching(
        /^csv customers 2026-03-08\.\.2026-03-09: kassa-customers-2026-03-08_2026-03-09\.csv, \d+ bytes$/,
      ),
    );

    // Every file says what it holds.
    expect(row(key!.get('export'), 'keyFigures')).toEqual([
      'keyFigures',
      RANGE.from,
      RANGE.to,
      'GBP',
    ]);

    const k = await t.must('analytics:keyFigures', RANGE);
    expect(row(key!.get('periods'), 'previous')).toEqual([
      'previous',
      k.previousRange.from,
      k.previousRange.to,
    ]);
    expect(key!.get('amounts')!.header).toEqual([
      'figure',
      'current (GBP)',
      'previous (GBP)',
      'change_percent',
    ]);
    for (const f of ['gross', 'refunds', 'net', 'discounts', 'tax', 'averageBasket'] as const)
      expect(row(key!.get('amounts'), f)).toEqual([f, dec(k.current[f]), dec(k.previous[f]), '']);
    for (const f of ['netWithoutTax', 'costedNet', 'cost', 'margin'] as const)
      expect(row(key!.get('margin'), f)).toEqual([
        f,
        dec(k.margin.current[f]),
        dec(k.margin.previous[f]),
        '',
      ]);
    for (const f of ['salesCount', 'refundsCount', 'items', 'itemsPerSale'] as const)
      expect(row(key!.get('counts'), f)).toEqual([
        f,
        String(k.current[f]),
        String(k.previous[f]),
        '',
      ]);
    for (const tender of k.byTender)
      expect(row(key!.get('byTender'), tender.type)).toEqual([
        tender.type,
        String(tender.salesCount),
        dec(tender.amount),
        String(tender.refundsCount),
        dec(tender.refunds),
        dec(tender.net),
      ]);
    expect(row(key!.get('byTender'), 'Total')[5]).toBe(dec(k.current.net));

    const tr = await t.must('analytics:trend', { ...RANGE, grain: 'day' });
    expect(trend!.get('trend.day')!.rows).toEqual([
      ...tr.points.map((p) => [
        p.bucket,
        String(p.salesCount),
        String(p.refundsCount),
        String(p.items),
        dec(p.gross),
        dec(p.refunds),
        dec(p.net),
      ]),
      [
        'Total',
        '2',
        '1',
        String(k.current.items),
        dec(k.current.gross),
        '2.50',
        dec(k.current.net),
      ],
    ]);
    // A negative amount stays a number: no apostrophe (only text is neutralised).
    expect(row(trend!.get('trend.day'), '2026-03-09')[6]).toBe('-2.50');

    const tp = await t.must('analytics:topProducts', RANGE);
    expect(top!.get('topProducts.revenue')!.rows).toEqual(
      tp.products.map((p, i) => [
        String(i + 1),
        p.sku,
        p.name === EVIL ? `'${EVIL}` : p.name,
        String(p.quantity),
        dec(p.gross),
        dec(p.refunds),
        dec(p.net),
        dec(p.discounts),
        dec(p.tax),
        dec(p.cost),
        dec(p.margin),
      ]),
    );
    // Top categories: the products here are in none, so one row without a name.
    const tc = await t.must('analytics:topCategories', RANGE);
    expect(categories!.get('topCategories.revenue')!.rows).toEqual(
      tc.categories.map((c, i) => [
        String(i + 1),
        '',
        String(c.quantity),
        dec(c.gross),
        dec(c.refunds),
        dec(c.net),
        dec(c.discounts),
        dec(c.tax),
        dec(c.cost),
        dec(c.margin),
      ]),
    );
    expect(tc.categories.map((c) => c.categoryId)).toEqual([null]);
    // The formula product is written as text, never as a formula a spreadsheet would run.
    expect(readFileSync(files[2]!, 'utf8')).toContain(
      `"'=HYPERLINK(""http://evil.test"",""click"")"`,
    );

    const tx = await t.must('analytics:taxReport', RANGE);
    expect(tax!.get('taxReport')!.rows).toEqual([
      ...tx.rates.map((r) => [
        (r.taxRateBps / 100).toFixed(2),
        dec(r.net),
        dec(r.tax),
        dec(r.gross),
      ]),
      ['Total', dec(tx.totals.net), dec(tx.totals.tax), dec(tx.totals.gross)],
    ]);

    const sp = await t.must('analytics:staffPerformance', RANGE);
    expect(staff!.get('staffPerformance')!.rows.map((r) => [r[0], r[1], r[3]])).toEqual(
      sp.staff.map((s) => [s.name, String(s.salesCount), dec(s.net)]),
    );

    const hm = await t.must('analytics:heatmap', RANGE);
    const busy = hm.cells.filter((c) => c.salesCount !== 0 || c.net !== 0);
    expect(
      heat!
        .get('heatmap')!
        .rows.slice(0, -1)
        .map((r) => [r[1], r[2], r[3]]),
    ).toEqual(
      busy.map((c) => [`${String(c.hour).padStart(2, '0')}:00`, String(c.salesCount), dec(c.net)]),
    );

    const cu = await t.must('analytics:customers', RANGE);
    expect(row(customers!.get('customerCounts'), 'newCustomers')[1]).toBe(String(cu.newCustomers));
    expect(row(customers!.get('customerCounts'), 'walkInSales')[1]).toBe(String(cu.walkInSales));
    expect(customers!.get('topCustomers')!.rows).toEqual(
      cu.top.map((c) => [c.name, String(c.salesCount), dec(c.net)]),
    );
  }, 30_000);

  it('saves the whole dashboard as one CSV with a section per table', async () => {
    const file = await save({ report: 'dashboard', format: 'csv', ...RANGE, by: 'quantity' });
    expect(file).toMatch(/kassa-dashboard-2026-03-08_2026-03-09\.csv$/);
    expect([...sections(file).keys()]).toEqual([
      'export',
      'periods',
      'counts',
      'amounts',
      'margin',
      'byTender',
      'trend.day',
      'topProducts.quantity',
      'topCategories.revenue',
      'taxReport',
      'staffPerformance',
      'heatmap',
      'customerCounts',
      'topCustomers',
      'lapsedCustomers',
    ]);
  });

  it('saves the dashboard as a PDF with the same figures', async () => {
    const file = await save({ report: 'dashboard', format: 'pdf', ...RANGE });
    expect(file).toMatch(/kassa-dashboard-2026-03-08_2026-03-09\.pdf$/);
    const text = pdfText(file);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-singlefile',
      file,
      join(SCREENSHOT_DIR, 'pdf-dashboard-a4'),
    ]);
    const k = await t.must('analytics:keyFigures', RANGE);
    const tx = await t.must('analytics:taxReport', RANGE);
    const tp = await t.must('analytics:topProducts', RANGE);
    expect(text).toContain('Corner Deli');
    expect(text).toContain('8 Mar 2026 – 9 Mar 2026');
    expectRow(text, 'Net sales', gbp(k.current.net), gbp(0), '—');
    expectRow(text, 'Transactions', '2', '0', '—');
    expectRow(text, 'Card', '1', gbp(500), '1', gbp(250), gbp(250));
    expectRow(text, '1', tp.products[0]!.sku, tp.products[0]!.name);
    expect(text).toContain(EVIL);
    expectRow(text, 'Total', gbp(tx.totals.net), gbp(tx.totals.tax), gbp(tx.totals.gross));
    expectRow(text, 'Carl Cashier', '1');
    expectRow(text, 'Sunday', '10:00', '1', gbp(500));
    expectRow(text, 'Rita Regular', '1', gbp(250));
  }, 30_000);

  it('refuses bad input, writing nothing and auditing nothing', async () => {
    const files = exported();
    const audits = auditCount(t, 'reports.export');
    const bad: unknown[] = [
      { report: 'trend', format: 'csv', from: '2026-03-09', to: '2026-03-08' },
      { report: 'margins', format: 'csv', ...RANGE },
      { report: 'trend', format: 'xlsx', ...RANGE },
      { report: 'trend', format: 'csv', grain: 'hour', from: '2026-01-01', to: '2026-03-09' },
      { report: 'topProducts', format: 'csv', limit: 0, ...RANGE },
      { report: 'taxReport', format: 'csv', from: '2020-01-01', to: '2026-03-09' },
    ];
    for (const input of bad)
      expect(
        resultCode(await t.call('analytics:export', input as never)),
        JSON.stringify(input),
      ).toBe('VALIDATION_FAILED');
    // A cashier has no reports.view.
    expect(
      resultCode(await t.call('analytics:export', { report: 'trend', format: 'csv', ...RANGE }, 3)),
    ).toBe('FORBIDDEN');
    expect(exported()).toEqual(files);
    expect(auditCount(t, 'reports.export')).toBe(audits);
  });

  it('a PDF the engine cannot make is REPORT_PDF_FAILED; a closed dialog writes nothing', async () => {
    const files = exported();
    const audits = auditCount(t, 'reports.export');
    failPdf = true;
    try {
      const r = await t.call('analytics:export', { report: 'taxReport', format: 'pdf', ...RANGE });
      expect(resultCode(r)).toBe('REPORT_PDF_FAILED');
    } finally {
      failPdf = false;
    }
    cancelDialog = true;
    try {
      for (const format of ['csv', 'pdf'] as const)
        expect(await t.must('analytics:export', { report: 'heatmap', format, ...RANGE })).toEqual({
          outcome: 'cancelled',
        });
    } finally {
      cancelDialog = false;
    }
    expect(exported()).toEqual(files);
    expect(auditCount(t, 'reports.export')).toBe(audits);
  }, 30_000);
});

/**
 * The Online Retail import (import:onlineRetail) against the real 10,000-line sample: the day
 * summaries after the import must equal sums taken straight from the file, computed here
 * independently (csv-parse + decimal strings → pence), and every line keeps its exact values.
 */
import { importFile } from '../helpers/import-file';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/money';
import {
  approvedMember,
  auditCount,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';

const CSV_PATH = resolve(__dirname, '../../data/online-retail-2010-12.csv');
const CSV = readFileSync(CSV_PATH, 'utf8');
const HEADER = CSV.slice(0, CSV.indexOf('\n'));

/** "2.55" → 255, "0.0" → 0, "6" → 600: string arithmetic, no parseMoney. */
function pence(price: string): number {
  const [whole, frac = ''] = price.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

interface Expected {
  date: string;
  salesCount: number;
  refundsCount: number;
  gross: number;
  refunds: number;
  net: number;
}

/** Per UTC day of each invoice's first row: counts and sums in pence, straight from the file. */
function expectedDays(): {
  days: Expected[];
  invoices: number;
  cInvoices: number;
  walkIns: number;
  customers: number;
  stockCodes: number;
} {
  const rows = parse(CSV, { columns: true }) as Record<string, string>[];
  const invoices = new Map<
    string,
    { date: string; total: number; negative: boolean; cust: string }
  >();
  for (const r of rows) {
    const inv = invoices.get(r.InvoiceNo!) ?? {
      date: r.InvoiceDate!.slice(0, 10),
      total: 0,
      negative: Number(r.Quantity) < 0,
      cust: r.CustomerID!,
    };
    inv.total += Number(r.Quantity) * pence(r.UnitPrice!);
    invoices.set(r.InvoiceNo!, inv);
  }
  const days = new Map<string, Expected>();
  for (const inv of invoices.values()) {
    const d = days.get(inv.date) ?? {
      date: inv.date,
      salesCount: 0,
      refundsCount: 0,
      gross: 0,
      refunds: 0,
      net: 0,
    };
    if (inv.negative) {
      d.refundsCount += 1;
      d.refunds -= inv.total;
    } else {
      d.salesCount += 1;
      d.gross += inv.total;
    }
    d.net = d.gross - d.refunds;
    days.set(inv.date, d);
  }
  return {
    days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
    invoices: invoices.size,
    cInvoices: [...invoices.keys()].filter((k) => k.startsWith('C')).length,
    walkIns: [...invoices.values()].filter((i) => i.cust === '').length,
    customers: new Set(rows.map((r) => r.CustomerID).filter((c) => c !== '')).size,
    stockCodes: new Set(rows.map((r) => r.StockCode)).size,
  };
}

describe('import:onlineRetail', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
    await t.must('settings:update', { timeZone: 'Europe/London' });
  });
  afterEach(async () => {
    await t.close();
  });

  it('imports the real file exactly: day summaries equal the sums taken from the file', async () => {
    const expected = expectedDays();
    const started = Date.now();
    const report = await t.must('import:onlineRetail', importFile(CSV));
    const seconds = (Date.now() - started) / 1000;

    expect(report.rejected).toEqual([]);
    expect(report.rows).toBe(10_000);
    expect(report.invoices).toBe(512);
    expect(expected.invoices).toBe(512);
    expect(report.salesCreated + report.refundsCreated).toBe(512);
    expect(report.alreadyImported).toBe(0);
    expect(report.customersCreated).toBe(323);
    expect(expected.customers).toBe(323);
    // 2,015 distinct StockCodes, but 27 differ only by case (85123a / 85123A): one SKU each.
    expect(expected.stockCodes).toBe(2_015);
    expect(report.productsCreated).toBe(1_988);
    expect(auditCount(t, 'import.online_retail', 'success')).toBe(1);

    console.log(`Online Retail import: 10,000 rows, 512 invoices in ${seconds.toFixed(2)} s`);
    console.log('date        sales refunds        gross      refunds          net');
    for (const e of expected.days) {
      const s = await t.must('reports:daySummary', { date: e.date });
      expect({
        date: e.date,
        salesCount: s.salesCount,
        refundsCount: s.refundsCount,
        gross: s.gross,
        refunds: s.refunds,
        net: s.net,
      }).toEqual(e);
      expect(s.byTender.reduce((a, b) => a + b.amount, 0)).toBe(e.net);
      const fromReport = report.days.find((d) => d.date === e.date)!;
      expect(fromReport).toEqual({
        date: e.date,
        sales: e.salesCount,
        refunds: e.refundsCount,
        gross: e.gross,
        refundTotal: e.refunds,
        net: e.net,
      });
      const gbp = (n: number) => formatMoney(n, 'GBP', 'en-GB').padStart(12);
      console.log(
        `${e.date} ${String(e.salesCount).padStart(5)} ${String(e.refundsCount).padStart(7)} ${gbp(e.gross)} ${gbp(e.refunds)} ${gbp(e.net)}`,
      );
    }
    expect(report.days.map((d) => d.date)).toEqual(expected.days.map((d) => d.date));

    const db = t.raw();
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM sales WHERE source = 'import'`).n).toBe(
      512,
    );
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM sales WHERE kind = 'refund' AND external_ref LIKE 'C%'`,
      ).n,
    ).toBe(43);
    expect(expected.cInvoices).toBe(43);
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM sales WHERE kind = 'refund'`).n).toBe(
      report.refundsCreated,
    );
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM sales WHERE customer_id IS NULL`).n).toBe(
      expected.walkIns,
    );
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM customers').n).toBe(323);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM sale_lines').n).toBe(10_000);
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM customers WHERE external_ref = '17850' AND name = 'Customer 17850' AND country = 'United Kingdom'`,
      ).n,
    ).toBe(1);
    const kinds = db
      .prepare(
        `SELECT sku, kind FROM products WHERE sku IN ('POST','DOT','C2','D','M','BANK CHARGES','85123A') ORDER BY sku`,
      )
      .all();
    expect(kinds).toEqual([
      { sku: '85123A', kind: 'stock' },
      { sku: 'BANK CHARGES', kind: 'fee' },
      { sku: 'C2', kind: 'postage' },
      { sku: 'D', kind: 'discount' },
      { sku: 'DOT', kind: 'postage' },
      { sku: 'M', kind: 'manual' },
      { sku: 'POST', kind: 'postage' },
    ]);
    // The first line of invoice 536365, exactly as in the file.
    const line = one<Record<string, unknown>>(
      `SELECT l.sku, l.description, l.quantity, l.unit_price, l.total, l.tax, l.discount, s.created_at,
         s.currency, s.total AS sale_total
       FROM sale_lines l JOIN sales s ON s.id = l.sale_id
       WHERE s.external_ref = '536365' AND l.line_no = 1`,
    );
    expect(line).toEqual({
      sku: '85123A',
      description: 'WHITE HANGING HEART T-LIGHT HOLDER',
      quantity: 6,
      unit_price: 255,
      total: 1530,
      tax: 0,
      discount: 0,
      created_at: '2010-12-01T08:26:00.000Z',
      currency: 'GBP',
      sale_total: 15_30 + 6 * 339 + 8 * 275 + 6 * 339 + 6 * 339 + 2 * 765 + 6 * 425,
    });
    // A description with a trailing space keeps it on the line; the product name is trimmed.
    const quoted = one<{ description: string; name: string }>(
      `SELECT l.description, p.name FROM sale_lines l JOIN products p ON p.id = l.product_id
       JOIN sales s ON s.id = l.sale_id WHERE s.external_ref = '536394' AND l.sku = '21506'`,
    );
    expect(quoted).toEqual({
      description: 'FANCY FONT BIRTHDAY CARD, ',
      name: 'FANCY FONT BIRTHDAY CARD,',
    });
    // Every sale's lines add up to its total, and the receipt numbers are gapless.
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM sales s WHERE s.total <> (SELECT SUM(total) FROM sale_lines WHERE sale_id = s.id)`,
      ).n,
    ).toBe(0);
    expect(
      one<{ lo: number; hi: number; n: number }>(
        `SELECT MIN(receipt_no) AS lo, MAX(receipt_no) AS hi, COUNT(*) AS n FROM sales
         JOIN tills ON tills.id = sales.till_id WHERE tills.name = 'Online Retail import'`,
      ),
    ).toEqual({ lo: 1, hi: 512, n: 512 });

    // Importing the same file again adds nothing.
    const again = await t.must('import:onlineRetail', importFile(CSV));
    expect(again).toMatchObject({
      alreadyImported: 512,
      salesCreated: 0,
      refundsCreated: 0,
      customersCreated: 0,
      productsCreated: 0,
    });
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM sales').n).toBe(512);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM products').n).toBe(1_988);
    // Issue 11, section 1: every product of the sample is in the one top-level "Sample" category.
    const categories = (await t.must('categories:list', {})).items;
    expect(categories.map((c) => [c.path, c.productCount])).toEqual([[['Sample'], 1_988]]);
    expect((await t.must('products:list', { categoryId: null, status: 'all' })).total).toBe(0);
  });

  it('writes nothing when one row is bad, and names its line', async () => {
    const lines = CSV.split('\n');
    lines[5] = lines[5]!.replace(',3.39,', ',3.395,'); // file line 6
    const lines2 = [...lines];
    lines2[8] = lines2[8]!.replace(/,\d+,2010/, ',ten,2010'); // file line 9
    const r = await t.must('import:onlineRetail', importFile(lines2.join('\n')));
    expect(r.rejected.map((x) => x.line)).toEqual([6, 9]);
    expect(r.rejected[0]!.reason).toMatch(/UnitPrice/);
    expect(r.rejected[1]!.reason).toMatch(/Quantity/);
    expect(r).toMatchObject({ salesCreated: 0, refundsCreated: 0, customersCreated: 0 });
    const db = t.raw();
    for (const table of ['sales', 'sale_lines', 'products', 'customers'])
      expect((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0);
    expect(auditCount(t, 'import.online_retail')).toBe(0);
  });

  it('refuses an invoice mixing sold and returned lines, a bad date and a wrong header', async () => {
    const mixed = [
      HEADER,
      '1,A1,Thing,2,2010-12-01 08:00:00,1.50,17850.0,United Kingdom',
      '1,A2,Other,-1,2010-12-01 08:00:00,1.50,17850.0,United Kingdom',
      '2,A1,Thing,2,2010-12-32 08:00:00,1.50,,United Kingdom',
    ].join('\n');
    const r = await t.must('import:onlineRetail', importFile(mixed));
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3, 4]);
    const wrong = await t.call(
      'import:onlineRetail',
      importFile(
        'Invoice,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n',
      ),
    );
    expect(resultCode(wrong)).toBe('IMPORT_REJECTED');
    const unclosed = await t.call('import:onlineRetail', importFile(`${HEADER}\n1,"A1,x`));
    expect(resultCode(unclosed)).toBe('IMPORT_REJECTED');
  });

  it('refuses a cashier and a store whose currency is not GBP', async () => {
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 3);
    expect(resultCode(await t.call('import:onlineRetail', importFile(CSV), 3))).toBe('FORBIDDEN');
    await t.must('settings:update', { currency: 'EUR' });
    const r = await t.call('import:onlineRetail', importFile(CSV));
    expect(resultCode(r)).toBe('IMPORT_REJECTED');
    expect(r.ok ? '' : r.error.message).toMatch(/GBP/);
  });
});

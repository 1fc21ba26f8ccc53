/**
 * Issue 11, section 4, acceptance: after the Online Retail sample is imported (what
 * `npm run import:sample` does, through the same channel), the reports for 2010-12-01..2010-12-05
 * equal sums taken straight from the CSV here, independently (csv-parse, decimal strings → pence):
 * net by day, the top 5 customers by net and the top 5 products by net. Store time: Europe/London
 * (GMT in December, so a row's day is the date it is written with).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, withAdmin, type TestCore } from '../helpers/core';
import { importFile } from '../helpers/import-file';
import { reader } from '../helpers/retail';

const CSV = readFileSync(resolve(__dirname, '../../data/online-retail-2010-12.csv'), 'utf8');
const RANGE = { from: '2010-12-01', to: '2010-12-05' };

/** "2.55" → 255: string arithmetic, no parseMoney. */
function pence(price: string): number {
  const [whole, frac = ''] = price.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

/** Σ quantity × price per key over every row (sales and returns), highest first. */
function sums(rows: Record<string, string>[], key: (r: Record<string, string>) => string) {
  const by = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== '') by.set(k, (by.get(k) ?? 0) + Number(r.Quantity) * pence(r.UnitPrice!));
  }
  return [...by.entries()].sort((a, b) => b[1] - a[1]);
}

describe('the Online Retail sample in the reports', () => {
  let t: TestCore;
  const rows = parse(CSV, { columns: true }) as Record<string, string>[];

  beforeAll(async () => {
    t = await makeTestCore();
    await withAdmin(t);
    await t.must('settings:update', { timeZone: 'Europe/London' });
    const report = await t.must('import:onlineRetail', importFile(CSV));
    expect(report.rejected).toEqual([]);
  });
  afterAll(() => t.close());

  it('net by day equals the file', async () => {
    const byDay = new Map(sums(rows, (r) => r.InvoiceDate!.slice(0, 10)));
    const trend = await t.must('analytics:trend', { ...RANGE, grain: 'day' });
    expect(trend.points.map((p) => [p.bucket, p.net])).toEqual(
      ['2010-12-01', '2010-12-02', '2010-12-03', '2010-12-04', '2010-12-05'].map((d) => [
        d,
        byDay.get(d) ?? 0,
      ]),
    );
    const k = await t.must('analytics:keyFigures', RANGE);
    expect(k.current.net).toBe([...byDay.values()].reduce((a, b) => a + b, 0));
    expect(k.current.salesCount + k.current.refundsCount).toBe(
      new Set(rows.map((r) => r.InvoiceNo)).size,
    );
  });

  it('the top 5 customers and the top 5 products by net equal the file', async () => {
    const refOf = new Map(
      (
        reader(t).prepare('SELECT id, external_ref FROM customers').all() as {
          id: number;
          external_ref: string;
        }[]
      ).map((c) => [c.id, c.external_ref]),
    );
    const customers = await t.must('analytics:customers', RANGE);
    expect(customers.top.slice(0, 5).map((c) => [refOf.get(c.customerId), c.net])).toEqual(
      sums(rows, (r) => r.CustomerID!.replace(/\.0$/, '')).slice(0, 5),
    );

    // Stock codes that differ only in case are one product (the importer's rule).
    const products = await t.must('analytics:topProducts', { ...RANGE, limit: 5 });
    expect(products.products.map((p) => [p.sku.toUpperCase(), p.net])).toEqual(
      sums(rows, (r) => r.StockCode!.toUpperCase()).slice(0, 5),
    );
  });
});

/**
 * Issue 11, section 3: purchase orders are "exportable as PDF and CSV, to send to the supplier".
 * `purchaseOrders:export` makes the file first and then saves it where the save dialog says
 * (without a shell, the `exports` folder beside the database). The CSV is read back: its rows,
 * exact decimal money, and cells beginning with = + - @ neutralised. The PDF is drawn on A4 in
 * Chromium from the renderer's print route and read back with `pdftotext -layout`: store,
 * supplier, PO number, lines, total, note. Without a browser engine a PDF is REPORT_PDF_FAILED
 * and nothing is written. Real SQLite files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseOrderView } from '../../shared/contract';
import { auditCount, makeTestCore, resultCode, withAdmin, type TestCore } from '../helpers/core';
import { usePlaywrightPdfMaker } from '../helpers/pdf-browser';
import { expectRow, pdfText } from '../helpers/receipt-pdf';
import { insertProducts } from '../helpers/retail';

const pdfMaker = usePlaywrightPdfMaker();

/** The files in the core's `exports` folder (where the save dialog puts them without a shell). */
function exported(t: TestCore): string[] {
  const dir = join(t.dir, 'exports');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** A store, a supplier with every detail, and an ordered PO of three lines (one a formula). */
async function orderedPo(t: TestCore): Promise<PurchaseOrderView> {
  await t.must('settings:update', {
    storeName: 'Corner Deli',
    storeAddress: '1 High Street\nLeeds LS1 1AA',
    taxNumber: 'GB123456789',
  });
  const [tea, jam, evil] = insertProducts(t, [
    { sku: 'TEA-01', name: 'Breakfast tea', price: 250 },
    { sku: 'JAM', name: 'Strawberry jam', price: 400 },
    { sku: '-HACK', name: '=HYPERLINK("http://evil.test","x")', price: 100 },
  ]) as [number, number, number];
  const supplier = await t.must('suppliers:create', {
    name: '@Leeds Wholesale',
    contact: 'Priya Shah',
    email: 'orders@leeds-wholesale.test',
    phone: '+44 113 496 0000',
  });
  const po = await t.must('purchaseOrders:create', {
    supplierId: supplier.id,
    note: 'Deliver to the back door',
    lines: [
      { productId: tea, quantity: 24, unitCost: 135 },
      { productId: jam, quantity: 6, unitCost: 1205 },
      { productId: evil, quantity: 1, unitCost: 0 },
    ],
  });
  return t.must('purchaseOrders:setStatus', { id: po.id, status: 'ordered' });
}

describe('a purchase order exported for the supplier', () => {
  let t: TestCore;
  let po: PurchaseOrderView;

  beforeAll(async () => {
    t = await makeTestCore({ receiptPdf: pdfMaker });
    await withAdmin(t);
    po = await orderedPo(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('saves a CSV with one row a line, exact money, formulas neutralised, audited', async () => {
    const before = auditCount(t, 'reports.export');
    const result = await t.must('purchaseOrders:export', { id: po.id, format: 'csv' });
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.fileName).toBe(`kassa-PO-${String(po.id).padStart(5, '0')}-Leeds-Wholesale.csv`);
    const bytes = readFileSync(join(t.dir, 'exports', result.fileName));
    expect(bytes.length).toBe(result.bytes);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    const number = `PO-${String(po.id).padStart(5, '0')}`;
    expect(rows).toEqual([
      [
        'po_number',
        'supplier',
        'sku',
        'product',
        'quantity',
        'unit_cost',
        'line_total',
        'currency',
      ],
      [number, "'@Leeds Wholesale", 'TEA-01', 'Breakfast tea', '24', '1.35', '32.40', 'GBP'],
      [number, "'@Leeds Wholesale", 'JAM', 'Strawberry jam', '6', '12.05', '72.30', 'GBP'],
      [
        number,
        "'@Leeds Wholesale",
        "'-HACK",
        `'=HYPERLINK("http://evil.test","x")`,
        '1',
        '0.00',
        '0.00',
        'GBP',
      ],
    ]);
    expect(auditCount(t, 'reports.export')).toBe(before + 1);
  });

  it('saves an A4 PDF with store, supplier, lines, total and note', async () => {
    const result = await t.must('purchaseOrders:export', { id: po.id, format: 'pdf' });
    if (result.outcome !== 'saved') throw new Error('not saved');
    const file = join(t.dir, 'exports', result.fileName);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(file);
    expect(text).toContain(`Purchase order PO-${String(po.id).padStart(5, '0')}`);
    for (const s of ['Corner Deli', 'Leeds LS1 1AA', 'VAT no. GB123456789', '@Leeds Wholesale'])
      expect(text).toContain(s);
    for (const s of ['Attn. Priya Shah', 'orders@leeds-wholesale.test', '+44 113 496 0000'])
      expect(text).toContain(s);
    expectRow(text, 'TEA-01', 'Breakfast tea', '24', '£1.35', '£32.40');
    expectRow(text, 'JAM', 'Strawberry jam', '6', '£12.05', '£72.30');
    expectRow(text, 'Total', '£104.70');
    expect(text).toContain('Note: Deliver to the back door');
    expectRow(text, 'Status', 'Ordered');
  }, 60_000);

  it('refuses an unknown order, writing nothing', async () => {
    const files = exported(t);
    const audits = auditCount(t, 'reports.export');
    for (const format of ['csv', 'pdf'] as const)
      expect(resultCode(await t.call('purchaseOrders:export', { id: po.id + 99, format }))).toBe(
        'NOT_FOUND',
      );
    expect(
      resultCode(await t.call('purchaseOrders:export', { id: po.id, format: 'xlsx' } as never)),
    ).toBe('VALIDATION_FAILED');
    expect(exported(t)).toEqual(files);
    expect(auditCount(t, 'reports.export')).toBe(audits);
  });
});

describe('a purchase order PDF without a browser engine', () => {
  it('is REPORT_PDF_FAILED: no dialog, no file, no audit row', async () => {
    const t = await makeTestCore();
    try {
      await withAdmin(t);
      const po = await orderedPo(t);
      const audits = auditCount(t, 'reports.export');
      const r = await t.call('purchaseOrders:export', { id: po.id, format: 'pdf' });
      expect(resultCode(r)).toBe('REPORT_PDF_FAILED');
      expect(exported(t)).toEqual([]);
      expect(auditCount(t, 'reports.export')).toBe(audits);
      expect(await t.must('purchaseOrders:get', { id: po.id })).toEqual(po);
    } finally {
      await t.close();
    }
  }, 30_000);
});

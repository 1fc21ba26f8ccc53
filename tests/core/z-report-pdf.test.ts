/**
 * Issue 10, section 1: a Z report "exports as PDF". `shifts:exportPdf` draws the Z report on A4
 * in Chromium from the renderer's print route (tests/helpers/receipt-pdf.ts, the port the shell
 * fills with printToPDF) and saves it where the save dialog says: without a shell, the `exports`
 * folder beside the database. `pdftotext -layout` reads the file back: Z number, till, gross,
 * net, tenders, expected/counted/over-short, grand total. Without an engine, or when the engine
 * fails or answers something that is not a PDF, the answer is REPORT_PDF_FAILED and nothing is
 * written (no file, no audit row). Real SQLite files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZReport } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import type { PdfMaker } from '../../electron/core/receipts/receipt-pdf';
import { auditCount, resultCode } from '../helpers/core';
import { usePlaywrightPdfMaker } from '../helpers/pdf-browser';
import { expectRow, pdfText } from '../helpers/receipt-pdf';
import { sell } from '../helpers/retail';
import { ADMIN_W, CASHIER_W, countOf, MANAGER_W, shiftShop, type Shop } from '../helpers/shifts';
import { SCREENSHOT_DIR } from '../e2e/harness';

const pdfMaker = usePlaywrightPdfMaker();
const gbp = (minor: number) => formatMoney(minor, 'GBP', 'en-GB').replace(/\u00a0/g, ' ');

/** The files in the shop's `exports` folder (where the save dialog puts them without a shell). */
function exported(shop: Shop): string[] {
  const dir = join(shop.t.dir, 'exports');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Opens a shift, rings up two cash sales and a card sale, and closes it £0.50 short. */
async function closedShift(shop: Shop): Promise<ZReport> {
  const { t, products } = shop;
  const opened = await t.must('shifts:open', { floatCount: countOf(10_000) }, CASHIER_W);
  await sell(
    t,
    [{ productId: products.tea, quantity: 2 }],
    [{ type: 'cash', amount: 500 }],
    {},
    CASHIER_W,
  );
  await sell(
    t,
    [{ productId: products.cake, quantity: 1 }],
    [{ type: 'card', amount: 333 }],
    {},
    CASHIER_W,
  );
  await sell(
    t,
    [{ productId: products.zero, quantity: 1 }],
    [{ type: 'cash', amount: 199 }],
    {},
    CASHIER_W,
  );
  await t.must('auth:reauthenticate', { password: 'copper kettle whistles at dawn' }, CASHIER_W);
  return t.must(
    'shifts:close',
    {
      shiftId: opened.id,
      countedCash: countOf(10_000 + 500 + 199 - 50),
      countedOther: [{ type: 'card', amount: 333 }],
      note: 'fifty pence short',
    },
    CASHIER_W,
  );
}

describe('a Z report as an A4 PDF', () => {
  let shop: Shop;
  let z: ZReport;

  beforeAll(async () => {
    shop = await shiftShop({ receiptPdf: pdfMaker });
    await shop.t.must('settings:update', {
      storeName: 'Corner Deli',
      storeAddress: '1 High Street\nLeeds LS1 1AA',
      taxNumber: 'GB123456789',
    });
    z = await closedShift(shop);
  }, 60_000);
  afterAll(async () => {
    await shop?.t.close();
  });

  it('saves the Z report with its figures, for the accountant, and audits it', async () => {
    const { t } = shop;
    const before = auditCount(t, 'reports.export');
    const result = await t.must('shifts:exportPdf', { zReportId: z.id }, MANAGER_W);
    expect(result).toMatchObject({ outcome: 'saved' });
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.fileName).toMatch(/^kassa-z-till-1-0001-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(exported(shop)).toEqual([result.fileName]);
    const file = join(t.dir, 'exports', result.fileName);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readFileSync(file).length).toBe(result.bytes);

    const text = pdfText(file);
    expect(text).toContain('Z report 1');
    expect(text).toContain('Corner Deli');
    expect(text).toContain('Leeds LS1 1AA');
    expect(text).toContain('VAT no. GB123456789');
    expectRow(text, 'Till', 'till-1');
    expectRow(text, 'Sales count', '3');
    expectRow(text, 'Gross', gbp(z.gross));
    expectRow(text, 'Net', gbp(z.net));
    expectRow(text, 'Cash (2)', gbp(699));
    expectRow(text, 'Card (1)', gbp(333));
    expectRow(text, 'Float', gbp(10_000));
    expectRow(text, 'Expected cash', gbp(z.expectedCash));
    expectRow(text, 'Cash', gbp(10_699), gbp(10_649), '−£0.50');
    expectRow(text, 'Card', gbp(333), gbp(333), gbp(0));
    expectRow(text, 'Total over/short', '−£0.50');
    expect(text).toContain('Note: fifty pence short');
    expectRow(text, 'Grand total of this till (perpetual)', gbp(z.grandTotal));
    expect(text).toMatch(new RegExp(`Receipts\\s+#${z.firstReceiptNo} to #${z.lastReceiptNo}`));
    expect(auditCount(t, 'reports.export')).toBe(before + 1);
    // The audit screen names the Z report by its till and number, not "Z report #1".
    const [event] = (await t.must('audit:list', { action: 'reports.export' }, ADMIN_W)).items;
    expect(event).toMatchObject({ targetType: 'z_report', targetName: 'Z till-1-1' });
  }, 60_000);

  it('five exports at once make five files, none replacing another', async () => {
    const { t } = shop;
    const before = exported(shop).length;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.must('shifts:exportPdf', { zReportId: z.id }, ADMIN_W)),
    );
    const names = results.map((r) => (r.outcome === 'saved' ? r.fileName : 'cancelled'));
    expect(new Set(names).size).toBe(5);
    expect(exported(shop)).toHaveLength(before + 5);
    for (const name of names) expect(pdfText(join(t.dir, 'exports', name))).toContain('Z report 1');
  }, 90_000);

  it('writes it in the store language: a German store gets a German Z report', async () => {
    const { t } = shop;
    await t.must('settings:update', { locale: 'de-DE' }, ADMIN_W);
    try {
      const result = await t.must('shifts:exportPdf', { zReportId: z.id }, ADMIN_W);
      if (result.outcome !== 'saved') throw new Error('not saved');
      const file = join(t.dir, 'exports', result.fileName);
      const text = pdfText(file);
      // German words are long: a picture of the page to look at (test-results/screenshots).
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-singlefile',
        file,
        join(SCREENSHOT_DIR, 'pdf-z-report-a4-de'),
      ]);
      expect(text).toContain('Z-Bon 1');
      expect(text).toContain('Kasse');
      expect(text).toMatch(/Bar \(2\)\s+6,99\s*£/);
    } finally {
      await t.must('settings:update', { locale: 'en-GB' }, ADMIN_W);
    }
  }, 60_000);

  it('refuses an unknown Z report and a member without reports.view, writing nothing', async () => {
    const { t } = shop;
    const files = exported(shop);
    const audits = auditCount(t, 'reports.export');
    expect(resultCode(await t.call('shifts:exportPdf', { zReportId: z.id + 99 }, ADMIN_W))).toBe(
      'NOT_FOUND',
    );
    expect(resultCode(await t.call('shifts:exportPdf', { zReportId: z.id }, CASHIER_W))).toBe(
      'FORBIDDEN',
    );
    expect(resultCode(await t.call('shifts:exportPdf', { zReportId: 0 }, ADMIN_W))).toBe(
      'VALIDATION_FAILED',
    );
    expect(exported(shop)).toEqual(files);
    expect(auditCount(t, 'reports.export')).toBe(audits);
  });
});

describe('a Z report PDF without a working browser engine', () => {
  const engines: [string, PdfMaker | undefined][] = [
    ['no engine at all (a core without a shell)', undefined],
    ['an engine that fails', () => Promise.reject(new Error('renderer crashed'))],
    ['an engine that answers something else', () => Promise.resolve(Buffer.from('<html>'))],
  ];
  for (const [name, engine] of engines)
    it(`${name}: REPORT_PDF_FAILED, no dialog, no file, no audit row`, async () => {
      const shop = await shiftShop(engine ? { receiptPdf: engine } : {});
      try {
        const z = await closedShift(shop);
        const audits = auditCount(shop.t, 'reports.export');
        const r = await shop.t.call('shifts:exportPdf', { zReportId: z.id }, ADMIN_W);
        expect(resultCode(r)).toBe('REPORT_PDF_FAILED');
        expect(exported(shop)).toEqual([]);
        expect(existsSync(join(shop.t.dir, 'exports'))).toBe(false);
        expect(auditCount(shop.t, 'reports.export')).toBe(audits);
        // The Z report itself is untouched and can still be read.
        expect(await shop.t.must('shifts:zReport', { id: z.id }, ADMIN_W)).toEqual(z);
      } finally {
        await shop.t.close();
      }
    }, 30_000);
});

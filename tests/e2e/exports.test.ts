/**
 * Issue 10, section 6 in Chromium with a real core: Reports → "Export for the accountant". A few
 * sales (one with a customer whose name is a formula) are recorded through the channels; then the
 * dialog exports them as XLSX and as CSV into the folder the harness's core saves to (no shell,
 * so no save dialog), the files are read back, axe finds no critical or serious violation on the
 * dialog, and screenshots are taken at 1024×768, 1366×768 and 1920×1080.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ADMIN } from '../helpers/core';
import { pageApi as api, signInThroughScreen } from './checkout-helpers';
import {
  axeSerious,
  settled,
  startHarness,
  visible,
  type Harness,
  type KassaPage,
} from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

describe('Reports → Export for the accountant', () => {
  let h: Harness;
  let w: KassaPage;
  const exportsDir = () => path.join(path.dirname(h.dbPath), 'exports');

  beforeAll(async () => {
    h = await startHarness({ firstScreenshot: 230 });
    w = await h.newPage();
  });
  afterEach(() => w?.assertClean());
  afterAll(async () => {
    await h?.close();
  });

  it('0. a few sales, then sign in through the screen', async () => {
    const page = w.page;
    await page.clock.setFixedTime(h.clock.now());
    await w.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await api(page, 'setup:createAdmin', ADMIN);
    const mug = await api<{ id: number }>(page, 'products:create', {
      sku: 'MUG-01',
      name: 'Enamel Mug',
      price: 450,
      taxRateBps: 2000,
    });
    const customer = await api<{ id: number }>(page, 'customers:create', {
      name: '=HYPERLINK("http://evil.test")',
    });
    for (const [quantity, type, customerId] of [
      [1, 'cash', null],
      [2, 'card', customer.id],
      [3, 'card', null],
    ] as const)
      await api(page, 'sales:checkout', {
        id: crypto.randomUUID(),
        lines: [{ productId: mug.id, quantity }],
        tenders: [{ type, amount: 450 * quantity }],
        customerId,
      });
    await api(page, 'auth:logout');
    await w.open();
    await signInThroughScreen(page, ADMIN);
  });

  it('1. the dialog: no serious axe violations; screenshots at three sizes', async () => {
    const page = w.page;
    await page.getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'Export for the accountant' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Export for the accountant' }));
    await settled(dialog);
    expect(await axeSerious(page), 'export dialog').toEqual([]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await h.screenshot(w, `export-dialog-${size.width}x${size.height}`);
    }
  });

  it('2. exports XLSX with every dataset, shows the saved file, and the file holds the sales', async () => {
    const page = w.page;
    const dialog = page.getByRole('dialog', { name: 'Export for the accountant' });
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await visible(dialog.getByText('Export saved'));
    expect(await axeSerious(page), 'export saved').toEqual([]);
    await h.screenshot(w, 'export-saved');
    const today = h.clock.now().toISOString().slice(0, 10);
    const file = path.join(exportsDir(), `kassa-accounts-${today.slice(0, 8)}01_${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'sales',
      'lines',
      'tenders',
      'tax_by_rate',
      'z_reports',
    ]);
    expect(book.getWorksheet('sales')!.actualRowCount).toBe(4);
  });

  it('3. exports one CSV dataset, formula-neutralised', async () => {
    const page = w.page;
    const dialog = page.getByRole('dialog', { name: 'Export for the accountant' });
    await dialog.getByText('CSV', { exact: true }).click();
    await dialog.getByRole('radio', { name: 'Sales, refunds and voids' }).check();
    expect(await axeSerious(page), 'export dialog, CSV').toEqual([]);
    await h.screenshot(w, 'export-dialog-csv');
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await visible(dialog.getByText(/kassa-sales-.*\.csv: 3 rows\./));
    const today = h.clock.now().toISOString().slice(0, 10);
    const text = await readFile(
      path.join(exportsDir(), `kassa-sales-${today.slice(0, 8)}01_${today}.csv`),
      'utf8',
    );
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.total)).toEqual(['4.50', '9.00', '13.50']);
    expect(rows[1]!.customer).toBe('\'=HYPERLINK("http://evil.test")');
  });
});

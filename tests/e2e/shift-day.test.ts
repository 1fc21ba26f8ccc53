/**
 * A shift from open to close in Chromium with a real core (issue 10, section 1), with the store
 * setting "sales need an open shift" on:
 * - checkout says plainly that no shift is open; F10 opens the float count, counted by
 *   denomination with its running total;
 * - cash and card sales and a paid out go through the core (open-to-close.test.ts rings them up
 *   on the screens, with the paid out's password and the X report);
 * - the close is a blind count (no expected figure on screen before the count is submitted),
 *   £0.50 short, then the card batch total, over/short and the Z report on screen, as the core
 *   recorded it; Reports → Shifts lists it and shows it again, and the day summary lists the shift;
 * - Export PDF, after the close and in Reports → Shifts, saves the Z report as an A4 PDF
 *   (without a shell: the `exports` folder beside the database); `pdftotext` reads its Z number,
 *   till, gross, net, tenders and over/short, and its first page is saved as a PNG to look at;
 * - axe-core finds no critical or serious violation in any of the dialogs;
 * - screenshots at 1024×768, 1366×768 and 1920×1080 of the float count, the close's count and the
 *   Z report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ZReport } from '../../shared/contract';
import { ADMIN } from '../helpers/core';
import { expectRow, pdfText } from '../helpers/receipt-pdf';
import {
  closeShiftThroughScreen,
  countDenominations as count,
  gbp,
  pageApi as api,
  PRODUCTS,
} from './checkout-helpers';
import {
  axeSerious,
  gone,
  SCREENSHOT_DIR,
  type Harness,
  type KassaPage,
  settled,
  startHarness,
  visible,
} from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const [MUG, TOWEL, LANTERN, , CANDLE] = PRODUCTS as [
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
];
/** Room for a busy machine. */
const STEP_MS = 60_000;
const FLOAT = 15000;
const CASH_TAKEN = MUG.price + TOWEL.price + CANDLE.price; // 450 + 650 + 875 = 1,975
const CARD_TAKEN = LANTERN.price; // 1,299
const PAID_OUT = 500;
const EXPECTED_CASH = FLOAT + CASH_TAKEN - PAID_OUT; // 16,475
const COUNTED_CASH = EXPECTED_CASH - 50; // £0.50 short

/** What each step of the close is called in an axe failure. */
const AXE_WHERE = {
  count: 'close: blind count',
  cash: 'close: cash compared',
  card: 'close: card and other',
  overShort: 'close: over/short',
} as const;

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  expect(await axeSerious(page), where).toEqual([]);
}

/** Screenshots of `page` at the three till sizes, back at the first size afterwards. */
async function shots(h: Harness, w: KassaPage, name: string): Promise<void> {
  for (const size of SIZES) {
    await w.page.setViewportSize(size);
    await w.page.waitForTimeout(150);
    await h.screenshot(w, `${name}-${size.width}x${size.height}`);
  }
  await w.page.setViewportSize(SIZES[0]);
}

/** The Z report PDFs saved so far: without a shell, in the `exports` folder beside the database. */
function savedPdfs(h: Harness): string[] {
  const dir = path.join(path.dirname(h.dbPath), 'exports');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')) : [];
}

/**
 * Clicks Export PDF in `scope`, waits for the toast naming the new file, and answers the file's
 * path and its text as `pdftotext -layout` reads it.
 */
async function exportPdf(page: Page, scope: Locator, h: Harness) {
  const before = savedPdfs(h);
  await scope.getByRole('button', { name: 'Export PDF' }).click();
  const made = () => savedPdfs(h).filter((f) => !before.includes(f));
  await expect.poll(() => made().length, { timeout: 20_000 }).toBe(1);
  expect(made()[0]).toMatch(/^kassa-z-e2e-till-0001-\d{4}-\d{2}-\d{2}(?: \(2\))?\.pdf$/);
  await visible(page.getByText(`Z report 1 saved as ${made()[0]}.`));
  const file = path.join(path.dirname(h.dbPath), 'exports', made()[0]!);
  return { file, text: pdfText(file) };
}

describe('a shift from open to close: float count, blind count, Z report, Reports → Shifts', () => {
  let h: Harness;
  let w: KassaPage;
  const productIds = new Map<string, number>();

  beforeAll(async () => {
    h = await startHarness({ firstScreenshot: 85, requireOpenShift: true });
    w = await h.newPage();
  });
  afterEach(() => w?.assertClean());
  afterAll(async () => {
    await h?.close();
  });

  it(
    '1. checkout says no shift is open; the float is counted by denomination',
    async () => {
      const page = w.page;
      await page.setViewportSize(SIZES[0]);
      await page.clock.setFixedTime(h.clock.now());
      await w.open();
      await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
      await api(page, 'setup:createAdmin', ADMIN);
      // The password is asked again after 5 minutes (S3); the till locks after 15 idle ones.
      await api(page, 'settings:update', { storeName: 'Corner Shop', idleLockMinutes: 15 });
      for (const p of [MUG, TOWEL, LANTERN, CANDLE]) {
        const made = await api<{ id: number }>(page, 'products:create', { ...p, taxRateBps: 2000 });
        productIds.set(p.sku, made.id);
      }
      await page.reload();

      const bar = await visible(page.getByRole('region', { name: 'Shift' }));
      await expect.poll(() => bar.textContent()).toContain('No shift is open on this till');
      expect(await bar.textContent()).toContain('Sales need an open shift');
      await noSeriousViolations(page, 'checkout without a shift');

      await page.keyboard.press('F10');
      const dialog = await visible(page.getByRole('dialog', { name: 'Open shift' }));
      await settled(dialog);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe('Quantity of £50.00');
      // £20 ×5, £10 ×4, £1 ×8, 50p ×4 = £150.00, typed as a person types the count.
      await dialog.getByLabel('Quantity of £20.00').pressSequentially('5', { delay: 5 });
      await count(dialog, { '£10.00': 4, '£1.00': 8, '£0.50': 4 });
      await expect
        .poll(() => dialog.getByRole('status').textContent())
        .toBe(`Float: ${gbp(FLOAT)}`);
      await noSeriousViolations(page, 'open shift dialog');
      await shots(h, w, 'shift-open');

      await dialog.getByRole('button', { name: 'Open shift' }).click();
      await gone(dialog);
      await expect.poll(() => bar.textContent()).toContain(`Shift opened by ${ADMIN.displayName}`);
      expect(await bar.textContent()).toContain(`float ${gbp(FLOAT)}`);
    },
    STEP_MS,
  );

  it(
    '2. cash and card sales and a paid out, through the core',
    async () => {
      // open-to-close.test.ts rings sales up, pays out and reads the X report on the screens.
      const page = w.page;
      const day = [
        { lines: [MUG, TOWEL], type: 'cash' },
        { lines: [LANTERN], type: 'card' },
        { lines: [CANDLE], type: 'cash' },
      ] as const;
      for (const sale of day)
        await api(page, 'sales:checkout', {
          id: crypto.randomUUID(),
          lines: sale.lines.map((p) => ({ productId: productIds.get(p.sku), quantity: 1 })),
          tenders: [{ type: sale.type, amount: sale.lines.reduce((a, p) => a + p.price, 0) }],
        });
      // Within five minutes of signing in: no password asked again (S3).
      await api(page, 'shifts:cashMovement', {
        id: crypto.randomUUID(),
        kind: 'paidOut',
        amount: PAID_OUT,
        reason: 'pettyCash',
        note: 'Milk for the staff room',
      });
    },
    STEP_MS,
  );

  it(
    '3. the close: a blind count £0.50 short, the card batch, over/short, the Z report',
    async () => {
      const page = w.page;
      h.clock.advanceMinutes(6);
      const dialog = await closeShiftThroughScreen(page, {
        // £20 ×5, £10 ×4, £5 ×3, £2 ×4, £1, 20p, 5p = £164.25.
        pieces: {
          '£20.00': 5,
          '£10.00': 4,
          '£5.00': 3,
          '£2.00': 4,
          '£1.00': 1,
          '£0.20': 1,
          '£0.05': 1,
        },
        countedCash: COUNTED_CASH,
        expectedCash: EXPECTED_CASH,
        overShort: '−£0.50',
        cardTotal: CARD_TAKEN,
        note: 'Short 50p, change given twice?',
        password: ADMIN.password,
        zNo: 1,
        atStep: async (step) => {
          if (step === 'reauth') return;
          await noSeriousViolations(page, AXE_WHERE[step]);
          if (step === 'count') await shots(h, w, 'shift-close-count');
        },
      });
      const rec = await dialog.getByRole('table', { name: 'Expected and counted' }).textContent();
      expect(rec).toContain(`Cash${gbp(EXPECTED_CASH)}${gbp(COUNTED_CASH)}−£0.50`);
      expect(rec).toContain(`Card${gbp(CARD_TAKEN)}${gbp(CARD_TAKEN)}${gbp(0)}`);
      await noSeriousViolations(page, 'close: Z report');
      await page.evaluate(() => document.querySelector('.mantine-Modal-content')?.scrollTo(0, 0));
      await shots(h, w, 'shift-z-report');

      // What the core recorded is what the screen showed.
      const list = await api<{ items: { id: number }[] }>(page, 'shifts:list', {});
      expect(list.items).toHaveLength(1);
      const z = await api<ZReport>(page, 'shifts:zReport', { id: list.items[0]!.id });
      expect(z).toMatchObject({
        zNo: 1,
        salesCount: 3,
        net: CASH_TAKEN + CARD_TAKEN,
        float: FLOAT,
        paidOut: PAID_OUT,
        expectedCash: EXPECTED_CASH,
        overShort: -50,
        note: 'Short 50p, change given twice?',
      });
      // Export PDF right after the close: an A4 file with the figures the close answered.
      const pdf = await exportPdf(page, dialog, h);
      expect(pdf.text).toContain('Z report 1');
      expectRow(pdf.text, 'Till', 'e2e-till');
      expectRow(pdf.text, 'Gross', gbp(CASH_TAKEN + CARD_TAKEN));
      expectRow(pdf.text, 'Net', gbp(CASH_TAKEN + CARD_TAKEN));
      expectRow(pdf.text, 'Cash (2)', gbp(CASH_TAKEN));
      expectRow(pdf.text, 'Card (1)', gbp(CARD_TAKEN));
      expectRow(pdf.text, 'Cash', gbp(EXPECTED_CASH), gbp(COUNTED_CASH), '−£0.50');
      expectRow(pdf.text, 'Total over/short', '−£0.50');
      expect(pdf.text).toContain('Note: Short 50p, change given twice?');
      const png = path.join(SCREENSHOT_DIR, 'pdf-z-report-a4');
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf.file, png]);
      await noSeriousViolations(page, 'close: Z report exported');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await gone(dialog);
      const bar = page.getByRole('region', { name: 'Shift' });
      await expect.poll(() => bar.textContent()).toContain('No shift is open on this till');
    },
    STEP_MS,
  );

  it(
    '4. Reports → Shifts lists the Z report and shows it; the day summary lists the shift',
    async () => {
      const page = w.page;
      await page.getByRole('button', { name: 'Reports' }).click();
      await visible(page.getByRole('heading', { name: 'Day summary' }));
      const day = await visible(page.getByRole('table', { name: 'Shifts of the day' }));
      expect(await day.textContent()).toContain('Z 1');
      await page.getByRole('tab', { name: 'Shifts' }).click();
      const list = await visible(page.getByRole('table', { name: 'Shifts and Z reports' }));
      expect(await list.textContent()).toContain('−£0.50');
      await noSeriousViolations(page, 'Reports → Shifts');
      await list.getByRole('button', { name: 'View Z 1' }).click();
      await visible(page.getByRole('heading', { name: 'Z report 1' }));
      await noSeriousViolations(page, 'Z report in Reports');
      // Export PDF from the list: a second file beside the first, with the same figures.
      const pdf = await exportPdf(page, page.locator('body'), h);
      expectRow(pdf.text, 'Sales count', '3');
      expectRow(pdf.text, 'Net', gbp(CASH_TAKEN + CARD_TAKEN));
      expectRow(pdf.text, 'Expected cash', gbp(EXPECTED_CASH));
      expectRow(pdf.text, 'Total over/short', '−£0.50');
      expect(savedPdfs(h)).toHaveLength(2);
      await h.screenshot(w, 'shift-z-report-in-reports');
    },
    STEP_MS,
  );
});

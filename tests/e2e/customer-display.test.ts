/**
 * Issue 10, section 4 in Chromium with a real core: the customer display is a second page bridged
 * to the core as the display window (tests/e2e/display-page.ts). As the cashier scans on the
 * first page (0–5 ms per key), the display shows the lines and the total; after payment, the
 * change and a thank-you; the next scan replaces them. It has no `window.api`, and its only
 * channel is refused to the till window. axe finds nothing serious; screenshots at three sizes.
 */
import type { Page } from 'playwright-core';
import type { DisplayView } from '../../shared/contract';
import { cashierWindow, emptyTillCart, PRODUCTS, scan, startShop } from './checkout-helpers';
import { openDisplayPage, type DisplayPage } from './display-page';
import { axeSerious, gone, visible, type Harness } from './harness';

const [MUG, TOWEL, LANTERN] = PRODUCTS as [
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
];
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

let h: Harness;
let display: DisplayPage;

beforeAll(async () => {
  h = await startShop();
  display = await openDisplayPage(h, 50);
}, 120_000);
afterEach(async () => {
  for (const p of h.pages) p.assertClean();
  expect(display.errors).toEqual([]);
  await emptyTillCart(h);
});
afterAll(async () => {
  await display?.close();
  await h?.close();
});

/** The display's rows as [item, quantity, amount]. */
function rows(page: Page): Promise<string[][]> {
  return page
    .locator('table.k-cd-lines tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
}

function total(page: Page): Promise<string | null> {
  return page.locator('.k-cd-total span').last().textContent();
}

describe('the customer display follows the cashier', () => {
  it('shows a welcome, then each scan, then the change and thanks, sale after sale', async () => {
    const d = display.page;
    await visible(d.getByRole('heading', { name: 'Welcome to Corner Shop' }));
    expect(await d.evaluate(() => 'api' in window)).toBe(false);
    expect(await axeSerious(d)).toEqual([]);

    const w = await cashierWindow(h);
    const page = w.page;
    for (const [sale, delay] of [0, 2, 5].entries()) {
      await scan(page, MUG.barcode, delay);
      await scan(page, TOWEL.barcode, delay);
      await scan(page, MUG.barcode, delay);
      await scan(page, LANTERN.barcode, delay);
      await expect
        .poll(() => rows(d), { timeout: 10_000 })
        .toEqual([
          [MUG.name, '2', '£9.00'],
          [TOWEL.name, '1', '£6.50'],
          [LANTERN.name, '1', '£12.99'],
        ]);
      expect(await total(d)).toBe('£28.49');
      if (sale === 0) {
        expect(await axeSerious(d)).toEqual([]);
        for (const size of SIZES) {
          await d.setViewportSize(size);
          await h.screenshot(d, `customer-display-cart-${size.width}x${size.height}`);
        }
      }

      await page.keyboard.press('F12');
      const dialog = await visible(page.getByRole('dialog', { name: 'Take payment' }));
      await dialog.getByRole('button', { name: '£50 in cash' }).click();
      await dialog.getByRole('button', { name: 'Complete sale' }).click();
      await gone(dialog);
      await visible(d.getByText('Thank you for your purchase!'));
      expect(await d.locator('.k-cd-change span').last().textContent()).toBe('£21.51');
      if (sale === 0) {
        expect(await axeSerious(d)).toEqual([]);
        for (const size of SIZES) {
          await d.setViewportSize(size);
          await h.screenshot(d, `customer-display-thanks-${size.width}x${size.height}`);
        }
      }
      await page.keyboard.press('Enter'); // New sale
    }
    // The next scan replaces the thank-you at once.
    await scan(page, TOWEL.barcode, 0);
    await expect.poll(() => rows(d)).toEqual([[TOWEL.name, '1', '£6.50']]);
    await expect.poll(() => d.getByText('Thank you for your purchase!').count()).toBe(0);
  }, 180_000);

  it("refuses the display's channel to the till window", async () => {
    const w = await cashierWindow(h);
    const r = (await w.page.evaluate(() =>
      (window.api as unknown as Record<string, (x: unknown) => Promise<unknown>>)['display:cart']!(
        {},
      ),
    )) as { ok: boolean; error?: { code: string } };
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const view = (await display.page.evaluate(() =>
      (
        window as unknown as {
          kassaDisplay: { cart(): Promise<{ ok: boolean; data: DisplayView }> };
        }
      ).kassaDisplay.cart(),
    )) as { ok: boolean };
    expect(view.ok).toBe(true);
  });
});

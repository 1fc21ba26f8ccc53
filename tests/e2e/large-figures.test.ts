/**
 * A store whose currency runs to large figures: rupiah (IDR, no minor unit on screen), where
 * "IDR 109,670,000" is a day's ordinary total. At 1024×768, the smallest till screen, at
 * standard and at touch size: the checkout's total, the payment dialog's three figures and the
 * day summary's figures are each shown whole, on one line, inside their box (drawn smaller when
 * they must be, never broken between digits or spilled over the edge); the page does not scroll
 * sideways; the receipt's tax table fits the slip; and the payment dialog offers cash amounts
 * near the total from the store's notes (its denomination table, by default Bank Indonesia's
 * Rp1,000 … Rp100,000) instead of notes far below it. axe finds nothing critical or serious.
 * Outside CI the screens are kept as test-results/screenshots/large-figures-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/core';
import {
  axeSerious,
  keepScreenshot,
  startHarness,
  visible,
  type Harness,
  type KassaPage,
} from './harness';
import { asAdmin, CASHIER, CORNER_SHOP, scan, scanField } from './checkout-helpers';

const ITEMS = [
  { sku: 'SHO-1', barcode: '5012345678900', name: 'Sepatu Kulit Pria', price: 1_250_000 },
  { sku: 'BAT-2', barcode: '5012345678917', name: 'Kemeja Batik Tulis', price: 2_875_000 },
  { sku: 'TAS-3', barcode: '5012345678924', name: 'Tas Rotan', price: 745_000 },
];
/** 4 shoes, 34 shirts, 4 bags: 5,000,000 + 97,750,000 + 2,980,000. */
const TOTAL = 105_730_000;
/** 400 shoes, 340 shirts, 4 bags: 500,000,000 + 977,500,000 + 2,980,000. */
const BIG_TOTAL = 1_480_480_000;
const idr = (n: number) => `IDR\u00a0${n.toLocaleString('en-GB')}`;

interface Fit {
  text: string;
  /** How far the text reaches past its box, px (≤ 0: inside it; sub-pixel rounding allowed). */
  spill: number;
  /** Lines the text takes. */
  lines: number;
  fontPx: number;
}

/**
 * Each element of `selector` as drawn: its text's reach past the element's own box and its
 * nearest `.k-fit-box` (or `box`), and the lines the text takes (a range's client rects).
 */
async function fits(page: Page, selector: string, box = '.k-fit-box'): Promise<Fit[]> {
  return page.evaluate(
    ([sel, boxSel]) =>
      [...document.querySelectorAll<HTMLElement>(sel!)].map((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const rects = [...range.getClientRects()];
        const text = range.getBoundingClientRect();
        const outer = (e.closest(boxSel!) ?? e).getBoundingClientRect();
        const own = e.getBoundingClientRect();
        const lineTops = new Set(rects.map((r) => Math.round(r.top)));
        return {
          text: e.textContent ?? '',
          spill: Math.max(text.right - own.right, text.right - outer.right),
          lines: lineTops.size,
          fontPx: parseFloat(getComputedStyle(e).fontSize),
        };
      }),
    [selector, box],
  );
}

async function expectWhole(page: Page, selector: string, expected: number, box?: string) {
  const found = await fits(page, selector, box);
  expect(found.length, `${selector} on screen`).toBe(expected);
  for (const f of found) {
    expect(f.spill, `${f.text} spills out of its box by`).toBeLessThanOrEqual(0.5);
    expect(f.lines, `${f.text} on one line`).toBe(1);
  }
  return found;
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

describe('a store in rupiah: large figures at 1024×768', () => {
  let h: Harness;
  let w: KassaPage;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    await asAdmin(h, 'setup:createAdmin', ADMIN);
    await asAdmin(h, 'settings:setUpStore', {
      ...CORNER_SHOP,
      country: 'ID',
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
    });
    await asAdmin(h, 'auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    for (const p of ITEMS) await asAdmin(h, 'products:create', { ...p, taxRateBps: 1100 });
    const anonymous = { origin: h.origin, isTopFrame: true, windowId: 98 };
    expect((await h.core.invoke('auth:requestAccess', CASHIER, anonymous)).ok).toBe(true);
    const pending = await asAdmin<{ items: { id: number }[] }>(h, 'staff:list', {
      status: 'pending',
      search: CASHIER.username,
    });
    await asAdmin(h, 'staff:approve', { id: pending.items[0]!.id, role: 'manager' });
    w = await h.newPage();
    page = w.page;
    await page.clock.setFixedTime(h.clock.now());
    await page.setViewportSize({ width: 1024, height: 768 });
    await w.open();
    await visible(page.getByRole('heading', { name: 'Sign in' }));
    await page.getByLabel('Username or email').fill(CASHIER.username);
    await page.getByLabel('Password', { exact: true }).fill(CASHIER.password);
    await page.keyboard.press('Enter');
    await visible(scanField(page));
  });

  afterAll(async () => h?.close());

  it('shows the total and the payment figures whole, and offers cash near the total', async () => {
    await scanField(page).focus();
    for (const [item, times] of [
      [ITEMS[0]!, 4],
      [ITEMS[1]!, 34],
      [ITEMS[2]!, 4],
    ] as const)
      for (let i = 0; i < times; i++) await scan(page, item.barcode, 1);
    const total = page.getByLabel('Total due', { exact: true });
    await expect.poll(() => total.textContent()).toBe(idr(TOTAL));

    const touch = page.getByRole('button', { name: /^Touch size/ });
    for (const size of ['standard', 'touch'] as const) {
      if (size === 'touch') await touch.click();
      await noSidewaysScroll(page);
      await expectWhole(page, '.k-co-totals dd', 4, '.k-co-totals-card');
      await keepScreenshot(page, `large-figures-checkout-${size}-1024x768`);
      // The cart keeps every line's Remove button inside it (a long unit price goes under the SKU).
      const cut = await page.evaluate(() => {
        const area = document.querySelector('.k-co-cart-area')!.getBoundingClientRect();
        const removes = [...document.querySelectorAll('.k-co-cart tbody tr td:last-child button')];
        return removes.map((b) => b.getBoundingClientRect().right - area.right);
      });
      expect(cut).toHaveLength(3);
      for (const reach of cut)
        expect(reach, 'Remove reaches past the cart by').toBeLessThanOrEqual(0);
    }
    // Ten digits (400 shoes, 340 shirts): Subtotal and Tax go under their labels, still whole.
    const quantity = (name: string) => page.getByLabel(`Quantity of ${name}`);
    const setQuantity = async (name: string, n: number) => {
      await quantity(name).fill(String(n));
      await quantity(name).press('Enter');
    };
    await setQuantity(ITEMS[0]!.name, 400);
    await setQuantity(ITEMS[1]!.name, 340);
    await expect.poll(() => total.textContent()).toBe(idr(BIG_TOTAL));
    for (const size of ['touch', 'standard'] as const) {
      if (size === 'standard') await touch.click();
      await noSidewaysScroll(page);
      await expectWhole(page, '.k-co-totals dd', 4, '.k-co-totals-card');
      await keepScreenshot(page, `large-figures-checkout-ten-digits-${size}-1024x768`);
    }
    await setQuantity(ITEMS[0]!.name, 4);
    await setQuantity(ITEMS[1]!.name, 34);
    await expect.poll(() => total.textContent()).toBe(idr(TOTAL));

    await page.keyboard.press('F12');
    const dialog = await visible(page.getByRole('dialog', { name: 'Take payment' }));
    const figures = await expectWhole(page, '.k-co-tender-figures dd', 3);
    // Smaller than "IDR 0" beside them, still above the page's 14 px text.
    for (const f of figures) expect(f.fontPx, f.text).toBeGreaterThanOrEqual(14);

    // Cash near the total, from the store's notes: not Rp1,000 … Rp10,000 (the old fixed list).
    const offered = dialog.getByRole('group', { name: 'Cash handed over' }).getByRole('button');
    expect(await offered.allTextContents()).toEqual([
      idr(105_740_000),
      idr(105_750_000),
      idr(105_800_000),
    ]);
    await keepScreenshot(page, 'large-figures-payment-1024x768');
    expect(await axeSerious(page)).toEqual([]);

    await dialog.getByRole('button', { name: `${idr(105_750_000)} in cash` }).click();
    expect(await dialog.getByText('Change due').locator('..').textContent()).toContain(idr(20_000));
    await expectWhole(page, '.k-co-tender-figures dd', 3);
    await dialog.getByRole('button', { name: 'Complete sale' }).click();
    await visible(page.getByRole('region', { name: 'Receipt' }));
  });

  it("fits the receipt's tax table on the slip", async () => {
    const table = page.getByRole('table', { name: 'Tax by rate' });
    await expect.poll(() => table.textContent()).toContain(idr(TOTAL));
    const reach = await page.evaluate(() => {
      const slip = document.querySelector('.k-receipt')!;
      const inner =
        slip.getBoundingClientRect().right - parseFloat(getComputedStyle(slip).paddingRight);
      const cells = [...slip.querySelectorAll('.k-receipt-tax td, .k-receipt-tax th')];
      return Math.max(...cells.map((c) => c.getBoundingClientRect().right)) - inner;
    });
    expect(reach, 'the tax table reaches past the slip by').toBeLessThanOrEqual(0.5);
    // A tendered amount too long to sit beside its label goes under it, at the right.
    await expectWhole(page, '.k-receipt .k-receipt-amount', 8, '.k-receipt');
    await noSidewaysScroll(page);
    await keepScreenshot(page, 'large-figures-receipt-1024x768');
    await page.getByRole('button', { name: 'New sale' }).click();
  });

  it("shows the day summary's figures whole", async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Reports' })
      .click();
    const net = await visible(page.getByRole('group', { name: 'Net' }));
    await expect.poll(() => net.textContent()).toContain(idr(TOTAL));
    await expectWhole(page, '.k-report-figure-value', 7);
    await noSidewaysScroll(page);
    await keepScreenshot(page, 'large-figures-day-summary-1024x768');
    expect(await axeSerious(page)).toEqual([]);
    // The shop's other screen sizes, for a person to look at.
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expectWhole(page, '.k-report-figure-value', 7);
      await keepScreenshot(page, `large-figures-day-summary-${width}x${height}`);
    }
  });
});

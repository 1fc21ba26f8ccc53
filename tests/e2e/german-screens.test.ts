/**
 * Issue 8, item 25: checkout and the day summary in German (store locale de-DE, set through the
 * core's `settings:update`), at 1024×768, 1366×768 and 1920×1080. Long German words must not
 * break the layout: nothing on either screen overflows the window sideways, no button's label is
 * cut short, and the checkout's total and Pay button stay on screen, at standard and at touch
 * size, where each cart line's name keeps its room too. Outside CI the PNGs are kept
 * in docs/screenshots/ (checkout-de-<size>.png, day-summary-de-<size>.png).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/core';
import { keepScreenshot, visible, type Harness, type KassaPage } from './harness';
import {
  asAdmin,
  expectInWindow,
  itemColumnRem,
  PRODUCTS,
  scan,
  startShop,
} from './checkout-helpers';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Widest element right edge and the document's scroll width, against the window's width. */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
}

/**
 * Buttons whose label is cut short (Mantine clips a label that does not fit its button). A label
 * hidden on purpose (clipped away, its button showing its icon: the header's on a narrow screen)
 * is not cut short: it is not shown, and it still names its button.
 */
async function clippedButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Button-label')]
      .filter(
        (label) =>
          label.offsetParent !== null &&
          getComputedStyle(label).clipPath === 'none' &&
          label.scrollWidth > label.clientWidth + 1,
      )
      .map((label) => label.textContent ?? ''),
  );
}

/**
 * The placeholders of the shown inputs that do not fit their box: the text's width in the
 * input's own font (a canvas measures it) against the box's width inside its padding.
 */
async function cutPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    return [...document.querySelectorAll<HTMLInputElement>('input[placeholder]')]
      .filter((input) => {
        if (input.offsetParent === null || input.placeholder === '') return false;
        const style = getComputedStyle(input);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room =
          input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return ctx.measureText(input.placeholder).width > room + 1;
      })
      .map((input) => input.placeholder);
  });
}

describe('checkout and the day summary in German', () => {
  let h: Harness;
  let w: KassaPage;
  beforeAll(async () => {
    h = await startShop();
    // A German store, set up as the first run does (so no "not set up yet" banner either).
    await asAdmin(h, 'settings:setUpStore', {
      storeName: 'Schreibwaren Müller',
      storeAddress: 'Hauptstraße 12\n10115 Berlin',
      taxNumber: 'DE123456789',
      country: 'DE',
      currency: 'EUR',
      pricesIncludeTax: true,
      defaultTaxRateBps: 1900,
      timeZone: 'Europe/Berlin',
      receiptFooter: 'Vielen Dank für Ihren Einkauf!',
      locale: 'de-DE',
    });
    // A few sales of today, for the day summary.
    for (const [i, p] of PRODUCTS.slice(0, 5).entries()) {
      const { items } = await asAdmin<{ items: { id: number }[] }>(h, 'products:list', {
        search: p.sku,
      });
      await asAdmin(h, 'sales:checkout', {
        id: randomUUID(),
        lines: [{ productId: items[0]!.id, quantity: i + 1 }],
        customerId: null,
        tenders: [
          i % 2 ? { type: 'card', amount: p.price * (i + 1) } : { type: 'cash', amount: 10000 },
        ],
      });
    }
    w = await h.newPage();
    await w.page.clock.setFixedTime(h.clock.now());
    await w.open();
    const page = w.page;
    await visible(page.getByRole('heading', { name: 'Anmelden' }));
    await page.getByLabel('Benutzername oder E-Mail').fill(ADMIN.username);
    await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('combobox', { name: 'Artikel scannen oder suchen' }));
  });
  afterEach(() => w?.assertClean());
  afterAll(async () => {
    await h?.close();
  });

  it('checkout with four lines, at the three sizes', async () => {
    const page = w.page;
    const field = page.getByRole('combobox', { name: 'Artikel scannen oder suchen' });
    await field.focus();
    for (const i of [0, 2, 4, 11]) await scan(page, PRODUCTS[i]!.barcode, 2);
    await expect
      .poll(() => page.getByRole('table', { name: 'Warenkorb' }).locator('tbody tr').count())
      .toBe(4);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await keepScreenshot(page, `checkout-de-${size.width}x${size.height}`, true);
      const o = await overflow(page);
      expect(o.scrollWidth, 'no sideways scrolling').toBeLessThanOrEqual(o.width);
      expect(await clippedButtons(page), 'buttons cut short').toEqual([]);
      expect(await cutPlaceholders(page), 'placeholders cut short').toEqual([]);
      for (const [name, at] of [
        ['Zu zahlen', page.getByLabel('Zu zahlen')],
        ['Bezahlen', page.getByRole('button', { name: 'Bezahlen' })],
      ] as const) {
        const box = await at.boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(size.height);
      }
    }
  });

  it('checkout at touch size, at the three sizes', async () => {
    const page = w.page;
    // The header's switch: a quarter larger text and targets, on this till.
    const touchSize = page.getByRole('button', { name: /^Touch-Größe/ });
    await touchSize.click();
    onTestFinished(() => touchSize.click());
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await keepScreenshot(page, `checkout-de-touch-${size.width}x${size.height}`);
      const o = await overflow(page);
      expect(o.scrollWidth, 'no sideways scrolling').toBeLessThanOrEqual(o.width);
      expect(await clippedButtons(page), 'buttons cut short').toEqual([]);
      expect(await cutPlaceholders(page), 'placeholders cut short').toEqual([]);
      // Each line's name keeps its room (the narrow cart's form, checkout.css).
      expect(
        await itemColumnRem(page, { cart: 'Warenkorb', item: 'Artikel' }),
        `Artikel at ${size.width}×${size.height}`,
      ).toBeGreaterThanOrEqual(11);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectInWindow(page.getByLabel('Zu zahlen'), 'Zu zahlen', size.width, size.height);
      const pay = page.getByRole('button', { name: 'Bezahlen' });
      await expectInWindow(pay, 'Bezahlen', size.width, size.height);
    }
  });

  it('the day summary with five sales, at the three sizes', async () => {
    const page = w.page;
    await page
      .getByRole('navigation', { name: 'Hauptmenü' })
      .getByRole('button', { name: 'Berichte' })
      .click();
    await visible(page.getByRole('table').first());
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await keepScreenshot(page, `day-summary-de-${size.width}x${size.height}`, true);
      const o = await overflow(page);
      expect(o.scrollWidth, 'no sideways scrolling').toBeLessThanOrEqual(o.width);
      expect(await clippedButtons(page), 'buttons cut short').toEqual([]);
      expect(await cutPlaceholders(page), 'placeholders cut short').toEqual([]);
    }
  });
});

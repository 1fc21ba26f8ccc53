/**
 * Issue 8, item 4: a restart of the app mid-sale shows the same cart. In Chromium, the real
 * renderer talks to a core on a temp file; mid-sale the core is closed and the window thrown away
 * (the app quit or crashed), a NEW core is started on the same file and a new window opened: after
 * signing in again, the same lines and total are on screen, and the sale completes as rung up.
 *
 * It uses the harness's server and browser, with its own core behind `window.api` (the same
 * bridge script), so the core can be replaced while the server keeps running.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createCore, type Core } from '../../electron/core';
import type { SaleDetail, TillCart } from '../../shared/contract';
import {
  ADMIN,
  FakeClock,
  memorySecrets,
  silentLogger,
  tempDir,
  turnOffShiftRequirement,
  turnOffTwoFactorPolicy,
} from '../helpers/core';
import { bridgeInitScript, startHarness, visible, VIEWPORT, type Harness } from './harness';

const MUG = { sku: 'MUG-01', barcode: '5012345678900', name: 'Enamel Mug', price: 450 };
const TOWEL = { sku: 'TT-02', barcode: '5012345678917', name: 'Tea Towel', price: 650 };

describe('a restart mid-sale shows the same cart (issue 8, item 4)', () => {
  let h: Harness;
  let core: Core;
  let context: BrowserContext | undefined;
  const dir = tempDir('kassa-e2e-restart-');
  const clock = new FakeClock();
  const secrets = memorySecrets();
  const errors: string[] = [];

  const startCore = async () => {
    const started = await createCore({
      databasePath: path.join(dir, 'kassa.sqlite'),
      clock,
      secretStore: secrets,
      appOrigin: h.origin,
      terminalName: 'e2e-till',
      logger: silentLogger,
      integrityCheck: false,
    });
    // This test is about the cart, not shifts: sell without one, as the harness does.
    await turnOffShiftRequirement(path.join(dir, 'kassa.sqlite'));
    return started;
  };

  /** A fresh window (as the app opens after a start) bridged to whichever core is running. */
  async function openWindow(): Promise<Page> {
    await context?.close();
    context = await h.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.exposeBinding('__kassaInvoke', (source, channel: unknown, payload: unknown) =>
      core.invoke(String(channel), payload, {
        origin: new URL(source.frame.url()).origin,
        isTopFrame: source.frame === source.page.mainFrame(),
        windowId: 1,
      }),
    );
    await page.addInitScript({ content: bridgeInitScript() });
    await page.clock.setFixedTime(clock.now());
    await page.goto(`${h.origin}/`);
    return page;
  }

  async function api<T>(page: Page, channel: string, input?: unknown): Promise<T> {
    const r = (await page.evaluate(
      ([c, i]) =>
        (window.api as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c]!(i),
      [channel, input] as const,
    )) as { ok: boolean; data?: T; error?: { code: string } };
    if (!r.ok) throw new Error(`${channel}: ${r.error?.code}`);
    return r.data as T;
  }

  async function signIn(page: Page) {
    await visible(page.getByRole('heading', { name: 'Sign in' }));
    await page.getByLabel('Username or email').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('navigation', { name: 'Main' }));
  }

  async function scan(page: Page, product: { barcode: string; name: string }) {
    await page.getByRole('combobox', { name: 'Scan or search products' }).focus();
    await page.keyboard.type(product.barcode, { delay: 2 });
    await page.keyboard.press('Enter');
    await visible(
      page.getByRole('table', { name: 'Cart' }).getByRole('row').filter({ hasText: product.name }),
    );
  }

  const quantities = (page: Page) =>
    page
      .getByRole('table', { name: 'Cart' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector('.k-co-line-name')?.textContent?.trim(),
          Number(r.querySelector<HTMLInputElement>('input[data-line]')?.value),
        ]),
      );

  beforeAll(async () => {
    h = await startHarness();
    core = await startCore();
    await turnOffTwoFactorPolicy(path.join(dir, 'kassa.sqlite'));
  });
  afterAll(async () => {
    await context?.close();
    await core?.close();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rings up two sales across a restart; the second is back after the restart', async () => {
    let page = await openWindow();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await api(page, 'setup:createAdmin', ADMIN);
    for (const p of [MUG, TOWEL]) await api(page, 'products:create', { ...p, taxRateBps: 2000 });
    await page.reload();
    await visible(page.getByRole('navigation', { name: 'Main' }));

    // A first sale, completed before the restart, leaves nothing behind.
    await scan(page, TOWEL);
    await page.getByRole('button', { name: 'Pay' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Take payment' }));
    await dialog.getByLabel('Amount').fill('6.50');
    await dialog.getByRole('button', { name: 'Card' }).click();
    await dialog.getByRole('button', { name: 'Complete sale' }).click();
    await visible(page.getByRole('region', { name: 'Receipt' }));
    await page.reload(); // a fresh screen for the next sale

    // The second sale, mid-way when the app goes down.
    await scan(page, MUG);
    await scan(page, TOWEL);
    await scan(page, MUG);
    await expect
      .poll(async () => (await api<TillCart>(page, 'cart:get')).cart.lines)
      .toEqual([
        { productId: expect.any(Number), quantity: 2 },
        { productId: expect.any(Number), quantity: 1 },
      ]);

    await context!.close();
    context = undefined;
    await core.close();
    core = await startCore();
    page = await openWindow();
    await signIn(page);
    await visible(page.getByRole('table', { name: 'Cart' }));
    await expect
      .poll(() => quantities(page))
      .toEqual([
        [MUG.name, 2],
        [TOWEL.name, 1],
      ]);
    await expect
      .poll(async () => (await page.getByLabel('Total due').textContent())?.trim())
      .toBe('£15.50');
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: 'Pay' }).click();
    const pay = await visible(page.getByRole('dialog', { name: 'Take payment' }));
    await pay.getByLabel('Amount').fill('15.50');
    await pay.getByRole('button', { name: 'Card' }).click();
    await pay.getByRole('button', { name: 'Complete sale' }).click();
    await visible(page.getByRole('region', { name: 'Receipt' }));
    const list = await api<{ items: { id: number }[] }>(page, 'sales:list', { limit: 5 });
    expect(list.items).toHaveLength(2);
    const sale = await api<SaleDetail>(page, 'sales:get', { id: list.items[0]!.id });
    expect(sale.lines.map((l) => [l.description, l.quantity, l.total])).toEqual([
      [MUG.name, 2, 900],
      [TOWEL.name, 1, 650],
    ]);
    expect(sale.total).toBe(1550);
    expect((await api<TillCart>(page, 'cart:get')).cart.lines).toEqual([]);
    expect(errors).toEqual([]);
  });
});

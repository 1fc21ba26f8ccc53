/**
 * Issue 8, item 4, end to end in Chromium with a real core: the cart in progress is kept in the
 * database as it changes, and is never dropped silently.
 * 1. A cashier rings up a sale with a customer, the window reloads mid-sale: the same lines,
 *    quantities, customer and total come back; the sale completes as rung up, and its cart is gone
 *    from the till afterwards (a reload then shows an empty cart).
 * 2. Mid-sale, the till is locked and a manager signs in ("Sign in as someone else"): they are
 *    asked, and take the sale over; it completes under their name with the cashier's lines.
 * 3. The same again, parked under the cashier's name: the parked sale is listed under the
 *    cashier, who resumes it after signing back in and completes it exactly.
 * Every sale's lines and totals are checked against the core's records. The prompt passes axe
 * (0 critical, 0 serious) and is photographed at 1024×768, 1366×768 and 1920×1080.
 */
import type { Page } from 'playwright-core';
import type { SaleDetail, TillCart } from '../../shared/contract';
import { ADMIN } from '../helpers/core';
import {
  axeSerious,
  gone,
  screenshotsAtShopSizes,
  startHarness,
  visible,
  type Harness,
  type KassaPage,
} from './harness';

const CASHIER = {
  username: 'cora',
  email: 'cora@shop.test',
  displayName: 'Cora Cashier',
  password: 'paper bags and string',
};
const MANAGER = {
  username: 'max',
  email: 'max@shop.test',
  displayName: 'Max Manager',
  password: 'the float is forty pounds',
};
const MUG = { sku: 'MUG-01', barcode: '5012345678900', name: 'Enamel Mug', price: 450 };
const TOWEL = { sku: 'TT-02', barcode: '5012345678917', name: 'Tea Towel', price: 650 };
const CANDLE = { sku: 'CAN-03', barcode: '5012345678924', name: 'Beeswax Candle', price: 899 };
const CUSTOMER = { name: 'Maria Lopez', email: 'maria.lopez@example.com', phone: '07700 900123' };
const PROMPT = 'A sale is in progress on this till';

const gbp = (minor: number) => `£${(minor / 100).toFixed(2)}`;

/** Calls a channel from the page, as the screens do, and unwraps the result. */
async function api<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const r = (await page.evaluate(
    ([c, i]) => (window.api as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c]!(i),
    [channel, input] as const,
  )) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`);
  return r.data as T;
}

async function signIn(page: Page, who: { username: string; password: string }) {
  await visible(page.getByRole('heading', { name: 'Sign in' }));
  await page.getByLabel('Username or email').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.keyboard.press('Enter');
}

/** Scans `barcode` as a scanner does (fast keys, then Enter) and waits for its line. */
async function scan(page: Page, product: { barcode: string; name: string }) {
  const field = page.getByRole('combobox', { name: 'Scan or search products' });
  await field.focus();
  await page.keyboard.type(product.barcode, { delay: 2 });
  await page.keyboard.press('Enter');
  await visible(cartTable(page).getByRole('row').filter({ hasText: product.name }));
}

const cartTable = (page: Page) => page.getByRole('table', { name: 'Cart' });

/** The cart's lines as shown: [product name, quantity]. */
async function shownLines(page: Page): Promise<Array<[string, number]>> {
  const rows = cartTable(page).locator('tbody tr');
  const out: Array<[string, number]> = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const name = ((await row.locator('.k-co-line-name').textContent()) ?? '').trim();
    const qty = Number(await row.locator('input[data-line]').inputValue());
    out.push([name, qty]);
  }
  return out;
}

async function totalDue(page: Page): Promise<string> {
  return ((await page.getByLabel('Total due').textContent()) ?? '').trim();
}

/** The till's cart as the core holds it, once the window's saves have landed. */
async function storedCart(page: Page, lines: number): Promise<TillCart> {
  await expect
    .poll(async () => (await api<TillCart>(page, 'cart:get')).cart.lines.length)
    .toBe(lines);
  return api<TillCart>(page, 'cart:get');
}

/** Pays the whole total by card and completes; returns the sale as the core recorded it. */
async function payByCard(page: Page, total: number): Promise<SaleDetail> {
  await expect.poll(() => totalDue(page)).toBe(gbp(total));
  await page.getByRole('button', { name: 'Pay' }).click();
  const dialog = await visible(page.getByRole('dialog', { name: 'Take payment' }));
  await dialog.getByLabel('Amount').fill((total / 100).toFixed(2));
  await dialog.getByRole('button', { name: 'Card' }).click();
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await gone(page.getByRole('dialog', { name: 'Take payment' }));
  await visible(page.getByRole('region', { name: 'Receipt' }));
  const list = await api<{ items: { id: number }[] }>(page, 'sales:list', { limit: 1 });
  return api<SaleDetail>(page, 'sales:get', { id: list.items[0]!.id });
}

/** Lock, then "Sign in as someone else" as `who`. */
async function switchTo(page: Page, who: { username: string; password: string }) {
  await page.getByRole('button', { name: 'Lock' }).click();
  await visible(page.getByRole('heading', { name: 'Till locked' }));
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, who);
}

describe('the cart in progress survives reloads and changes of member (issue 8, item 4)', () => {
  let h: Harness;
  let w: KassaPage;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness({ firstScreenshot: 80 });
    w = await h.newPage();
    page = w.page;
  });
  afterEach(() => w?.assertClean());
  afterAll(async () => {
    await h?.close();
  });

  it('0. the shop: products, a customer, a cashier and a manager', async () => {
    await page.clock.setFixedTime(h.clock.now());
    await w.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await api(page, 'setup:createAdmin', ADMIN);
    for (const p of [MUG, TOWEL, CANDLE])
      await api(page, 'products:create', { ...p, taxRateBps: 2000 });
    await api(page, 'customers:create', CUSTOMER);
    const anonymous = { origin: h.origin, isTopFrame: true, windowId: 90 };
    for (const m of [CASHIER, MANAGER]) {
      expect((await h.core.invoke('auth:requestAccess', m, anonymous)).ok).toBe(true);
      const list = await api<{ items: { id: number }[] }>(page, 'staff:list', {
        status: 'pending',
        search: m.username,
      });
      await api(page, 'staff:approve', { id: list.items[0]!.id });
      if (m === MANAGER) {
        await api(page, 'auth:reauthenticate', { password: ADMIN.password });
        await api(page, 'staff:setRole', { id: list.items[0]!.id, role: 'manager' });
      }
    }
    await api(page, 'auth:logout');
    await page.reload();
  });

  it('1. a reload mid-sale shows the same cart, and the completed sale leaves no cart behind', async () => {
    await signIn(page, CASHIER);
    await scan(page, MUG);
    await scan(page, TOWEL);
    await scan(page, MUG);
    const picker = page.getByRole('combobox', { name: 'Customer', exact: true });
    await picker.click();
    await picker.fill('lope');
    await page.getByRole('option', { name: CUSTOMER.name }).click();
    await visible(page.getByText(`Attached: ${CUSTOMER.name}`));
    const total = 2 * MUG.price + TOWEL.price;
    await expect.poll(() => totalDue(page)).toBe(gbp(total));
    const before = await shownLines(page);
    expect(before).toEqual([
      [MUG.name, 2],
      [TOWEL.name, 1],
    ]);
    const stored = await storedCart(page, 2);
    expect(stored.owner?.name).toBe(CASHIER.displayName);
    await expect
      .poll(async () => (await api<TillCart>(page, 'cart:get')).cart.customerId)
      .not.toBeNull();

    await page.reload();
    await visible(cartTable(page).getByRole('row').filter({ hasText: TOWEL.name }));
    await expect.poll(() => shownLines(page)).toEqual(before);
    await visible(page.getByText(`Attached: ${CUSTOMER.name}`));
    await expect.poll(() => totalDue(page)).toBe(gbp(total));
    expect(await page.getByRole('dialog', { name: PROMPT }).count()).toBe(0);

    const sale = await payByCard(page, total);
    expect(sale).toMatchObject({
      total,
      customer: { name: CUSTOMER.name },
      staff: { name: CASHIER.displayName },
    });
    expect(sale.lines.map((l) => [l.description, l.quantity, l.total])).toEqual([
      [MUG.name, 2, 2 * MUG.price],
      [TOWEL.name, 1, TOWEL.price],
    ]);
    expect((await api<TillCart>(page, 'cart:get')).cart.lines).toEqual([]);
    await page.reload();
    await visible(page.getByText('Scan a barcode or type to search'));
  });

  it('2. lock, another member signs in mid-sale, is asked, and takes the sale over', async () => {
    await scan(page, CANDLE);
    await scan(page, TOWEL);
    await storedCart(page, 2);
    await switchTo(page, MANAGER);
    const prompt = await visible(page.getByRole('dialog', { name: PROMPT }));
    expect(await prompt.textContent()).toContain(
      `${CASHIER.displayName} was ringing up a sale here (2 items)`,
    );
    // The cashier's cart is still whole in the database while the manager decides.
    expect((await api<TillCart>(page, 'cart:get')).owner?.name).toBe(CASHIER.displayName);
    // The dialog itself (the checkout behind it belongs to other items of issue 8).
    const axe = await axeSerious(page, ['[role="dialog"]']);
    expect(axe, JSON.stringify(axe)).toEqual([]);
    await screenshotsAtShopSizes(h, w, 'cart-takeover');

    await prompt.getByRole('button', { name: 'Take over' }).click();
    await gone(page.getByRole('dialog', { name: PROMPT }));
    await expect
      .poll(() => shownLines(page))
      .toEqual([
        [CANDLE.name, 1],
        [TOWEL.name, 1],
      ]);
    expect((await api<TillCart>(page, 'cart:get')).owner?.name).toBe(MANAGER.displayName);
    const sale = await payByCard(page, CANDLE.price + TOWEL.price);
    expect(sale.staff.name).toBe(MANAGER.displayName);
    expect(sale.lines.map((l) => [l.description, l.quantity])).toEqual([
      [CANDLE.name, 1],
      [TOWEL.name, 1],
    ]);
    await switchTo(page, CASHIER);
    await visible(page.getByRole('navigation', { name: 'Main' }));
    await visible(page.getByText('Scan a barcode or type to search'));
    expect(await page.getByRole('dialog', { name: PROMPT }).count()).toBe(0);
  });

  it("3. parked under the first member's name, it is listed under them and resumes exactly", async () => {
    await scan(page, MUG);
    await scan(page, CANDLE);
    await scan(page, CANDLE);
    await scan(page, CANDLE);
    await storedCart(page, 2);
    await switchTo(page, MANAGER);
    const prompt = await visible(page.getByRole('dialog', { name: PROMPT }));
    await prompt.getByRole('button', { name: `Park under ${CASHIER.displayName}` }).click();
    await gone(page.getByRole('dialog', { name: PROMPT }));
    await visible(page.getByText(`Sale parked under ${CASHIER.displayName}.`));
    await visible(page.getByText('Scan a barcode or type to search'));
    await page.getByRole('button', { name: 'Parked sales' }).click();
    const parked = await visible(page.getByRole('table', { name: 'Parked sales' }));
    const row = parked.locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain(CASHIER.displayName);
    await page.keyboard.press('Escape');
    await gone(page.getByRole('dialog', { name: 'Parked sales' }));

    await switchTo(page, CASHIER);
    await visible(page.getByText('Scan a barcode or type to search'));
    expect(await page.getByRole('dialog', { name: PROMPT }).count()).toBe(0);
    await page.getByRole('button', { name: 'Parked sales' }).click();
    const list = await visible(page.getByRole('table', { name: 'Parked sales' }));
    await list.getByRole('button', { name: /^Resume/ }).click();
    await gone(page.getByRole('dialog', { name: 'Parked sales' }));
    await expect
      .poll(() => shownLines(page))
      .toEqual([
        [MUG.name, 1],
        [CANDLE.name, 3],
      ]);
    const sale = await payByCard(page, MUG.price + 3 * CANDLE.price);
    expect(sale.staff.name).toBe(CASHIER.displayName);
    expect(sale.lines.map((l) => [l.description, l.quantity, l.total])).toEqual([
      [MUG.name, 1, MUG.price],
      [CANDLE.name, 3, 3 * CANDLE.price],
    ]);
    expect((await api<TillCart>(page, 'cart:get')).cart.lines).toEqual([]);
  });
});

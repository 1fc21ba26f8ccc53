/**
 * The back office in Chromium with a real core (issue 11, the browser end-to-end test): a manager
 * and a cashier taking turns at one till, through the screens only (clicks and keys; codes typed
 * at scanner speed), in one window so the app is loaded once:
 * 1. the manager adds a category, files two products in it, and adds a supplier;
 * 2. a purchase order to that supplier is raised, ordered, received in part (the lanterns come
 *    short) and exported as CSV and PDF; a reorder level is set;
 * 3. the cashier rings up two sales: on-hand drops, and the manager, back at the till, sees the
 *    low-stock badge on Products;
 * 4. a stock take of the category shows its variance before posting, and posting books it;
 * 5. two days later the dashboard's "This week" shows the trend, top products, tax, the heatmap
 *    and staff performance matching the sales rung up, in the store's time zone: the store is in
 *    London in summer time (UTC+1), so the sales rung up at 10:05 sit in the 10:00 hour, and a
 *    sale on the Sunday before is last week's (it shows only as the previous period);
 * 6. the dashboard's CSV and PDF exports hold the same figures.
 * axe-core finds no critical or serious violation in each new screen state. With
 * KASSA_SCREENSHOTS=1 the purchase orders, the stock list, the stock take, the dashboard, its charts
 * and its tax report are saved in docs/screenshots at 1024×768, 1366×768 and 1920×1080.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page, PageScreenshotOptions } from 'playwright-core';
import { ADMIN } from '../helpers/core';
import { pdfText } from '../helpers/receipt-pdf';
import {
  CORNER_SHOP,
  asAdmin,
  CASHIER,
  gbp,
  PRODUCTS,
  ringUpSale,
  scan,
  signInThroughScreen,
  startShop,
  type ShopProduct,
} from './checkout-helpers';
import {
  axeSerious,
  gone,
  overlaps,
  REPO_ROOT,
  settled,
  visible,
  VIEWPORT,
  type Harness,
  type KassaPage,
} from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
/** Screenshots are for people and go to docs/screenshots: only when asked for. */
const SHOTS = process.env.KASSA_SCREENSHOTS === '1';
const DOCS_SHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

const product = (name: string): ShopProduct => PRODUCTS.find((p) => p.name === name)!;
const MUG = product('Enamel Mug');
const TOWEL = product('Tea Towel');
const LANTERN = product('Paper Lantern');
const CANDLE = product('Beeswax Candle');

const MANAGER = {
  username: 'mona',
  email: 'mona@shop.test',
  displayName: 'Mona Manager',
  password: 'ledgers and lanterns',
};
const CATEGORY = 'Lighting';
const SUPPLIER = {
  name: 'Lumen Wholesale',
  contact: 'Jo Bright',
  email: 'orders@lumen.test',
  phone: '020 7946 0000',
};
/** The purchase order: quantity ordered, quantity received and the unit cost as typed (GBP). */
const RECEIPTS = [
  { product: LANTERN, ordered: 12, quantity: 10, cost: '6.00' },
  { product: CANDLE, ordered: 6, quantity: 6, cost: '3.50' },
  { product: MUG, ordered: 12, quantity: 12, cost: '1.80' },
];
const CANDLE_REORDER_LEVEL = 3;
/** The cashier's sales, as scanned. */
const SALES: Array<{ items: ShopProduct[]; by: 'cash' | 'card' }> = [
  { items: [LANTERN, CANDLE, CANDLE, MUG], by: 'cash' },
  { items: [CANDLE, CANDLE, MUG, MUG, MUG, LANTERN], by: 'card' },
];
const SOLD = SALES.flatMap((s) => s.items);
const NET = SOLD.reduce((sum, p) => sum + p.price, 0);
/** Quantity sold of `p`. */
const sold = (p: ShopProduct) => SOLD.filter((x) => x === p).length;
/** The lanterns counted at the stock take: one is missing. */
const LANTERNS_COUNTED = RECEIPTS[0]!.quantity - sold(LANTERN) - 1;

/**
 * The store's week (Europe/London, British Summer Time, UTC+1): last Sunday evening, Monday
 * morning (steps 1–4), and Wednesday afternoon (step 5), Monday 7 June 2027 starting the week.
 */
const LAST_SUNDAY = '2027-06-06T21:30:00Z'; // 22:30 in London
const MONDAY = '2027-06-07T09:05:00Z'; // 10:05
const WEDNESDAY = '2027-06-09T14:00:00Z'; // 15:00

/** Moves the core's clock forward to `iso`. */
function clockTo(h: Harness, iso: string): void {
  h.clock.advance(Date.parse(iso) - h.clock.now().getTime());
}

/** A table's body rows as lists of cell texts, row headers included. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
}

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  const found = await axeSerious(page);
  expect(found, `${where}: ${JSON.stringify(found)}`).toEqual([]);
}

/** Waits two frames, so charts have laid themselves out at a new size. */
function frames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/**
 * With KASSA_SCREENSHOTS=1: docs/screenshots/<name>-<w>x<h>.png at each size, after `frame` (which
 * scrolls what matters into view and answers extra screenshot options); back to the test's
 * viewport afterwards.
 */
async function shots(
  page: Page,
  name: string,
  frame: () => Promise<Omit<PageScreenshotOptions, 'path'>> = async () => ({}),
): Promise<void> {
  if (!SHOTS) return;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await frames(page);
    await page.screenshot({
      path: path.join(DOCS_SHOTS, `${name}-${size.width}x${size.height}.png`),
      animations: 'disabled',
      ...(await frame()),
    });
  }
  await page.setViewportSize(VIEWPORT);
}

/** A full-page screenshot from the top (a sticky header scrolled down would be drawn mid-page). */
async function fromTop(page: Page): Promise<Omit<PageScreenshotOptions, 'path'>> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return { fullPage: true };
}

describe('the back office: category, supplier, stock, a stock take and the week on the dashboard', () => {
  let h: Harness;
  /** The till's one window. */
  let till: KassaPage | undefined;

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
  /** Where the core saves files: no shell, so no dialog (exports/save-path.ts). */
  const exportsDir = () => path.join(path.dirname(h.dbPath), 'exports');
  const go = (page: Page, screen: string) =>
    nav(page)
      .getByRole('button', { name: new RegExp(`^${screen}`) })
      .click();
  const productRow = (page: Page, p: ShopProduct) =>
    page.getByRole('table', { name: 'Products' }).getByRole('row').filter({ hasText: p.name });
  const onHand = (page: Page, p: ShopProduct, n: number) =>
    page.getByRole('button', { name: `Stock of ${p.name}: ${n} on hand` });
  const signOut = async (page: Page) => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await visible(page.getByRole('heading', { name: 'Sign in' }));
  };
  /** Opens `item` (Receive stock, Stock take, Purchase orders, Suppliers, Low stock (n)). */
  const stockMenu = async (page: Page, item: string | RegExp) => {
    await page.getByRole('button', { name: /^Stock(\W+\d+ products? low on stock)?$/ }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  /** The Products item with its badge, read as "Products, 1 product low on stock". */
  const lowBadge = (page: Page, count = '\\d+') =>
    nav(page).getByRole('button', {
      name: new RegExp(`^Products\\W+${count} products? low on stock$`),
    });

  beforeAll(async () => {
    h = await startShop();
    await asAdmin(h, 'settings:setUpStore', CORNER_SHOP);
    const anonymous = { origin: h.origin, isTopFrame: true, windowId: 97 };
    const asked = await h.core.invoke('auth:requestAccess', MANAGER, anonymous);
    if (!asked.ok) throw new Error(`auth:requestAccess: ${asked.error.code}`);
    const pending = await asAdmin<{ items: { id: number }[] }>(h, 'staff:list', {
      status: 'pending',
      search: MANAGER.username,
    });
    await asAdmin(h, 'staff:approve', { id: pending.items[0]!.id, role: 'manager' });

    // Last week's sale: it must stay out of this week's figures.
    clockTo(h, LAST_SUNDAY);
    await asAdmin(h, 'auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    const towel = await asAdmin<{ product: { id: number } }>(h, 'products:lookup', {
      code: TOWEL.barcode,
    });
    await asAdmin(h, 'sales:checkout', {
      id: crypto.randomUUID(),
      lines: [{ productId: towel.product.id, quantity: 1 }],
      tenders: [{ type: 'cash', amount: TOWEL.price }],
    });
    clockTo(h, MONDAY);
  });
  afterEach(() => {
    till?.assertClean();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('1. the manager adds a category, files two products in it, and adds a supplier', async () => {
    till = await h.newPage();
    const page = till.page;
    await page.clock.setFixedTime(h.clock.now());
    await till.open();
    await signInThroughScreen(page, MANAGER);
    await go(page, 'Products');
    await visible(productRow(page, LANTERN));

    await page.getByRole('button', { name: 'Categories', exact: true }).click();
    await visible(page.getByRole('dialog', { name: 'Categories' }));
    await page.getByRole('button', { name: 'Add category' }).click();
    const form = await visible(page.getByRole('dialog', { name: 'New category' }));
    await form.getByLabel('Name').fill(CATEGORY);
    await page.keyboard.press('Enter');
    const categories = page.getByRole('dialog', { name: 'Categories' });
    await visible(categories.getByRole('listitem').filter({ hasText: CATEGORY }));
    await page.keyboard.press('Escape');
    await gone(categories);

    for (const p of [LANTERN, CANDLE]) {
      await productRow(page, p).getByRole('button', { name: 'Edit' }).click();
      const edit = await visible(page.getByRole('dialog', { name: new RegExp(p.name) }));
      await edit.getByLabel('Category', { exact: true }).click();
      await page.getByRole('option', { name: CATEGORY }).click();
      // The toasts of the category and of the first product are still up: none may cover the
      // dialog's buttons (they sat on "Save changes" at 1280 × 800).
      const actions = edit.getByRole('button', { name: /^(Cancel|Save changes)$/ });
      expect(await overlaps(page.locator('.mantine-Notification-root'), actions)).toEqual([]);
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await gone(edit);
      await visible(productRow(page, p).getByText(CATEGORY));
    }

    await stockMenu(page, 'Suppliers');
    const suppliers = await visible(page.getByRole('dialog', { name: 'Suppliers' }));
    await suppliers.getByRole('button', { name: 'Add supplier' }).click();
    await visible(suppliers.getByLabel('Name', { exact: true }));
    await suppliers.getByLabel('Name', { exact: true }).fill(SUPPLIER.name);
    await suppliers.getByLabel('Contact person').fill(SUPPLIER.contact);
    await suppliers.getByLabel('E-mail').fill(SUPPLIER.email);
    await suppliers.getByLabel('Phone').fill(SUPPLIER.phone);
    await settled(suppliers);
    await noSeriousViolations(page, 'supplier form');
    await suppliers.getByRole('button', { name: 'Save supplier' }).click();
    const listed = await visible(suppliers.getByRole('table', { name: 'Suppliers' }));
    expect((await rowsOf(listed)).map((r) => r.slice(0, 2))).toEqual([
      [SUPPLIER.name, `${SUPPLIER.contact} · ${SUPPLIER.email} · ${SUPPLIER.phone}`],
    ]);
    await page.keyboard.press('Escape');
    await gone(suppliers);
  });

  it('2. a purchase order to the supplier is raised, ordered, received in part and exported', async () => {
    const page = till!.page;
    await stockMenu(page, 'Purchase orders');
    const list = await visible(page.getByRole('dialog', { name: 'Purchase orders' }));
    await list.getByRole('button', { name: 'New purchase order' }).click();
    const form = await visible(page.getByRole('dialog', { name: 'New purchase order' }));
    await form
      .getByLabel(/^Supplier/)
      .first()
      .click();
    await page.getByRole('option', { name: SUPPLIER.name }).click();
    const add = form.getByRole('textbox', { name: /^Add product/ });
    for (const r of RECEIPTS) {
      await add.fill(r.product.sku);
      await add.press('Enter');
      await form
        .getByRole('textbox', { name: `Quantity of ${r.product.name}` })
        .fill(`${r.ordered}`);
      await form.getByRole('textbox', { name: `Unit cost of ${r.product.name}` }).fill(r.cost);
    }
    await form.getByRole('button', { name: 'Save draft' }).click();
    // The store's first order.
    const number = 'PO-00001';
    const order = await visible(page.getByRole('dialog', { name: number }));
    await order.getByRole('button', { name: 'Mark as ordered' }).click();
    // The lanterns come short: the order is partly received.
    await order.getByRole('button', { name: 'Receive goods' }).click();
    for (const r of RECEIPTS)
      await order
        .getByRole('textbox', { name: `Quantity received of ${r.product.name}` })
        .fill(`${r.quantity}`);
    await settled(order);
    await noSeriousViolations(page, 'receiving against a purchase order');
    await order.getByRole('button', { name: 'Book receipt' }).click();
    await visible(order.getByText('Partly received'));

    // Sent to the supplier as CSV and PDF: the same lines, quantities and costs.
    const file = `kassa-${number}-Lumen-Wholesale`;
    await order.getByRole('button', { name: 'Export CSV' }).click();
    await visible(page.getByText(`Saved ${file}.csv`));
    await order.getByRole('button', { name: 'Export PDF' }).click();
    await visible(page.getByText(`Saved ${file}.pdf`), 60_000);
    const csv = parse(await readFile(path.join(exportsDir(), `${file}.csv`), 'utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(csv.map((r) => [r.sku, r.quantity, r.unit_cost])).toEqual(
      RECEIPTS.map((r) => [r.product.sku, `${r.ordered}`, r.cost]),
    );
    const pdf = pdfText(path.join(exportsDir(), `${file}.pdf`));
    for (const r of RECEIPTS)
      expect(pdf).toMatch(
        new RegExp(`${r.product.sku}\\s+${r.product.name}\\s+${r.ordered}\\s+£${r.cost}`),
      );
    await order.getByRole('button', { name: 'All orders' }).click();
    await visible(list.getByRole('row', { name: new RegExp(`${number}.*Partly received`) }));
    await settled(list);
    await noSeriousViolations(page, 'purchase orders');
    await shots(page, 'purchase-orders');
    await page.keyboard.press('Escape');
    await gone(list);
    for (const r of RECEIPTS) await visible(onHand(page, r.product, r.quantity));

    await onHand(page, CANDLE, RECEIPTS[1]!.quantity).click();
    const stock = await visible(page.getByRole('dialog', { name: `Stock: ${CANDLE.name}` }));
    await stock.getByLabel('Reorder level').fill(String(CANDLE_REORDER_LEVEL));
    await stock.getByRole('button', { name: 'Save level' }).click();
    await visible(page.getByText('Reorder level saved'));
    await page.keyboard.press('Escape');
    await gone(stock);
    // Six candles are above the level: nothing is low yet.
    await visible(page.getByRole('button', { name: 'Stock', exact: true }));
    expect(await lowBadge(page).count()).toBe(0);
  });

  it('3. the cashier sells: on-hand drops and the low-stock badge appears', async () => {
    const page = till!.page;
    await signOut(page);
    await signInThroughScreen(page, CASHIER);
    for (const sale of SALES)
      await ringUpSale(
        page,
        sale.items.map((p) => p.barcode),
        sale.by,
      );
    await signOut(page);

    // The manager is back: the badge is read as she signs in.
    await signInThroughScreen(page, MANAGER);
    await visible(lowBadge(page, '1'));
    await go(page, 'Products');
    for (const r of RECEIPTS) await visible(onHand(page, r.product, r.quantity - sold(r.product)));
    await visible(page.getByRole('button', { name: /^Stock\W+1 product low on stock$/ }));
    await noSeriousViolations(page, 'products with on-hand and a low-stock badge');
    await shots(page, 'stock-list', () => fromTop(page));
  });

  it('4. a stock take of the category shows its variance before posting; posting books it', async () => {
    const page = till!.page;
    await stockMenu(page, 'Stock take');
    const take = await visible(page.getByRole('dialog', { name: 'Stock take' }));
    await take.getByLabel('What to count').click();
    await page.getByRole('option', { name: CATEGORY }).click();
    await take.getByRole('button', { name: 'Start count' }).click();
    const code = await visible(take.getByLabel('Barcode or SKU'));
    // The lanterns are counted and their number typed; the candles are scanned one by one.
    await take.getByLabel('Quantity (optional)').fill(String(LANTERNS_COUNTED));
    await code.focus();
    await scan(page, LANTERN.barcode, 2);
    const candlesLeft = RECEIPTS[1]!.quantity - sold(CANDLE);
    for (let i = 0; i < candlesLeft; i++) await scan(page, CANDLE.barcode, 2);
    const lanternsLeft = RECEIPTS[0]!.quantity - sold(LANTERN);
    const variance = LANTERNS_COUNTED - lanternsLeft;
    const sheet = take.getByRole('table', { name: 'Count sheet' });
    await expect
      .poll(() => rowsOf(sheet))
      .toEqual([
        [CANDLE.sku, CANDLE.name, `${candlesLeft}`, `${candlesLeft}`, '0'],
        [LANTERN.sku, LANTERN.name, `${lanternsLeft}`, `${LANTERNS_COUNTED}`, `${variance}`],
      ]);
    await visible(take.getByText(`${CATEGORY}: 2 of 2 products counted, 1 with a variance`));
    await settled(take);
    await noSeriousViolations(page, 'stock take with a variance');
    await shots(page, 'stock-take');

    await take.getByRole('button', { name: 'Review and post' }).click();
    const confirm = await visible(page.getByRole('dialog', { name: 'Post the stock take' }));
    expect(await rowsOf(confirm.getByRole('table', { name: 'Post the stock take' }))).toEqual([
      [LANTERN.sku, LANTERN.name, `${lanternsLeft}`, `${LANTERNS_COUNTED}`, `${variance}`],
    ]);
    await settled(confirm);
    await noSeriousViolations(page, 'stock take: post the variances');
    await confirm.getByRole('button', { name: 'Post variances' }).click();
    await gone(confirm);
    await visible(page.getByText('Stock take posted'));
    await visible(take.getByRole('button', { name: 'Start count' }));
    await page.keyboard.press('Escape');
    await gone(take);

    // The ledger has the count: the lantern's latest movement, and its on-hand after it.
    await page.getByRole('button', { name: new RegExp(`^Stock of ${LANTERN.name}: `) }).click();
    const stock = await visible(page.getByRole('dialog', { name: `Stock: ${LANTERN.name}` }));
    const history = await visible(stock.getByRole('table', { name: 'Latest movements' }));
    const latest = (await rowsOf(history))[0]!;
    expect(latest.slice(1, 4)).toEqual(['Stock take', `${variance}`, `${LANTERNS_COUNTED}`]);
    await page.keyboard.press('Escape');
    await gone(stock);
  });

  it("5. Wednesday: this week's dashboard matches the sales rung up, in the store's time zone", async () => {
    const page = till!.page;
    await signOut(page);
    clockTo(h, WEDNESDAY);
    await page.clock.setFixedTime(h.clock.now());
    await signInThroughScreen(page, MANAGER);
    await go(page, 'Reports');
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    expect(
      await page.getByLabel('Range', { exact: true }).and(page.locator('input')).inputValue(),
    ).toBe('This week');
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2027-06-07');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2027-06-09');

    const cards = page.getByRole('list', { name: 'Key figures' }).getByRole('listitem');
    await expect.poll(() => cards.nth(0).textContent()).toContain(gbp(NET));
    // The previous three days hold last Sunday's sale only.
    expect(await cards.nth(0).textContent()).toContain(`(${gbp(TOWEL.price)})`);
    const averageBasket = gbp(Math.round(NET / SALES.length));
    const itemsPerSale = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(
      SOLD.length / SALES.length,
    );
    expect(await cards.allTextContents()).toEqual([
      expect.stringMatching(/^Net sales/),
      expect.stringMatching(new RegExp(`^Transactions${SALES.length}`)),
      expect.stringContaining(`Average basket${averageBasket}`),
      expect.stringContaining(`Items per sale${itemsPerSale}`),
      expect.stringContaining(`Refunds${gbp(0)}`),
      expect.stringContaining(`Discounts${gbp(0)}`),
      expect.stringMatching(/^Margin£.* % margin · cost known for 100 % of net/),
    ]);

    // The trend, by day: everything on Monday; chart and table.
    const trend = page.getByRole('region', { name: 'Sales by day' });
    await visible(trend.getByRole('img', { name: 'Sales by day' }));
    await trend.getByText('Table', { exact: true }).click();
    expect(await rowsOf(trend.getByRole('table', { name: 'Sales by day' }))).toEqual([
      ['7 Jun', `${SALES.length}`, gbp(0), gbp(NET)],
      ['8 Jun', '0', gbp(0), gbp(0)],
      ['9 Jun', '0', gbp(0), gbp(0)],
    ]);

    // Top products by revenue: names, quantities and net.
    const top = page.getByRole('region', { name: 'Top products' });
    await visible(top.getByRole('img', { name: 'Top products' }));
    await top.getByText('Table', { exact: true }).click();
    const byRevenue = [...new Set(SOLD)].sort((a, b) => sold(b) * b.price - sold(a) * a.price);
    const ranked = byRevenue.map((p) => [
      `${p.name} ${p.sku}`,
      `${sold(p)}`,
      gbp(sold(p) * p.price),
    ]);
    // Name, quantity and net (the margin column is checked against the cost below).
    expect(
      (await rowsOf(top.getByRole('table', { name: 'Top products' }))).map((r) => r.slice(0, 3)),
    ).toEqual(ranked);

    // Staff performance: the cashier alone (last Sunday's sale is not this week's).
    const staff = page.getByRole('table', { name: 'Staff performance' });
    expect(await rowsOf(staff)).toEqual([
      [
        CASHIER.displayName,
        `${SALES.length}`,
        gbp(NET),
        averageBasket,
        itemsPerSale,
        gbp(0),
        '0',
        gbp(0),
        '–',
      ],
    ]);

    // Tax at 20 % included: gross is what was taken, net of tax and tax add up to it.
    const tax = page.getByRole('table', { name: 'Tax by rate' });
    const [rate] = await rowsOf(tax);
    const pence = (s: string) => Math.round(Number(s.replace(/[£,]/g, '')) * 100);
    expect(rate![0]).toBe('20%');
    expect(rate![3]).toBe(gbp(NET));
    expect(pence(rate![1]!) + pence(rate![2]!)).toBe(NET);
    expect(await tax.locator('tfoot tr').textContent()).toBe(`Total${rate!.slice(1).join('')}`);

    // Margin: the net without tax less what the goods sold cost (every line's cost is known).
    const cost = RECEIPTS.reduce((sum, r) => sum + sold(r.product) * pence(r.cost), 0);
    expect(await cards.nth(6).textContent()).toContain(`Margin${gbp(pence(rate![1]!) - cost)}`);
    // Top categories: Lighting holds the lanterns and candles; the mugs are in no category.
    const categories = page.getByRole('region', { name: 'Top categories' });
    await categories.getByText('Table', { exact: true }).click();
    const lighting = SOLD.filter((p) => p !== MUG).reduce((sum, p) => sum + p.price, 0);
    expect(
      (await rowsOf(categories.getByRole('table', { name: 'Top categories' }))).map((r) => [
        r[0],
        r[2],
      ]),
    ).toEqual([
      [CATEGORY, gbp(lighting)],
      ['No category', gbp(sold(MUG) * MUG.price)],
    ]);

    // Sold at 10:05 London time, Monday: the heatmap's Monday 10:00 cell (09:00 in UTC).
    const heatmap = page.getByRole('table', { name: /^When the shop sells/ });
    const hours = (hour: number, n: number) =>
      Array.from({ length: 24 }, (_, i) => (i === hour ? `${n}` : ''));
    expect(await rowsOf(heatmap)).toEqual([
      ['Mon', ...hours(10, SALES.length)],
      ...['Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => [d, ...hours(-1, 0)]),
    ]);
    await noSeriousViolations(page, 'dashboard, trend and top products as tables');

    await trend.getByText('Chart', { exact: true }).click();
    await top.getByText('Chart', { exact: true }).click();
    await visible(top.getByRole('img', { name: 'Top products' }));
    await noSeriousViolations(page, 'dashboard');
    await shots(page, 'dashboard', () => fromTop(page));
    await shots(page, 'dashboard-charts', async () => {
      const { fullPage } = await fromTop(page);
      const from = (await trend.boundingBox())!;
      const to = (await page.getByRole('region', { name: /^When the shop sells/ }).boundingBox())!;
      const margin = 16;
      return {
        fullPage,
        clip: {
          x: from.x - margin,
          y: from.y - margin,
          width: from.width + 2 * margin,
          height: to.y + to.height - from.y + 2 * margin,
        },
      };
    });
    await shots(page, 'tax-report', async () => {
      await page.getByRole('region', { name: 'Tax by rate' }).evaluate((el) => {
        el.scrollIntoView({ block: 'center' });
      });
      return {};
    });
  });

  it('6. the dashboard exports as CSV and PDF with the figures it shows', async () => {
    const page = till!.page;
    const file = 'kassa-dashboard-2027-06-07_2027-06-09';
    for (const format of ['CSV', 'PDF']) {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menuitem', { name: `Whole dashboard (${format})` }).click();
      // Exports need a password in the last 5 minutes (S3): the manager has just signed in.
      await visible(page.getByText(`Dashboard saved as ${file}.${format.toLowerCase()}.`), 60_000);
    }
    const csv = await readFile(path.join(exportsDir(), `${file}.csv`), 'utf8');
    const dec = (minor: number) => (minor / 100).toFixed(2);
    expect(csv).toContain(`"net","${dec(NET)}","${dec(TOWEL.price)}",`);
    expect(csv).toContain(`"salesCount","${SALES.length}","1",`);
    for (const p of new Set(SOLD)) expect(csv).toContain(`"${p.name}","${sold(p)}"`);
    const pdf = pdfText(path.join(exportsDir(), `${file}.pdf`));
    expect(pdf).toMatch(new RegExp(`Net sales\\s+${gbp(NET).replace('.', '\\.')}`));
    for (const p of new Set(SOLD)) expect(pdf).toContain(p.name);
    expect(pdf).toContain(CASHIER.displayName);
  });
});

/**
 * Issue 12, section 3 in Chromium: the store server of a till goes away (`pg_ctl stop -m
 * immediate`, as a crash) while a cashier has a sale in the cart, and comes back.
 * - With nobody touching the till, it says so by itself: "Store server unreachable since …: sales
 *   are paused" (the session check every few seconds cannot reach the server). The warning passes
 *   axe-core (0 critical, 0 serious); screenshots at 1024×768, 1366×768 and 1920×1080.
 * - Completing the sale is refused with the reason, and the cart stays as it was. A scan cannot
 *   be looked up, and a second mug cannot be priced: the totals say why, and Pay is off.
 * - Once the server is back, with nobody touching the till, the warning goes and the cart is
 *   priced again; the same cart is paid: the sale is recorded once, as the till's receipt 1.
 * - With nobody signed in, the sign-in screen says so too, and by itself, and the warning goes
 *   once the server is back.
 * - A server that stops answering without closing its connections (frozen with SIGSTOP, as a
 *   hung host) is told the same way: a scan meanwhile is answered at once with the reason, and
 *   once it answers again the warning goes and the till sells on.
 * Skipped where PostgreSQL is not installed.
 */
import { ADMIN } from '../helpers/core';
import { createDatabase, findPostgres, startPostgres, type PgServer } from '../helpers/postgres';
import { latestSales, PRODUCTS, signInThroughScreen, startStoreTill } from './checkout-helpers';
import {
  axeSerious,
  gone,
  screenshotsAtShopSizes,
  visible,
  type Harness,
  type KassaPage,
} from './harness';

const bin = findPostgres();

/** The shop's Enamel Mug, £4.50. */
const MUG = PRODUCTS[0]!;
/** The standing warning (renderer StorageBanner, shell:storage.serverTitle). */
const AWAY = /Store server unreachable since/;
/**
 * How long the screen may take to tell, either way: the renderer's next check of the till
 * (SESSION_POLL_MS, SERVER_RECHECK_MS) plus the core's own round (SERVER_TICK_MS, 5 s), with room
 * for CI's load.
 */
const TELLS_WITHIN_MS = 20_000;

describe.skipIf(!bin)('a till whose store server goes away and comes back (issue 12)', () => {
  let pg: PgServer;
  let h: Harness;
  let w: KassaPage;

  beforeAll(async () => {
    pg = await startPostgres(bin!);
    const url = await createDatabase(pg, 'store');
    ({ h, w } = await startStoreTill(url, 280));
  });
  afterAll(async () => {
    await h?.close();
    pg?.stop();
  });

  it('says so by itself, keeps the cart, and sells it once when the server is back', async () => {
    const page = w.page;
    await w.open();
    await signInThroughScreen(page, ADMIN);
    const scan = await visible(page.getByRole('combobox', { name: 'Scan or search products' }));
    const cart = page.getByRole('table', { name: 'Cart' });
    const payButton = page.getByRole('button', { name: 'Pay' });
    const ringUpMug = async () => {
      await scan.fill(MUG.barcode);
      await scan.press('Enter');
    };
    await ringUpMug();
    await visible(cart.getByRole('row').filter({ hasText: MUG.name }));
    await expect.poll(() => payButton.isEnabled()).toBe(true);

    // The server crashes; nobody touches the till.
    pg.halt();
    const warning = await visible(page.getByRole('alert', { name: AWAY }), TELLS_WITHIN_MS);
    expect(await warning.textContent()).toContain('Nothing is saved until it answers again');
    expect(await axeSerious(page)).toEqual([]);
    await screenshotsAtShopSizes(h, w, 'server-away');

    // Completing the sale is refused with the reason; the cart is kept.
    await payButton.click();
    const pay = await visible(page.getByRole('dialog', { name: 'Take payment' }));
    await pay.getByRole('button', { name: 'Card' }).click();
    await pay.getByRole('button', { name: 'Complete sale' }).click();
    await visible(pay.getByText(/The store server cannot be reached, so the sale was NOT saved/));
    await pay.getByRole('button', { name: 'Cancel' }).click();
    await gone(pay);
    // A scan cannot be looked up, and a second mug cannot be priced: the totals say why and Pay
    // is off.
    await ringUpMug();
    await visible(page.getByText(/could not be looked up: The store server cannot be reached/));
    await page.getByRole('button', { name: `One more ${MUG.name}` }).click();
    await visible(
      page.getByRole('alert').filter({ hasText: 'The store server cannot be reached' }),
    );
    await expect.poll(() => payButton.isDisabled()).toBe(true);

    // The server comes back: with nobody touching the till, the warning goes and the cart is
    // priced again.
    pg.resume();
    await gone(page.getByRole('alert', { name: AWAY }), TELLS_WITHIN_MS);
    await expect.poll(() => payButton.isEnabled(), { timeout: TELLS_WITHIN_MS }).toBe(true);
    await payButton.click();
    await visible(pay);
    await pay.getByRole('button', { name: 'Card' }).click();
    await pay.getByRole('button', { name: 'Complete sale' }).click();
    await visible(page.getByRole('button', { name: 'New sale' }));

    const sales = await latestSales(h, 10);
    expect(sales.map((s) => [s.receiptNo, s.total, s.status])).toEqual([
      [1, 2 * MUG.price, 'completed'],
    ]);
    w.assertClean();
  });

  it('says so on the sign-in screen too, with nobody signed in, and signs in once it is back', async () => {
    const page = w.page;
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await visible(page.getByRole('heading', { name: 'Sign in' }));
    pg.halt();
    await visible(page.getByRole('alert', { name: AWAY }), TELLS_WITHIN_MS);
    expect(await axeSerious(page)).toEqual([]);
    await h.screenshot(w, 'server-away-sign-in');
    pg.resume();
    await gone(page.getByRole('alert', { name: AWAY }), TELLS_WITHIN_MS);
    await signInThroughScreen(page, ADMIN);
    w.assertClean();
  });
  it('says so too when the server stops answering without closing anything, and goes on after', async () => {
    const page = w.page;
    const scan = await visible(page.getByRole('combobox', { name: 'Scan or search products' }));
    // A hung host: its connections stay open and nothing on them answers (SIGSTOP).
    pg.freeze();
    try {
      await visible(page.getByRole('alert', { name: AWAY }), TELLS_WITHIN_MS);
      // A scan is answered at once, with the reason, rather than left waiting.
      await scan.fill(MUG.barcode);
      await scan.press('Enter');
      await visible(page.getByText(/could not be looked up: The store server cannot be reached/));
    } finally {
      pg.thaw();
    }
    await gone(page.getByRole('alert', { name: AWAY }), TELLS_WITHIN_MS);
    await scan.fill(MUG.barcode);
    await scan.press('Enter');
    await visible(
      page.getByRole('table', { name: 'Cart' }).getByRole('row').filter({ hasText: MUG.name }),
    );
    const payButton = page.getByRole('button', { name: 'Pay' });
    await expect.poll(() => payButton.isEnabled()).toBe(true);
    await payButton.click();
    const pay = await visible(page.getByRole('dialog', { name: 'Take payment' }));
    await pay.getByRole('button', { name: 'Card' }).click();
    await pay.getByRole('button', { name: 'Complete sale' }).click();
    await visible(page.getByRole('button', { name: 'New sale' }));
    const sales = await latestSales(h, 10);
    expect(sales.map((s) => [s.receiptNo, s.total, s.status])).toEqual([
      [2, MUG.price, 'completed'],
      [1, 2 * MUG.price, 'completed'],
    ]);
    w.assertClean();
  });
});

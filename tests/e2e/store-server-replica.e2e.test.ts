/**
 * Issue 12, section 3 in Chromium, with a synchronous standby (docs/deployment.md, "A streaming
 * replica for failover"): the standby goes down as the cashier completes a sale, so the store
 * server holds the sale's COMMIT.
 * - The till says why by itself: the payment dialog says the server holds the sale and not to
 *   ring it up again, and the shell's warning says since when. Both pass axe-core (0 critical,
 *   0 serious); screenshots at 1024×768, 1366×768 and 1920×1080.
 * - The standby comes back: the sale completes by itself, the warning goes, and the sale is
 *   recorded once, as the till's receipt 1.
 * Skipped where PostgreSQL is not installed.
 */
import { ADMIN } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  makeSynchronous,
  startPostgres,
  startStandby,
  type PgServer,
  type PgStandby,
} from '../helpers/postgres';
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
/** The standing warning (renderer StorageBanner, shell:storage.replicaTitle). */
const HELD = /Sales held since .+: the store server waits for its standby/;
/**
 * How long the screen may take to tell: the client's SLOW_WRITE_MS (2 s), the core's first check
 * (REPLICA_CHECK_MS, 1.5 s) and the banner's next read (SERVER_RECHECK_MS, 2 s), with room for
 * CI's load.
 */
const TELLS_WITHIN_MS = 20_000;

describe.skipIf(!bin)('a till whose store server holds a sale for its standby (issue 12)', () => {
  let primary: PgServer;
  let standby: PgStandby;
  let h: Harness;
  let w: KassaPage;

  beforeAll(async () => {
    primary = await startPostgres(bin!);
    const url = await createDatabase(primary, 'store');
    standby = await startStandby(bin!, primary);
    await makeSynchronous(primary);
    ({ h, w } = await startStoreTill(url, 290));
  });
  afterAll(async () => {
    await h?.close();
    primary?.stop();
    standby?.stop();
  });

  it('says why the sale waits, and completes it once the standby is back', async () => {
    const page = w.page;
    await w.open();
    await signInThroughScreen(page, ADMIN);
    const scan = await visible(page.getByRole('combobox', { name: 'Scan or search products' }));
    await scan.fill(MUG.barcode);
    await scan.press('Enter');
    const payButton = page.getByRole('button', { name: 'Pay' });
    await expect.poll(() => payButton.isEnabled()).toBe(true);
    await payButton.click();
    const pay = await visible(page.getByRole('dialog', { name: 'Take payment' }));
    await pay.getByRole('button', { name: 'Card' }).click();

    // The standby goes down; the cashier completes the sale.
    standby.halt();
    await pay.getByRole('button', { name: 'Complete sale' }).click();
    await visible(pay.getByText(/do not ring it up again/), TELLS_WITHIN_MS);
    const warning = await visible(page.getByRole('alert', { name: HELD }));
    expect(await warning.textContent()).toContain('The sale is not lost');
    expect(await axeSerious(page)).toEqual([]);
    await screenshotsAtShopSizes(h, w, 'sale-held-for-standby');

    // The standby is back: the sale completes by itself and the warning goes.
    standby.resume();
    await visible(page.getByRole('button', { name: 'New sale' }), TELLS_WITHIN_MS);
    await gone(page.getByRole('alert', { name: HELD }), TELLS_WITHIN_MS);
    const sales = await latestSales(h, 10);
    expect(sales.map((s) => [s.receiptNo, s.total, s.status])).toEqual([
      [1, MUG.price, 'completed'],
    ]);
    w.assertClean();
  });
});

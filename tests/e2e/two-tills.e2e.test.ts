/**
 * Issue 12 in Chromium: two tills on one store server. Each window is bridged to its own core
 * (two harnesses, two cores, one PostgreSQL database), as two tills in one shop are.
 * - A sale the admin rings up through the checkout on till 1 is in the transactions list of a
 *   manager signed in on till 2 (once the list is loaded again: there is no push between tills).
 * - A sale the admin parks on till 1 is in till 2's parked sales, named by its till, and the
 *   manager resumes it there: its line is in till 2's cart, and the list is empty on both tills.
 * - Each till has a receipt 1: the Till filter of Transactions and of the day summary shows one
 *   till's (screenshots at the three shop sizes), and the day summary of every till adds both,
 *   with a By till table, the till that took more first.
 * - The admin disables the manager from the Staff screen on till 1; the manager's next action on
 *   till 2 lands on the sign-in screen, which says they were signed out.
 * - Settings saved on till 1 reach the admin's open Settings on till 2 through the server's
 *   LISTEN/NOTIFY (the harness passes the core's store changes to the window, as the shell does):
 *   a clean field follows; a form being edited keeps the edit with a notice, and saving it sends
 *   only the edited field.
 * axe-core finds no critical or serious violation on the transactions list (before and after a
 * till is chosen), the parked sales with their Till column, the day summary with its Till filter, the disable confirmation, the sign-in
 * screen with its notice or Settings with the changed-elsewhere notice.
 * Skipped where PostgreSQL is not installed.
 */
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/core';
import { createDatabase, findPostgres, startPostgres, type PgServer } from '../helpers/postgres';
import { asAdmin, CORNER_SHOP, gbp, signInThroughScreen } from './checkout-helpers';
import {
  axeSerious,
  gone,
  screenshotsAtShopSizes,
  settled,
  startHarness,
  visible,
  type Harness,
  type KassaPage,
} from './harness';

const bin = findPostgres();

const MUG = { sku: 'MUG-01', barcode: '5012345678900', name: 'Enamel Mug', price: 450 };
/** A manager: sees every member's sales (reports.view), so the admin's sale on till 1 too. */
const MIA = {
  username: 'mia',
  email: 'mia@shop.test',
  displayName: 'Mia Manager',
  password: 'mia counts the float',
};

/** The notice of a settings form whose values were saved on another till while being edited. */
const CHANGED_ELSEWHERE = 'Changed on another till';

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
}

describe.skipIf(!bin)('two tills on one store server (issue 12)', () => {
  let pg: PgServer;
  let till1: Harness;
  let till2: Harness;
  /** The admin, on till 1. */
  let admin: KassaPage;
  /** Mia, on till 2. */
  let member: KassaPage;
  let mugId: number;

  beforeAll(async () => {
    pg = await startPostgres(bin!);
    const url = await createDatabase(pg, 'store');
    const database = { kind: 'postgres' as const, url };
    till1 = await startHarness({
      database,
      terminalName: 'till-1',
      firstScreenshot: 250,
      storeChanges: true,
    });
    await asAdmin(till1, 'setup:createAdmin', ADMIN);
    await asAdmin(till1, 'settings:setUpStore', CORNER_SHOP);
    mugId = (await asAdmin<{ id: number }>(till1, 'products:create', { ...MUG, taxRateBps: 2000 }))
      .id;
    const anonymous = { origin: till1.origin, isTopFrame: true, windowId: 98 };
    const asked = await till1.core.invoke('auth:requestAccess', MIA, anonymous);
    if (!asked.ok) throw new Error(`auth:requestAccess: ${asked.error.code}`);
    const pending = await asAdmin<{ items: { id: number }[] }>(till1, 'staff:list', {
      status: 'pending',
      search: MIA.username,
    });
    await asAdmin(till1, 'staff:approve', { id: pending.items[0]!.id, role: 'manager' });
    till2 = await startHarness({
      database,
      terminalName: 'till-2',
      firstScreenshot: 255,
      storeChanges: true,
    });
    admin = await till1.newPage();
    member = await till2.newPage();
    for (const [w, h] of [
      [admin, till1],
      [member, till2],
    ] as const)
      await w.page.clock.setFixedTime(h.clock.now());
  });
  afterEach(() => {
    admin?.assertClean();
    member?.assertClean();
  });
  afterAll(async () => {
    await Promise.all([till1?.close(), till2?.close()]);
    pg?.stop();
  });

  it("a sale rung up on till 1 is in till 2's transactions list", async () => {
    await member.open();
    await signInThroughScreen(member.page, MIA);
    await nav(member.page, 'Transactions').click();
    await visible(member.page.getByRole('heading', { name: 'Transactions' }));

    const page = admin.page;
    await admin.open();
    await signInThroughScreen(page, ADMIN);
    await nav(page, 'Checkout').click();
    const scan = await visible(page.getByRole('combobox', { name: 'Scan or search products' }));
    await scan.click();
    await page.keyboard.type(MUG.barcode, { delay: 5 });
    await page.keyboard.press('Enter');
    await visible(
      page.getByRole('table', { name: 'Cart' }).getByRole('row').filter({ hasText: MUG.name }),
    );
    await page.getByRole('button', { name: 'Pay' }).click();
    const pay = await visible(page.getByRole('dialog', { name: 'Take payment' }));
    await pay.getByLabel('Amount').fill('4.50');
    await pay.getByRole('button', { name: 'Card' }).click();
    await expect
      .poll(async () => (await pay.getByLabel('Remaining due').textContent())?.trim())
      .toBe(gbp(0));
    await pay.getByRole('button', { name: 'Complete sale' }).click();
    await gone(page.getByRole('dialog', { name: 'Take payment' }));
    await visible(page.getByRole('region', { name: 'Receipt' }));

    // Till 2 loads its list again (another screen and back): the sale from till 1 is in it.
    await nav(member.page, 'Checkout').click();
    await nav(member.page, 'Transactions').click();
    const table = await visible(member.page.getByRole('table', { name: 'Transactions' }));
    const row = table.getByRole('row').filter({ hasText: ADMIN.displayName });
    await visible(row);
    expect(await row.textContent()).toContain(gbp(MUG.price));
    await visible(row.getByRole('button', { name: /^Open receipt 1 / }));
    expect(await axeSerious(member.page)).toEqual([]);
    await till2.screenshot(member, 'till-2-transactions');
  });

  it('a sale parked on till 1 is resumed on till 2', async () => {
    const page = admin.page;
    await page.getByRole('button', { name: 'New sale' }).click();
    const scan = await visible(page.getByRole('combobox', { name: 'Scan or search products' }));
    await scan.click();
    await page.keyboard.type(MUG.barcode, { delay: 5 });
    await page.keyboard.press('Enter');
    const cart = (p: Page) => p.getByRole('table', { name: 'Cart' }).getByRole('row');
    await visible(cart(page).filter({ hasText: MUG.name }));
    await page.keyboard.press('F8');
    const park = await visible(page.getByRole('dialog', { name: 'Park sale' }));
    await park.getByLabel('Label (optional)').fill('Blue coat, back soon');
    await page.keyboard.press('Enter');
    await gone(park);

    const till = member.page;
    await nav(till, 'Checkout').click();
    await visible(till.getByRole('combobox', { name: 'Scan or search products' }));
    await till.keyboard.press('F7');
    const dialog = await visible(till.getByRole('dialog', { name: 'Parked sales' }));
    const row = dialog.getByRole('row').filter({ hasText: 'Blue coat, back soon' });
    await visible(row);
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Blue coat, back soon', ADMIN.displayName, 'till-1']),
    );
    await settled(dialog);
    expect(await axeSerious(till)).toEqual([]);
    await till2.screenshot(member, 'till-2-parked-from-till-1');
    await row.getByRole('button', { name: 'Resume Blue coat, back soon' }).click();
    await gone(dialog);
    await visible(cart(till).filter({ hasText: MUG.name }));
    // Gone from the list on both tills.
    for (const p of [till, page]) {
      await p.keyboard.press('F7');
      const list = await visible(p.getByRole('dialog', { name: 'Parked sales' }));
      await visible(list.getByText('No sales are parked.'));
      await p.keyboard.press('Escape');
      await gone(list);
    }
    // Till 2's cart is emptied again for the steps that follow.
    await cart(till)
      .getByRole('button', { name: /^Remove / })
      .click();
    await gone(cart(till).filter({ hasText: MUG.name }));
  });

  it("the Till filter tells till 1's receipt 1 from till 2's, in the list and the day summary", async () => {
    // Till 2's own first sale, rung up by the admin there: receipt 1 of till-2.
    const backstage = { origin: till2.origin, isTopFrame: true, windowId: 99 };
    const signedIn = await till2.core.invoke(
      'auth:login',
      { identifier: ADMIN.username, password: ADMIN.password },
      backstage,
    );
    if (!signedIn.ok) throw new Error(`auth:login: ${signedIn.error.code}`);
    await asAdmin(till2, 'sales:checkout', {
      id: crypto.randomUUID(),
      lines: [{ productId: mugId, quantity: 2 }],
      tenders: [{ type: 'card', amount: 2 * MUG.price }],
    });

    const page = member.page;
    await nav(page, 'Checkout').click();
    await nav(page, 'Transactions').click();
    const table = await visible(page.getByRole('table', { name: 'Transactions' }));
    const receipts = table.getByRole('button', { name: /^Open receipt 1 / });
    await expect.poll(() => receipts.count()).toBe(2);
    await page.getByLabel('Till', { exact: true }).first().click();
    await page.getByRole('option', { name: 'till-2' }).click();
    await expect.poll(() => receipts.count()).toBe(1);
    await visible(table.getByRole('button', { name: 'Open receipt 1 (till-2)' }));
    expect(await axeSerious(page)).toEqual([]);
    await screenshotsAtShopSizes(till2, member, 'till-2-transactions-by-till');

    await nav(page, 'Reports').click();
    await visible(page.getByRole('heading', { name: 'Day summary' }));
    await page.getByLabel('Till', { exact: true }).first().click();
    await page.getByRole('option', { name: 'till-1' }).click();
    await visible(page.getByText(/· till-1$/));
    await expect
      .poll(async () => (await page.getByRole('group', { name: 'Net' }).textContent()) ?? '')
      .toContain(gbp(MUG.price));
    await page.getByLabel('Till', { exact: true }).first().click();
    await page.getByRole('option', { name: 'All tills' }).click();
    await expect
      .poll(async () => (await page.getByRole('group', { name: 'Net' }).textContent()) ?? '')
      .toContain(gbp(3 * MUG.price));
    // Every till's day, till by till: till-2 took two mugs, till-1 one.
    const byTill = page.getByRole('table', { name: 'By till' });
    await expect
      .poll(async () =>
        (await byTill.getByRole('row').allInnerTexts()).slice(1, 3).map((r) => r.split('\t')[0]),
      )
      .toEqual(['till-2', 'till-1']);
    expect(await byTill.getByRole('row').nth(1).textContent()).toContain(gbp(2 * MUG.price));
    expect(await axeSerious(page)).toEqual([]);
    await screenshotsAtShopSizes(till2, member, 'till-2-day-summary-by-till');
    await nav(page, 'Transactions').click();
  });

  it('disabling the member on till 1 signs them out of till 2 at their next action', async () => {
    const page = admin.page;
    await nav(page, 'Staff').click();
    const staff = await visible(page.getByRole('table', { name: 'Staff members' }));
    const row = staff.getByRole('row').filter({ hasText: MIA.displayName });
    await row.getByRole('button', { name: `Actions for ${MIA.displayName}` }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    const confirm = await visible(
      page.getByRole('dialog', { name: `Disable ${MIA.displayName}?` }),
    );
    await settled(confirm);
    expect(await axeSerious(page, ['[role="dialog"]'])).toEqual([]);
    await confirm.getByRole('button', { name: 'Disable' }).click();
    // The password again, if the last one is too old for a sensitive action (S3).
    const done = page.getByText(`${MIA.displayName} has been disabled and signed out.`);
    const reauth = page.getByRole('dialog', { name: 'Confirm it is you' });
    await done.or(reauth).first().waitFor({ state: 'visible' });
    if (await reauth.isVisible()) {
      await reauth.getByLabel('Password').fill(ADMIN.password);
      await reauth.getByRole('button', { name: 'Confirm' }).click();
      await visible(done);
    }

    const before = member.calls.length;
    // Mia's next action on till 2: opening the sale. (The window's 5-second session poll is an
    // action of its own and may come first; the outcome is the same.)
    const mine = member.page;
    await mine
      .getByRole('table', { name: 'Transactions' })
      .getByRole('button', { name: /^Open receipt 1 / })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await visible(mine.getByRole('heading', { name: 'Sign in' }));
    await visible(mine.getByText('You are signed out. Please sign in again.'));
    expect(await mine.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    console.info(`[two-tills] till 2 asked ${member.calls.slice(before).join(', ')}`);
    expect(await axeSerious(mine)).toEqual([]);
    await till2.screenshot(member, 'till-2-signed-out');
  });

  it("settings saved on till 1 reach till 2's open Settings; edits there are kept", async () => {
    // The admin on till 2, on Settings, with nothing typed yet.
    const mine = member.page;
    await signInThroughScreen(mine, ADMIN);
    await nav(mine, 'Settings').click();
    const name = await visible(mine.getByLabel('Store name', { exact: true }));
    const footer = mine.getByLabel('Receipt footer', { exact: true });

    // Saved on till 1: till 2 hears it through the server (LISTEN/NOTIFY) and the clean form
    // shows it, with no reload and no poll.
    await asAdmin(till1, 'settings:update', { receiptFooter: 'Thank you!' });
    await expect.poll(() => footer.inputValue()).toBe('Thank you!');
    expect(await mine.getByText(CHANGED_ELSEWHERE).count()).toBe(0);

    // The admin starts typing on till 2; till 1 saves again: the edit stays, and a notice says
    // why the footer did not move.
    await name.fill('Corner Shop West');
    await asAdmin(till1, 'settings:update', { receiptFooter: 'See you soon' });
    const notice = await visible(mine.getByRole('status').filter({ hasText: CHANGED_ELSEWHERE }));
    expect(await name.inputValue()).toBe('Corner Shop West');
    expect(await footer.inputValue()).toBe('Thank you!');
    await settled(notice);
    expect(await axeSerious(mine)).toEqual([]);
    await till2.screenshot(member, 'till-2-settings-changed-elsewhere');

    // Saving sends the name only: till 1's footer stays.
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    const reauth = mine.getByRole('dialog', { name: 'Confirm it is you' });
    const saved = mine.getByText('Settings saved.');
    await saved.or(reauth).first().waitFor({ state: 'visible' });
    if (await reauth.isVisible()) {
      await reauth.getByLabel('Password').fill(ADMIN.password);
      await reauth.getByRole('button', { name: 'Confirm' }).click();
      await visible(saved);
    }
    const stored = await asAdmin<{ storeName: string; receiptFooter: string }>(
      till1,
      'settings:get',
    );
    expect(stored).toMatchObject({ storeName: 'Corner Shop West', receiptFooter: 'See you soon' });
    await expect.poll(() => footer.inputValue()).toBe('See you soon');
    await gone(notice);
  });
});

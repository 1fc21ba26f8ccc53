/**
 * Issue 9, section 2, end-to-end steps 5–6, in Chromium with a real core: the admin creates a role
 * "Supervisor" on Staff → Roles with refunds but no staff rights, and assigns it to a member from
 * the member's actions; that member then sees Refund on a sale in Transactions but no Staff item.
 * axe-core finds no critical or serious violation on the roles screen and its dialogs; screenshots
 * at 1024×768, 1366×768 and 1920×1080.
 */
import type { Page } from 'playwright-core';
import type { SaleDetail } from '../../shared/contract';
import { ADMIN } from '../helpers/core';
import { axeSerious, settled, useTwoWindows, visible, type TwoWindows } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SAM = {
  displayName: 'Sam Supervisor',
  username: 'sam',
  email: 'sam@shop.test',
  password: 'sam keeps the floor tidy',
};

/** Calls a channel from the page, as the screens do, and unwraps the result. */
async function api<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const r = (await page.evaluate(
    ([c, i]) => (window.api as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c]!(i),
    [channel, input] as const,
  )) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`);
  return r.data as T;
}

async function shots(w: TwoWindows, page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await w.h.screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function expectAxeClean(page: Page, include = ['.k-shell-main', '.k-shell-nav']) {
  expect(await axeSerious(page, include)).toEqual([]);
}

describe('roles you can edit, in the browser', () => {
  const w = useTwoWindows({ firstScreenshot: 100 });
  let sale: SaleDetail;

  it('5. the admin creates "Supervisor" with refunds and no staff rights, and assigns it', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await api(page, 'setup:createAdmin', ADMIN);
    const mug = await api<{ id: number }>(page, 'products:create', {
      sku: 'MUG-01',
      name: 'Enamel Mug',
      price: 450,
      taxRateBps: 2000,
    });
    sale = await api<SaleDetail>(page, 'sales:checkout', {
      id: crypto.randomUUID(),
      lines: [{ productId: mug.id, quantity: 2 }],
      tenders: [{ type: 'card', amount: 900 }],
    });
    await w.member.open();
    await api(w.member.page, 'auth:requestAccess', SAM);
    await page.reload();

    const nav = await visible(page.getByRole('navigation', { name: 'Main' }));
    await nav.getByRole('button', { name: /^Staff/ }).click();
    await page
      .getByRole('region', { name: 'Pending requests' })
      .getByRole('listitem', { name: SAM.displayName })
      .getByRole('button', { name: 'Approve' })
      .click();
    const approve = await visible(page.getByRole('dialog', { name: `Approve ${SAM.displayName}` }));
    await approve.getByRole('button', { name: 'Approve' }).click();
    await approve.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Roles' }).click();
    const roles = await visible(page.getByRole('table', { name: 'Roles' }));
    await expectAxeClean(page);
    await shots(w, page, 'roles');

    await page.getByRole('button', { name: 'New role' }).click();
    const editor = await visible(page.getByRole('dialog', { name: 'New role' }));
    await settled(editor);
    await editor.getByLabel('Role name').fill('Supervisor');
    for (const permission of [
      'Ring up sales',
      'Refund an earlier sale',
      'Void a sale the same day',
      'See reports',
      'Create and edit customers',
    ])
      await editor.getByRole('checkbox', { name: permission }).check();
    await expectAxeClean(page, ['[role="dialog"]']);
    await shots(w, page, 'role-editor');
    await editor.getByRole('button', { name: 'Create role' }).click();
    await editor.waitFor({ state: 'detached' });
    const row = roles.getByRole('row').filter({ hasText: 'Supervisor' });
    await visible(row.getByText('5 permissions'));

    // The built-in Admin role is read-only; the delete dialog of a role with members asks where to.
    await roles.getByRole('button', { name: 'View role Admin' }).click();
    const view = await visible(page.getByRole('dialog', { name: 'Role Admin' }));
    await settled(view);
    await expectAxeClean(page, ['[role="dialog"]']);
    await view.getByRole('button', { name: 'Close' }).last().click();
    await view.waitFor({ state: 'detached' });
    await roles.getByRole('button', { name: 'Delete role Cashier' }).click();
    const del = await visible(page.getByRole('dialog', { name: 'Delete role Cashier' }));
    await settled(del);
    await visible(del.getByText(/1 member has this role/));
    await expectAxeClean(page, ['[role="dialog"]']);
    await w.h.screenshot(page, 'role-delete');
    await del.getByRole('button', { name: 'Cancel' }).click();
    await del.waitFor({ state: 'detached' });

    // Assigning the role is one of the member's actions.
    await page.getByRole('tab', { name: 'Members' }).click();
    const members = await visible(page.getByRole('table', { name: 'Staff members' }));
    await members.getByRole('button', { name: `Actions for ${SAM.displayName}` }).click();
    await page.getByRole('menuitem', { name: 'Change role' }).click();
    const change = await visible(
      page.getByRole('dialog', { name: new RegExp(`${SAM.displayName}`) }),
    );
    await change.getByLabel('Role', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Supervisor' }).click();
    await change.getByRole('button', { name: 'Change role' }).click();
    await change.waitFor({ state: 'detached' });
    await visible(
      members.getByRole('row').filter({ hasText: SAM.displayName }).getByText('Supervisor'),
    );
  });

  it('6. the Supervisor sees Refund on a sale in Transactions, and no Staff', async () => {
    const page = w.member.page;
    await api(page, 'auth:login', { identifier: SAM.username, password: SAM.password });
    await page.reload();
    const nav = await visible(page.getByRole('navigation', { name: 'Main' }));
    await visible(nav.getByRole('button', { name: 'Transactions' }));
    expect(await nav.getByRole('button', { name: /^Staff/ }).count()).toBe(0);
    await nav.getByRole('button', { name: 'Transactions' }).click();
    const table = await visible(page.getByRole('table', { name: 'Transactions' }));
    await table
      .getByRole('button', { name: new RegExp(`^Open receipt ${sale.receiptNo} `) })
      .click();
    const detail = await visible(page.getByRole('region', { name: 'Sale detail' }));
    await visible(detail.getByRole('button', { name: 'Refund', exact: true }));
    await w.h.screenshot(page, 'supervisor-sale-detail');
    // And the core agrees: staff channels are refused.
    const r = await page.evaluate(() => window.api['staff:list']({}));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

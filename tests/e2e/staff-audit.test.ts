/**
 * Items 15, 16 and 19 in Chromium with a real core: the Staff navigation badge counts waiting
 * access requests, an admin approves one with a chosen role (the dialog opens with focus on the
 * role), "had no open sessions", the audit log in words, filtered by the core, and its CSV export
 * with a formula-looking name neutralised; a cancelled password prompt says nothing was done.
 * axe-core finds no critical or serious violation on any of these screens and dialogs.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/core';
import { axeSerious, settled, useTwoWindows, visible, type TwoWindows } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const REQUESTS = [
  { displayName: 'Mia Manager', username: 'mia', email: 'mia@shop.test' },
  { displayName: 'Ola Cashier', username: 'ola', email: 'ola@shop.test' },
  // A name a spreadsheet would run as a formula if the export did not neutralise it.
  { displayName: '=HYPERLINK("http://x.test","Pay")', username: 'eve', email: 'eve@shop.test' },
].map((m) => ({ ...m, password: `${m.username} likes long passwords` }));

/** Screenshots at the three shop sizes, then back to the harness's default. */
async function shots(w: TwoWindows, page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await w.h.screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * axe-core on this suite's screens (the main area and the navigation with its badge) or dialogs:
 * no critical or serious violation. The shell's header belongs to the shell's own checks.
 */
async function expectAxeClean(
  page: Page,
  include = ['.k-shell-main', '.k-shell-nav'],
): Promise<void> {
  expect(await axeSerious(page, include)).toEqual([]);
}

describe('staff screen and audit log in the browser', () => {
  const w = useTwoWindows({ firstScreenshot: 60 });

  it('the Staff item counts waiting requests; approving asks for the role, focused', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await page.evaluate((a) => window.api['setup:createAdmin'](a), ADMIN);
    await w.member.open();
    for (const m of REQUESTS)
      expect(
        await w.member.page.evaluate((input) => window.api['auth:requestAccess'](input), m),
      ).toMatchObject({ ok: true });
    await page.reload();

    const nav = await visible(page.getByRole('navigation', { name: 'Main' }));
    const staffItem = await visible(
      nav.getByRole('button', { name: 'Staff 3 access requests waiting' }),
    );
    await staffItem.click();
    const pending = await visible(page.getByRole('region', { name: 'Pending requests' }));
    await expectAxeClean(page);
    await shots(w, page, 'staff-pending');

    const mia = pending.getByRole('listitem', { name: 'Mia Manager' });
    await mia.getByRole('button', { name: 'Approve' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Approve Mia Manager' }));
    const role = dialog.getByLabel('Role', { exact: true }).first();
    await expect.poll(() => role.evaluate((el) => el === document.activeElement)).toBe(true);
    await settled(dialog);
    await expectAxeClean(page, ['[role="dialog"]']);
    await w.h.screenshot(page, 'approve-with-role');
    await role.click();
    await page.getByRole('option', { name: 'Manager' }).click();
    await visible(dialog.getByText('Void a sale the same day'));
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await visible(page.getByText('Mia Manager can now sign in as Manager.'));
    await visible(nav.getByRole('button', { name: 'Staff 2 access requests waiting' }));

    const table = page.getByRole('table', { name: 'Staff members' });
    const row = table.getByRole('row').filter({ hasText: 'Mia Manager' });
    await visible(row.getByText('Manager', { exact: true }));
  });

  it('ending the sessions of a member with none says so in plain words', async () => {
    const page = w.admin.page;
    const row = page
      .getByRole('table', { name: 'Staff members' })
      .getByRole('row')
      .filter({ hasText: 'Mia Manager' });
    await row.getByRole('button', { name: 'Actions for Mia Manager' }).click();
    await page.getByRole('menuitem', { name: 'End sessions' }).click();
    const confirm = await visible(
      page.getByRole('dialog', { name: 'Sign Mia Manager out everywhere?' }),
    );
    await settled(confirm);
    await expectAxeClean(page, ['[role="dialog"]']);
    await confirm.getByRole('button', { name: 'End sessions' }).click();
    await visible(page.getByText(/Mia Manager had no open sessions on this till/));
    expect(await page.getByText(/out of 0 sessions/).count()).toBe(0);
  });

  it('the audit log speaks in words and filters in the core', async () => {
    const mia = REQUESTS[0]!;
    // Two failed sign-ins and one good one in the member's window.
    for (const password of ['wrong one', 'wrong two', mia.password])
      await w.member.page.evaluate((input) => window.api['auth:login'](input), {
        identifier: mia.username,
        password,
      });

    const page = w.admin.page;
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const log = await visible(page.getByRole('table', { name: 'Audit log' }));
    const approved = log.getByRole('row').filter({ hasText: 'Approved an access request' });
    await visible(approved.getByText('Mia Manager', { exact: true }));
    expect(await log.getByText('staff.approve', { exact: true }).count()).toBe(0);
    expect(await log.getByText(/^staff \d+$/).count()).toBe(0);
    await expectAxeClean(page);
    await shots(w, page, 'audit-log');

    await page.getByLabel('Outcome', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Failure' }).click();
    await expect
      .poll(async () => (await log.getByRole('row').count()) - 1, { timeout: 10_000 })
      .toBe(2);
    const outcomes = await log.locator('tbody tr td:nth-child(6)').allTextContents();
    expect(outcomes).toEqual(['Failure', 'Failure']);

    await page.getByLabel('Who', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Mia Manager' }).click();
    await page.getByLabel('Action', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Sign-in', exact: true }).click();
    await page.getByLabel('From', { exact: true }).fill('2026-11-23');
    await page.getByLabel('To', { exact: true }).fill('2026-11-23');
    await expect.poll(async () => (await log.getByRole('row').count()) - 1).toBe(2);
    // A first day after the last moves the last along: the range is the 24th alone.
    await page.getByLabel('From', { exact: true }).fill('2026-11-24');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2026-11-24');
    await visible(page.getByText('No audit events match these filters.'));
    await expectAxeClean(page);
    await w.h.screenshot(page, 'audit-filtered-empty');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await visible(log.getByRole('row').filter({ hasText: 'Approved an access request' }));
  });

  it('cancelling the password prompt says the export was not done; confirming exports CSV', async () => {
    const page = w.admin.page;
    // Past the 5-minute re-authentication window, active all along (no idle lock).
    for (let minute = 0; minute < 6; minute++) {
      w.h.clock.advanceMinutes(1);
      await page.evaluate(() => window.api['auth:activity']());
    }
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const reauth = await visible(page.getByRole('dialog', { name: 'Confirm it is you' }));
    await settled(reauth);
    await expectAxeClean(page, ['[role="dialog"]']);
    await reauth.getByRole('button', { name: 'Cancel' }).click();
    await visible(
      page.getByText('The password was not confirmed, so the action was not done.', {
        exact: false,
      }),
    );
    await w.h.screenshot(page, 'reauth-cancelled');

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const again = await visible(page.getByRole('dialog', { name: 'Confirm it is you' }));
    await again.getByLabel('Password').fill(ADMIN.password);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      again.getByRole('button', { name: 'Confirm' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kassa-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '"id","time_utc","local_time","actor_id","actor","action","target_type","target_id","target_name","terminal","outcome","detail"',
    );
    // The formula-looking display name is exported behind an apostrophe (OWASP CSV injection).
    expect(csv).toContain('"\'=HYPERLINK(""http://x.test"",""Pay"")"');
    expect(csv).not.toMatch(/(^|,)"[=+\-@\t\r]/m);
    await visible(page.getByText(/Exported \d+ events as CSV\./));
  });
});

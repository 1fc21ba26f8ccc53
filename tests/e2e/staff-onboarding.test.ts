/**
 * Staff onboarding, end to end, through the built renderer in Chromium with a real core behind
 * `window.api`: first-run set-up (A6), an access request (A6/A7), a pending sign-in refused, the
 * admin's approval, the member's sign-in, permission-based navigation and a forbidden direct call
 * that is audited (A7, L1), then the idle lock and unlock (S2).
 *
 * Two browser contexts are two Kassa windows: the admin's (window 1) and the member's (window 2),
 * each with its own session. The steps share state and run in order.
 */
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { ADMIN, MEMBER } from '../helpers/core';
import { gone, useTwoWindows, visible } from './harness';

/** The accessible label of the focused element (via its <label>), or its text. */
function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | HTMLButtonElement | null;
    if (!el) return '';
    const label = el.labels?.[0]?.textContent ?? '';
    return (label || el.getAttribute('aria-label') || el.textContent || '')
      .replace(/\s*\*\s*$/, '')
      .trim();
  });
}

/**
 * Types into the focused field, after checking it is the one labelled `label`. Focus is waited
 * for (up to 5 s): a lazily loaded form takes focus once its code has arrived, after its heading.
 */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await expect.poll(() => focusedLabel(page), { timeout: 5_000 }).toBe(label);
  await page.keyboard.type(text);
}

/**
 * Mantine's stylesheet is really applied (not bare HTML): the body uses Mantine's font stack and
 * a Mantine button has its filled colour and rounded corners.
 */
async function expectMantineStyled(page: Page): Promise<void> {
  const styles = await page.evaluate(() => {
    const button = document.querySelector('.mantine-Button-root');
    const b = button ? getComputedStyle(button) : null;
    return {
      cssVars: getComputedStyle(document.documentElement)
        .getPropertyValue('--mantine-color-blue-6')
        .trim(),
      bodyFont: getComputedStyle(document.body).fontFamily,
      buttonRadius: b?.borderTopLeftRadius ?? null,
      buttonBackground: b?.backgroundColor ?? null,
      stylesheets: document.styleSheets.length,
    };
  });
  expect(styles.stylesheets, 'stylesheets loaded').toBeGreaterThan(0);
  expect(styles.cssVars, 'Mantine CSS variables').not.toBe('');
  expect(styles.bodyFont, 'body font').not.toMatch(/^"?Times/);
  expect(styles.buttonRadius, 'button radius').not.toBe('0px');
  expect(styles.buttonRadius).not.toBeNull();
  expect(styles.buttonBackground, 'button background').not.toMatch(
    /^rgba\(0, 0, 0, 0\)$|^rgb\(239, 239, 239\)$/,
  );
}

describe('staff onboarding in the browser', () => {
  const w = useTwoWindows();

  it('1. first run shows set-up; creating the admin signs them in', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await expectMantineStyled(page);

    // Keyboard only: the first field has focus, Tab moves on, Enter submits.
    await typeInto(page, 'Display name', ADMIN.displayName);
    await page.keyboard.press('Tab');
    await typeInto(page, 'Username', ADMIN.username);
    await page.keyboard.press('Tab');
    await typeInto(page, 'Email', ADMIN.email);
    await page.keyboard.press('Tab');
    await typeInto(page, 'Password', ADMIN.password);
    await w.h.screenshot(w.admin, 'setup');
    await page.keyboard.press('Enter');

    // Step 2, the store (issue 8, item 8): tests/e2e/store-setup.test.ts covers it in full.
    await visible(page.getByText(/Step 2 of 2/));
    await page.getByLabel('Store name').fill('Corner Shop');
    await page.getByRole('button', { name: 'Finish set-up' }).click();

    const nav = await visible(page.getByRole('navigation', { name: 'Main' }));
    await visible(page.getByText(ADMIN.displayName, { exact: true }));
    expect(await nav.getByRole('button', { name: /Staff/ }).count()).toBe(1);
    await expectMantineStyled(page);
    await w.h.screenshot(w.admin, 'shell-admin');

    const status = await page.evaluate(() => window.api['app:status']());
    expect(status).toMatchObject({ ok: true, data: { setupRequired: false } });
  });

  it('2. in a second window, a new member requests access', async () => {
    const page = w.member.page;
    await w.member.open();
    await visible(page.getByRole('heading', { name: 'Sign in' }));
    // The set-up screen is gone for good once an admin exists.
    expect(await page.getByRole('heading', { name: 'Set up Kassa' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Request access' }).press('Enter');
    await visible(page.getByRole('heading', { name: 'Request access' }));
    await typeInto(page, 'Display name', MEMBER.displayName);
    await page.keyboard.press('Tab');
    await typeInto(page, 'Username', MEMBER.username);
    await page.keyboard.press('Tab');
    await typeInto(page, 'Email', MEMBER.email);
    await page.keyboard.press('Tab');
    await typeInto(page, 'Password', MEMBER.password);
    await w.h.screenshot(w.member, 'request-access');
    await page.keyboard.press('Enter');

    await visible(page.getByRole('heading', { name: 'Request sent' }));
    await visible(page.getByText(/An admin must approve your request/));
    await w.h.screenshot(w.member, 'request-sent');

    // Stored as a pending Cashier (A7: role and status were not the requester's to choose).
    const db = new Database(w.h.dbPath, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT status FROM staff WHERE username = ?').get(MEMBER.username) as
        { status: string } | undefined;
      expect(row?.status).toBe('pending');
    } finally {
      db.close();
    }
  });

  it('3. their sign-in is refused while pending, with a readable message', async () => {
    const page = w.member.page;
    // "Back to sign in" has focus.
    await expect.poll(() => focusedLabel(page), { timeout: 5_000 }).toBe('Back to sign in');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: 'Sign in' }));

    await typeInto(page, 'Username or email', MEMBER.username);
    await page.keyboard.press('Tab');
    await typeInto(page, 'Password', MEMBER.password);
    await page.keyboard.press('Enter');

    const alert = await visible(
      page.getByRole('alert').filter({ hasText: 'waiting for an admin to approve' }),
    );
    expect(await alert.textContent()).toContain(
      'Your access request is waiting for an admin to approve it.',
    );
    expect(await alert.textContent()).not.toMatch(/ACCOUNT_PENDING/);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await w.h.screenshot(w.member, 'login-pending');
  });

  it('4. the admin approves them from the staff screen', async () => {
    const page = w.admin.page;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Staff/ })
      .click();
    const pending = await visible(page.getByRole('region', { name: /Pending requests/ }));
    const row = await visible(pending.getByRole('listitem', { name: MEMBER.displayName }));
    await visible(row.getByText(MEMBER.email, { exact: false }));
    await w.h.screenshot(w.admin, 'staff-pending');

    // An admin may choose the role: the dialog opens with the role asked for (Cashier).
    await row.getByRole('button', { name: 'Approve' }).press('Enter');
    const approve = await visible(
      page.getByRole('dialog', { name: `Approve ${MEMBER.displayName}` }),
    );
    await approve.getByRole('button', { name: 'Approve' }).press('Enter');
    await visible(page.getByText(`${MEMBER.displayName} can now sign in as Cashier.`));
    await gone(page.getByRole('region', { name: /Pending requests/ }));
    const table = await visible(page.getByRole('table', { name: 'Staff members' }));
    const memberRow = await visible(table.getByRole('row').filter({ hasText: MEMBER.displayName }));
    await visible(memberRow.getByText('Active', { exact: true }));
    await visible(memberRow.getByText('Cashier', { exact: true }));
    await w.h.screenshot(w.admin, 'staff-approved');
  });

  it('5. the member signs in', async () => {
    const page = w.member.page;
    // After the refusal the password was cleared and has focus; the identifier is still there.
    expect(await page.getByLabel('Username or email').inputValue()).toBe(MEMBER.username);
    await typeInto(page, 'Password', MEMBER.password);
    await page.keyboard.press('Enter');

    await visible(page.getByRole('navigation', { name: 'Main' }));
    await visible(page.getByText(MEMBER.displayName, { exact: true }));
    await expectMantineStyled(page);
    await w.h.screenshot(w.member, 'member-signed-in');
  });

  it('6. staff is hidden from the member and a direct call is refused and audited', async () => {
    const page = w.member.page;
    const nav = page.getByRole('navigation', { name: 'Main' });
    const labels = (await nav.getByRole('button').allTextContents()).map((t) => t.trim());
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.some((l) => /Checkout/.test(l))).toBe(true);
    expect(labels.some((l) => /Staff/.test(l))).toBe(false);
    expect(await page.getByRole('heading', { name: /Staff/ }).count()).toBe(0);

    const result = await page.evaluate(() => window.api['staff:list']({}));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const db = new Database(w.h.dbPath, { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare(
          "SELECT actor_name, outcome, target_id, detail FROM audit_events WHERE action = 'authz.denied' ORDER BY id",
        )
        .all() as { actor_name: string; outcome: string; target_id: string; detail: string }[];
      expect(rows).toContainEqual({
        actor_name: MEMBER.username,
        outcome: 'denied',
        target_id: 'staff:list',
        detail: 'needs staff.view',
      });
    } finally {
      db.close();
    }
  });

  it('7. the session idle-locks, and the password unlocks it', async () => {
    const page = w.member.page;
    w.h.clock.advanceMinutes(5);
    w.h.clock.advance(1_000);

    // The renderer notices on its next auth:session poll (every 5 s).
    const heading = await visible(page.getByRole('heading', { name: 'Till locked' }), 12_000);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await visible(page.getByText(MEMBER.displayName, { exact: true }));
    await w.h.screenshot(w.member, 'lock-screen');
    const state = await page.evaluate(() => window.api['auth:session']());
    expect(state).toMatchObject({ ok: true, data: { session: { locked: true } } });

    // The password field has focus: type and press Enter.
    await typeInto(page, 'Password', MEMBER.password);
    await page.keyboard.press('Enter');
    await gone(heading);
    const nav = await visible(page.getByRole('navigation', { name: 'Main' }));
    expect((await nav.getByRole('button').allTextContents()).some((t) => /Staff/.test(t))).toBe(
      false,
    );
    const after = await page.evaluate(() => window.api['auth:session']());
    expect(after).toMatchObject({
      ok: true,
      data: { session: { locked: false, staff: { username: MEMBER.username } } },
    });
    await w.h.screenshot(w.member, 'unlocked');
  });
});

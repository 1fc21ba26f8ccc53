/**
 * Issue 9, e2e 7: an admin sets up e-mail in Settings; a member verifies their e-mail address on
 * their profile with the code that a real SMTP server on loopback received; the staff list then
 * shows when. Through the built renderer in Chromium, with a real core behind `window.api`.
 */
import { ADMIN, MEMBER } from '../helpers/core';
import { useSmtpServer } from '../helpers/smtp-server';
import { axeSerious, useTwoWindows, visible } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

describe('a member verifies their e-mail address', () => {
  const w = useTwoWindows({ firstScreenshot: 150 });
  const smtp = useSmtpServer();

  it('the admin sets up e-mail in Settings and sends a test message', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await page.evaluate((a) => window.api['setup:createAdmin'](a), ADMIN);
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings' })
      .click();
    const section = await visible(page.getByRole('region', { name: /^E-mail/ }));
    await section.getByLabel('SMTP server').fill(smtp.host);
    await section.getByLabel('Security').click();
    await page.getByRole('option', { name: 'None (local relay only)' }).click();
    await section.getByLabel('Port').fill(String(smtp.port));
    await section.getByLabel('Sender address').fill('till@shop.test');
    await section.getByRole('button', { name: 'Save e-mail settings' }).click();
    await visible(section.getByText('On', { exact: true }));
    await section.getByLabel('Send a test e-mail to').fill('owner@shop.test');
    await section.getByRole('button', { name: 'Send test e-mail' }).click();
    expect((await smtp.waitFor(1)).subject).toBe('Kassa test message');
    await section.scrollIntoViewIfNeeded();
    expect(await axeSerious(page, ['section[aria-labelledby="settings-mail"]'])).toEqual([]);
    await w.h.screenshot(w.admin, 'mail-settings');

    // A member asks for access, and the admin approves.
    await w.member.open();
    await w.member.page.evaluate((m) => window.api['auth:requestAccess'](m), MEMBER);
    const id = await page.evaluate(async (u) => {
      const r = await window.api['staff:list']({ status: 'pending', search: u });
      return r.ok ? r.data.items[0]!.id : 0;
    }, MEMBER.username);
    await page.evaluate((i) => window.api['staff:approve']({ id: i }), id);
  });

  it('the member sends a code, types it from the e-mail, and is verified', async () => {
    const page = w.member.page;
    await page.reload();
    await page.getByLabel('Username or email').fill(MEMBER.username);
    await page.getByLabel('Password', { exact: true }).fill(MEMBER.password);
    await page.keyboard.press('Enter');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Your profile' })
      .click();
    await visible(page.getByText('Not verified'));
    await page.getByRole('button', { name: 'Send a code' }).click();
    const mail = await smtp.waitFor(2);
    expect(mail.to).toEqual([MEMBER.email]);
    const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
    const input = await visible(page.getByLabel('Code from the e-mail'));
    expect(await axeSerious(page)).toEqual([]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await w.h.screenshot(w.member, `verify-email-${size.width}`);
    }
    await input.fill(code);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await visible(page.getByText(/^Verified /));
    expect(await axeSerious(page)).toEqual([]);
    await w.h.screenshot(w.member, 'email-verified');
  });

  it('the staff list shows the member as verified', async () => {
    const page = w.admin.page;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Staff/ })
      .click();
    const table = await visible(page.getByRole('table', { name: 'Staff members' }));
    const row = table.getByRole('row').filter({ hasText: MEMBER.displayName });
    await visible(row.getByText(/^Verified /));
    await visible(
      table.getByRole('row').filter({ hasText: ADMIN.displayName }).getByText('Not verified'),
    );
  });
});

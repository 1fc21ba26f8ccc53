/**
 * Issue 9, e2e 9: a member who forgot their password asks for a reset by e-mail on the sign-in
 * screen, types the code from the message a real SMTP server on loopback received, sets a new
 * password and signs in with it. Through the built renderer in Chromium, with a real core.
 */
import { ADMIN, MEMBER } from '../helpers/core';
import { useSmtpServer } from '../helpers/smtp-server';
import { axeSerious, useTwoWindows, visible } from './harness';

const NEW_PASSWORD = 'copper lantern over 7 hills';
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

describe('forgot password by e-mail', () => {
  const w = useTwoWindows({ firstScreenshot: 160 });
  const smtp = useSmtpServer();

  it('an admin has set up e-mail, and the member has an account', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await page.evaluate((a) => window.api['setup:createAdmin'](a), ADMIN);
    const saved = await page.evaluate(
      (s) =>
        window.api['mail:updateSettings']({
          host: s.host,
          port: s.port,
          tls: 'none',
          user: '',
          from: 'till@shop.test',
        }),
      { host: smtp.host, port: smtp.port },
    );
    expect(saved).toMatchObject({ ok: true });
    await w.member.open();
    await w.member.page.evaluate((m) => window.api['auth:requestAccess'](m), MEMBER);
    const id = await page.evaluate(async (u) => {
      const r = await window.api['staff:list']({ status: 'pending', search: u });
      return r.ok ? r.data.items[0]!.id : 0;
    }, MEMBER.username);
    expect(await page.evaluate((i) => window.api['staff:approve']({ id: i }), id)).toMatchObject({
      ok: true,
    });
  });

  it('the member asks for a code, types it with a new password, and signs in with it', async () => {
    const page = w.member.page;
    await page.reload();
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await visible(page.getByRole('heading', { name: 'Forgot your password?' }));
    expect(await axeSerious(page)).toEqual([]);
    await w.h.screenshot(w.member, 'forgot-password');
    await page.getByLabel('Username or email').fill(MEMBER.email);
    await page.getByRole('button', { name: 'E-mail me a code' }).click();
    await visible(page.getByText(/If an account with that name or address exists/));
    const mail = await smtp.waitFor(1);
    expect(mail.to).toEqual([MEMBER.email]);
    const code = /\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\b/.exec(mail.text)![1]!;
    expect(await axeSerious(page)).toEqual([]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await w.h.screenshot(w.member, `reset-code-${size.width}`);
    }
    await page.getByLabel('Code from the e-mail').fill(code.toLowerCase());
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await visible(page.getByText(/Your password was changed/));
    expect(await axeSerious(page)).toEqual([]);
    await w.h.screenshot(w.member, 'reset-done');
    expect((await smtp.waitFor(2)).subject).toContain('your password was changed');

    await page.getByRole('button', { name: 'Back to sign in' }).click();
    await page.getByLabel('Username or email').fill(MEMBER.username);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('navigation', { name: 'Main' }));
  });
});

/**
 * Issue 9, section 4, e2e: "verified before access". The admin sets the store's rule to e-mail
 * (refused until their own address is verified); a member without a verified address signs in,
 * sees only the verify screen, verifies with the code a real SMTP server on loopback received,
 * and the till opens; a new request for access verifies by e-mail code before it shows on the
 * admin's pending list. Through the built renderer in Chromium, with a real core behind
 * `window.api`.
 */
import type { Page } from 'playwright-core';
import { ADMIN, MEMBER } from '../helpers/core';
import { useSmtpServer } from '../helpers/smtp-server';
import { axeSerious, useTwoWindows, visible } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const NEWCOMER = {
  username: 'nina',
  email: 'nina@shop.test',
  displayName: 'Nina Neu',
  password: 'paper bag lantern 9',
};

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;

/** The main navigation's button `name`. */
const nav = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

describe('verified before access', () => {
  const w = useTwoWindows({ firstScreenshot: 190 });
  const smtp = useSmtpServer();

  it('the admin sets the rule to e-mail, once their own address is verified', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await page.evaluate((a) => window.api['setup:createAdmin'](a), ADMIN);
    const mail = {
      host: smtp.host,
      port: smtp.port,
      tls: 'none' as const,
      user: '',
      from: 'till@shop.test',
    };
    const saved = await page.evaluate((m) => window.api['mail:updateSettings'](m), mail);
    expect(saved.ok).toBe(true);
    // A member joins while nothing is asked for: active, e-mail not verified.
    await w.member.open();
    await w.member.page.evaluate((m) => window.api['auth:requestAccess'](m), MEMBER);
    const id = await page.evaluate(async (u) => {
      const r = await window.api['staff:list']({ status: 'pending', search: u });
      return r.ok ? r.data.items[0]!.id : 0;
    }, MEMBER.username);
    expect((await page.evaluate((i) => window.api['staff:approve']({ id: i }), id)).ok).toBe(true);

    await page.reload();
    await nav(page, /^Staff/).click();
    await page.getByRole('tab', { name: 'Roles' }).click();
    const rule = await visible(page.getByRole('region', { name: 'Verified before access' }));
    expect(await rule.getByRole('radio', { name: /^Phone/ }).isDisabled()).toBe(true);
    await rule.getByRole('radio', { name: /^E-mail/ }).check();
    await rule.getByRole('button', { name: 'Save rule' }).click();
    await visible(rule.getByRole('alert').getByText(/Verify your own e-mail address first/));
    await rule.scrollIntoViewIfNeeded();
    expect(await axeSerious(page, ['section[aria-labelledby="verification-policy"]'])).toEqual([]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await w.h.screenshot(w.admin, `verification-policy-refused-${size.width}`);
    }

    // The admin verifies their own address (the profile's steps, covered by verify-email.test).
    await page.evaluate(() => window.api['contacts:sendEmailCode']({}));
    const code = codeIn((await smtp.waitFor(1)).text);
    expect(
      (await page.evaluate((c) => window.api['contacts:verifyEmail']({ code: c }), code)).ok,
    ).toBe(true);
    await rule.getByRole('button', { name: 'Save rule' }).click();
    await visible(page.getByText(/Saved. Members who have not verified/));
    expect(await rule.getByRole('alert').count()).toBe(0);
    expect(await rule.getByRole('radio', { name: /^E-mail/ }).isChecked()).toBe(true);
  });

  it('a member without a verified e-mail sees only the verify screen, verifies, and the till opens', async () => {
    const page = w.member.page;
    await page.reload();
    await page.getByLabel('Username or email').fill(MEMBER.username);
    await page.getByLabel('Password', { exact: true }).fill(MEMBER.password);
    await page.keyboard.press('Enter');
    await visible(
      page.getByRole('heading', { name: 'Before you start, verify your e-mail address' }),
    );
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    // The core refuses anything else for this session.
    const refused = await page.evaluate(() => window.api['profile:signIns']({}));
    expect(refused.ok ? null : refused.error.code).toBe('VERIFICATION_REQUIRED');

    await page.getByRole('button', { name: 'Send a code' }).click();
    const mail = await smtp.waitFor(2);
    expect(mail.to).toEqual([MEMBER.email]);
    const input = await visible(page.getByLabel('Code from the e-mail'));
    expect(await axeSerious(page)).toEqual([]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await w.h.screenshot(w.member, `verify-only-${size.width}`);
    }
    await input.fill(codeIn(mail.text));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await visible(nav(page, 'Your profile'));
    expect(await axeSerious(page)).toEqual([]);
    await w.h.screenshot(w.member, 'verified-till-open');
  });

  it('a new request for access verifies by e-mail code before the admins see it', async () => {
    const page = w.member.page;
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByRole('button', { name: 'Request access' }).click();
    await page.getByLabel('Display name').fill(NEWCOMER.displayName);
    await page.getByLabel('Username').fill(NEWCOMER.username);
    await page.getByLabel('Email').fill(NEWCOMER.email);
    await page.getByLabel('Password', { exact: true }).fill(NEWCOMER.password);
    await page.getByRole('button', { name: 'Request access' }).click();
    await visible(page.getByText(/We sent a 6-digit code to/));
    const mail = await smtp.waitFor(3);
    expect(mail.to).toEqual([NEWCOMER.email]);

    // Not on the pending list yet.
    const pending = () =>
      w.admin.page.evaluate(async (u) => {
        const r = await window.api['staff:list']({ status: 'pending', search: u });
        return r.ok ? r.data.items.length : -1;
      }, NEWCOMER.username);
    expect(await pending()).toBe(0);

    const input = await visible(page.getByLabel('6-digit code'));
    expect(await axeSerious(page)).toEqual([]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await w.h.screenshot(w.member, `request-code-${size.width}`);
    }
    await input.fill('000000' === codeIn(mail.text) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify and send request' }).click();
    await visible(page.getByText(/That code is not right/));
    await input.fill(codeIn(mail.text));
    await page.getByRole('button', { name: 'Verify and send request' }).click();
    await visible(page.getByText(/An admin must approve your request/));
    expect(await pending()).toBe(1);

    const admin = w.admin.page;
    await admin.reload();
    await nav(admin, /^Staff/).click();
    await visible(admin.getByText(NEWCOMER.displayName));
    expect(await axeSerious(admin)).toEqual([]);
    await w.h.screenshot(w.admin, 'request-verified-pending');
  });
});

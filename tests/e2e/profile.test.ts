/**
 * Issue 9, sections 3, 4 and 8 in Chromium with a real core: a member edits their own details,
 * sees their recent sign-ins and open sessions and signs out everywhere else; an admin enters the
 * SMS provider (a local counterpart) and sends a test code; the audit screen's "Verify now".
 * axe-core finds no critical or serious violation; screenshots at the three shop sizes.
 */
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/core';
import { startSmsProviderServer, type SmsProviderServer } from '../helpers/sms-provider-server';
import { setUpTill } from './checkout-helpers';
import { axeSerious, useTwoWindows, visible, type TwoWindows } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const MEMBER = {
  displayName: 'Pia Profile',
  username: 'pia',
  email: 'pia@shop.test',
  password: 'pia likes long passwords',
};

async function shots(w: TwoWindows, page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await w.h.screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function expectAxeClean(page: Page, include = ['.k-shell-main']): Promise<void> {
  expect(await axeSerious(page, include)).toEqual([]);
}

describe('the profile page, SMS settings and verify now in the browser', () => {
  const w = useTwoWindows({ firstScreenshot: 93 });
  let sms: SmsProviderServer;
  beforeAll(async () => {
    sms = await startSmsProviderServer();
  });
  afterAll(async () => {
    await sms?.close();
  });

  it('a member edits their details, sees sign-ins and sessions, and signs out elsewhere', async () => {
    const admin = w.admin.page;
    await w.admin.open();
    await setUpTill(admin);
    await w.member.open();
    const page = w.member.page;
    await page.evaluate((m) => window.api['auth:requestAccess'](m), MEMBER);
    const list = await admin.evaluate(() => window.api['staff:list']({ status: 'pending' }));
    const id = (list as { ok: true; data: { items: { id: number }[] } }).data.items[0]!.id;
    await admin.evaluate((i) => window.api['staff:approve']({ id: i }), id);
    // A wrong password first, then in.
    await page.evaluate(
      (m) => window.api['auth:login']({ identifier: m.username, password: 'not it at all' }),
      MEMBER,
    );
    await page.evaluate(
      (m) => window.api['auth:login']({ identifier: m.username, password: m.password }),
      MEMBER,
    );
    await page.reload();
    await (await visible(page.getByRole('button', { name: 'Your profile' }))).click();
    const details = await visible(page.getByRole('form', { name: 'Your details' }));
    await details.getByLabel('Mobile phone').fill('07700 900123');
    await details.getByRole('button', { name: 'Save details' }).click();
    await visible(page.getByText('Your details are saved. Verify the new address or number.'));
    await expect
      .poll(() => details.getByLabel('Mobile phone').inputValue())
      .toBe('+44 7700 900123');

    const signIns = await visible(page.getByRole('table', { name: 'Recent sign-ins' }));
    await visible(signIns.getByText('Wrong password'));
    await visible(signIns.getByText('Signed in'));

    // The admin's window takes a second session of Pia's; "sign out everywhere else" ends it.
    await admin.evaluate(
      (m) => window.api['auth:login']({ identifier: m.username, password: m.password }),
      MEMBER,
    );
    await page.reload();
    await (await visible(page.getByRole('button', { name: 'Your profile' }))).click();
    const sessions = await visible(page.getByRole('table', { name: 'Open sessions' }));
    await expect.poll(() => sessions.getByRole('row').count()).toBe(3);
    await expectAxeClean(page);
    await shots(w, page, 'profile');

    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await visible(page.getByText('Your other sessions were signed out.'));
    await expect.poll(() => sessions.getByRole('row').count()).toBe(2);
    const after = await admin.evaluate(() => window.api['profile:get']({}));
    expect(after).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('an admin enters the SMS provider, sends a test code, and verifies the audit chain', async () => {
    const admin = w.admin.page;
    await admin.evaluate(
      (a) => window.api['auth:login']({ identifier: a.username, password: a.password }),
      ADMIN,
    );
    await admin.reload();
    await (await visible(admin.getByRole('button', { name: 'Settings' }))).click();
    const section = await visible(admin.getByRole('region', { name: 'Text messages (SMS)' }));
    await visible(section.getByText('Not configured'));
    await section.getByLabel('Provider address').fill(sms.url);
    await section.getByLabel('API key ID').fill(sms.devKey);
    await section.getByLabel('API key secret').fill(sms.devSecret);
    await section.getByLabel('Template ID').fill(sms.templateId);
    await section.getByRole('button', { name: 'Save SMS settings' }).click();
    await visible(section.getByText('Configured', { exact: true }));
    await section.getByLabel('Test phone number').fill('07700 900456');
    await section.getByRole('button', { name: 'Send test code' }).click();
    await visible(admin.getByText('Test code sent.'));
    expect(sms.sent.map((s) => s.to)).toEqual(['+447700900456']);
    // Neither the URL nor the secret is on the page once saved.
    const text = await admin.evaluate(() => document.body.innerText);
    expect(text).not.toContain(sms.devSecret);
    await section.scrollIntoViewIfNeeded();
    await expectAxeClean(admin);
    await shots(w, admin, 'settings-sms');

    await (await visible(admin.getByRole('button', { name: 'Staff' }))).click();
    await admin.getByRole('tab', { name: 'Audit log' }).click();
    await admin.getByRole('button', { name: 'Verify now' }).click();
    await visible(admin.getByRole('status').filter({ hasText: 'Verified just now' }));
    await expect
      .poll(() => admin.getByRole('status').filter({ hasText: 'Verified just now' }).innerText())
      .toMatch(/the chain is intact/);
    await expectAxeClean(admin);
    await shots(w, admin, 'audit-verify-now');
  });
});

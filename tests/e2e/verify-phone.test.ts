/**
 * Issue 9, section 4 in Chromium with a real core and a real SMS provider on loopback: a member
 * with a phone on their profile asks for a text, types the code the provider sent, and the phone
 * shows as verified. axe-core finds no critical or serious violation; screenshots at three sizes.
 */
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/core';
import { startSmsProviderServer, type SmsProviderServer } from '../helpers/sms-provider-server';
import { axeSerious, useTwoWindows, visible, type TwoWindows } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const MEMBER = {
  displayName: 'Phil Phone',
  username: 'phil',
  email: 'phil@shop.test',
  password: 'phil likes long passwords',
};
const PHONE = '+447700900123';

async function shots(w: TwoWindows, page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await w.h.screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('phone verification in the browser', () => {
  const w = useTwoWindows({ firstScreenshot: 170 });
  let sms: SmsProviderServer;
  beforeAll(async () => {
    sms = await startSmsProviderServer();
  });
  afterAll(async () => {
    await sms?.close();
  });

  it('the member texts a code to their phone, types it, and is verified', async () => {
    const admin = w.admin.page;
    await w.admin.open();
    await visible(admin.getByRole('heading', { name: 'Set up Kassa' }));
    await admin.evaluate((a) => window.api['setup:createAdmin'](a), ADMIN);
    const saved = await admin.evaluate(
      (s) =>
        window.api['sms:save']({
          baseUrl: s.url,
          keyId: s.devKey,
          keySecret: s.devSecret,
          templateId: s.templateId,
        }),
      { url: sms.url, devKey: sms.devKey, devSecret: sms.devSecret, templateId: sms.templateId },
    );
    expect(saved).toMatchObject({ ok: true });
    await w.member.open();
    const page = w.member.page;
    await page.evaluate((m) => window.api['auth:requestAccess'](m), MEMBER);
    const list = await admin.evaluate(() => window.api['staff:list']({ status: 'pending' }));
    const id = (list as { ok: true; data: { items: { id: number }[] } }).data.items[0]!.id;
    await admin.evaluate((i) => window.api['staff:approve']({ id: i }), id);
    await page.evaluate(
      (m) => window.api['auth:login']({ identifier: m.username, password: m.password }),
      MEMBER,
    );
    await page.evaluate((p) => window.api['profile:update']({ phone: p }), PHONE);
    await page.reload();
    await (await visible(page.getByRole('button', { name: 'Your profile' }))).click();
    await visible(page.getByText(PHONE));
    await page.getByRole('button', { name: 'Text me a code' }).click();
    const field = await visible(page.getByLabel('Code from the text message'));
    await expect.poll(() => sms.lastCodeTo(PHONE)).toMatch(/^\d{6}$/);
    expect(await axeSerious(page, ['.k-shell-main'])).toEqual([]);
    await shots(w, page, 'profile-phone-code');
    await field.fill(sms.lastCodeTo(PHONE)!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await visible(page.getByText('Your phone number is verified.'));
    await expect.poll(() => page.getByText(/^Verified /).count()).toBe(1);
    expect(await axeSerious(page, ['.k-shell-main'])).toEqual([]);
    await shots(w, page, 'profile-phone-verified');
  });
});

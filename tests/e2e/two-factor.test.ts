/**
 * Issue 9 section 1, end to end in Chromium: the admin (whose role requires 2FA by default) can
 * only enrol after set-up; the test reads the secret from the otpauth URI and computes codes with
 * otpauth, as an authenticator app would. Then: sign out, sign in with a code; a replayed code is
 * refused; a recovery code works once. axe finds nothing critical or serious on each screen, and
 * the enrolment and the code step are photographed at 1024×768, 1366×768 and 1920×1080.
 */
import type { Page } from 'playwright-core';
import { TOTP, URI } from 'otpauth';
import { ADMIN } from '../helpers/core';
import { axeSerious, startHarness, visible, type Harness, type KassaPage } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const STORE = {
  storeName: 'Corner Shop',
  storeAddress: '1 High Street',
  taxNumber: 'GB123456789',
  country: 'GB',
  currency: 'GBP',
  pricesIncludeTax: true,
  defaultTaxRateBps: 2000,
  timeZone: 'Europe/London',
  receiptFooter: 'Thank you',
  locale: 'en-GB',
};

describe('two-factor sign-in', () => {
  let h: Harness;
  let w: KassaPage;
  let uri = '';
  let recoveryCodes: string[] = [];
  const page = (): Page => w.page;
  const code = (steps = 0) =>
    (URI.parse(uri) as TOTP).generate({ timestamp: h.clock.now().getTime() + steps * 30_000 });

  beforeAll(async () => {
    h = await startHarness({ twoFactorPolicy: true, firstScreenshot: 70 });
    w = await h.newPage();
  });
  afterEach(() => w?.assertClean());
  afterAll(async () => {
    await h?.close();
  });

  async function noSeriousA11y(where: string) {
    const found = await axeSerious(page());
    if (found.length) console.info(where, JSON.stringify(found));
    expect(found, where).toEqual([]);
  }

  async function atEverySize(name: string) {
    for (const size of SIZES) {
      await page().setViewportSize(size);
      await h.screenshot(w, `${name}-${size.width}x${size.height}`);
    }
    await page().setViewportSize({ width: 1280, height: 800 });
  }

  async function signOut() {
    await page().evaluate(() => window.api['auth:logout']());
    await page().reload();
    await visible(page().getByRole('heading', { name: 'Sign in' }));
  }

  async function password() {
    await page().getByLabel('Username or email').fill(ADMIN.username);
    await page().getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page().keyboard.press('Enter');
    await visible(page().getByRole('heading', { name: 'Two-factor sign-in' }));
  }

  async function enterCode(value: string, label = 'Authenticator code') {
    const field = await visible(page().getByLabel(label));
    await field.fill(value);
    await page().keyboard.press('Enter');
  }

  it('1. the admin can only enrol, reads the secret from the otpauth URI and turns 2FA on', async () => {
    await w.open();
    await visible(page().getByRole('heading', { name: 'Set up Kassa' }));
    await page().evaluate((a) => window.api['setup:createAdmin'](a), ADMIN);
    await page().reload();
    await visible(page().getByRole('heading', { name: 'Set up two-factor sign-in' }));
    await visible(page().getByRole('img', { name: 'QR code for your authenticator app' }));
    expect(await page().getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    const refused = await page().evaluate(() => window.api['staff:list']({}));
    expect(refused).toMatchObject({ ok: false, error: { code: 'TWO_FACTOR_ENROLMENT_REQUIRED' } });

    uri = ((await page().getByTestId('totp-uri').textContent()) ?? '').trim();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Kassa:ada/);
    const secret = new URL(uri).searchParams.get('secret')!;
    const grouped = ((await page().getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(grouped.replace(/ /g, '')).toBe(secret);
    await noSeriousA11y('enrolment');
    await atEverySize('two-factor-enrol');

    await enterCode(code(), 'Code from the app');
    const list = await visible(page().getByRole('list', { name: 'Recovery codes' }));
    recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await noSeriousA11y('recovery codes');
    await h.screenshot(w, 'two-factor-recovery-codes');
    await page().getByRole('button', { name: 'I have saved them' }).click();
    // The store's details, then the app.
    await page().evaluate((s) => window.api['settings:setUpStore'](s), STORE);
    await page().reload();
    await visible(page().getByRole('navigation', { name: 'Main' }));
  });

  it('2. signs out, and signs in with the password and a code', async () => {
    await signOut();
    await password();
    expect(await page().evaluate(() => window.api['auth:session']())).toEqual({
      ok: true,
      data: { session: null },
    });
    await noSeriousA11y('code step');
    await atEverySize('two-factor-code-step');
    h.clock.advance(30_000);
    await enterCode(code());
    await visible(page().getByRole('navigation', { name: 'Main' }));
  });

  it('3. a replayed code is refused', async () => {
    const used = code();
    await signOut();
    await password();
    await enterCode(used);
    await visible(page().getByRole('alert').filter({ hasText: 'already used' }));
    expect(await page().getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await noSeriousA11y('code step with an error');
    await h.screenshot(w, 'two-factor-replayed');
  });

  it('4. a recovery code works once', async () => {
    await page().getByRole('button', { name: 'Use a recovery code instead' }).click();
    await enterCode(recoveryCodes[0]!, 'Recovery code');
    await visible(page().getByRole('navigation', { name: 'Main' }));

    await signOut();
    await password();
    await page().getByRole('button', { name: 'Use a recovery code instead' }).click();
    await enterCode(recoveryCodes[0]!, 'Recovery code');
    await visible(page().getByRole('alert').filter({ hasText: 'not right' }));
    await enterCode(recoveryCodes[1]!, 'Recovery code');
    await visible(page().getByRole('navigation', { name: 'Main' }));
  });
});

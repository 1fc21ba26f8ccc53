/**
 * Issue 9, end-to-end 8: a member sets a PIN on their profile, the till locks, and the PIN unlocks
 * it; then a quick switch between two members who signed in with their passwords on this till.
 * Chromium with the built renderer and a real core; axe and screenshots at three sizes.
 */
import { ADMIN, MEMBER } from '../helpers/core';
import { axeSerious, useTwoWindows, visible } from './harness';

const ADA_PIN = '2580';
const CARL_PIN = '73914';

describe('till PIN and quick switch', () => {
  const w = useTwoWindows({ firstScreenshot: 96 });
  const sizes = [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ] as const;
  async function shots(name: string) {
    const page = w.admin.page;
    for (const [width, height] of sizes) {
      await page.setViewportSize({ width, height });
      await w.h.screenshot(w.admin, `${name}-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  it('the member sets a PIN on their profile', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await page.evaluate((a) => window.api['setup:createAdmin'](a), ADMIN);
    // Carl asks for access and is approved now, while Ada's password is fresh (S3).
    await page.evaluate((m) => window.api['auth:requestAccess'](m), MEMBER);
    await page.reload();
    const pending = await page.evaluate(() =>
      window.api['staff:list']({ status: 'pending', limit: 10, offset: 0 }),
    );
    if (!pending.ok) throw new Error('no pending list');
    await page.evaluate((id) => window.api['staff:approve']({ id }), pending.data.items[0]!.id);

    await page.getByRole('button', { name: 'Your profile' }).click();
    const form = await visible(page.getByRole('form', { name: 'Till PIN' }));
    await form.getByLabel('New PIN').fill(ADA_PIN);
    await form.getByLabel('Repeat the PIN').fill(ADA_PIN);
    await form.getByLabel('Your password').fill(ADMIN.password);
    await form.getByRole('button', { name: 'Set PIN' }).click();
    await visible(page.getByText('PIN set', { exact: true }));
    expect(await axeSerious(page)).toEqual([]);
    await shots('profile-pin');
  });

  it('the till locks and the PIN unlocks it', async () => {
    const page = w.admin.page;
    await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
    await visible(page.getByRole('heading', { name: 'Till locked' }));
    await page.getByRole('button', { name: 'Unlock with PIN' }).click();
    const field = await visible(page.getByLabel('PIN', { exact: true }));
    expect(await axeSerious(page)).toEqual([]);
    await shots('lock-pin');
    await field.fill('9999');
    await page.keyboard.press('Enter');
    await visible(page.getByText(/That PIN is not right/));
    await page.getByLabel('PIN', { exact: true }).fill(ADA_PIN);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('navigation', { name: 'Main' }));
    // A PIN is not a re-authentication (S3): a sensitive action asks for the password.
    const create = await page.evaluate(() =>
      window.api['staff:create']({
        username: 'newbie',
        email: 'newbie@shop.test',
        displayName: 'New Bie',
        role: 'cashier',
        approve: true,
      }),
    );
    expect(create).toMatchObject({ ok: false, error: { code: 'REAUTH_REQUIRED' } });
  });

  it('two members switch the till with their PINs', async () => {
    const page = w.admin.page;
    // Carl takes the till with his password and sets his PIN.
    await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Sign in as someone else' }).click();
    await page.getByLabel('Username or email').fill(MEMBER.username);
    await page.getByLabel('Password', { exact: true }).fill(MEMBER.password);
    await page.keyboard.press('Enter');
    await visible(page.getByText(MEMBER.displayName, { exact: true }));
    const set = await page.evaluate(
      ([password, pin]) => window.api['pin:set']({ password: password!, pin: pin! }),
      [MEMBER.password, CARL_PIN],
    );
    expect(set.ok).toBe(true);

    // Ada takes it back with her PIN.
    await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Switch user' }).click();
    const who = await visible(page.getByRole('radiogroup', { name: 'Who takes the till?' }));
    await who.getByRole('radio', { name: `${ADMIN.displayName} (${ADMIN.username})` }).check();
    await visible(page.getByLabel(`PIN of ${ADMIN.displayName}`));
    expect(await axeSerious(page)).toEqual([]);
    await shots('switch-user');
    await page.getByLabel(`PIN of ${ADMIN.displayName}`).fill(ADA_PIN);
    await page.keyboard.press('Enter');
    await visible(
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Staff/ }),
    );
    await visible(page.getByText(ADMIN.displayName, { exact: true }));

    // And Carl back again, the same way.
    await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page
      .getByRole('radiogroup', { name: 'Who takes the till?' })
      .getByRole('radio', { name: `${MEMBER.displayName} (${MEMBER.username})` })
      .check();
    await page.getByLabel(`PIN of ${MEMBER.displayName}`).fill(CARL_PIN);
    await page.keyboard.press('Enter');
    await visible(page.getByText(MEMBER.displayName, { exact: true }));
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: /Staff/ })
        .count(),
    ).toBe(0);
  });
});

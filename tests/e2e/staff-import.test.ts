/**
 * Issue 9, end-to-end 10: an admin imports two staff with bcrypt hashes made by another system
 * (python3-bcrypt), through Staff → Import staff in Chromium with a real core; one of them then
 * signs in with the old password, and their hash is stored again in Kassa's own scheme (A1).
 */
import Database from 'better-sqlite3';
import { ADMIN, TEST_PASSWORD_COST } from '../helpers/core';
import { foreignBcrypt } from '../helpers/foreign-bcrypt';
import { axeSerious, screenshotsAtShopSizes, settled, useTwoWindows, visible } from './harness';

const BEA = { username: 'bea', password: 'bea old till pass 1' };
const CEM = { username: 'cem', password: 'cem old till pass 2' };

describe('staff from another system', () => {
  const w = useTwoWindows({ firstScreenshot: 93 });
  let csv = '';

  beforeAll(() => {
    const [bea, cem] = foreignBcrypt([
      { password: BEA.password, cost: 10, variant: '2b' },
      { password: CEM.password, cost: 10, variant: '2y' },
    ]);
    csv =
      'username,email,display_name,role,password_hash\n' +
      `bea,bea@shop.test,Bea Brandt,cashier,${bea}\n` +
      `cem,cem@shop.test,Cem Yilmaz,Manager,${cem}\n`;
  });

  it('an admin checks the file, then imports both members', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    await page.evaluate((a) => window.api['setup:createAdmin'](a), ADMIN);
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Staff/ })
      .click();
    await page.getByRole('button', { name: 'Import staff' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Import staff' }));
    await settled(dialog);
    await dialog.getByLabel('CSV file').setInputFiles({
      name: 'staff.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await visible(dialog.getByLabel('Accepted: 2'));
    const axe = await axeSerious(page, ['[role="dialog"]']);
    expect(axe, JSON.stringify(axe)).toEqual([]);
    await screenshotsAtShopSizes(w.h, w.admin, 'staff-import');
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await visible(dialog.getByLabel('Imported: 2'));
    await visible(dialog.getByText(/2 members keep the password/));
    expect(await axeSerious(page, ['[role="dialog"]'])).toEqual([]);
    await w.h.screenshot(w.admin, 'staff-import-done');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    const table = await visible(page.getByRole('table', { name: 'Staff members' }));
    await visible(table.getByRole('row').filter({ hasText: 'Cem Yilmaz' }));
  });

  it('an imported member signs in with the old password; the hash becomes Kassa’s', async () => {
    const page = w.member.page;
    await w.member.open();
    await visible(page.getByRole('heading', { name: 'Sign in' }));
    await page.getByLabel('Username or email').fill(CEM.username);
    await page.getByLabel('Password', { exact: true }).fill(CEM.password);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('navigation', { name: 'Main' }));
    await visible(page.getByText('Cem Yilmaz', { exact: true }));
    const db = new Database(w.h.dbPath, { readonly: true });
    try {
      const row = db
        .prepare('SELECT password_hash AS h FROM staff WHERE username = ?')
        .get(CEM.username) as { h: string };
      // Kassa's scheme at the harness core's cost (tests/core/staff-import.test.ts checks the
      // same upgrade at the app's cost, ≥ 12).
      const cost = String(TEST_PASSWORD_COST).padStart(2, '0');
      expect(row.h).toMatch(new RegExp(`^sha256-bcrypt:\\$2b\\$${cost}\\$`));
      const other = db
        .prepare('SELECT password_hash AS h FROM staff WHERE username = ?')
        .get(BEA.username) as { h: string };
      expect(other.h).toMatch(/^bcrypt-legacy:\$2b\$10\$/);
    } finally {
      db.close();
    }
  });
});

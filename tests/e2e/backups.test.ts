/**
 * Issue 10, section 5 in Chromium with a real core: Settings → Backups makes a backup, a restore
 * from it (through the dialog) restarts the core on the restored file behind the same window.api
 * bridge, the admin signs in again and the sales of the backup are there, the later ones set
 * aside in the pre-restore backup. axe-core finds no critical or serious violation on the section
 * or the dialog; screenshots at the three shop sizes.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, writableFile } from '../helpers/core';
import { insertProducts } from '../helpers/retail';
import { backUpNow, setUpTill, signInThroughScreen } from './checkout-helpers';
import { axeSerious, gone, useTwoWindows, visible, type TwoWindows } from './harness';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

async function shots(w: TwoWindows, page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await w.h.screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

function salesIn(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('backups and restore in the browser', () => {
  // The shell's folder dialog: the admin "picks" a USB stick.
  const usb = join(tmpdir(), `kassa-e2e-usb-${process.pid}`);
  const w = useTwoWindows({ firstScreenshot: 200, folderDialog: async () => usb });

  async function sell(page: Page, productId: number) {
    const r = await page.evaluate((input) => window.api['sales:checkout'](input), {
      id: randomUUID(),
      lines: [{ productId, quantity: 1 }],
      tenders: [{ type: 'card' as const, amount: 250 }],
    });
    expect(r.ok).toBe(true);
  }

  it('makes a backup in Settings, restores it, and the sales are still there', async () => {
    const page = w.admin.page;
    await w.admin.open();
    await setUpTill(page);
    const [tea] = insertProducts({ clock: w.h.clock, writable: () => writableFile(w.h.dbPath) }, [
      { sku: 'TEA', name: 'Tea', price: 250 },
    ]);
    for (let i = 0; i < 3; i++) await sell(page, tea!);
    await page.reload();
    await (await visible(page.getByRole('button', { name: 'Settings' }))).click();
    const section = await visible(page.getByRole('region', { name: 'Backups' }));
    await visible(section.getByText('No backup yet'));

    // The second folder is picked in the folder dialog, not typed.
    await section.getByRole('button', { name: 'Choose…' }).click();
    await expect.poll(() => section.getByLabel('Second folder').inputValue()).toBe(usb);

    await backUpNow(section);
    const restoreButton = await visible(
      section.getByRole('button', { name: /^Restore the backup of/ }),
    );
    expect(await axeSerious(page, ['.k-shell-main'])).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await shots(w, page, 'backups-settings');

    // Two more sales after the backup: the restore sets them aside.
    for (let i = 0; i < 2; i++) await sell(page, tea!);
    expect(salesIn(w.h.dbPath)).toBe(5);

    await restoreButton.click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Restore this backup?' }));
    await visible(dialog.getByText(/3 sales/));
    expect(await axeSerious(page, ['[role="dialog"]'])).toEqual([]);
    await shots(w, page, 'backups-restore');
    await dialog.getByRole('button', { name: 'Restore' }).click();

    // The core restarted on the restored file: every window signs in again.
    await visible(page.getByRole('heading', { name: 'Sign in' }), 30_000);
    await gone(page.getByRole('dialog', { name: 'Restore this backup?' }));
    expect(salesIn(w.h.dbPath)).toBe(3);
    await signInThroughScreen(page, ADMIN);
    await (await visible(page.getByRole('button', { name: 'Settings' }))).click();
    const after = await visible(page.getByRole('region', { name: 'Backups' }));
    // The backup restored and the one made of the database before it.
    await visible(after.getByText('Before a restore'));
    await sell(page, tea!);
    expect(salesIn(w.h.dbPath)).toBe(4);
  });
});

/**
 * Issue 10, section 3 in Chromium with a real core: the cashier e-mails the receipt from the
 * receipt screen, sale after sale; the PDF (drawn by Chromium from the print route, the harness's
 * ReceiptPdfMaker) arrives at the local SMTP server, and `pdftotext -layout` reads its lines and
 * totals. A business customer's sale goes out as an A4 invoice. A typed address is checked, a mail
 * server that is down gives a clear error. axe finds nothing serious; screenshots of the receipt
 * screen, and of the PDFs themselves (pdftoppm), are saved for a look.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { SaleDetail } from '../../shared/contract';
import { closedPort, useSmtpServer } from '../helpers/smtp-server';
import {
  asAdmin,
  cashierWindow,
  emptyTillCart,
  PRODUCTS,
  scan,
  startShop,
} from './checkout-helpers';
import { tempDir } from '../helpers/core';
import { axeSerious, gone, SCREENSHOT_DIR, visible, type Harness } from './harness';

const [MUG, TOWEL, LANTERN] = PRODUCTS as [
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
  (typeof PRODUCTS)[0],
];
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const smtp = useSmtpServer();
let h: Harness;
let work: string;

beforeAll(async () => {
  h = await startShop();
  work = tempDir('kassa-pdf-');
  await asAdmin(h, 'settings:update', {
    storeAddress: '12 Market Row\nYork YO1 7LX',
    taxNumber: 'GB123456789',
  });
}, 120_000);
afterEach(async () => {
  for (const p of h.pages) p.assertClean();
  await emptyTillCart(h);
});
afterAll(async () => {
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

async function mailTo(port: number) {
  await asAdmin(h, 'mail:updateSettings', {
    host: '127.0.0.1',
    port,
    tls: 'none',
    user: '',
    from: 'till@corner.test',
  });
}

/** Writes `pdf` and returns `pdftotext -layout`'s text and the path. */
function readPdf(pdf: Buffer, name: string): { text: string; file: string } {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), file };
}

/** The PDF's first page as a PNG in test-results/screenshots (to look at). */
function pdfScreenshot(file: string, name: string): string {
  const prefix = path.join(work, name);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', file, prefix]);
  const out = path.join(SCREENSHOT_DIR, `pdf-${name}.png`);
  const made = readdirSync(work).find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  copyFileSync(path.join(work, made!), out);
  return out;
}

async function payWithFiftyNote(page: Page) {
  await page.keyboard.press('F12');
  const dialog = await visible(page.getByRole('dialog', { name: 'Take payment' }));
  await dialog.getByRole('button', { name: '£50 in cash' }).click();
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await gone(page.getByRole('dialog', { name: 'Take payment' }));
  await visible(page.getByRole('region', { name: 'Receipt' }));
}

describe('e-mail receipts from the receipt screen', () => {
  it('sends three sales in a row as PDFs the customer can read; a bad address is refused', async () => {
    await mailTo(smtp.port);
    const w = await cashierWindow(h);
    const page = w.page;
    const baskets = [[MUG], [MUG, TOWEL], [TOWEL, LANTERN, MUG]];
    for (const [i, basket] of baskets.entries()) {
      for (const p of basket) await scan(page, p.barcode, 2);
      await payWithFiftyNote(page);
      await page.getByRole('button', { name: 'E-mail receipt' }).click();
      const form = page.getByRole('form', { name: 'E-mail receipt' });
      const field = form.getByLabel('E-mail address');
      if (i === 0) {
        await field.fill('not-an-address');
        await form.getByRole('button', { name: 'Send' }).click();
        await visible(form.getByText('Enter a valid e-mail address.'));
        expect(smtp.messages).toHaveLength(0);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await h.screenshot(w, `receipt-email-${size.width}x${size.height}`);
        }
        expect(await axeSerious(page, ['form.k-email-receipt'])).toEqual([]);
      }
      await field.fill(`shopper${i}@example.com`);
      await form.getByRole('button', { name: 'Send' }).click();
      await visible(page.getByText(`Receipt sent to shopper${i}@example.com.`));
      const mail = await smtp.waitFor(i + 1, 20_000);
      expect(mail.to).toEqual([`shopper${i}@example.com`]);
      const total = basket.reduce((s, p) => s + p.price, 0);
      const gbpTotal = `£${(total / 100).toFixed(2)}`;
      expect(mail.text).toContain(`Total: ${gbpTotal}`);
      expect(mail.text).toContain('Corner Shop');
      const attachment = mail.parsed.attachments[0]!;
      expect(attachment.contentType).toBe('application/pdf');
      const { text, file } = readPdf(attachment.content, `receipt-${i}`);
      for (const p of basket) expect(text).toContain(p.name);
      expect(text).toMatch(new RegExp(`Total\\s+${gbpTotal.replace('.', '\\.')}`));
      expect(text).toMatch(/Change due\s+£/);
      expect(text).toContain('12 Market Row');
      if (i === 2) pdfScreenshot(file, 'receipt-80mm');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'New sale' }).click();
    }
  }, 180_000);

  it('a mail server that is down: the screen says so, the sale is unchanged', async () => {
    await mailTo(await closedPort());
    const w = await cashierWindow(h);
    const page = w.page;
    await scan(page, MUG.barcode, 0);
    await payWithFiftyNote(page);
    const before = await asAdmin<{ items: SaleDetail[] }>(h, 'sales:list', { limit: 1 });
    await page.getByRole('button', { name: 'E-mail receipt' }).click();
    const form = page.getByRole('form', { name: 'E-mail receipt' });
    await form.getByLabel('E-mail address').fill('someone@example.com');
    await form.getByRole('button', { name: 'Send' }).click();
    await visible(form.getByText(/could not be sent/));
    expect(await asAdmin(h, 'sales:list', { limit: 1 })).toEqual(before);
    expect(await axeSerious(page, ['form.k-email-receipt'])).toEqual([]);
    await mailTo(smtp.port);
  }, 60_000);
});

describe('the A4 invoice of a business customer', () => {
  it('carries both VAT numbers, the billing address, the lines and the totals', async () => {
    await mailTo(smtp.port);
    const customer = await asAdmin<{ id: number }>(h, 'customers:create', {
      name: 'Ada Byron',
      email: 'ap@analytical.example',
      companyName: 'Analytical Engines Ltd',
      vatNumber: 'GB555000111',
      billingAddress: '3 Engine Yard, London N1 9AA',
    });
    const sale = await asAdmin<SaleDetail>(h, 'sales:checkout', {
      id: crypto.randomUUID(),
      customerId: customer.id,
      lines: [
        { productId: await productId(MUG.sku), quantity: 10 },
        { productId: await productId(LANTERN.sku), quantity: 2 },
      ],
      tenders: [{ type: 'card', amount: 10 * MUG.price + 2 * LANTERN.price }],
    });
    const sent = smtp.messages.length;
    expect(await asAdmin(h, 'receipts:email', { saleId: sale.id })).toMatchObject({
      to: 'ap@analytical.example',
      layout: 'invoiceA4',
    });
    const mail = await smtp.waitFor(sent + 1, 20_000);
    const { text, file } = readPdf(mail.parsed.attachments[0]!.content, 'invoice');
    for (const s of [
      'Invoice',
      'Analytical Engines Ltd',
      'Customer VAT no. GB555000111',
      'VAT no. GB123456789',
      '3 Engine Yard',
      `e2e-till-${sale.receiptNo}`,
      MUG.name,
      LANTERN.name,
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/10\s+£4\.50\s+£45\.00/);
    expect(text).toMatch(/Total\s+£70\.98/);
    pdfScreenshot(file, 'invoice-a4');
  }, 60_000);
});

async function productId(sku: string): Promise<number> {
  const r = await asAdmin<{ items: Array<{ id: number; sku: string }> }>(h, 'products:list', {
    search: sku,
  });
  return r.items.find((p) => p.sku === sku)!.id;
}

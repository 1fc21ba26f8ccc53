/**
 * Issue 10, section 3: e-mail receipts. A sale's PDF is drawn by Chromium from the renderer's
 * print route (tests/helpers/receipt-pdf.ts, the port the shell fills with printToPDF) and sent
 * through the SMTP settings to a real SMTP server on loopback; mailparser reads the attachment
 * and `pdftotext -layout` reads the PDF. A server that is down gives a clear error, the sale
 * stays as it was, and every attempt is audited.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCount, makeTestCore, resultCode, withAdmin, type TestCore } from '../helpers/core';
import { usePlaywrightPdfMaker } from '../helpers/pdf-browser';
import { pdfText } from '../helpers/receipt-pdf';
import { insertProducts, salesFootprint, sell } from '../helpers/retail';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const pdfMaker = usePlaywrightPdfMaker();
let t: TestCore;
let smtp: TestSmtpServer;
let tea: number;
let cake: number;

beforeEach(async () => {
  t = await makeTestCore({ receiptPdf: pdfMaker });
  await withAdmin(t);
  await t.must('settings:update', {
    storeName: 'Corner Deli',
    storeAddress: '1 High Street\nLeeds',
    taxNumber: 'GB123456789',
  });
  [tea, cake] = insertProducts(t, [
    { sku: 'TEA', name: 'Earl Grey tea', price: 350 },
    { sku: 'CAKE', name: 'Carrot cake', price: 425 },
  ]) as [number, number];
  smtp = await startSmtpServer();
  await t.must('mail:updateSettings', {
    host: smtp.host,
    port: smtp.port,
    tls: 'none',
    user: '',
    from: 'till@deli.test',
  });
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

/** The PDF's text as `pdftotext -layout` reads it. */
function textOf(pdf: Buffer): string {
  const file = join(t.dir, `r-${Date.now()}-${Math.random()}.pdf`);
  writeFileSync(file, pdf);
  return pdfText(file);
}

/** The only attachment of `mail`, as bytes, with its name and type. */
function attachmentOf(mail: { parsed: import('mailparser').ParsedMail }) {
  expect(mail.parsed.attachments).toHaveLength(1);
  const a = mail.parsed.attachments[0]!;
  return { name: a.filename, type: a.contentType, bytes: a.content };
}

describe('e-mailing a receipt', () => {
  it('sends each of five sales in a row as an 80 mm receipt PDF to the typed address', async () => {
    const sent: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const sale = await sell(
        t,
        [
          { productId: tea, quantity: i },
          { productId: cake, quantity: 1 },
        ],
        [{ type: 'card', amount: 350 * i + 425 }],
      );
      const out = await t.must('receipts:email', { saleId: sale.id, to: `Buyer${i}@Mail.test` });
      expect(out).toMatchObject({ to: `buyer${i}@mail.test`, layout: 'receipt80' });
      sent.push(sale.receiptNo);
      const mail = await smtp.waitFor(i, 15_000);
      expect(mail.to).toEqual([`buyer${i}@mail.test`]);
      expect(mail.subject).toBe(`Corner Deli: your receipt no. ${sale.receiptNo}`);
      const total = `£${((350 * i + 425) / 100).toFixed(2)}`;
      expect(mail.text).toContain(`Total: ${total}`);
      expect(mail.text).toContain('Thank you');
      const pdf = attachmentOf(mail);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.name).toBe(`receipt-till-1-${sale.receiptNo}.pdf`);
      const text = textOf(pdf.bytes);
      expect(text).toContain('Corner Deli');
      expect(text).toContain('GB123456789');
      expect(text).toContain(`Receipt #${sale.receiptNo}`);
      expect(text).toMatch(new RegExp(`Earl Grey tea[\\s\\S]*${i} × £3\\.50`));
      expect(text).toMatch(new RegExp(`Total\\s+${total.replace('.', '\\.')}`));
    }
    expect(new Set(sent).size).toBe(5);
    expect(auditCount(t, 'receipt.email', 'success')).toBe(5);
  }, 90_000);

  it("sends an A4 invoice to a business customer's own address", async () => {
    const company = await t.must('customers:create', {
      name: 'Grace Hopper',
      email: 'accounts@cobol.test',
      companyName: 'Cobol Ltd',
      vatNumber: 'GB987654321',
      billingAddress: '9 Mill Lane, York',
    });
    const sale = await sell(
      t,
      [{ productId: cake, quantity: 12 }],
      [{ type: 'card', amount: 5100 }],
      { customerId: company.id },
    );
    const out = await t.must('receipts:email', { saleId: sale.id });
    expect(out).toMatchObject({ to: 'accounts@cobol.test', layout: 'invoiceA4' });
    const mail = await smtp.waitFor(1, 15_000);
    expect(mail.subject).toBe(`Corner Deli: your invoice no. ${sale.receiptNo}`);
    const pdf = attachmentOf(mail);
    expect(pdf.name).toBe(`invoice-till-1-${sale.receiptNo}.pdf`);
    const text = textOf(pdf.bytes);
    for (const expected of [
      'Invoice',
      'Cobol Ltd',
      'GB987654321',
      '9 Mill Lane',
      'GB123456789',
      `till-1-${sale.receiptNo}`,
      'Carrot cake',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/12\s+£4\.25\s+£51\.00/);
    expect(text).toMatch(/VAT included\s+£8\.50/);
    expect(text).toMatch(/Total\s+£51\.00/);
  }, 60_000);

  it('refuses without an address, and with one that is not an e-mail; nothing is sent', async () => {
    const sale = await sell(t, [{ productId: tea, quantity: 1 }], [{ type: 'cash', amount: 350 }]);
    const none = await t.call('receipts:email', { saleId: sale.id });
    expect(resultCode(none)).toBe('VALIDATION_FAILED');
    expect(!none.ok && none.error.issues?.[0]?.path).toBe('to');
    expect(
      resultCode(await t.call('receipts:email', { saleId: sale.id, to: 'not an email' })),
    ).toBe('VALIDATION_FAILED');
    expect(resultCode(await t.call('receipts:email', { saleId: 999_999, to: 'a@b.test' }))).toBe(
      'NOT_FOUND',
    );
    expect(smtp.messages).toHaveLength(0);
    expect(auditCount(t, 'receipt.email')).toBe(0);
  });

  it('a mail server that is down: MAIL_SEND_FAILED, the sale unchanged, the failure audited', async () => {
    const sale = await sell(t, [{ productId: tea, quantity: 2 }], [{ type: 'card', amount: 700 }]);
    await t.must('mail:updateSettings', {
      host: '127.0.0.1',
      port: await closedPort(),
      tls: 'none',
      user: '',
      from: 'till@deli.test',
    });
    const before = {
      footprint: salesFootprint(t),
      sale: await t.must('sales:get', { id: sale.id }),
    };
    const r = await t.call('receipts:email', { saleId: sale.id, to: 'buyer@mail.test' });
    expect(resultCode(r)).toBe('MAIL_SEND_FAILED');
    expect(!r.ok && r.error.message).toMatch(/could not be reached/);
    expect(salesFootprint(t)).toEqual(before.footprint);
    expect(await t.must('sales:get', { id: sale.id })).toEqual(before.sale);
    expect(auditCount(t, 'receipt.email', 'failure')).toBe(1);
  });

  it('without e-mail set up: MAIL_NOT_CONFIGURED and no attempt', async () => {
    await t.must('mail:removeSettings');
    const sale = await sell(t, [{ productId: tea, quantity: 1 }], [{ type: 'card', amount: 350 }]);
    expect(resultCode(await t.call('receipts:email', { saleId: sale.id, to: 'a@b.test' }))).toBe(
      'MAIL_NOT_CONFIGURED',
    );
    expect(auditCount(t, 'receipt.email')).toBe(0);
  });
});

describe('without a browser engine', () => {
  it('answers RECEIPT_PDF_FAILED, sends nothing and audits the failure', async () => {
    const bare = await makeTestCore();
    try {
      await withAdmin(bare);
      await bare.must('mail:updateSettings', {
        host: smtp.host,
        port: smtp.port,
        tls: 'none',
        user: '',
        from: 'till@deli.test',
      });
      const [p] = insertProducts(bare, [{ sku: 'X', name: 'X', price: 100 }]) as [number];
      const sale = await sell(
        bare,
        [{ productId: p, quantity: 1 }],
        [{ type: 'card', amount: 100 }],
      );
      expect(
        resultCode(await bare.call('receipts:email', { saleId: sale.id, to: 'a@b.test' })),
      ).toBe('RECEIPT_PDF_FAILED');
      expect(smtp.messages).toHaveLength(0);
      expect(auditCount(bare, 'receipt.email', 'failure')).toBe(1);
    } finally {
      await bare.close();
    }
  });
});

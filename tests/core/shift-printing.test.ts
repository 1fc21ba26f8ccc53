/**
 * Issue 10, sections 1, 2 and 5 together: the shift's cash moves open the drawer through the
 * receipt printer, the Z report prints at the close (and again as a COPY on request), and each
 * close makes a backup. A real TCP printer on 127.0.0.1 captures the bytes; they are decoded and
 * checked against the Z report the close answered. Real SQLite files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZReport } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { ADMIN, resultCode } from '../helpers/core';
import { decodeEscPos } from '../helpers/escpos-decoder';
import { sell } from '../helpers/retail';
import { ADMIN_W, CASHIER_W, countOf, MANAGER_W, shiftShop, type Shop } from '../helpers/shifts';
import { TestPrinter } from '../helpers/test-printer';
import { ON_POSTGRES } from '../helpers/test-engine';

const gbp = (minor: number) => formatMoney(minor, 'GBP', 'en-GB').replace(/\u00a0/g, ' ');

/** The amount at the end of the first line starting with `label`. */
function amountOf(lines: string[], label: string): string | undefined {
  return lines
    .find((l) => l.trimStart().startsWith(label))
    ?.trim()
    .split(/\s{2,}/)
    .pop();
}

describe('a shift on the receipt printer', () => {
  let shop: Shop;
  let printer: TestPrinter;
  let z: ZReport;

  beforeAll(async () => {
    printer = await TestPrinter.start();
    shop = await shiftShop({ printing: { pollMs: 20, timeoutMs: 1_000 } });
  });
  afterAll(async () => {
    await shop.t.close();
    await printer.close();
  });

  it('kicks the drawer for the float and a no-sale, prints the Z report at the close, and backs up', async () => {
    const { t, products } = shop;
    await t.must('auth:reauthenticate', { password: ADMIN.password }, ADMIN_W);
    await t.must('printing:savePrinter', {
      name: 'Front desk',
      connection: { type: 'network', host: '127.0.0.1', port: printer.port },
      paperWidth: '80mm',
      codepage: 'cp858',
      autoPrint: true,
      cashDrawer: true,
      isDefault: true,
    });

    const opened = await t.must('shifts:open', { floatCount: countOf(10_000) }, CASHIER_W);
    let prints = await printer.waitForPrints(1);
    expect(decodeEscPos(prints[0]!)).toMatchObject({ kicks: 1, cuts: 0 });

    await t.must('shifts:noSale', { reason: 'change for the till next door' }, MANAGER_W);
    prints = await printer.waitForPrints(2);
    expect(decodeEscPos(prints[1]!)).toMatchObject({ kicks: 1, cuts: 0 });

    // Three sales in a row: two cash (receipt with a kick), one card (receipt, no kick).
    const tea = { productId: products.tea, quantity: 2 };
    await sell(t, [tea], [{ type: 'cash', amount: 1_000 }], {}, CASHIER_W);
    await sell(t, [tea], [{ type: 'card', amount: 500 }], {}, CASHIER_W);
    await sell(t, [tea], [{ type: 'cash', amount: 500 }], {}, CASHIER_W);
    prints = await printer.waitForPrints(5);
    expect(prints.slice(2).map((p) => decodeEscPos(p).kicks)).toEqual([1, 0, 1]);

    // The close: 50p short in cash; the Z report prints by itself.
    await t.must('auth:reauthenticate', { password: 'copper kettle whistles at dawn' }, CASHIER_W);
    z = await t.must(
      'shifts:close',
      {
        shiftId: opened.id,
        countedCash: countOf(10_000 + 1_000 - 50),
        countedOther: [{ type: 'card', amount: 500 }],
        note: 'fifty pence short',
      },
      CASHIER_W,
    );
    expect(z.overShort).toBe(-50);
    prints = await printer.waitForPrints(6);
    const printed = decodeEscPos(prints[5]!);
    const lines = printed.lines.map((l) => l.trim());
    expect(lines).toContain(`Z REPORT #${z.zNo}`);
    expect(lines).not.toContain('*** COPY ***');
    expect(amountOf(lines, 'Net')).toBe(gbp(z.net));
    expect(amountOf(lines, 'Expected cash')).toBe(gbp(z.expectedCash));
    expect(amountOf(lines, 'Over/short')).toBe(gbp(z.overShort));
    expect(amountOf(lines, 'Grand total')).toBe(gbp(z.grandTotal));
    // Nothing refunded, voided or paid out: £0.00, never "-£0.00".
    for (const none of ['Refunds (0)', 'Voids (0)', 'Paid out (0)'])
      expect(amountOf(lines, none)).toBe(gbp(0));
    // ASCII only: an en dash has no place in cp858 and printed as "?".
    expect(amountOf(lines, 'Receipts')).toBe(`#${z.firstReceiptNo} - #${z.lastReceiptNo}`);
    expect(printed.kicks).toBe(0);
    expect(printed.cuts).toBe(1);

    // ...and a backup of the closed shift follows (a till's own file; a server's backups are the
    // server's, docs/deployment.md).
    if (ON_POSTGRES) return;
    await expect
      .poll(async () => (await t.must('backups:list', {}, ADMIN_W)).map((b) => b.reason), {
        timeout: 10_000,
      })
      .toContain('shiftClose');
  });

  it('prints a Z report again marked COPY, and refuses an X report once the shift is closed', async () => {
    const { t } = shop;
    const before = printer.prints.length;
    await t.must('shifts:print', { zReportId: z.id }, ADMIN_W);
    const [copy] = (await printer.waitForPrints(before + 1)).slice(before);
    const lines = decodeEscPos(copy!).lines.map((l) => l.trim());
    expect(lines.filter((l) => l === '*** COPY ***')).toHaveLength(2);
    expect(amountOf(lines, 'Grand total')).toBe(gbp(z.grandTotal));

    expect(resultCode(await t.call('shifts:print', {}, ADMIN_W))).toBe('SHIFT_NOT_OPEN');
    expect(resultCode(await t.call('shifts:print', { zReportId: z.id + 99 }, ADMIN_W))).toBe(
      'NOT_FOUND',
    );
    // A cashier has no reports.view: the Z report is not theirs to reprint.
    expect(resultCode(await t.call('shifts:print', { zReportId: z.id }, CASHIER_W))).toBe(
      'FORBIDDEN',
    );
    expect(printer.prints.length).toBe(before + 1);
  });

  it('prints the X report of an open shift, and says so when no printer is set up', async () => {
    const { t } = shop;
    const before = printer.prints.length;
    await t.must('shifts:open', { floatCount: countOf(5_000) }, CASHIER_W);
    await printer.waitForPrints(before + 1); // the drawer, for the float
    await t.must('shifts:print', {}, MANAGER_W);
    const prints = await printer.waitForPrints(before + 2);
    const lines = decodeEscPos(prints.at(-1)!).lines.map((l) => l.trim());
    expect(lines).toContain('X REPORT');
    expect(amountOf(lines, 'Float')).toBe(gbp(5_000));

    const list = await t.must('printing:listPrinters', {}, ADMIN_W);
    await t.must('auth:reauthenticate', { password: ADMIN.password }, ADMIN_W);
    for (const p of list) await t.must('printing:deletePrinter', { id: p.id }, ADMIN_W);
    expect(resultCode(await t.call('shifts:print', {}, MANAGER_W))).toBe('PRINTER_NOT_CONFIGURED');
    // With no printer the drawer has nothing to open through; the no-sale is still recorded.
    const before2 = printer.prints.length;
    await t.must('shifts:noSale', { reason: 'no printer' }, MANAGER_W);
    expect(printer.prints.length).toBe(before2);
  });
});

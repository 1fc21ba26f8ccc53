/**
 * Issue 10, section 2: receipts to a network ESC/POS printer (a real TCP server on 127.0.0.1),
 * decoded back to text lines, cuts and drawer kicks, and checked against the sales; the queue's
 * failures, retries and restart; reprints marked COPY; the printer's character set.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, PrintJob, SaleDetail } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { columnsFor, escpos, pageFor } from '../../electron/core/printing/escpos';
import { layoutReceipt } from '../../electron/core/printing/layout-receipt';
import { layoutReport, type ReportDocument } from '../../electron/core/printing/layout-report';
import { printWords } from '../../electron/core/printing/print-words';
import { decodeEscPos } from '../helpers/escpos-decoder';
import {
  approvedMember,
  auditCount,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertProducts, sell } from '../helpers/retail';
import { countOf } from '../helpers/shifts';
import { networkPrinter, TestPrinter, type PrinterInput } from '../helpers/test-printer';

const FAST = { pollMs: 20, timeoutMs: 1_000 };
const gbp = (minor: number) => formatMoney(minor, 'GBP', 'en-GB').replace(/\u00a0/g, ' ');

/** Polls the queue until `done` holds (the worker runs in the background). */
async function queueUntil(t: TestCore, done: (jobs: PrintJob[], waiting: number) => boolean) {
  await expect
    .poll(
      async () => {
        const s = await t.must('printing:status');
        return done(s.jobs, s.waiting);
      },
      { timeout: 5_000, interval: 20 },
    )
    .toBe(true);
  return t.must('printing:status');
}

/** The amount at the end of the first line starting with `label`. */
function amountOf(lines: string[], label: string): string | undefined {
  const line = lines.find((l) => l.trimStart().startsWith(label));
  return line
    ?.slice(label.length)
    .trim()
    .split(/\s{2,}|\s(?=\S+$)/)
    .pop();
}

describe('receipts on a network printer', () => {
  let t: TestCore;
  let printer: TestPrinter;
  let ids: number[];

  beforeAll(async () => {
    printer = await TestPrinter.start();
    t = await makeTestCore({ printing: FAST });
    await withAdmin(t);
    ids = insertProducts(t, [
      { sku: 'TEA', name: 'Earl Grey tea 100 g', price: 450, taxRateBps: 2000 },
      { sku: 'MUG', name: 'Stoneware mug, blue glaze, hand made in Stoke', price: 1299 },
      { sku: 'BISC', name: 'Shortbread', price: 275, taxRateBps: 0 },
    ]);
    await t.must('printing:savePrinter', networkPrinter(printer.port));
  });
  afterAll(async () => {
    await t.close();
    await printer.close();
  });
  afterEach(async () => {
    await printer.setMode('up');
  });

  it('prints ten sales in a row (cash, card, mixed) with their lines and totals, and kicks the drawer on cash ones only', async () => {
    const before = printer.prints.length;
    const sales: SaleDetail[] = [];
    for (let i = 0; i < 10; i++) {
      const lines = [
        { productId: ids[0]!, quantity: 1 + (i % 3) },
        ...(i % 2 === 0 ? [{ productId: ids[1]!, quantity: 1 }] : []),
        ...(i % 4 === 1 ? [{ productId: ids[2]!, quantity: 2 }] : []),
      ];
      const quote = await t.must('sales:quote', { lines, customerId: null });
      const kind = (['cash', 'card', 'mixed'] as const)[i % 3]!;
      const tenders: ChannelInput<'sales:checkout'>['tenders'] =
        kind === 'cash'
          ? [{ type: 'cash', amount: quote.total + 500 }]
          : kind === 'card'
            ? [{ type: 'card', amount: quote.total }]
            : [
                { type: 'card', amount: quote.total - 300 },
                { type: 'cash', amount: 500 },
              ];
      sales.push(await sell(t, lines, tenders));
    }
    const prints = (await printer.waitForPrints(before + 10)).slice(before);
    for (const [i, sale] of sales.entries()) {
      const d = decodeEscPos(prints[i]!);
      const text = d.lines.map((l) => l.trim());
      expect(text).toContain(`Receipt #${sale.receiptNo} · till-1`);
      // Every line, in order, with its total; the printed line totals add up to the total.
      let at = 0;
      let sum = 0;
      for (const l of sale.lines) {
        const index = text.findIndex(
          (x, k) => k >= at && l.description.startsWith(x) && x.length > 5,
        );
        expect(index, l.description).toBeGreaterThanOrEqual(at);
        at = index + 1;
        const amount = text.slice(at).find((x) => x.startsWith(`${l.quantity} x `))!;
        expect(amount.endsWith(gbp(l.total))).toBe(true);
        sum += l.total;
      }
      expect(sum).toBe(sale.total);
      expect(amountOf(text, 'Total')).toBe(gbp(sale.total));
      expect(amountOf(text, 'Subtotal')).toBe(gbp(sale.subtotal));
      const change = sale.tenders.reduce((s, x) => s + (x.change ?? 0), 0);
      expect(amountOf(text, 'Change due')).toBe(gbp(change));
      for (const tender of sale.tenders)
        expect(
          text.some(
            (x) =>
              x.includes(tender.type === 'cash' ? 'Cash tendered' : 'Card') &&
              x.endsWith(gbp(tender.amount)),
          ),
        ).toBe(true);
      const cash = sale.tenders.some((x) => x.type === 'cash');
      expect(d.kicks, `sale ${i} ${sale.tenders.map((x) => x.type).join('+')}`).toBe(cash ? 1 : 0);
      expect(d.cuts).toBe(1);
      // The kick comes before the cut.
      expect(d.events).toEqual(cash ? ['kick', 'cut'] : ['cut']);
      expect(text.some((x) => x.includes('COPY'))).toBe(false);
    }
    const status = await queueUntil(t, (_jobs, waiting) => waiting === 0);
    expect(status.error).toBeNull();
  });

  it('a printer that is off fails the job and retries, the sale stands; back on, it prints', async () => {
    const before = printer.prints.length;
    await printer.setMode('down');
    const sale = await sell(
      t,
      [{ productId: ids[0]!, quantity: 1 }],
      [{ type: 'cash', amount: 1000 }],
    );
    // The sale is recorded and answered whatever the printer does.
    expect((await t.must('sales:get', { id: sale.id })).total).toBe(450);
    let status = await queueUntil(t, (jobs) => jobs[0]?.status === 'failed');
    expect(status.waiting).toBe(1);
    expect(status.jobs[0]).toMatchObject({ saleId: sale.id, attempts: 1, kind: 'receipt' });
    expect(status.error).toMatch(/refused the connection/);
    expect(status.jobs[0]!.nextRetryAt).toBe(
      new Date(t.clock.now().getTime() + 5_000).toISOString(),
    );
    // Not due yet: nothing happens. Then the backoff passes: a second try, still failing.
    await new Promise((r) => setTimeout(r, 100));
    expect((await t.must('printing:status')).jobs[0]!.attempts).toBe(1);
    t.clock.advance(5_000);
    status = await queueUntil(t, (jobs) => jobs[0]?.attempts === 2 && jobs[0].status === 'failed');
    expect(status.jobs[0]!.nextRetryAt).toBe(
      new Date(t.clock.now().getTime() + 10_000).toISOString(),
    );
    // A sale while the printer is off waits behind the first, in order.
    const second = await sell(
      t,
      [{ productId: ids[2]!, quantity: 1 }],
      [{ type: 'card', amount: 275 }],
    );
    status = await queueUntil(t, (_j, waiting) => waiting === 2);
    await printer.setMode('up');
    t.clock.advance(10_000);
    await queueUntil(t, (_j, waiting) => waiting === 0);
    const [first, next] = (await printer.waitForPrints(before + 2)).slice(before);
    expect(decodeEscPos(first!).lines.map((l) => l.trim())).toContain(
      `Receipt #${sale.receiptNo} · till-1`,
    );
    expect(decodeEscPos(next!).lines.map((l) => l.trim())).toContain(
      `Receipt #${second.receiptNo} · till-1`,
    );
    expect(decodeEscPos(next!).kicks).toBe(0);
  });

  it('a printer that answers and drops the connection fails the job; "Retry" sends it again at once', async () => {
    const before = printer.prints.length;
    await printer.setMode('drop');
    const sale = await sell(
      t,
      [{ productId: ids[2]!, quantity: 1 }],
      [{ type: 'card', amount: 275 }],
    );
    const status = await queueUntil(t, (jobs) => jobs[0]?.status === 'failed');
    expect(status.error).toMatch(/dropped the connection|closed the connection early/);
    await printer.setMode('up');
    const retried = await t.must('printing:retryJob', { id: status.jobs[0]!.id });
    expect(retried.status).toBe('failed');
    await queueUntil(t, (_j, waiting) => waiting === 0);
    const [print] = (await printer.waitForPrints(before + 1)).slice(before);
    expect(decodeEscPos(print!).lines.map((l) => l.trim())).toContain(
      `Receipt #${sale.receiptNo} · till-1`,
    );
    // A printed job cannot be "retried".
    expect(resultCode(await t.call('printing:retryJob', { id: status.jobs[0]!.id }))).toBe(
      'CONFLICT',
    );
    expect(resultCode(await t.call('printing:retryJob', { id: 999_999 }))).toBe('NOT_FOUND');
  });

  it('prints a copy marked COPY, without opening the drawer; audited', async () => {
    const before = printer.prints.length;
    const sale = await sell(
      t,
      [{ productId: ids[0]!, quantity: 2 }],
      [{ type: 'cash', amount: 900 }],
    );
    await printer.waitForPrints(before + 1);
    const job = await t.must('printing:reprintSale', { saleId: sale.id });
    expect(job).toMatchObject({
      kind: 'copy',
      saleId: sale.id,
      label: `till-1 #${sale.receiptNo}`,
    });
    const [original, copy] = (await printer.waitForPrints(before + 2)).slice(before);
    const o = decodeEscPos(original!);
    const c = decodeEscPos(copy!);
    const ct = c.lines.map((l) => l.trim()).filter(Boolean);
    expect(ct[0]).toBe('*** COPY ***');
    expect(ct.at(-1)).toBe('*** COPY ***');
    expect(c.kicks).toBe(0);
    expect(o.kicks).toBe(1);
    // Apart from the marks, the copy says what the original said.
    expect(ct.slice(1, -1)).toEqual(o.lines.map((l) => l.trim()).filter(Boolean));
    const audit = t
      .raw()
      .prepare("SELECT detail FROM audit_events WHERE action = 'printing.reprint' ORDER BY id DESC")
      .get() as { detail: string };
    expect(audit.detail).toBe(`copy of receipt till-1-${sale.receiptNo} on Front desk`);
    expect(resultCode(await t.call('printing:reprintSale', { saleId: 999_999 }))).toBe('NOT_FOUND');
  });

  it('a copy asked for the moment its sale is answered prints after the receipt, ten sales in a row', async () => {
    // The sale's receipt is queued after its commit, without the sale waiting for it; the copy
    // must still queue, and print, after it (CI stop 26: a copy printed first).
    const before = printer.prints.length;
    const sales: SaleDetail[] = [];
    for (let i = 0; i < 10; i++) {
      const sale = await sell(
        t,
        [{ productId: ids[2]!, quantity: 1 + i }],
        [{ type: 'card', amount: 275 * (1 + i) }],
      );
      await t.must('printing:reprintSale', { saleId: sale.id });
      sales.push(sale);
    }
    const prints = (await printer.waitForPrints(before + 20, 10_000)).slice(before);
    const heads = prints.map((bytes) => {
      const text = decodeEscPos(bytes).lines.map((l) => l.trim());
      const copy = text.includes('*** COPY ***') ? 'copy of ' : '';
      return `${copy}${text.find((l) => l.startsWith('Receipt #'))}`;
    });
    expect(heads).toEqual(
      sales.flatMap((s) => [
        `Receipt #${s.receiptNo} · till-1`,
        `copy of Receipt #${s.receiptNo} · till-1`,
      ]),
    );
  });

  it('cash refunds open the drawer, card refunds do not', async () => {
    const before = printer.prints.length;
    const sale = await sell(
      t,
      [{ productId: ids[0]!, quantity: 3 }],
      [{ type: 'card', amount: 1350 }],
    );
    const line = sale.lines[0]!.id;
    const refund = (tender: 'cash' | 'card') =>
      t.must('sales:refund', {
        saleId: sale.id,
        refundId: crypto.randomUUID(),
        lines: [{ lineId: line, quantity: 1 }],
        tender,
        reason: 'damaged',
      });
    const cash = await refund('cash');
    const card = await refund('card');
    const [p0, p1, p2] = (await printer.waitForPrints(before + 3)).slice(before);
    expect(decodeEscPos(p0!).kicks).toBe(0);
    const r1 = decodeEscPos(p1!);
    expect(r1.kicks).toBe(1);
    expect(r1.lines.map((l) => l.trim())).toContain(`REFUND #${cash.receiptNo} · till-1`);
    expect(r1.lines.map((l) => l.trim())).toContain(`Refund of receipt #${sale.receiptNo}`);
    expect(
      amountOf(
        r1.lines.map((l) => l.trim()),
        'Total',
      ),
    ).toBe(gbp(-450));
    expect(r1.lines.some((l) => l.includes('Change due'))).toBe(false);
    const r2 = decodeEscPos(p2!);
    expect(r2.kicks).toBe(0);
    expect(r2.lines.map((l) => l.trim())).toContain(`REFUND #${card.receiptNo} · till-1`);
  });

  it('prints the store name in the printer character set: "Café Zürich £"', async () => {
    await t.must('settings:update', { storeName: 'Café Zürich £' });
    for (const codepage of ['cp858', 'windows1252', 'auto'] as const) {
      const saved = await t.must('printing:savePrinter', {
        id: 1,
        ...networkPrinter(printer.port, { codepage }),
      });
      expect(saved.codepage).toBe(codepage);
      const before = printer.prints.length;
      await sell(t, [{ productId: ids[2]!, quantity: 1 }], [{ type: 'card', amount: 275 }]);
      const [bytes] = (await printer.waitForPrints(before + 1)).slice(before);
      const d = decodeEscPos(bytes!);
      expect(d.lines.map((l) => l.trim())).toContain('Café Zürich £');
      const raw = Buffer.from(bytes!);
      if (codepage === 'cp858') {
        expect(d.codepages).toEqual(['cp858']);
        // é, ü and £ are single bytes of CP858, not UTF-8.
        expect(raw.includes(Buffer.from([0x43, 0x61, 0x66, 0x82, 0x20, 0x5a, 0x81]))).toBe(true);
        expect(raw.includes(Buffer.from('é', 'utf8'))).toBe(false);
      }
      if (codepage === 'windows1252')
        expect(raw.includes(Buffer.from([0x43, 0x61, 0x66, 0xe9]))).toBe(true);
    }
  });

  it('a test page prints the printer settings and the character sample', async () => {
    const before = printer.prints.length;
    await t.must('printing:savePrinter', {
      id: 1,
      ...networkPrinter(printer.port, { codepage: 'cp858', paperWidth: '58mm' }),
    });
    const job = await t.must('printing:testPage', { id: 1 });
    expect(job.kind).toBe('test');
    const [bytes] = (await printer.waitForPrints(before + 1)).slice(before);
    const d = decodeEscPos(bytes!);
    const text = d.lines.map((l) => l.trim());
    expect(text).toContain('Café Zürich £ €');
    expect(text).toContain('Front desk');
    expect(Math.max(...d.lines.map((l) => l.length))).toBeLessThanOrEqual(32);
    expect(d.kicks).toBe(0);
    expect(d.cuts).toBe(1);
    expect(resultCode(await t.call('printing:testPage', { id: 999 }))).toBe('NOT_FOUND');
  });
});

describe('printer settings', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await makeTestCore({ printing: FAST });
    await withAdmin(t);
  });
  afterAll(() => t.close());

  it('refuses bad input and changes nothing', async () => {
    const bad: unknown[] = [
      networkPrinter(9100, { connection: { type: 'network', host: 'bad host', port: 9100 } }),
      networkPrinter(9100, { connection: { type: 'network', host: 'p.local', port: 70_000 } }),
      networkPrinter(9100, { connection: { type: 'queue', queue: '-o' } }),
      networkPrinter(9100, { connection: { type: 'queue', queue: 'Bon\u001bdrucker' } }),
      { ...networkPrinter(9100), paperWidth: '57mm' },
      { ...networkPrinter(9100), codepage: 'utf8' },
      { ...networkPrinter(9100), name: '' },
      { ...networkPrinter(9100), extra: 1 },
    ];
    for (const input of bad)
      expect(resultCode(await t.call('printing:savePrinter', input as PrinterInput))).toBe(
        'VALIDATION_FAILED',
      );
    expect(
      resultCode(await t.call('printing:savePrinter', { id: 5, ...networkPrinter(9100) })),
    ).toBe('NOT_FOUND');
    expect(await t.must('printing:listPrinters')).toEqual([]);
    expect(resultCode(await t.call('printing:reprintSale', { saleId: 1 }))).toBe('NOT_FOUND');
  });

  it('saves printers, keeps one default, and deletes them; port 9100 by default', async () => {
    const a = await t.must('printing:savePrinter', {
      ...networkPrinter(9100),
      connection: { type: 'network', host: 'Printer.Local' },
    });
    expect(a.connection).toEqual({ type: 'network', host: 'printer.local', port: 9100 });
    const b = await t.must('printing:savePrinter', {
      ...networkPrinter(9100),
      name: 'Back office',
      connection: { type: 'queue', queue: 'EPSON_TM_T20' },
    });
    const list = await t.must('printing:listPrinters');
    expect(list.map((p) => [p.name, p.isDefault])).toEqual([
      ['Back office', true],
      ['Front desk', false],
    ]);
    await t.must('printing:deletePrinter', { id: b.id });
    expect((await t.must('printing:listPrinters')).map((p) => p.id)).toEqual([a.id]);
    expect(resultCode(await t.call('printing:deletePrinter', { id: b.id }))).toBe('NOT_FOUND');
    const actions = t
      .raw()
      .prepare("SELECT action FROM audit_events WHERE action LIKE 'printing.%' ORDER BY id")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual([
      'printing.printer_save',
      'printing.printer_save',
      'printing.printer_delete',
    ]);
  });

  it('a cashier may not change printers, but may reprint and see the queue', async () => {
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    expect(resultCode(await t.call('printing:listPrinters', {}, 2))).toBe('FORBIDDEN');
    expect(resultCode(await t.call('printing:savePrinter', networkPrinter(9100), 2))).toBe(
      'FORBIDDEN',
    );
    expect((await t.must('printing:status', {}, 2)).configured).toBe(true);
  });
});

describe('without automatic printing', () => {
  it('a cash sale still opens the drawer; a card sale sends nothing', async () => {
    const printer = await TestPrinter.start();
    const t = await makeTestCore({ printing: FAST });
    try {
      await withAdmin(t);
      const [id] = insertProducts(t, [{ sku: 'A', name: 'Apple', price: 100 }]);
      await t.must('printing:savePrinter', networkPrinter(printer.port, { autoPrint: false }));
      await sell(t, [{ productId: id!, quantity: 1 }], [{ type: 'card', amount: 100 }]);
      await sell(t, [{ productId: id!, quantity: 1 }], [{ type: 'cash', amount: 100 }]);
      const [bytes] = await printer.waitForPrints(1);
      const d = decodeEscPos(bytes!);
      expect(d.events).toEqual(['kick']);
      expect(d.lines.filter((l) => l.trim())).toEqual([]);
      await new Promise((r) => setTimeout(r, 200));
      expect(printer.prints.length).toBe(1);
    } finally {
      await t.close();
      await printer.close();
    }
  });
});

describe('restart', () => {
  it('a job left "printing" by a crash is queued and sent again at start-up', async () => {
    const printer = await TestPrinter.start();
    await printer.setMode('down');
    let t = await makeTestCore({ printing: FAST });
    const dir = t.dir;
    await withAdmin(t);
    const [id] = insertProducts(t, [{ sku: 'A', name: 'Apple', price: 100 }]);
    await t.must('printing:savePrinter', networkPrinter(printer.port));
    const sale = await sell(t, [{ productId: id!, quantity: 1 }], [{ type: 'cash', amount: 100 }]);
    await queueUntil(t, (jobs) => jobs[0]?.status === 'failed');
    await t.core.close();
    // As if the app died while sending: the row still says `printing`.
    const db = t.writable();
    db.prepare("UPDATE print_jobs SET status = 'printing', next_retry_at = NULL").run();
    db.close();
    await printer.setMode('up');
    // The first core already turned the 2FA policy off on this file.
    t = await makeTestCore({ dir, printing: FAST, twoFactorPolicy: true });
    try {
      const [bytes] = await printer.waitForPrints(1);
      const d = decodeEscPos(bytes!);
      expect(d.lines.map((l) => l.trim())).toContain(`Receipt #${sale.receiptNo} · till-1`);
      expect(d.kicks).toBe(1);
      await t.must('auth:login', { identifier: 'ada', password: 'correct horse battery' });
      const status = await queueUntil(t, (_j, waiting) => waiting === 0);
      expect(status.waiting).toBe(0);
    } finally {
      await t.close();
      await printer.close();
    }
  });
});

describe('OS print queue in raw mode (lp -d NAME -o raw)', () => {
  let bin: string;
  const path = process.env.PATH;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'kassa-lp-'));
  });
  afterAll(() => {
    process.env.PATH = path;
    rmSync(bin, { recursive: true, force: true });
  });

  /** A fake `lp` first on PATH: records its arguments and stdin, or fails like CUPS does. */
  function fakeLp(fails: boolean) {
    const script = fails
      ? '#!/bin/sh\ncat > /dev/null\necho "lp: The printer or class does not exist." >&2\nexit 1\n'
      : `#!/bin/sh\nprintf '%s\\n' "$@" > '${bin}/args'\ncat > '${bin}/stdin'\n`;
    writeFileSync(join(bin, 'lp'), script);
    chmodSync(join(bin, 'lp'), 0o755);
    process.env.PATH = `${bin}:${path}`;
  }

  it('pipes the receipt bytes to lp with the queue name as one argument; a failing lp fails the job', async () => {
    const t = await makeTestCore({ printing: FAST });
    try {
      await withAdmin(t);
      const [id] = insertProducts(t, [{ sku: 'A', name: 'Apple', price: 100 }]);
      await t.must('printing:savePrinter', {
        ...networkPrinter(0),
        connection: { type: 'queue', queue: 'EPSON_TM-T20.front' },
      });
      fakeLp(false);
      const sale = await sell(
        t,
        [{ productId: id!, quantity: 1 }],
        [{ type: 'cash', amount: 100 }],
      );
      // The receipt is queued once the sale has committed, just after its answer.
      await expect.poll(() => existsSync(join(bin, 'args'))).toBe(true);
      await queueUntil(t, (_j, waiting) => waiting === 0);
      expect(readFileSync(join(bin, 'args'), 'utf8').split('\n')).toEqual([
        '-d',
        'EPSON_TM-T20.front',
        '-o',
        'raw',
        '',
      ]);
      const d = decodeEscPos(new Uint8Array(readFileSync(join(bin, 'stdin'))));
      expect(d.lines.map((l) => l.trim())).toContain(`Receipt #${sale.receiptNo} · till-1`);
      expect(d.kicks).toBe(1);
      rmSync(join(bin, 'stdin'));
      fakeLp(true);
      await sell(t, [{ productId: id!, quantity: 1 }], [{ type: 'card', amount: 100 }]);
      const status = await queueUntil(t, (jobs) => jobs[0]?.status === 'failed');
      expect(status.error).toBe('lp failed (exit 1): lp: The printer or class does not exist.');
      expect(existsSync(join(bin, 'stdin'))).toBe(false);
    } finally {
      await t.close();
    }
  });
});

describe('the character set `auto`', () => {
  const receipt = (...texts: string[]) =>
    texts.map((text) => ({ kind: 'text' as const, align: 'left' as const, text }));
  const print = (lines: ReturnType<typeof receipt>) =>
    decodeEscPos(escpos(lines, { paperWidth: '80mm', codepage: 'auto' }));

  it('prints a receipt in the first named character set that has all its characters, once', () => {
    for (const [texts, page] of [
      [['Café Zürich £', 'Tea 2.50'], 'cp437'],
      [['Café Zürich', 'Kaffee 2,50 €'], 'cp858'],
      [['Łódź', 'Kawa 9,99 zł'], 'cp852'],
      [['Чай', 'Кофе 120'], 'cp866'],
    ] as const) {
      expect(pageFor(receipt(...texts))).toBe(page);
      const d = print(receipt(...texts));
      expect(d.codepages).toEqual([page]);
      expect(d.lines.filter(Boolean)).toEqual([...texts]);
    }
  });

  it('text that no named set has whole is switched character by character, and still prints', () => {
    const texts = ['Чай 2,50 €', 'Café'];
    expect(pageFor(receipt(...texts))).toBe('auto');
    const d = print(receipt(...texts));
    expect(d.codepages.length).toBeGreaterThan(1);
    expect(d.lines.filter(Boolean)).toEqual(texts);
  });
});

describe('report documents (X and Z reports)', () => {
  it('lays out title, rows of label and amount and separators for the paper, and cuts', () => {
    const doc: ReportDocument = {
      title: 'Z report #12',
      subtitle: ['till-1', 'Shift opened 09:00 by Ada Admin'],
      currency: 'GBP',
      rows: [
        { kind: 'heading', text: 'Sales' },
        { kind: 'row', label: 'Cash sales', amount: 12_345 },
        { kind: 'row', label: 'Card sales with a rather long label that wraps', amount: 999 },
        { kind: 'separator' },
        { kind: 'row', label: 'Receipts', amount: '42' },
        { kind: 'row', label: 'Expected in drawer', amount: -250, bold: true },
        { kind: 'text', text: 'Counted blind.' },
      ],
      footer: ['End of report'],
    };
    for (const paperWidth of ['58mm', '80mm'] as const) {
      const width = columnsFor(paperWidth);
      const d = decodeEscPos(
        escpos(layoutReport(doc, width, 'en-GB'), { paperWidth, codepage: 'cp858' }),
      );
      const text = d.lines.map((l) => l.trim());
      expect(text[0]).toBe('Z report #12');
      expect(text).toContain('Shift opened 09:00 by Ada Admin');
      expect(d.lines.find((l) => l.startsWith('Cash sales'))).toBe(
        'Cash sales'.padEnd(width - '£123.45'.length) + '£123.45',
      );
      expect(d.lines.find((l) => l.startsWith('Receipts'))!.endsWith(' 42')).toBe(true);
      expect(d.lines.find((l) => l.startsWith('Expected'))!.endsWith('-£2.50')).toBe(true);
      expect(text).toContain('-'.repeat(width));
      expect(Math.max(...d.lines.map((l) => l.length))).toBeLessThanOrEqual(width);
      expect(d.events).toEqual(['cut']);
    }
  });
});

/** A 1-bit PBM test logo: a frame and a diagonal, so a shifted or mirrored raster shows. */
function testLogo(width: number, height: number) {
  const stride = Math.ceil(width / 8);
  const bits = new Uint8Array(stride * height);
  const set = (x: number, y: number) => (bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (y === 0 || x === 0 || y === height - 1 || x === width - 1 || x === y) set(x, y);
  const pbm = Buffer.concat([Buffer.from(`P4\n${width} ${height}\n`), bits]);
  return { width, height, data: pbm.toString('base64'), bits };
}

describe('receipt header, footer and logo', () => {
  let t: TestCore;
  let printer: TestPrinter;
  let ids: number[];
  const logo = testLogo(200, 40);
  const layout = {
    receiptHeader: 'Open Mon-Sat 9-18\r\n  www.teashop.example  ',
    receiptFooter: 'Returns within 30 days\nwith this receipt',
    logo: logo.data,
  };

  beforeAll(async () => {
    printer = await TestPrinter.start();
    t = await makeTestCore({ printing: FAST });
    await withAdmin(t);
    await t.must('settings:update', { storeName: 'The Tea Shop' });
    ids = insertProducts(t, [{ sku: 'TEA', name: 'Earl Grey tea 100 g', price: 450 }]);
  });
  afterAll(async () => {
    await t.close();
    await printer.close();
  });

  it('prints the logo as a raster above the store, the header under it, the footer at the end', async () => {
    const saved = await t.must('printing:savePrinter', {
      ...networkPrinter(printer.port),
      ...layout,
    });
    expect(saved.receiptHeader).toBe('Open Mon-Sat 9-18\nwww.teashop.example');
    expect(saved.receiptFooter).toBe(layout.receiptFooter);
    expect(saved.logo).toEqual(layout.logo);
    const before = printer.prints.length;
    const sales: SaleDetail[] = [];
    for (let i = 0; i < 3; i++)
      sales.push(
        await sell(t, [{ productId: ids[0]!, quantity: i + 1 }], [{ type: 'cash', amount: 5_000 }]),
      );
    await t.must('printing:reprintSale', { saleId: sales[0]!.id });
    const prints = (await printer.waitForPrints(before + 4)).slice(before);
    for (const [i, bytes] of prints.entries()) {
      const sale = sales[i === 3 ? 0 : i]!;
      const d = decodeEscPos(bytes);
      const text = d.lines.map((l) => l.trim());
      expect(d.images).toHaveLength(1);
      const [image] = d.images;
      expect([image!.width, image!.height]).toEqual([200, 40]);
      expect(Buffer.concat(image!.rows)).toEqual(Buffer.from(logo.bits));
      expect(image!.beforeLine).toBe(0);
      expect(d.events).toEqual(i === 3 ? ['image', 'cut'] : ['image', 'kick', 'cut']);
      const at = (s: string) => text.indexOf(s);
      expect(at('The Tea Shop')).toBeGreaterThanOrEqual(0);
      expect(at('Open Mon-Sat 9-18')).toBe(at('The Tea Shop') + 1);
      expect(at('www.teashop.example')).toBe(at('Open Mon-Sat 9-18') + 1);
      expect(at(`Receipt #${sale.receiptNo} · till-1`)).toBeGreaterThan(at('www.teashop.example'));
      expect(amountOf(text, 'Total')).toBe(gbp(sale.total));
      expect(at('Returns within 30 days')).toBe(at('Thank you') + 1);
      expect(at('with this receipt')).toBe(at('Thank you') + 2);
      expect(Math.max(...d.lines.map((l) => l.length))).toBeLessThanOrEqual(48);
    }
    expect(decodeEscPos(prints[3]!).lines.map((l) => l.trim())).toContain('*** COPY ***');
  });

  it('a test page shows the logo, header and footer; a 58 mm logo is at most 384 dots', async () => {
    const wide = testLogo(384, 96);
    const small = {
      ...networkPrinter(printer.port, { paperWidth: '58mm' }),
      id: 1,
      receiptHeader: 'x'.repeat(32),
      logo: wide.data,
    };
    await t.must('printing:savePrinter', small);
    const before = printer.prints.length;
    await t.must('printing:testPage', { id: 1 });
    const [bytes] = (await printer.waitForPrints(before + 1)).slice(before);
    const d = decodeEscPos(bytes!);
    expect(d.images.map((x) => [x.width, x.height])).toEqual([[384, 96]]);
    expect(Buffer.concat(d.images[0]!.rows)).toEqual(Buffer.from(wide.bits));
    const text = d.lines.map((l) => l.trim());
    expect(text.find((l) => l !== '')).toBe('x'.repeat(32));
    expect(text).toContain('Returns within 30 days');
    expect(text).toContain('Café Zürich £ €');
  });

  it('refuses bad lines and bad or too large logos with a clear error, and changes nothing', async () => {
    const good = await t.must('printing:savePrinter', {
      ...networkPrinter(printer.port),
      id: 1,
      ...layout,
    });
    const saves = auditCount(t, 'printing.printer_save');
    const base = { ...networkPrinter(printer.port), id: 1 };
    /** A black PBM of width × height dots, with `extra` bytes more (or fewer) than it needs. */
    const pbm = (width: number, height: number, extra = 0) =>
      Buffer.concat([
        Buffer.from(`P4 ${width} ${height}\n`),
        Buffer.alloc(Math.ceil(width / 8) * height + extra, 0xff),
      ]).toString('base64');
    const bad: Array<[string, unknown, string]> = [
      ['five header lines', { ...base, receiptHeader: 'a\nb\nc\nd\ne' }, 'receiptHeader'],
      ['a 49-character line on 80 mm', { ...base, receiptFooter: 'y'.repeat(49) }, 'receiptFooter'],
      [
        'a 33-character line on 58 mm',
        { ...base, paperWidth: '58mm', logo: null, receiptHeader: 'z'.repeat(33) },
        'receiptHeader',
      ],
      ['a control character', { ...base, receiptHeader: 'bell\u0007' }, 'receiptHeader'],
      ['a bidi override', { ...base, receiptFooter: 'abc\u202edef' }, 'receiptFooter'],
      ['too wide', { ...base, logo: pbm(584, 8) }, 'logo'],
      ['too tall', { ...base, logo: pbm(8, 256) }, 'logo'],
      ['data too short', { ...base, logo: pbm(16, 8, -1) }, 'logo'],
      ['data too long', { ...base, logo: pbm(16, 8, 1) }, 'logo'],
      [
        'a PNG, not a PBM',
        { ...base, logo: Buffer.from('\x89PNG\r\n\x1a\n').toString('base64') },
        'logo',
      ],
      ['a text PBM (P1)', { ...base, logo: Buffer.from('P1\n1 1\n1').toString('base64') }, 'logo'],
      ['not base64', { ...base, logo: '@@@@' }, 'logo'],
      ['too large', { ...base, logo: pbm(576, 255, 3000) }, 'logo'],
      ['wider than 58 mm paper', { ...base, paperWidth: '58mm', logo: pbm(392, 8) }, 'logo'],
      // Left out, the stored 80 mm logo (200 dots) fits 58 mm, but the footer sent does not.
      [
        'a footer line too long for 58 mm',
        { ...base, paperWidth: '58mm', receiptHeader: undefined, receiptFooter: 'w'.repeat(40) },
        'receiptFooter',
      ],
      ['a logo object', { ...base, logo: { width: 8, height: 1, data: 'AA==' } }, 'logo'],
    ];
    for (const [why, input, path] of bad) {
      const r = await t.call('printing:savePrinter', input as PrinterInput);
      expect(resultCode(r), why).toBe('VALIDATION_FAILED');
      const issues = (r as { error?: { issues?: Array<{ path: string }> } }).error?.issues ?? [];
      expect(
        issues.map((x) => x.path),
        why,
      ).toContain(path);
    }
    // The stored layout must still fit when only the paper changes (core check, not the schema).
    await t.must('printing:savePrinter', { ...base, receiptHeader: 'h'.repeat(40) });
    const r = await t.call('printing:savePrinter', { ...base, paperWidth: '58mm' });
    expect(resultCode(r)).toBe('VALIDATION_FAILED');
    expect((r as { error?: { message: string } }).error?.message).toBe(
      'At most 32 characters a line on 58mm paper',
    );
    const [now] = await t.must('printing:listPrinters');
    expect(now).toEqual({ ...good, receiptHeader: 'h'.repeat(40) });
    expect(auditCount(t, 'printing.printer_save')).toBe(saves + 1);
  });

  it('X reports print without the receipt logo, header or footer', async () => {
    await t.must('printing:savePrinter', { ...networkPrinter(printer.port), id: 1, ...layout });
    const before = printer.prints.length;
    await t.must('shifts:open', { floatCount: countOf(5_000) });
    await printer.waitForPrints(before + 1); // the drawer, for the float
    await t.must('shifts:print', {});
    const prints = (await printer.waitForPrints(before + 2)).slice(before);
    const report = prints
      .map((p) => decodeEscPos(p))
      .find((d) => d.lines.some((l) => l.includes('X REPORT')));
    expect(report).toBeDefined();
    expect(report!.images).toEqual([]);
    const text = report!.lines.join('\n');
    for (const line of ['Open Mon-Sat 9-18', 'Returns within 30 days'])
      expect(text).not.toContain(line);
  });

  it('left out, the logo stays; null removes it', async () => {
    const base = { ...networkPrinter(printer.port), id: 1 };
    const kept = await t.must('printing:savePrinter', { ...base, name: 'Till 1' });
    expect(kept.logo).toEqual(layout.logo);
    const removed = await t.must('printing:savePrinter', { ...base, logo: null });
    expect(removed.logo).toBeNull();
    const before = printer.prints.length;
    await sell(t, [{ productId: ids[0]!, quantity: 1 }], [{ type: 'card', amount: 450 }]);
    const [bytes] = (await printer.waitForPrints(before + 1)).slice(before);
    expect(decodeEscPos(bytes!).images).toEqual([]);
  });
});

describe('a receipt with large figures on 58 mm paper', () => {
  it('never cuts an amount from its currency: "IDR 2,875,000" stays on one line', () => {
    const model = {
      storeName: 'Toko Batik',
      address: ['Jl. Malioboro 1'],
      taxNumber: null,
      kind: 'sale' as const,
      receiptNo: 1,
      tillName: 'kasir-1',
      createdAt: '2026-11-23T09:00:00.000Z',
      staffName: 'Cora',
      customerName: null,
      refundOfNo: null,
      voided: false,
      copy: false,
      currency: 'IDR',
      pricesIncludeTax: true,
      lines: [
        {
          id: 1,
          description: 'Kemeja Batik Tulis',
          quantity: 34,
          unitPrice: 2_875_000,
          discount: 0,
          total: 97_750_000,
        },
      ],
      subtotal: 97_750_000,
      discount: 0,
      tax: 9_686_937,
      total: 97_750_000,
      taxRows: [{ rateBps: 1100, net: 88_063_063, tax: 9_686_937, gross: 97_750_000 }],
      tenders: [{ type: 'cash' as const, amount: 97_750_000, tendered: 100_000_000 }],
      changeDue: 2_250_000,
      note: null,
      footer: [],
    };
    const idr = (n: number) => `IDR ${n.toLocaleString('en-GB')}`;
    for (const locale of ['en-GB', 'de-DE']) {
      const width = columnsFor('58mm');
      const lines = layoutReceipt(model, {
        width,
        locale,
        timeZone: 'Asia/Jakarta',
        words: printWords(locale),
      }).map((l) => (l.kind === 'text' ? l.text : ''));
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
      const figures = [2_875_000, 97_750_000, 88_063_063, 9_686_937, 100_000_000, 2_250_000];
      for (const n of figures) {
        const whole = locale === 'en-GB' ? idr(n) : `${n.toLocaleString('de-DE')} IDR`;
        expect(
          lines.some((l) => l.includes(whole)),
          `${whole} on one line`,
        ).toBe(true);
      }
    }
  });
});

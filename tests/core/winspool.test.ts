/**
 * Issue 10, section 2: an OS printer on Windows, through the spooler's RAW datatype
 * (electron/core/printing/connections/winspool.ts). winspool.drv cannot run here, so a stand-in
 * built from C with its functions (tests/helpers/winspool.ts) is called through koffi for real:
 * the same prototypes, UTF-16 names and DOC_INFO_1W struct. It keeps a job's bytes only once the
 * job ends, as the spooler prints a job only when it is complete.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintJob } from '../../shared/contract';
import { sendWinspool } from '../../electron/core/printing/connections/winspool';
import { decodeEscPos } from '../helpers/escpos-decoder';
import { makeTestCore, withAdmin, type TestCore } from '../helpers/core';
import { insertProducts, sell } from '../helpers/retail';
import { winspoolStandIn, type WinspoolStandIn } from '../helpers/winspool';

const PRINTER = 'EPSON TM-T20III Receipt';

describe('the Windows spooler in RAW mode', () => {
  let ws: WinspoolStandIn;
  let dir: string;
  let out: string;
  beforeAll(() => {
    ws = winspoolStandIn();
    dir = mkdtempSync(join(tmpdir(), 'kassa-spool-'));
    out = join(dir, 'job.bin');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const send = (bytes: Uint8Array, name = PRINTER) =>
    sendWinspool(name, bytes, { library: ws.library, docName: 'Kassa till-1 #7' });

  it('sends every byte as one RAW job named for the receipt, and closes the printer', async () => {
    ws.configure({ printer: PRINTER, out });
    const bytes = new Uint8Array([...randomBytes(65_536), 0x00, 0x1b, 0x70, 0x00, 0x19, 0xfa]);
    await send(bytes);
    expect(new Uint8Array(readFileSync(out))).toEqual(bytes);
    expect(ws.lastDoc()).toEqual({ name: 'Kassa till-1 #7', datatype: 'RAW' });
    expect(ws.pages()).toBe(1);
    expect(ws.openHandles()).toBe(0);
    expect(ws.aborted()).toBe(false);
  });

  it('ten jobs in a row, the spooler taking 100 bytes a call: each arrives whole', async () => {
    ws.configure({ printer: PRINTER, out, chunk: 100 });
    for (let i = 0; i < 10; i++) {
      const bytes = new Uint8Array(randomBytes(1_000 + i * 777));
      await send(bytes);
      expect(new Uint8Array(readFileSync(out))).toEqual(bytes);
    }
    expect(ws.pages()).toBe(10);
    expect(ws.openHandles()).toBe(0);
  });

  it("reaches printers whose names have spaces, umlauts or a shared printer's \\\\SERVER", async () => {
    for (const name of ['Büro – Bondrucker (oben)', '\\\\KASSE-2\\Bon 80mm', 'Kitchen 🍳']) {
      ws.configure({ printer: name, out });
      rmSync(out, { force: true });
      await send(new Uint8Array([0x1b, 0x40, 0x41]), name);
      expect([...readFileSync(out)]).toEqual([0x1b, 0x40, 0x41]);
    }
    expect(ws.openHandles()).toBe(0);
  });

  it('an unknown printer fails with its name; nothing prints and nothing is left open', async () => {
    ws.configure({ printer: PRINTER, out });
    rmSync(out, { force: true });
    await expect(send(new Uint8Array([1, 2, 3]), 'EPSON TM-T20')).rejects.toThrow(
      'Windows could not open the printer "EPSON TM-T20". Check its name in Settings → Printers & scanners.',
    );
    expect(existsSync(out)).toBe(false);
    expect(ws.openHandles()).toBe(0);
  });

  it('a job the spooler stops taking is aborted: no half receipt, the printer closed', async () => {
    ws.configure({ printer: PRINTER, out, chunk: 300, failAfter: 1_000 });
    rmSync(out, { force: true });
    await expect(send(new Uint8Array(5_000))).rejects.toThrow(
      `The Windows spooler stopped taking the job for "${PRINTER}" after 1000 of 5000 bytes.`,
    );
    expect(ws.aborted()).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
    expect(ws.openHandles()).toBe(0);
  });

  it('a printer that is slow to open never stalls the main thread', async () => {
    ws.configure({ printer: PRINTER, out, openDelayMs: 400 });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    try {
      await send(new Uint8Array([0x41]));
    } finally {
      clearInterval(timer);
    }
    // Blocked, the timer could not fire at all during the 400 ms OpenPrinterW takes.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });
});

describe('receipts to a Windows printer through the print queue', () => {
  let t: TestCore;
  let ws: WinspoolStandIn;
  let dir: string;
  let out: string;
  beforeAll(async () => {
    ws = winspoolStandIn();
    dir = mkdtempSync(join(tmpdir(), 'kassa-spool-'));
    out = join(dir, 'job.bin');
    t = await makeTestCore({
      printing: {
        pollMs: 20,
        timeoutMs: 1_000,
        queue: { platform: 'win32', winspoolLibrary: ws.library },
      },
    });
    await withAdmin(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function queueUntil(done: (jobs: PrintJob[], waiting: number) => boolean) {
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

  it('prints a cash sale with its drawer kick; a renamed printer fails the job, not the sale', async () => {
    ws.configure({ printer: PRINTER, out });
    const [id] = insertProducts(t, [{ sku: 'A', name: 'Apple', price: 100 }]);
    await t.must('printing:savePrinter', {
      name: 'Front desk',
      connection: { type: 'queue', queue: PRINTER },
      paperWidth: '80mm',
      codepage: 'cp858',
      autoPrint: true,
      cashDrawer: true,
      isDefault: true,
    });
    const sale = await sell(t, [{ productId: id!, quantity: 2 }], [{ type: 'cash', amount: 500 }]);
    // The receipt is queued once the sale has committed, just after its answer.
    await expect.poll(() => existsSync(out)).toBe(true);
    await queueUntil((_j, waiting) => waiting === 0);
    const d = decodeEscPos(new Uint8Array(readFileSync(out)));
    expect(d.lines.map((l) => l.trim())).toContain(`Receipt #${sale.receiptNo} · till-1`);
    expect(d.kicks).toBe(1);
    expect(ws.lastDoc()).toEqual({ name: `Kassa till-1 #${sale.receiptNo}`, datatype: 'RAW' });

    // The printer is renamed in Windows: the next receipt waits as a failed job, the sale stands.
    ws.configure({ printer: 'EPSON TM-T20III Receipt (Copy 1)', out });
    rmSync(out);
    const next = await sell(t, [{ productId: id!, quantity: 1 }], [{ type: 'card', amount: 100 }]);
    const failed = await queueUntil((jobs) => jobs[0]?.status === 'failed');
    expect(failed.error).toBe(
      `Windows could not open the printer "${PRINTER}". Check its name in Settings → Printers & scanners.`,
    );
    expect((await t.must('sales:get', { id: next.id })).status).toBe('completed');
    expect(existsSync(out)).toBe(false);

    // Renamed back: the retry prints it.
    ws.configure({ printer: PRINTER, out });
    await t.must('printing:retryJob', { id: failed.jobs[0]!.id });
    await queueUntil((_j, waiting) => waiting === 0);
    const again = decodeEscPos(new Uint8Array(readFileSync(out)));
    expect(again.lines.map((l) => l.trim())).toContain(`Receipt #${next.receiptNo} · till-1`);
    expect(again.kicks).toBe(0);
    expect(ws.openHandles()).toBe(0);
  });
});

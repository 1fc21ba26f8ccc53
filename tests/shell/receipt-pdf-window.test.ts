/**
 * Issue 10, section 3: the app's receipt PDFs come from a hidden window on the print route and
 * `webContents.printToPDF`. Electron is mocked: the window's options (E1, no preload, hidden),
 * the URL it loads, the paper size, one job at a time, and the window destroyed on every path.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeWindow {
  options: Record<string, any>;
  loaded: string[];
  destroyed: boolean;
  pdfOptions: unknown[];
}
const windows: FakeWindow[] = [];
const behaviour = { ready: true, scrollHeight: 480, failPdf: false, printDelayMs: 0 };
let printing = 0;
let maxConcurrent = 0;

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly w: FakeWindow;
    readonly webContents: Record<string, unknown>;
    constructor(options: Record<string, any>) {
      this.w = { options, loaded: [], destroyed: false, pdfOptions: [] };
      windows.push(this.w);
      const w = this.w;
      this.webContents = {
        executeJavaScript: async (code: string) =>
          code.includes('printReady') ? behaviour.ready : behaviour.scrollHeight,
        printToPDF: async (o: unknown) => {
          w.pdfOptions.push(o);
          printing += 1;
          maxConcurrent = Math.max(maxConcurrent, printing);
          await new Promise((r) => setTimeout(r, behaviour.printDelayMs));
          printing -= 1;
          if (behaviour.failPdf) throw new Error('printing failed');
          return Buffer.from('%PDF-1.4 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.w.loaded.push(url);
    }
    destroy() {
      this.w.destroyed = true;
    }
  }
  return { BrowserWindow };
});

const { createPrintWindowPdfMaker, printWindowPreferences } =
  await import('../../electron/main/receipt-pdf-window');

beforeEach(() => {
  windows.length = 0;
  Object.assign(behaviour, { ready: true, scrollHeight: 480, failPdf: false, printDelayMs: 0 });
  maxConcurrent = 0;
});

describe('the hidden print window', () => {
  it('is hidden, sandboxed and isolated, with no preload and no Node (E1)', async () => {
    await createPrintWindowPdfMaker()({ layout: 'receipt80', route: '#print=abc' });
    const o = windows[0]!.options;
    expect(o.show).toBe(false);
    expect(o.webPreferences).toEqual(printWindowPreferences());
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect('preload' in o.webPreferences).toBe(false);
  });

  it('loads the print route on app://kassa and prints an 80 mm roll as long as the receipt', async () => {
    const pdf = await createPrintWindowPdfMaker()({ layout: 'receipt80', route: '#print=abc' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(windows[0]!.loaded).toEqual(['app://kassa/index.html#print=abc']);
    const opts = windows[0]!.pdfOptions[0] as any;
    expect(opts.pageSize.width).toBeCloseTo(80 / 25.4, 5);
    expect(opts.pageSize.height).toBeCloseTo(480 / 96 + 0.1, 5);
    expect(opts.margins).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('prints an invoice and a Z report on A4', async () => {
    const make = createPrintWindowPdfMaker();
    await make({ layout: 'invoiceA4', route: '#print=xyz' });
    await make({ layout: 'zReportA4', route: '#print=z1' });
    expect(windows[1]!.loaded).toEqual(['app://kassa/index.html#print=z1']);
    for (const w of windows) {
      const opts = w.pdfOptions[0] as any;
      expect(opts.pageSize.width).toBeCloseTo(210 / 25.4, 5);
      expect(opts.pageSize.height).toBeCloseTo(297 / 25.4, 5);
    }
  });

  it('destroys the window when printing fails, and when the page never gets ready', async () => {
    behaviour.failPdf = true;
    await expect(
      createPrintWindowPdfMaker()({ layout: 'receipt80', route: '#print=a' }),
    ).rejects.toThrow();
    behaviour.failPdf = false;
    behaviour.ready = false;
    await expect(
      createPrintWindowPdfMaker({ timeoutMs: 100 })({ layout: 'receipt80', route: '#print=a' }),
    ).rejects.toThrow(/did not get ready/);
    expect(windows.map((w) => w.destroyed)).toEqual([true, true]);
  });

  it('runs ten jobs one at a time, each in its own window, a failure not blocking the next', async () => {
    behaviour.printDelayMs = 5;
    const make = createPrintWindowPdfMaker();
    const jobs = Array.from({ length: 10 }, (_, i) =>
      make({ layout: 'receipt80', route: `#print=${i}` }),
    );
    const results = await Promise.allSettled(jobs);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(maxConcurrent).toBe(1);
    expect(windows.map((w) => w.loaded[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `app://kassa/index.html#print=${i}`),
    );
    expect(windows.every((w) => w.destroyed)).toBe(true);
  });
});

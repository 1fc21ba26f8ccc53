/**
 * Issue 10, section 2: the "OS printer (driver)" port prints the job's text silently on the named
 * device from a hidden window with JavaScript off, escapes the text, reports the driver's failure,
 * and always destroys the window.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Made {
  options: { show?: boolean; webPreferences?: Record<string, unknown> };
  loaded: string[];
  printed: unknown[];
  destroyed: boolean;
}
const made: Made[] = [];
let outcome: [boolean, string] = [true, ''];

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly m: Made;
    readonly webContents: {
      print: (o: unknown, cb: (ok: boolean, reason: string) => void) => void;
    };
    constructor(options: Made['options']) {
      this.m = { options, loaded: [], printed: [], destroyed: false };
      made.push(this.m);
      this.webContents = {
        print: (o, cb) => {
          this.m.printed.push(o);
          cb(...outcome);
        },
      };
    }
    async loadURL(url: string): Promise<void> {
      this.m.loaded.push(url);
    }
    destroy(): void {
      this.m.destroyed = true;
    }
  }
  return { BrowserWindow };
});

const { createDriverPrintPort, driverPage } = await import('../../electron/main/driver-printer');

describe('driver printing port', () => {
  it("allows the page's one style block by its hash, never 'unsafe-inline' (E3)", async () => {
    const { createHash } = await import('node:crypto');
    const page = driverPage('x');
    const csp = /content="([^"]*)"/.exec(page)![1]!;
    const style = /<style>([^<]*)<\/style>/.exec(page)![1]!;
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  beforeEach(() => {
    made.length = 0;
    outcome = [true, ''];
  });

  it('prints silently on the device from a hidden window without JavaScript', async () => {
    await createDriverPrintPort().print('Office HP', 'Total  £1.00\n<b>&');
    const [w] = made;
    expect(w!.options.show).toBe(false);
    expect(w!.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(w!.options.webPreferences).not.toHaveProperty('preload');
    expect(w!.printed).toEqual([{ silent: true, deviceName: 'Office HP', printBackground: false }]);
    const html = decodeURIComponent(w!.loaded[0]!.replace('data:text/html;charset=utf-8,', ''));
    expect(html).toBe(driverPage('Total  £1.00\n<b>&'));
    expect(html).toContain('Total  £1.00\n&#60;b&#62;&#38;</body>');
    expect(w!.destroyed).toBe(true);
  });

  it('rejects with the driver reason and still destroys the window', async () => {
    outcome = [false, 'Print job failed'];
    await expect(createDriverPrintPort().print('Office HP', 'x')).rejects.toThrow(
      'The printer Office HP did not print: Print job failed',
    );
    expect(made[0]!.destroyed).toBe(true);
  });
});

/**
 * "OS printer (driver)" mode (issue 10, section 2): the core's DriverPrintPort implemented with a
 * hidden window and `webContents.print({ silent: true, deviceName })`, for printers that do not
 * speak ESC/POS. The page is the job's text in a monospace block, escaped, loaded as a data: URL
 * into a window with JavaScript off and the secure web preferences (E1; no preload: it needs no
 * IPC). The window is destroyed after each job.
 */
import { createHash } from 'node:crypto';
import { BrowserWindow } from 'electron';
import type { DriverPrintPort } from '../core/printing/connections/driver-port';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE_STYLE = '@page{margin:0}body{margin:0;font:9pt monospace;white-space:pre}';
/** The one style block the page may apply, allowed by its hash and nothing else (E3). */
const STYLE_HASH = `sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}`;

/** The printed page: the receipt's lines as they are, in a monospace font, no margins. */
export function driverPage(text: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${STYLE_HASH}'">` +
    `<style>${PAGE_STYLE}</style></head>` +
    `<body>${escapeHtml(text)}</body></html>`
  );
}

export function createDriverPrintPort(): DriverPrintPort {
  return {
    async print(deviceName, text) {
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          webviewTag: false,
          spellcheck: false,
        },
      });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(driverPage(text))}`);
        await new Promise<void>((resolve, reject) =>
          win.webContents.print(
            { silent: true, deviceName, printBackground: false },
            (success, reason) =>
              success
                ? resolve()
                : reject(new Error(`The printer ${deviceName} did not print: ${reason}`)),
          ),
        );
      } finally {
        win.destroy();
      }
    },
  };
}

/**
 * The app's `PdfMaker` (issue 10, sections 1 and 3: receipts, invoices, Z reports): a hidden
 * window loads the renderer's print route (`app://kassa/index.html#print=…`) and
 * `webContents.printToPDF` turns it into the PDF.
 *
 * The window has the same web preferences as the till window (E1: context isolation, sandbox, no
 * Node integration) and NO preload: the print route draws from its URL fragment and needs no IPC
 * at all, so nothing is exposed to it. The CSP (E3) and the navigation lock (E6, E7) apply as to
 * every webContents (index.ts). Jobs run one at a time; the window is destroyed after each job,
 * whatever happens, and a page that never reports ready fails after `timeoutMs`.
 */
import { BrowserWindow } from 'electron';
import { PAPER_MM, type PdfMaker } from '../core/receipts/receipt-pdf';
import { APP_ENTRY_URL, secureWebPreferences } from './window';

const MM_PER_INCH = 25.4;
const CSS_PX_PER_INCH = 96;

/** The web preferences of the print window: the till window's (E1) without any preload. */
export function printWindowPreferences() {
  const { preload: _none, ...prefs } = secureWebPreferences('');
  return { ...prefs, devTools: false };
}

/** Polls `win` until the print route marks `<html data-print-ready>`; rejects after `timeoutMs`. */
async function waitUntilReady(win: BrowserWindow, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready: unknown = await win.webContents.executeJavaScript(
      "document.documentElement.dataset.printReady === 'true'",
    );
    if (ready === true) return;
    if (Date.now() > deadline) throw new Error('the print route did not get ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Builds the maker; `timeoutMs` bounds one job's wait for the page (default 15 s). */
export function createPrintWindowPdfMaker(options: { timeoutMs?: number } = {}): PdfMaker {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let queue: Promise<unknown> = Promise.resolve();
  const job: PdfMaker = async ({ layout, route }) => {
    const paper = PAPER_MM[layout];
    const win = new BrowserWindow({
      show: false,
      width: Math.round((paper.width / MM_PER_INCH) * CSS_PX_PER_INCH),
      height: 800,
      webPreferences: printWindowPreferences(),
    });
    try {
      await win.loadURL(`${APP_ENTRY_URL}${route}`);
      await waitUntilReady(win, timeoutMs);
      // A till roll is as long as the receipt: the content's height, in inches.
      const height =
        paper.height !== null
          ? paper.height / MM_PER_INCH
          : Number(await win.webContents.executeJavaScript('document.body.scrollHeight')) /
              CSS_PX_PER_INCH +
            0.1;
      return await win.webContents.printToPDF({
        pageSize: { width: paper.width / MM_PER_INCH, height },
        margins: { top: 0, right: 0, bottom: 0, left: 0 },
        printBackground: true,
      });
    } finally {
      win.destroy();
    }
  };
  return (pdfJob) => {
    const next = queue.then(
      () => job(pdfJob),
      () => job(pdfJob),
    );
    queue = next.catch(() => undefined);
    return next;
  };
}

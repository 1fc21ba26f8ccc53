/**
 * The customer display window in the browser tests (issue 10, section 4): a page on the app's
 * `#display` route whose `window.kassaDisplay` is built like the display preload's
 * (electron/preload/display.ts): ONE read, `display:cart`, sent as the display window
 * (`display: true`, as the shell marks that window's sender), and ONE subscription, fired when the
 * core reports a change of the till's cart (`Core.onDisplayChange`). No `window.api`.
 */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';

export interface DisplayPage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

const INIT = `(() => {
  const read = window.__kassaDisplayRead;
  try { delete window.__kassaDisplayRead; } catch {}
  const listeners = new Set();
  document.addEventListener('kassa-display-changed', () => { for (const l of [...listeners]) l(); });
  Object.defineProperty(window, 'kassaDisplay', {
    value: Object.freeze({
      cart: () => read(),
      onChange: (l) => { listeners.add(l); return () => listeners.delete(l); },
    }),
    enumerable: true, configurable: false, writable: false,
  });
})();`;

/** Opens the display on `h` as window `windowId`, sized `viewport`. */
export async function openDisplayPage(
  h: Harness,
  windowId: number,
  viewport = { width: 1366, height: 768 },
): Promise<DisplayPage> {
  const context = await h.browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.exposeBinding('__kassaDisplayRead', (source) =>
    h.core.invoke(
      'display:cart',
      {},
      {
        origin: new URL(source.frame.url()).origin,
        isTopFrame: source.frame === source.page.mainFrame(),
        windowId,
        display: true,
      },
    ),
  );
  await page.addInitScript({ content: INIT });
  const stop = h.core.onDisplayChange(() => {
    void page
      .evaluate(() => document.dispatchEvent(new Event('kassa-display-changed')))
      .catch(() => undefined);
  });
  await page.goto(`${h.origin}/#display`, { waitUntil: 'load' });
  return {
    page,
    errors,
    async close() {
      stop();
      await context.close();
    },
  };
}

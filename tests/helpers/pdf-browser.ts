/**
 * A Chromium of its own for a core test file that makes PDFs (Z reports, e-mailed receipts):
 * dist/renderer served as the app serves it, printed by `playwrightPdfMaker` (receipt-pdf.ts).
 * Apart from receipt-pdf.ts because it needs the e2e harness, which needs receipt-pdf.ts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { PdfMaker } from '../../electron/core/receipts/receipt-pdf';
import {
  BUNDLE_ROOT,
  ensureRendererBuilt,
  startStaticServer,
  type StaticServer,
} from '../e2e/harness';
import { launchChromium } from './chromium';
import { playwrightPdfMaker } from './receipt-pdf';

/**
 * The PdfMaker of a test file: Chromium printing a static server of dist/renderer (built first
 * when missing), started before the file's tests and closed after them (vitest hooks; call it at
 * the top of the file). Each PDF is printed in a fresh browser context.
 */
export function usePlaywrightPdfMaker(): PdfMaker {
  let browser: Browser | undefined;
  let site: StaticServer | undefined;
  beforeAll(async () => {
    await ensureRendererBuilt();
    site = await startStaticServer(BUNDLE_ROOT);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return (...job) => playwrightPdfMaker(() => browser!, site!.origin)(...job);
}

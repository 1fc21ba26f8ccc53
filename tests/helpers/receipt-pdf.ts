/**
 * The `PdfMaker` port (issue 10, sections 1 and 3) for tests: the renderer's print route in
 * Chromium through Playwright, printed with `page.pdf()`, as the shell does with
 * `webContents.printToPDF` in the app. The page waits for `<html data-print-ready>`. The PDFs are
 * read back with `pdftotext -layout` (poppler-utils). A core test file gets its own browser with
 * `usePlaywrightPdfMaker` (pdf-browser.ts).
 */
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { PAPER_MM, type PdfMaker } from '../../electron/core/receipts/receipt-pdf';

/** Prints on `origin` (a server of dist/renderer) in a fresh context of `browser()`. */
export function playwrightPdfMaker(browser: () => Browser, origin: string): PdfMaker {
  return async ({ layout, route }) => {
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/${route}`, { waitUntil: 'load' });
      // Generous: five PDFs at once on a loaded 2-core CI machine took over 10 s to draw.
      await page.waitForSelector('html[data-print-ready]', { timeout: 45_000 });
      const paper = PAPER_MM[layout];
      // A till roll is as long as the receipt: the content's height in millimetres (96 px/in).
      const height =
        paper.height ??
        Math.ceil(((await page.evaluate(() => document.body.scrollHeight)) * 25.4) / 96) + 2;
      return await page.pdf({
        width: `${paper.width}mm`,
        height: `${height}mm`,
        printBackground: true,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
      });
    } finally {
      await context.close();
    }
  };
}

/** The text of the PDF at `file`, as `pdftotext -layout` reads it. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** `label`, then (after spaces) each of `values`, on one line of a PDF's text. */
export function expectRow(text: string, label: string, ...values: string[]): void {
  const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(text).toMatch(new RegExp([label, ...values].map(escape).join('\\s+')));
}

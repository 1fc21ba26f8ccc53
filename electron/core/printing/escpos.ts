/**
 * Print lines to ESC/POS bytes with @point-of-sale/receipt-printer-encoder (a well-kept encoder:
 * code pages, cut, drawer pulse). 58 mm paper prints 32 columns, 80 mm 48 (font A).
 * Text goes through the printer's character set: a named code page (cp858, windows1252, ...) or
 * `auto`: the first named one that has every character of the receipt (`pageFor`), else the
 * encoder switching code pages within the text (ESC t). A logo prints as a raster
 * image (GS v 0, the encoder's `raster` image mode) above the text.
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import {
  logoRaster,
  PRINTER_CODEPAGES,
  type PaperWidth,
  type PrinterCodepage,
  type PrinterLogo,
  type Raster,
} from '../../../shared/contract';
import type { PrintLine } from './print-lines';

/** Characters per line for a paper width (font A). */
export function columnsFor(paperWidth: PaperWidth): number {
  return paperWidth === '58mm' ? 32 : 48;
}

export interface EscPosOptions {
  paperWidth: PaperWidth;
  codepage: PrinterCodepage;
  /** Opens the cash drawer (ESC p, pin 2) before the cut. */
  kick?: boolean;
  /** Feed and cut at the end (true by default). */
  cut?: boolean;
  /** A logo (PBM, base64) printed centred above the lines, as a GS v 0 raster image. */
  logo?: PrinterLogo | null;
}

/**
 * A 1-bit raster as the RGBA pixels the encoder's image() takes; with the `threshold` algorithm
 * it gives back the same dots.
 */
export function rasterPixels(r: Raster): {
  data: Uint8ClampedArray;
  width: number;
  height: number;
} {
  const data = new Uint8ClampedArray(r.width * r.height * 4).fill(255);
  const stride = Math.ceil(r.width / 8);
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++)
      if ((r.bits[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1) {
        const at = (y * r.width + x) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
  return { data, width: r.width, height: r.height };
}

/** The named character sets, in the order `auto` tries them, each as the code points it has. */
let namedPages: Array<[PrinterCodepage, Set<number>]> | undefined;

/**
 * The character set a printer set to `auto` prints `lines` in: the first named one
 * (PRINTER_CODEPAGES) that has every character of them, or `auto` when none has (the encoder then
 * switches code pages within the text, ESC t, character by character).
 *
 * Why not always `auto`: the encoder looks each character's code page up afresh, copying the
 * page's whole table every time, 55 ms of the main process for a 30-line receipt. One page for
 * the whole receipt prints the same characters, with one ESC t, in about 4 ms.
 */
export function pageFor(lines: readonly PrintLine[]): PrinterCodepage {
  namedPages ??= PRINTER_CODEPAGES.filter((p) => p !== 'auto').map((p) => [
    p,
    new Set(CodepageEncoder.getEncoding(p).codepoints),
  ]);
  const used = new Set<number>();
  for (const l of lines) if (l.kind !== 'rule') for (const c of l.text) used.add(c.codePointAt(0)!);
  const chars = [...used];
  const found = namedPages.find(([, has]) => chars.every((c) => has.has(c)));
  return found ? found[0] : 'auto';
}

/** The ESC/POS bytes of `lines` for a printer. */
export function escpos(lines: readonly PrintLine[], o: EscPosOptions): Uint8Array {
  const columns = columnsFor(o.paperWidth);
  const e = new ReceiptPrinterEncoder({ columns, imageMode: 'raster' }).initialize();
  e.codepage(o.codepage === 'auto' ? pageFor(lines) : o.codepage);
  const logo = o.logo ? logoRaster(o.logo) : null;
  if (logo) e.align('center').image(rasterPixels(logo), logo.width, logo.height, 'threshold');
  for (const l of lines) {
    if (l.kind === 'rule') {
      e.align('left').line('-'.repeat(columns));
      continue;
    }
    e.align(l.align)
      .bold(l.bold ?? false)
      .line(l.text)
      .bold(false);
  }
  if (o.kick) e.pulse();
  if (o.cut ?? true) e.cut();
  return e.encode();
}

/** Only the drawer pulse (ESC p): opens the drawer without printing (no-sale). */
export function drawerPulse(): Uint8Array {
  return new ReceiptPrinterEncoder().initialize().pulse().encode();
}

/**
 * A small ESC/POS reader for tests: turns the bytes a printer receives into text lines (through
 * the code page the bytes select with ESC t, by the Epson table the encoder uses), and the cuts
 * and cash drawer kicks (ESC p) in the order they come, and raster images (GS v 0): their size and
 * dots, with consecutive raster commands of the same width (the encoder sends at most 255 rows
 * each) joined into one image. Bold, size, alignment and fonts are skipped. An ESC or GS command
 * it does not know fails the test instead of guessing.
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';

/** ESC t n → code page, Epson's numbering (the encoder's default mapping). */
const EPSON: Readonly<Record<number, string>> = {
  0: 'cp437',
  2: 'cp850',
  3: 'cp860',
  4: 'cp863',
  5: 'cp865',
  11: 'cp851',
  12: 'cp853',
  13: 'cp857',
  14: 'cp737',
  15: 'iso8859-7',
  16: 'windows1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
  40: 'iso8859-15',
};

/** A raster image: `rows` of width/8 bytes, MSB the leftmost dot, 1 = black. */
export interface DecodedImage {
  width: number;
  height: number;
  /** The line index the image comes before (text lines decoded so far). */
  beforeLine: number;
  rows: Uint8Array[];
}

export interface Decoded {
  /** Text lines, trailing spaces removed. */
  lines: string[];
  /** What happened, in order: a `line` index, a `cut` or a `kick` (ESC p). */
  events: Array<'cut' | 'kick' | 'image'>;
  images: DecodedImage[];
  cuts: number;
  kicks: number;
  /** The code pages selected, in order. */
  codepages: string[];
}

const tables = new Map<string, number[]>();
function table(name: string): number[] {
  let t = tables.get(name);
  if (!t) tables.set(name, (t = CodepageEncoder.getCodepoints(name as never, true)));
  return t;
}

export function decodeEscPos(input: Uint8Array): Decoded {
  const b = input;
  const out: Decoded = {
    lines: [],
    events: [],
    images: [],
    cuts: 0,
    kicks: 0,
    codepages: [],
  };
  let lastWasImage = false;
  let page = 'cp437';
  let line = '';
  let i = 0;
  const arg = (k: number) => {
    if (i + k >= b.length) throw new Error(`Truncated command at byte ${i}`);
    return b[i + k]!;
  };
  while (i < b.length) {
    const c = b[i]!;
    const afterImage = lastWasImage;
    lastWasImage = false;
    if (c === 0x0a) {
      out.lines.push(line.trimEnd());
      line = '';
      i += 1;
    } else if (c === 0x0d) i += 1;
    else if (c === 0x1b) {
      const cmd = arg(1);
      if (cmd === 0x40)
        i += 2; // ESC @ initialise
      else if (cmd === 0x74) {
        const n = arg(2);
        const name = EPSON[n];
        if (!name) throw new Error(`Unknown code page ESC t ${n}`);
        page = name;
        out.codepages.push(name);
        i += 3;
      } else if (cmd === 0x70) {
        out.kicks += 1;
        out.events.push('kick');
        i += 5; // ESC p m t1 t2
      } else if ([0x45, 0x4d, 0x61, 0x2d, 0x34, 0x33, 0x21, 0x4a, 0x64, 0x47, 0x20].includes(cmd))
        i += 3; // bold, font, align, underline, italic, spacing, mode, feeds: one argument
      else if (cmd === 0x32)
        i += 2; // ESC 2 default line spacing
      else throw new Error(`Unknown ESC 0x${cmd.toString(16)} at byte ${i}`);
    } else if (c === 0x1d) {
      const cmd = arg(1);
      if (cmd === 0x56) {
        const m = arg(2);
        out.cuts += 1;
        out.events.push('cut');
        i += m === 0x41 || m === 0x42 || m === 65 || m === 66 ? 4 : 3;
      } else if (cmd === 0x76 && arg(2) === 0x30) {
        // GS v 0 m xL xH yL yH d1...dk: a raster image, (xL + xH·256) bytes × (yL + yH·256) rows
        const stride = arg(4) + arg(5) * 256;
        const height = arg(6) + arg(7) * 256;
        if (i + 8 + stride * height > b.length) throw new Error(`Truncated raster at byte ${i}`);
        const rows = Array.from({ length: height }, (_, y) =>
          b.slice(i + 8 + y * stride, i + 8 + (y + 1) * stride),
        );
        const last = out.images.at(-1);
        if (afterImage && last && last.width === stride * 8) {
          last.rows.push(...rows);
          last.height += height;
        } else {
          out.images.push({ width: stride * 8, height, beforeLine: out.lines.length, rows });
          out.events.push('image');
        }
        i += 8 + stride * height;
        lastWasImage = true;
      } else if ([0x21, 0x42, 0x68, 0x77, 0x48, 0x66].includes(cmd)) i += 3;
      else throw new Error(`Unknown GS 0x${cmd.toString(16)} at byte ${i}`);
    } else if (c === 0x1c) {
      const cmd = arg(1);
      if (cmd === 0x2e)
        i += 2; // FS . cancel kanji
      else throw new Error(`Unknown FS 0x${cmd.toString(16)} at byte ${i}`);
    } else {
      line += c < 0x80 ? String.fromCharCode(c) : String.fromCodePoint(table(page)[c] ?? 0xfffd);
      i += 1;
    }
  }
  if (line !== '') out.lines.push(line.trimEnd());
  return out;
}

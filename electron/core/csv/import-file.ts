/**
 * An import file as the renderer sends it: its bytes, base64 (RFC 4648 §4). The core, which has
 * the bytes, decides how to read the text (F3), so `Café` saved by Excel in Windows-1252 is never
 * turned into `Caf�`:
 * - valid UTF-8 (checked with `TextDecoder('utf-8', { fatal: true })`; a byte-order mark is
 *   allowed and dropped) is read as UTF-8;
 * - otherwise the text is read as Windows-1252, the superset of Latin-1 that Excel and most
 *   Western European tills write (WHATWG Encoding maps `latin1` to it);
 * - text that is neither is refused with IMPORT_ENCODING: UTF-16 (a UTF-16 byte-order mark, or NUL
 *   bytes), a UTF-8 byte-order mark followed by bytes that are not UTF-8, or bytes Windows-1252
 *   leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
 * The base64 is decoded one slice at a time (never the whole file at once), and every slice
 * counts as work for the import's job, which gives the event loop a turn between slices (F1).
 */
import { MAX_IMPORT_BYTES, type ImportEncoding } from '../../../shared/contract/imports';
import { AppError } from '../../../shared/errors';
import type { ImportJob } from '../imports/import-jobs';

/** Base64 characters per slice: a multiple of 4, so each slice decodes on its own (48 KiB). */
const SLICE_CHARS = 65_536;
const BASE64_SLICE = /^[A-Za-z0-9+/]*$/;
const BASE64_END = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Bytes Windows-1252 leaves undefined: their presence means the text is not Windows-1252. */
const UNDEFINED_IN_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const NEWLINE = 0x0a;

const refuse = (detail: string) =>
  new AppError(
    'IMPORT_ENCODING',
    `${detail} Save the file as "CSV UTF-8" (or CSV in Windows-1252) and try again.`,
  );

export class ImportFile {
  /** The file's size in bytes. */
  readonly byteLength: number;

  /**
   * Errors: IMPORT_TOO_LARGE over MAX_IMPORT_BYTES (50 MB), checked from the base64 length before
   * anything is decoded; IMPORT_REJECTED when the text is not base64.
   */
  constructor(private readonly base64: string) {
    const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
    if (base64.length % 4 !== 0)
      throw new AppError('IMPORT_REJECTED', 'The file did not arrive intact. Try again.');
    this.byteLength = (base64.length / 4) * 3 - padding;
    if (this.byteLength > MAX_IMPORT_BYTES)
      throw new AppError(
        'IMPORT_TOO_LARGE',
        `The file is ${(this.byteLength / 1_000_000).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1_000_000} MB.`,
      );
  }

  /** The bytes, one slice at a time (each slice is one unit of `job` work). */
  private async *slices(job: ImportJob): AsyncGenerator<Buffer> {
    for (let at = 0; at < this.base64.length; at += SLICE_CHARS) {
      const chars = this.base64.slice(at, at + SLICE_CHARS);
      const last = at + SLICE_CHARS >= this.base64.length;
      if (!(last ? BASE64_END : BASE64_SLICE).test(chars))
        throw new AppError('IMPORT_REJECTED', 'The file did not arrive intact. Try again.');
      yield Buffer.from(chars, 'base64');
      if (job.advance(0)) await job.pause();
    }
  }

  /**
   * Reads every byte once: which encoding the text is in (see the module comment), and how many
   * lines it has (an upper bound on its rows, for progress). Errors: IMPORT_ENCODING.
   */
  async inspect(job: ImportJob): Promise<{ encoding: ImportEncoding; lines: number }> {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let valid = true;
    let first = true;
    let bomUtf8 = false;
    let undefined1252 = false;
    let lines = 0;
    let lastByte = NEWLINE;
    let offset = 0;
    for await (const bytes of this.slices(job)) {
      if (first) {
        first = false;
        if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
          throw refuse('The file is in UTF-16.');
        bomUtf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      }
      const nul = bytes.indexOf(0);
      if (nul !== -1)
        throw refuse(`The file has a NUL byte at byte ${offset + nul + 1}, so it is not CSV text.`);
      if (valid) {
        try {
          utf8.decode(bytes, { stream: true });
        } catch {
          valid = false;
        }
      }
      if (!undefined1252) undefined1252 = UNDEFINED_IN_1252.some((b) => bytes.includes(b));
      for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) lines++;
      if (bytes.length > 0) lastByte = bytes[bytes.length - 1]!;
      offset += bytes.length;
    }
    if (valid) {
      try {
        utf8.decode();
      } catch {
        valid = false;
      }
    }
    if (lastByte !== NEWLINE) lines++;
    if (valid) return { encoding: 'utf-8', lines };
    if (bomUtf8) throw refuse('The file starts as UTF-8 but has bytes that are not UTF-8.');
    if (undefined1252) throw refuse('The file is neither UTF-8 nor Windows-1252 (Latin-1) text.');
    return { encoding: 'windows-1252', lines };
  }

  /** The text in `encoding`, one slice at a time (a UTF-8 byte-order mark is dropped). */
  async *text(encoding: ImportEncoding, job: ImportJob): AsyncGenerator<string> {
    const decoder = new TextDecoder(encoding, { fatal: true });
    for await (const bytes of this.slices(job)) yield decoder.decode(bytes, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

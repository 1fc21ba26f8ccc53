/**
 * An OS print queue on Windows, in the spooler's RAW mode (issue 10, section 2): the ESC/POS
 * bytes reach an installed printer untouched by its driver. The sequence is the one Microsoft
 * documents for raw data ("How to send raw data to a printer by using the Win32 API"):
 * OpenPrinterW → StartDocPrinterW (DOC_INFO_1W, datatype "RAW") → StartPagePrinter →
 * WritePrinter until every byte is taken → EndPagePrinter → EndDocPrinter → ClosePrinter.
 *
 * winspool.drv is called through koffi, a maintained Node-API FFI that ships prebuilt for
 * Windows x64, ia32 and arm64, so nothing is compiled per Electron version. Every call is one
 * of koffi's async calls on its worker threads: a printer shared from a computer that is off can
 * keep OpenPrinterW waiting, and the main process must never wait with it.
 *
 * The printer handle is always closed. A job whose bytes were not all taken is aborted
 * (AbortPrinter deletes its spool file), so a half receipt never prints. The spooler takes jobs
 * for a printer that is off and prints them when it returns, as Windows does for every app.
 */
import { promisify } from 'node:util';

/** What winspool.drv exports, as the print worker calls it; each returns a promise. */
interface Spooler {
  /** OpenPrinterW(name, &handle, NULL): non-zero on success. */
  open(name: string, handle: [unknown], defaults: null): Promise<number>;
  /** StartDocPrinterW(handle, 1, &docInfo): the spooler's job id, 0 on failure. */
  startDoc(handle: unknown, level: 1, doc: DocInfo): Promise<number>;
  startPage(handle: unknown): Promise<number>;
  /** WritePrinter(handle, bytes, count, &written): non-zero on success. */
  write(handle: unknown, bytes: Buffer, count: number, written: [number]): Promise<number>;
  endPage(handle: unknown): Promise<number>;
  endDoc(handle: unknown): Promise<number>;
  abort(handle: unknown): Promise<number>;
  close(handle: unknown): Promise<number>;
}

interface DocInfo {
  pDocName: string;
  pOutputFile: null;
  pDatatype: 'RAW';
}

export interface WinspoolOptions {
  /** The library to call: winspool.drv on Windows; tests load a stand-in built from C. */
  library?: string;
  /** The job's name in the Windows print queue ("Kassa receipt #12"). */
  docName?: string;
}

const spoolers = new Map<string, Spooler>();

/** Loads koffi only when a Windows queue prints, so no other platform depends on its binary. */
async function spooler(library: string): Promise<Spooler> {
  const known = spoolers.get(library);
  if (known) return known;
  const { default: koffi } = await import('koffi');
  // An anonymous struct: a named koffi type is process-wide and could be declared only once.
  const docInfo = koffi.struct({ pDocName: 'str16', pOutputFile: 'str16', pDatatype: 'str16' });
  const lib = koffi.load(library);
  const call = (f: { async: (...a: never[]) => unknown }) =>
    promisify(f.async) as (...a: unknown[]) => Promise<never>;
  // Win32 BOOL is a 32-bit int and DWORD an unsigned one; __stdcall matters on 32-bit Windows.
  const fn = (proto: string) => call(lib.func(proto));
  const made: Spooler = {
    open: fn('int __stdcall OpenPrinterW(str16 name, _Out_ void **handle, void *defaults)'),
    startDoc: call(
      lib.func('__stdcall', 'StartDocPrinterW', 'uint32_t', [
        'void *',
        'uint32_t',
        koffi.pointer(docInfo),
      ]),
    ),
    startPage: fn('int __stdcall StartPagePrinter(void *h)'),
    write: fn('int __stdcall WritePrinter(void *h, void *buf, uint32_t n, _Out_ uint32_t *done)'),
    endPage: fn('int __stdcall EndPagePrinter(void *h)'),
    endDoc: fn('int __stdcall EndDocPrinter(void *h)'),
    abort: fn('int __stdcall AbortPrinter(void *h)'),
    close: fn('int __stdcall ClosePrinter(void *h)'),
  };
  spoolers.set(library, made);
  return made;
}

/**
 * Sends `bytes` to the Windows printer `name` (as Settings → Printers lists it, or
 * `\\server\printer`) as one RAW spooler job. Rejects with a message that names the step that
 * failed ("Windows could not open the printer …"); nothing is left open or half printed.
 */
export async function sendWinspool(
  name: string,
  bytes: Uint8Array,
  o: WinspoolOptions = {},
): Promise<void> {
  const s = await spooler(o.library ?? 'winspool.drv');
  const handle: [unknown] = [null];
  if (!(await s.open(name, handle, null)))
    throw new Error(
      `Windows could not open the printer "${name}". Check its name in Settings → Printers & scanners.`,
    );
  const h = handle[0];
  try {
    const doc: DocInfo = { pDocName: o.docName ?? 'Kassa', pOutputFile: null, pDatatype: 'RAW' };
    if (!(await s.startDoc(h, 1, doc)))
      throw new Error(`The Windows spooler refused a RAW job for "${name}".`);
    try {
      if (!(await s.startPage(h)))
        throw new Error(`The Windows spooler refused a page for "${name}".`);
      await writeAll(s, h, Buffer.from(bytes), name);
      if (!(await s.endPage(h)))
        throw new Error(`The Windows spooler could not end the page for "${name}".`);
    } catch (e) {
      await s.abort(h);
      throw e;
    }
    if (!(await s.endDoc(h)))
      throw new Error(`The Windows spooler could not finish the job for "${name}".`);
  } finally {
    await s.close(h);
  }
}

async function writeAll(s: Spooler, h: unknown, buffer: Buffer, name: string): Promise<void> {
  for (let at = 0; at < buffer.length;) {
    const done: [number] = [0];
    const rest = buffer.subarray(at);
    if (!(await s.write(h, rest, rest.length, done)) || done[0] === 0)
      throw new Error(
        `The Windows spooler stopped taking the job for "${name}" after ${at} of ${buffer.length} bytes.`,
      );
    at += done[0];
  }
}

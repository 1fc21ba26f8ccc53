/**
 * The Windows spooler for tests on Linux: `winspool/winspool-stand-in.c` built with the system C
 * compiler (g++'s gcc, installed by .ci/run) into a shared library with winspool.drv's functions,
 * which Kassa then calls through koffi exactly as on Windows. Each job's bytes land in `out` once
 * the job ends (EndDocPrinter); an aborted job leaves nothing. Built once per test process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import koffi from 'koffi';

const SOURCE = join(import.meta.dirname, 'winspool', 'winspool-stand-in.c');

export interface WinspoolStandIn {
  /** The library's path, for `sendWinspool`'s `library` or PrintingOptions.queue. */
  library: string;
  /**
   * The one installed printer and where its jobs go. `chunk`: WritePrinter takes at most this
   * many bytes a call (0: all); `failAfter`: it fails once this many bytes are taken (-1: never);
   * `openDelayMs`: OpenPrinterW sleeps this long first.
   */
  configure(o: {
    printer: string;
    out: string;
    chunk?: number;
    failAfter?: number;
    openDelayMs?: number;
  }): void;
  /** Printer handles opened and not yet closed. */
  openHandles(): number;
  /** Whether the last job was aborted (AbortPrinter). */
  aborted(): boolean;
  /** Pages started in the jobs since `configure`. */
  pages(): number;
  /** The last job's DOC_INFO_1W: its name and datatype. */
  lastDoc(): { name: string; datatype: string };
}

let built: WinspoolStandIn | null = null;

export function winspoolStandIn(): WinspoolStandIn {
  if (built) return built;
  const library = join(mkdtempSync(join(tmpdir(), 'kassa-winspool-')), 'winspool-stand-in.so');
  execFileSync('gcc', ['-shared', '-fPIC', '-O1', '-Wall', '-Werror', '-o', library, SOURCE]);
  const lib = koffi.load(library);
  const configure = lib.func(
    'void stand_in_configure(str name, str out, long chunk, long failAfter, long openDelayMs)',
  );
  const int = (name: string) => lib.func(`int ${name}(void)`) as () => number;
  const text = (name: string) => lib.func(`str ${name}(void)`) as () => string;
  const [openHandles, aborted, pages] = ['open_handles', 'aborted', 'pages'].map((n) =>
    int(`stand_in_${n}`),
  ) as [() => number, () => number, () => number];
  const [docName, datatype] = [text('stand_in_doc_name'), text('stand_in_datatype')];
  built = {
    library,
    configure: (o) =>
      configure(o.printer, o.out, o.chunk ?? 0, o.failAfter ?? -1, o.openDelayMs ?? 0),
    openHandles,
    aborted: () => aborted() === 1,
    pages,
    lastDoc: () => ({ name: docName(), datatype: datatype() }),
  };
  return built;
}

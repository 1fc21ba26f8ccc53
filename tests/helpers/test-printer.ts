/**
 * A network receipt printer for tests: a TCP server on 127.0.0.1 (a free port) that captures the
 * bytes of each connection as one print. It can be `up` (takes everything), `drop` (answers, then
 * closes at once without reading: a printer that drops the job) or `down` (port closed: the
 * connection is refused, like a printer that is off). Use `decodeEscPos` on `prints`.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { ChannelInput } from '../../shared/contract';

export type PrinterInput = ChannelInput<'printing:savePrinter'>;

/**
 * A `printing:savePrinter` input for an 80 mm ESC/POS printer at 127.0.0.1:`port` that prints
 * automatically, has a cash drawer and is the till's default; `more` overrides any field.
 */
export function networkPrinter(port: number, more: Partial<PrinterInput> = {}): PrinterInput {
  return {
    name: 'Front desk',
    connection: { type: 'network', host: '127.0.0.1', port },
    paperWidth: '80mm',
    codepage: 'cp858',
    autoPrint: true,
    cashDrawer: true,
    isDefault: true,
    ...more,
  };
}

export type PrinterMode = 'up' | 'drop' | 'down';

export class TestPrinter {
  /** Each complete print received, in order. */
  readonly prints: Uint8Array[] = [];
  port = 0;
  private server: Server | null = null;
  private mode: PrinterMode = 'up';
  private readonly sockets = new Set<Socket>();
  private waiters: Array<() => void> = [];

  static async start(): Promise<TestPrinter> {
    const p = new TestPrinter();
    await p.listen(0);
    return p;
  }

  private listen(port: number): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    if (this.mode === 'drop') {
      socket.resetAndDestroy();
      return;
    }
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => {
      this.prints.push(new Uint8Array(Buffer.concat(chunks)));
      socket.end();
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Changes how the printer behaves; `down` closes the port, `up`/`drop` reopen it. */
  async setMode(mode: PrinterMode): Promise<void> {
    const wasDown = this.mode === 'down';
    this.mode = mode;
    if (mode === 'down' && !wasDown) await this.closeServer();
    if (mode !== 'down' && wasDown) await this.listen(this.port);
  }

  /** Resolves once `n` prints have arrived in all (or rejects after `timeoutMs`). */
  async waitForPrints(n: number, timeoutMs = 5_000): Promise<Uint8Array[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.prints.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Expected ${n} prints, got ${this.prints.length}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
    return this.prints.slice(0, n);
  }

  private closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  close(): Promise<void> {
    return this.closeServer();
  }
}

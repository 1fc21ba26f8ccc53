/**
 * Runs bcryptjs in a worker thread so the main process's event loop never stalls during a hash
 * (A1: "the event-loop delay during a login stays under 20 ms"). bcryptjs's own async API yields
 * only every 100 ms (its MAX_EXECUTION_TIME), which is not enough.
 *
 * The worker is started lazily, kept referenced only while work is pending (so it never holds the
 * process open), and serves one request at a time in FIFO order.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcryptPath);
parentPort.on('message', (m) => {
  try {
    const result = m.op === 'hash' ? bcrypt.hashSync(m.data, m.arg) : bcrypt.compareSync(m.data, m.arg);
    parentPort.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;

type Pending = { resolve: (v: string | boolean) => void; reject: (e: Error) => void };

export class BcryptWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** bcrypt hash of `data` (≤ 72 bytes) with `cost` rounds. */
  hash(data: string, cost: number): Promise<string> {
    return this.send('hash', data, cost) as Promise<string>;
  }

  /** Whether `data` matches a bcrypt `hash`. */
  compare(data: string, hash: string): Promise<boolean> {
    return this.send('compare', data, hash) as Promise<boolean>;
  }

  private start(): Worker {
    const bcryptPath = createRequire(import.meta.url).resolve('bcryptjs');
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptPath } });
    w.on('message', (m: { id: number; result?: string | boolean; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result!);
    });
    w.on('error', (e) => this.failAll(e));
    w.on('exit', () => {
      this.worker = undefined;
      this.failAll(new Error('bcrypt worker exited'));
    });
    w.unref();
    return w;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private send(
    op: 'hash' | 'compare',
    data: string,
    arg: string | number,
  ): Promise<string | boolean> {
    this.worker ??= this.start();
    const w = this.worker;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, op, data, arg });
    });
  }

  /**
   * Stops the worker. The worker is referenced again first: an unreferenced worker's exit does
   * not keep the event loop alive, so a script ending in a top-level `await core.close()` could
   * find its await unsettled (Node exit code 13).
   */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (!w) return;
    w.ref();
    await w.terminate();
  }
}

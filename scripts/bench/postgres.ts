/**
 * The store-server rows of `npm run bench -- --postgres` (issue 12, section 5): the seeded SQLite
 * database copied to a throwaway PostgreSQL with the product's own "copy my data to a store
 * server" step, then tills on that server. What limits several tills is read while they sell:
 * the CPU's busy and I/O-wait shares (/proc/stat), the CPU time per sale of the tills' processes
 * and of the server's (scripts/bench/cpu.ts), and what the server's sessions wait on
 * (pg_stat_activity: Lock, LWLock, IO such as WALSync, or nothing, i.e. running).
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface, type Interface } from 'node:readline';
import type { DataSource } from 'typeorm';
import { createCore, type Core } from '../../electron/core';
import { createPostgresDataSource } from '../../electron/core/db/data-source';
import { migrateStoreServer } from '../../electron/core/db/server-migrations';
import { copyToServer, type CopyReport } from '../../electron/core/store-server/copy-to-server';
import { APP_ORIGIN } from '../../shared/csp';
import { BENCH_KEYCHAIN, BENCH_TERMINAL, type ProductInfo } from './databases';
import { machineCpuMs, processTreeCpuMs } from './cpu';
import { startBenchServer, type BenchServer } from './pg-server';
import type { TillResult } from './pg-till';

const ROOT = resolve(import.meta.dirname, '../..');

export interface StoreServer extends BenchServer {
  copy: CopyReport;
  copySeconds: number;
}

/**
 * A server holding a copy of the SQLite database at `path` (migrated, then copied, verified and
 * ANALYZEd by copyToServer). The bench till keeps its row, so its audit chain and seal
 * (BENCH_KEYCHAIN) carry over.
 */
export async function storeServerFrom(path: string): Promise<StoreServer> {
  const server = await startBenchServer(['max_connections=100', 'shared_buffers=256MB']);
  const ds = createPostgresDataSource(server.url);
  const source = new Database(path, { readonly: true });
  try {
    await ds.initialize();
    await migrateStoreServer(ds);
    const till = source.prepare('SELECT id FROM tills WHERE name = ?').get(BENCH_TERMINAL) as {
      id: number;
    };
    const t0 = performance.now();
    const copy = await copyToServer(source, ds, { id: till.id, name: BENCH_TERMINAL });
    const copySeconds = (performance.now() - t0) / 1000;
    return { ...server, copy, copySeconds };
  } catch (e) {
    server.stop();
    throw e;
  } finally {
    source.close();
    if (ds.isInitialized) await ds.destroy();
  }
}

/** The bench till's core on the server at `url`, as openCore opens it on a file. */
export async function openServerCore(url: string, dir: string): Promise<Core> {
  const core = await createCore({
    databasePath: join(dir, 'server-till.sqlite'),
    database: { kind: 'postgres', url, tls: { mode: 'disable' } },
    secretStore: BENCH_KEYCHAIN,
    integrityCheck: false,
    backupSchedule: false,
    appOrigin: APP_ORIGIN,
    terminalName: BENCH_TERMINAL,
    logger: { info: () => {}, warn: () => {}, error: (m) => console.error(`core: ${m}`) },
  });
  if (core.safeMode) throw new Error('the bench till opened on the server in safe mode');
  return core;
}

/** Runs `sql` on the server at `url` in a connection of its own. */
export async function onServer<T>(url: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = createPostgresDataSource(url);
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

export interface TillsRun {
  tills: number;
  seconds: number;
  results: TillResult[];
  /** Acknowledged sales per second, all tills together. */
  rate: number;
  /** Shares of the machine's CPU time while they sold (0–1). */
  cpu: { busy: number; ioWait: number };
  /**
   * CPU time per acknowledged sale while they sold, ms: the till processes' own, the server's
   * (postmaster and every process it started), and the whole machine's busy time.
   */
  cpuPerSale: { tills: number; server: number; machine: number };
  /** Share of sampled active server sessions by what they waited on ('running' = none). */
  waits: Record<string, number>;
}

/**
 * `tills` till processes (scripts/bench/pg-till.ts) on `server`, each its own core, started one
 * after another, each signing in and selling alone for `warmUpSeconds` (not measured); then all
 * are told to sell at once for `seconds`. Rejects when a till fails.
 */
export async function tillsAtOnce(
  server: BenchServer,
  tills: number,
  seconds: number,
  products: readonly ProductInfo[],
  warmUpSeconds: number,
): Promise<TillsRun> {
  const input = (name: string) =>
    JSON.stringify({
      url: server.url,
      name,
      seconds,
      warmUpSeconds,
      products: products.slice(0, 300).map((p) => ({ id: p.id, price: p.price })),
    });
  // Started one after another: each signs the same cashier in, and eight sign-ins of one member
  // at one instant contend for that member's row (one answered BUSY in a trial run).
  const children: ChildProcess[] = [];
  const lines: Interface[] = [];
  const nextLine = (i: number) =>
    new Promise<string>((resolve, reject) => {
      lines[i]!.once('line', resolve);
      children[i]!.once('exit', (code) => reject(new Error(`till ${i + 1} exited with ${code}`)));
    });
  try {
    for (let i = 0; i < tills; i++) {
      children.push(
        spawn(
          join(ROOT, 'node_modules/.bin/tsx'),
          [
            '--tsconfig',
            'tsconfig.run.json',
            'scripts/bench/pg-till.ts',
            input(`bench-pg-${i + 1}`),
          ],
          { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
        ),
      );
      lines.push(createInterface({ input: children[i]!.stdout! }));
      await nextLine(i);
    }
  } catch (e) {
    for (const c of children) c.kill('SIGKILL');
    throw e;
  }
  const done = children.map((_, i) => nextLine(i));
  const sampler = await waitSampler(server.url);
  const cpu0 = machineCpuMs();
  const serverCpu0 = processTreeCpuMs(server.pid);
  for (const c of children) c.stdin!.write('go\n');
  const results = (await Promise.all(done)).map((l) => JSON.parse(l) as TillResult);
  const cpu1 = machineCpuMs();
  const serverCpu1 = processTreeCpuMs(server.pid);
  const waits = await sampler.stop();
  const total = cpu1.total - cpu0.total;
  const sales = results.reduce((a, r) => a + r.sales, 0);
  const perSale = (ms: number) => ms / Math.max(1, sales);
  return {
    tills,
    seconds,
    results,
    rate: sales / seconds,
    cpu: { busy: (cpu1.busy - cpu0.busy) / total, ioWait: (cpu1.ioWait - cpu0.ioWait) / total },
    cpuPerSale: {
      tills: perSale(results.reduce((a, r) => a + r.cpuMs, 0)),
      server: perSale(serverCpu1 - serverCpu0),
      machine: perSale(cpu1.busy - cpu0.busy),
    },
    waits,
  };
}

/** Samples the server's active client sessions every 100 ms until `stop`; answers the shares. */
async function waitSampler(url: string): Promise<{ stop(): Promise<Record<string, number>> }> {
  const ds = createPostgresDataSource(url);
  await ds.initialize();
  const counts: Record<string, number> = {};
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = (await ds.query(
        `SELECT COALESCE(wait_event_type || ':' || wait_event, 'running') AS w FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()`,
      )) as Array<{ w: string }>;
      for (const r of rows) counts[r.w] = (counts[r.w] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await ds.destroy();
      const n = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
      return Object.fromEntries(
        Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => [k, Math.round((v / n) * 1000) / 1000]),
      );
    },
  };
}

/**
 * One till of the store-server bench (`npm run bench -- --postgres`, issue 12 section 5), run as
 * its own process by scripts/bench/postgres.ts: a real core on the server as till `name`, the
 * bench cashier signed in on window 2. It rings up 10-line card sales through `sales:checkout` for
 * `warmUpSeconds`, prints `ready`, waits for a line on stdin, then rings them up for `seconds`
 * (measured), and prints one JSON line: sales acknowledged, refusals by error code, each sale's
 * time in ms, and the CPU time the till's own process used while it sold.
 *
 *   tsx --tsconfig tsconfig.run.json scripts/bench/pg-till.ts '{"url":…,"name":…,"seconds":…,"products":[…]}'
 */
import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { createCore } from '../../electron/core';
import { createMemorySecretStore, DATA_PROTECTION_KEY_ACCOUNT } from '../../electron/core/secrets';
import { applyCoreProcessV8Flags } from '../../electron/main/v8-flags';
import { APP_ORIGIN } from '../../shared/csp';
import { BENCH_CASHIER, CASHIER_CALLER } from './databases';
import { prng } from './stats';

interface TillInput {
  url: string;
  name: string;
  seconds: number;
  /** Seconds it sells before it says `ready`, not measured. */
  warmUpSeconds: number;
  /** Sellable products: id and price (minor units). */
  products: Array<{ id: number; price: number }>;
}

/** What the till prints at the end. */
export interface TillResult {
  name: string;
  sales: number;
  refused: Record<string, number>;
  /** Each acknowledged sale's time, ms. */
  samples: number[];
  /** CPU time (user + system) of this till's process while it sold, ms. */
  cpuMs: number;
}

async function main(): Promise<void> {
  // The flags of the process that hosts the core in the app (Electron's main process), as the
  // bench's own process sets them (run.ts), so each till runs its core as a shop's till does.
  applyCoreProcessV8Flags();
  const input = JSON.parse(process.argv[2] ?? '') as TillInput;
  const dir = mkdtempSync(join(tmpdir(), 'kassa-bench-till-'));
  const key = createHash('sha256').update(`kassa bench till ${input.name}`).digest('base64');
  const core = await createCore({
    databasePath: join(dir, 'till.sqlite'),
    database: { kind: 'postgres', url: input.url, tls: { mode: 'disable' } },
    secretStore: createMemorySecretStore({ [DATA_PROTECTION_KEY_ACCOUNT]: key }),
    integrityCheck: false,
    backupSchedule: false,
    appOrigin: APP_ORIGIN,
    terminalName: input.name,
    logger: { info: () => {}, warn: () => {}, error: (m) => console.error(`core: ${m}`) },
  });
  if (core.safeMode) throw new Error(`${input.name} opened in safe mode`);
  const login = await core.invoke(
    'auth:login',
    { identifier: BENCH_CASHIER.username, password: BENCH_CASHIER.password },
    CASHIER_CALLER,
  );
  if (!login.ok) throw new Error(`${input.name}: sign-in ${login.error.code}`);

  const rnd = prng(input.name.length * 7919 + input.name.charCodeAt(input.name.length - 1));
  const sell = async (seconds: number, result: TillResult): Promise<void> => {
    const deadline = performance.now() + seconds * 1000;
    while (performance.now() < deadline) {
      const lines = Array.from({ length: 10 }, () => {
        const p = input.products[Math.floor(rnd() * input.products.length)]!;
        return { product: p, quantity: 1 + Math.floor(rnd() * 3) };
      });
      const total = lines.reduce((a, l) => a + l.product.price * l.quantity, 0);
      const t0 = performance.now();
      const r = await core.invoke(
        'sales:checkout',
        {
          id: randomUUID(),
          lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
          tenders: [{ type: 'card', amount: total }],
        },
        CASHIER_CALLER,
      );
      if (r.ok) {
        result.sales += 1;
        result.samples.push(performance.now() - t0);
      } else result.refused[r.error.code] = (result.refused[r.error.code] ?? 0) + 1;
    }
  };
  const newResult = (): TillResult => ({
    name: input.name,
    sales: 0,
    refused: {},
    samples: [],
    cpuMs: 0,
  });
  // Warm-up, alone on the server: V8 compiles the sale's path (core, TypeORM, zod, the driver)
  // and the till's server session fills its caches, as in a till's first minutes of a day.
  const warm = newResult();
  await sell(input.warmUpSeconds, warm);
  if (warm.sales === 0) throw new Error(`${input.name}: no sale in the warm-up`);
  console.log('ready');
  await new Promise<void>((resolve) =>
    createInterface({ input: process.stdin }).once('line', () => resolve()),
  );

  const result = newResult();
  const cpu = process.cpuUsage();
  await sell(input.seconds, result);
  const used = process.cpuUsage(cpu);
  result.cpuMs = (used.user + used.system) / 1000;
  await core.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(result));
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

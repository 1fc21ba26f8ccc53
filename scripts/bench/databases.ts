/**
 * The benchmark's databases: a seeded database of N sales and M customers, built once and cached
 * under bench-results/cache/ (keyed by the sizes and the migration list), then copied to a working
 * file for each run so every run starts from the same state. A cache built by an earlier build (its
 * migrations a subset of this build's) is reused: each working copy is upgraded by this build's
 * migrations when its core opens it, as a shop's file is after an update (`--fresh` rebuilds).
 *
 * Building one: the bench staff are created through the channels on a new file (a first admin, and a
 * cashier who asks for access and is approved) with UTC as the store time zone; `seedDemoData`
 * (scripts/seed/generate.ts) fills it; the busy day (the newest seeded day) is topped up to
 * `busyDaySales` sales with raw inserts (audit chain kept intact); then the WAL is checkpointed so
 * the cached file is one self-contained file.
 */
import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MIGRATIONS } from '../../migrations';
import { createCore, type Caller, type Core, type SecretStore } from '../../electron/core';
import { createMemorySecretStore, DATA_PROTECTION_KEY_ACCOUNT } from '../../electron/core/secrets';
import { APP_ORIGIN } from '../../shared/csp';
import { ensureRawTill, RawSaleWriter, type RawSale } from './raw-writer';
import { SEED_VERSION, seedDemoData } from '../seed/generate';
import { markerPath } from '../../electron/core/integrity/setup-marker';
import { prng } from './stats';

export const BENCH_ADMIN = {
  username: 'benchadmin',
  email: 'bench-admin@shop.test',
  displayName: 'Bench Admin',
  password: 'quiet lantern over the harbour',
};
export const BENCH_CASHIER = {
  username: 'benchcashier',
  email: 'bench-cashier@shop.test',
  displayName: 'Bench Cashier',
  password: 'seven spoons in a copper pot',
};
/** The till the core benchmarks sell on (its receipt numbers start at 1 in every working copy). */
export const BENCH_TERMINAL = 'bench-till';

export const ADMIN_CALLER: Caller = { origin: APP_ORIGIN, isTopFrame: true, windowId: 1 };
export const CASHIER_CALLER: Caller = { origin: APP_ORIGIN, isTopFrame: true, windowId: 2 };

export interface SeedParams {
  sales: number;
  customers: number;
  /** Sales on the busy day the day-summary row reads. */
  busyDaySales: number;
}

export interface CachedDatabase {
  path: string;
  params: SeedParams;
  /** YYYY-MM-DD (UTC calendar day; the bench sets the store time zone to UTC). */
  busyDay: string;
  seedSeconds: number;
  seededWith: string;
}

const silent = {
  info: () => {},
  warn: () => {},
  error: (m: string) => console.error(`core: ${m}`),
};

/**
 * The bench's keychain: a memory store holding a FIXED data-protection key (a bench constant, not
 * a secret), so the cached database's audit seal (D9) verifies in every later run and process, as
 * a real till's keychain keeps its key.
 */
export const BENCH_KEYCHAIN: SecretStore = createMemorySecretStore({
  [DATA_PROTECTION_KEY_ACCOUNT]: createHash('sha256')
    .update('kassa bench keychain')
    .digest('base64'),
});

/**
 * Opens the real core on `path` as the bench till, without the background integrity check (it
 * would run during the measured scenarios). Returns it with its start-up time.
 */
export async function openCore(path: string): Promise<{ core: Core; startMs: number }> {
  const t0 = performance.now();
  const core = await createCore({
    databasePath: path,
    secretStore: BENCH_KEYCHAIN,
    integrityCheck: false,
    appOrigin: APP_ORIGIN,
    terminalName: BENCH_TERMINAL,
    logger: silent,
  });
  const startMs = performance.now() - t0;
  if (core.safeMode) throw new Error(`${path} opened in safe mode`);
  // Issue 9's default policy asks roles holding staff.manage for 2FA: the bench admin signs in
  // with the password only, as the tests do (tests/helpers/core.ts turnOffTwoFactorPolicy).
  const raw = new Database(path);
  try {
    raw.pragma('busy_timeout = 5000');
    raw.prepare('UPDATE roles SET require_totp = 0').run();
  } finally {
    raw.close();
  }
  return { core, startMs };
}

async function must(core: Core, channel: string, input: unknown, caller: Caller): Promise<unknown> {
  const r = await core.invoke(channel, input, caller);
  if (!r.ok)
    throw new Error(
      `${channel}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`,
    );
  return r.data;
}

/**
 * Signs the bench admin in on window 1 and the bench cashier on window 2, creating them through
 * the channels the first time (first-run admin; access request approved by the admin).
 */
export async function signIn(core: Core): Promise<void> {
  const status = (await must(core, 'app:status', {}, ADMIN_CALLER)) as { setupRequired: boolean };
  if (status.setupRequired) await must(core, 'setup:createAdmin', BENCH_ADMIN, ADMIN_CALLER);
  else {
    const r = await core.invoke(
      'auth:login',
      { identifier: BENCH_ADMIN.username, password: BENCH_ADMIN.password },
      ADMIN_CALLER,
    );
    if (!r.ok)
      throw new Error(
        `cannot sign in as ${BENCH_ADMIN.username} (${r.error.code}): the seeded database already has staff the bench does not know; rebuild it with --fresh`,
      );
  }
  const login = await core.invoke(
    'auth:login',
    { identifier: BENCH_CASHIER.username, password: BENCH_CASHIER.password },
    CASHIER_CALLER,
  );
  if (login.ok) return;
  await must(core, 'auth:requestAccess', BENCH_CASHIER, { ...ADMIN_CALLER, windowId: 9 });
  const pending = (await must(
    core,
    'staff:list',
    { status: 'pending', search: BENCH_CASHIER.username },
    ADMIN_CALLER,
  )) as { items: Array<{ id: number }> };
  await must(core, 'staff:approve', { id: pending.items[0]!.id }, ADMIN_CALLER);
  await must(
    core,
    'auth:login',
    { identifier: BENCH_CASHIER.username, password: BENCH_CASHIER.password },
    CASHIER_CALLER,
  );
}

/** Store settings the scenarios assume: UTC days, tax-inclusive prices, the longest idle lock. */
export async function benchSettings(core: Core): Promise<void> {
  await must(
    core,
    'settings:update',
    { timeZone: 'UTC', pricesIncludeTax: true, idleLockMinutes: 15 },
    ADMIN_CALLER,
  );
  // The sale rows measure checkout, not shifts (issue 10): sell without one; the shift-close row
  // opens its own.
  await must(core, 'shifts:updateSettings', { requireOpenShift: false }, ADMIN_CALLER);
}

export function fileSizeMb(path: string): number {
  let bytes = statSync(path).size;
  if (existsSync(`${path}-wal`)) bytes += statSync(`${path}-wal`).size;
  return bytes / 1024 / 1024;
}

export interface ProductInfo {
  id: number;
  sku: string;
  name: string;
  price: number;
  taxRateBps: number;
  /** A stock product: selling it writes a movement (issue 11, section 2). */
  stock: boolean;
}

/** Sellable products (active, not archived, not a discount item), priced above zero. */
export function sellableProducts(db: Database.Database): ProductInfo[] {
  return (
    db
      .prepare(
        `SELECT id, sku, name, price, tax_rate_bps AS taxRateBps, kind FROM products
          WHERE active = 1 AND archived_at IS NULL AND kind != 'discount' AND price > 0
            AND price < 1000000 ORDER BY id LIMIT 2000`,
      )
      .all() as Array<Omit<ProductInfo, 'stock'> & { kind: string }>
  ).map(({ kind, ...p }) => ({ ...p, stock: kind === 'stock' }));
}

function cacheKey(p: SeedParams): string {
  const migrations = createHash('sha256')
    .update(MIGRATIONS.map((m) => m.name).join(','))
    .update(`seed v${SEED_VERSION}`)
    .digest('hex')
    .slice(0, 8);
  // "busy": the busy day holds busyDaySales completed sales. Before, it held that many sales of
  // any kind, so caches built then (named "-d…") are not reused.
  return `seed-s${p.sales}-c${p.customers}-busy${p.busyDaySales}-m${migrations}`;
}

/**
 * Tops the busiest day up to `target` completed sales with raw inserts on a till of its own; the
 * busy day is the UTC day of the newest seeded sale. Only completed sales count, as in the day
 * summary: the seed's refunds and voided sales that day do not. Returns that day.
 */
async function topUpBusyDay(
  path: string,
  target: number,
  log: (m: string) => void,
): Promise<string> {
  const db = new Database(path);
  const newest = db
    .prepare('SELECT created_at AS at FROM sales ORDER BY created_at DESC, id DESC LIMIT 1')
    .get() as { at: string } | undefined;
  const day = (newest?.at ?? new Date().toISOString()).slice(0, 10);
  const from = `${day}T00:00:00.000Z`;
  const next = new Date(Date.parse(from) + 86_400_000).toISOString();
  const have = (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM sales
          WHERE kind = 'sale' AND status = 'completed' AND created_at >= ? AND created_at < ?`,
      )
      .get(from, next) as { n: number }
  ).n;
  const products = sellableProducts(db);
  const staff = db.prepare(`SELECT id, username FROM staff ORDER BY id LIMIT 5`).all() as Array<{
    id: number;
    username: string;
  }>;
  const customers =
    (db.prepare('SELECT MAX(id) AS n FROM customers').get() as { n: number | null }).n ?? 0;
  const tillId = ensureRawTill(db, 'bench-busy-day');
  db.close();
  const missing = Math.max(0, target - have);
  log(`busy day ${day}: ${have} seeded sales, adding ${missing}`);
  if (missing === 0 || products.length === 0 || staff.length === 0) return day;
  const writer = new RawSaleWriter(path, tillId, 'bench-busy-day', 'bench-busy-day', 'seed');
  const rnd = prng(42);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const batch: RawSale[] = [];
  for (let i = 0; i < missing; i++) {
    // Spread over 08:00–20:00 UTC, in time order.
    const at = new Date(
      Date.parse(from) + 8 * 3_600_000 + Math.floor((i / missing) * 12 * 3_600_000),
    ).toISOString();
    const who = pick(staff);
    batch.push({
      lines: Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => {
        const p = pick(products);
        return {
          productId: p.id,
          sku: p.sku,
          name: p.name,
          unitPrice: p.price,
          quantity: 1 + Math.floor(rnd() * 3),
          taxRateBps: p.taxRateBps,
          stock: p.stock,
        };
      }),
      staffId: who.id,
      staffName: who.username,
      customerId: customers > 0 && rnd() < 0.4 ? 1 + Math.floor(rnd() * customers) : null,
      createdAt: at,
      tender: rnd() < 0.6 ? 'card' : 'cash',
    });
  }
  writer.recordMany(batch);
  writer.close();
  return day;
}

/**
 * The cached seeded database for `params`, built if missing (or if `fresh`). Building takes a
 * while at 1M sales; the result is reused by later runs.
 */
export async function cachedDatabase(
  dir: string,
  params: SeedParams,
  opts: { fresh: boolean; log: (m: string) => void },
): Promise<CachedDatabase> {
  mkdirSync(dir, { recursive: true });
  const key = cacheKey(params);
  const path = join(dir, `${key}.sqlite`);
  const metaPath = join(dir, `${key}.json`);
  if (!opts.fresh && existsSync(path) && existsSync(metaPath)) {
    // The file beside the record, whatever path it was built at: a cache copied from another
    // checkout (a worktree) is found where it is now.
    return { ...(JSON.parse(readFileSync(metaPath, 'utf8')) as CachedDatabase), path };
  }
  const earlier = opts.fresh ? null : earlierCache(dir, params);
  if (earlier) {
    opts.log(`reusing ${earlier.path}: its migrations are a subset of this build's`);
    return earlier;
  }
  const building = join(dir, `${key}.building.sqlite`);
  removeDatabase(building);

  const t0 = performance.now();
  // The bench staff and settings first, so the seeder finds an existing database and records its
  // sales under the bench's staff (it creates its own admin only on a new file).
  {
    const { core } = await openCore(building);
    await signIn(core);
    await benchSettings(core);
    await core.close();
  }
  opts.log(`seeding ${params.sales} sales and ${params.customers} customers into ${building} …`);
  const stats = await seedDemoData({
    databasePath: building,
    secretStore: BENCH_KEYCHAIN,
    customers: params.customers,
    sales: params.sales,
    log: (m) => opts.log(`  seed: ${m}`),
  });
  opts.log(
    `seeded ${stats.sales} sales (${stats.refunds} refunds, ${stats.voided} voided), ${stats.customers} customers, ${stats.lines} lines in ${stats.seconds.toFixed(0)} s`,
  );
  const busyDay = await topUpBusyDay(building, params.busyDaySales, opts.log);
  // The top-up's raw audit rows follow the seal; one start of the core verifies and reseals them.
  await (await openCore(building)).core.close();

  const db = new Database(building);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  db.close();
  removeDatabase(path);
  renameSync(building, path);
  removeDatabase(building);

  const meta: CachedDatabase = {
    path,
    params,
    busyDay,
    seedSeconds: (performance.now() - t0) / 1000,
    seededWith: `scripts/seed/generate.ts seedDemoData (seed v${SEED_VERSION})`,
  };
  writeFileSync(metaPath, JSON.stringify(meta, null, 2));
  return meta;
}

/**
 * A cache of the same sizes and seed version built with fewer migrations: every migration its
 * file recorded is one of this build's, so this build's core can upgrade a copy of it. Null if none.
 */
function earlierCache(dir: string, params: SeedParams): CachedDatabase | null {
  const prefix = cacheKey(params).replace(/-m[0-9a-f]+$/, '-m');
  const known = new Set(MIGRATIONS.map((m) => m.name));
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(prefix) || !f.endsWith('.json') || f.includes('.building')) continue;
    const meta: CachedDatabase = {
      ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CachedDatabase),
      path: join(dir, f.replace(/\.json$/, '.sqlite')),
    };
    if (!existsSync(meta.path) || !meta.seededWith.includes(`seed v${SEED_VERSION}`)) continue;
    const db = new Database(meta.path, { readonly: true });
    try {
      const names = db.prepare('SELECT name FROM migrations').pluck().all() as string[];
      if (names.length > 0 && names.every((n) => known.has(n))) return meta;
    } finally {
      db.close();
    }
  }
  return null;
}

/**
 * Removes a database file with its WAL, shared-memory file and set-up marker (a leftover marker
 * would rightly make the next core on that path refuse a missing database, D5).
 */
export function removeDatabase(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`, markerPath(path)])
    rmSync(f, { force: true });
}

/** A fresh working copy of a cached database (the cache itself is never written by a run). */
export function workingCopy(cache: CachedDatabase, path: string): string {
  removeDatabase(path);
  copyFileSync(cache.path, path);
  return path;
}

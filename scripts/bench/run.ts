/**
 * `npm run bench`: how fast the core is at the sizes a busy shop reaches, against fixed targets.
 * A script, never part of `npm test`. See docs/benchmarks.md for what each row measures.
 *
 *   npm run bench                 full: 1,000,000 sales, 100,000 customers (seeded once, cached)
 *   npm run bench -- --quick      quick check: 100,000 sales, 10,000 customers
 *   npm run bench -- --fresh      rebuild the cached seeded database first
 *   npm run bench -- --samples=N  sales per complete-sale row (default 2,000; quick 1,000)
 *   npm run bench -- --import-only  only the 20 MB import row (stall and RSS; no seeding)
 *   npm run bench -- --startup-only  only the start-up and full-check rows (D10)
 *   npm run bench -- --shift-only    only the shift-close row (issue 10: a Z report of 5,000 sales)
 *   npm run bench -- --export-only  only the year-of-sales CSV export row (issue 10, section 6)
 *   npm run bench -- --backup-only  only the backup row (issue 10, section 5)
 *   npm run bench -- --analytics-only  only the one-year report rows (issue 11, section 4)
 *   npm run bench -- --sale-only  only the complete-sale rows, core and raw, @0 and at size
 *   npm run bench -- --postgres   the store-server rows (issue 12): the seeded database copied to
 *                                 a throwaway PostgreSQL; 1, 2, 4 and 8 tills selling at once, the
 *                                 transactions page and customer search there; and the SQLite
 *                                 rows they are compared with
 *
 * Prints a table and writes bench-results/bench-<timestamp>.json and bench-results/latest.json.
 * Every call goes through `core.invoke` (router: sender, session, permission, schema, handler,
 * output schema) exactly as the Electron shell calls it. Between two measured calls the loop turns
 * once (setImmediate), as between two IPC messages.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core';
import { applyCoreProcessV8Flags } from '../../electron/main/v8-flags';
import {
  ADMIN_CALLER,
  benchSettings,
  BENCH_TERMINAL,
  cachedDatabase,
  CASHIER_CALLER,
  fileSizeMb,
  openCore,
  removeDatabase,
  sellableProducts,
  signIn,
  workingCopy,
  type CachedDatabase,
  type ProductInfo,
} from './databases';
import { benchImport, IMPORT_BYTES, IMPORT_ROWS } from './import-file';
import { benchBackup } from './backup';
import { benchExport } from './export';
import { RawSaleWriter, type RawSale } from './raw-writer';
import { coldStartups, fullCheck } from './startup';
import { benchShiftClose } from './shift-close';
import { benchAnalytics } from './analytics';
import { openServerCore, storeServerFrom, tillsAtOnce, type TillsRun } from './postgres';
import { prng, summarize, timed, watchEventLoop, yieldToLoop, type LoopStalls } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench-results');
const WORK = join(OUT, 'work');

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
/** `--import-only`: just the 20 MB import row (no seeded database needed). */
const IMPORT_ONLY = args.has('--import-only');
const FRESH = args.has('--fresh');
const STARTUP_ONLY = args.has('--startup-only');
const SHIFT_ONLY = args.has('--shift-only');
/** `--analytics-only`: just the one-year report rows (issue 11, section 4). */
const ANALYTICS_ONLY = args.has('--analytics-only');
/** `--sale-only`: just the complete-sale rows (core, raw, ratio) @0 and at size. */
const SALE_ONLY = args.has('--sale-only');
/** `--postgres`: the store-server rows beside their SQLite rows (issue 12, section 5). */
const POSTGRES = args.has('--postgres');
/** Seconds each till sells in the store-server rows. */
const TILL_SECONDS = QUICK ? 15 : 30;
/**
 * Seconds each till sells alone before those, not measured: a till's first seconds of sales run
 * code V8 has not compiled yet, as the complete-sale row's 50 warm-up sales do on SQLite.
 */
const TILL_WARM_UP_SECONDS = 5;
/** Issue 12, section 5: 8 tills together reach at least this many times one till's rate. */
const TILLS_RATIO_TARGET = 2;
/**
 * The till counts sold with at once, in order. 8 has the target; 2 and 4 are reference rows that
 * show how the rate scales on this machine's CPUs (2 here): whether the server serialises the
 * tills (2 tills no faster than 1) or the CPU runs out (the rate stops growing past the cores).
 */
const TILL_COUNTS = [1, 2, 4, 8] as const;
const TARGET_TILLS = 8;
/** Shifts closed by the shift-close row, each of SHIFT_SALES sales. */
const SHIFT_RUNS = QUICK ? 3 : 5;
const SHIFT_SALES = 5_000;
/** `--export-only`: just the year-of-sales export row, on the cached seeded database. */
const EXPORT_ONLY = args.has('--export-only');
/** `--backup-only`: just the backup row, on the cached seeded database. */
const BACKUP_ONLY = args.has('--backup-only');
const STARTUP_RUNS = 5;
/** D10: cold start-up at size ≤ 3 × cold start-up of an empty till, with a floor for disk noise. */
const STARTUP_RATIO = 3;
const STARTUP_FLOOR_MS = 250;
const samplesArg = process.argv.find((a) => a.startsWith('--samples='));
const SALE_SAMPLES = samplesArg ? Number(samplesArg.split('=')[1]) : QUICK ? 1000 : 2000;
const SIZES = QUICK
  ? { sales: 100_000, customers: 10_000, busyDaySales: 5_000 }
  : { sales: 1_000_000, customers: 100_000, busyDaySales: 5_000 };
const SEARCH_QUERIES = 300;
const LIST_QUERIES = 300;
/**
 * Searches and pages run before the first pass of each, other than the measured ones (another
 * seed), so that pass times fresh queries on code V8 has compiled, as on a till in use. On a
 * store server the till's mean time per search fell from 3.5 to 2.3 ms over its first 1,200
 * searches while the server's stayed flat (docs/benchmarks.md, "6 Dec 2026 late morning").
 */
const READ_WARM_UPS = 1000;
const SUMMARY_RUNS = 30;
const LOOP_STALL_TARGET_MS = 50;
/**
 * Issue 11, section 4: the complete-sale row, with rollups and stock movements on both sides,
 * at most 1.5 × the raw writer's time per sale (raw rate / core rate).
 */
const SALE_RATIO_TARGET = 1.5;

interface Row {
  name: string;
  db: { sales: number; customers: number; sizeMb: number };
  n: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Operations per second over the whole measured loop. */
  throughput: number | null;
  /** Raw rate / core rate (complete-sale rows only). */
  ratio: number | null;
  loop: LoopStalls;
  target: string;
  pass: boolean | null;
  note?: string;
  /** Per query kind, for rows that mix kinds. */
  breakdown?: Record<string, { n: number; medianMs: number; p95Ms: number; maxMs: number }>;
}

const rows: Row[] = [];
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

function dbShape(path: string): Row['db'] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const n = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  const shape = { sales: n('sales'), customers: n('customers'), sizeMb: fileSizeMb(path) };
  db.close();
  return shape;
}

async function ok<T>(
  core: Core,
  channel: string,
  input: unknown,
  caller = CASHIER_CALLER,
): Promise<T> {
  const r = await core.invoke(channel, input, caller);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/**
 * Runs `op` for every input, timing each; the loop turns once between calls. First, untimed, it
 * runs `op` for the first `warmUp` inputs, or for each of the inputs `warmUp` lists.
 */
async function measure<I>(
  inputs: readonly I[],
  op: (input: I) => Promise<unknown>,
  warmUp: number | readonly I[] = 10,
) {
  for (const input of typeof warmUp === 'number' ? inputs.slice(0, warmUp) : warmUp)
    await op(input);
  const samples: number[] = [];
  const loop = watchEventLoop();
  const t0 = performance.now();
  for (const input of inputs) {
    samples.push(await timed(() => op(input)));
    await yieldToLoop();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { ...summarize(samples), samples, throughput: inputs.length / seconds, loop: loop.stop() };
}

// ---------------------------------------------------------------------------------------------
// Complete sale: core vs raw

/** Sales per block of `measureAlternating`: long enough to amortise the turn, short enough to mix. */
const SALE_BLOCK = 100;

/**
 * Runs `a` and `b` over the same inputs in alternating blocks of SALE_BLOCK, in the order AB, BA,
 * AB, … so neither side always goes first on a cold page cache, a freshly copied file or a busy
 * neighbour (the machine is shared: ±35 %). Each side's throughput is its inputs over the sum of
 * its own blocks' wall time; its loop stalls are watched only during its own blocks.
 */
async function measureAlternating<I>(
  inputs: readonly I[],
  a: (input: I) => Promise<unknown>,
  b: (input: I) => Promise<unknown>,
) {
  const sides = [a, b].map((op) => ({
    op,
    samples: [] as number[],
    ms: 0,
    loops: [] as LoopStalls[],
  }));
  for (let at = 0, turn = 0; at < inputs.length; at += SALE_BLOCK, turn++) {
    const block = inputs.slice(at, at + SALE_BLOCK);
    for (const side of turn % 2 === 0 ? sides : [...sides].reverse()) {
      const loop = watchEventLoop();
      const t0 = performance.now();
      for (const input of block) {
        side.samples.push(await timed(() => side.op(input)));
        await yieldToLoop();
      }
      side.ms += performance.now() - t0;
      side.loops.push(loop.stop());
    }
  }
  const worst = (loops: readonly LoopStalls[]): LoopStalls => ({
    histogramMaxMs: Math.max(...loops.map((l) => l.histogramMaxMs)),
    probeMaxMs: Math.max(...loops.map((l) => l.probeMaxMs)),
    maxMs: Math.max(...loops.map((l) => l.maxMs)),
  });
  return sides.map((side) => ({
    ...summarize(side.samples),
    samples: side.samples,
    throughput: side.samples.length / (side.ms / 1000),
    loop: worst(side.loops),
  })) as [MeasureResult, MeasureResult];
}

type MeasureResult = Awaited<ReturnType<typeof measure>>;

interface Basket {
  lines: Array<{ product: ProductInfo; quantity: number }>;
  total: number;
}

function baskets(products: readonly ProductInfo[], n: number, seed: number): Basket[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, () => {
    const lines = Array.from({ length: 10 }, () => ({
      product: products[Math.floor(rnd() * products.length)]!,
      quantity: 1 + Math.floor(rnd() * 3),
    }));
    return { lines, total: lines.reduce((a, l) => a + l.product.price * l.quantity, 0) };
  });
}

async function completeSale(
  path: string,
  label: string,
  atSize: string,
  big: boolean,
): Promise<void> {
  const { core, startMs } = await openCore(path);
  await signIn(core);
  await benchSettings(core);
  const raw = new Database(path, { readonly: true });
  const products = sellableProducts(raw);
  raw.close();
  if (products.length < 10) throw new Error(`${path}: not enough sellable products`);
  const shape = dbShape(path);
  log(`${label}: core start-up ${startMs.toFixed(0)} ms`);

  const warm = baskets(products, 50, 7);
  const list = baskets(products, SALE_SAMPLES, 11);
  const checkout = (b: Basket) =>
    ok(core, 'sales:checkout', {
      id: randomUUID(),
      lines: b.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
      tenders: [{ type: 'card', amount: b.total }],
    });

  // The physical limit: the same rows with raw prepared statements, same pragmas, same file.
  const db = new Database(path);
  const till = db.prepare('SELECT id FROM tills WHERE name = ?').get(BENCH_TERMINAL) as {
    id: number;
  };
  const staff = db
    .prepare('SELECT id, username FROM staff WHERE username = ?')
    .get('benchcashier') as {
    id: number;
    username: string;
  };
  db.close();
  const writer = new RawSaleWriter(path, till.id, BENCH_TERMINAL, BENCH_TERMINAL);
  const toRaw = (b: Basket): RawSale => ({
    lines: b.lines.map((l) => ({
      productId: l.product.id,
      sku: l.product.sku,
      name: l.product.name,
      unitPrice: l.product.price,
      quantity: l.quantity,
      taxRateBps: l.product.taxRateBps,
      stock: l.product.stock,
    })),
    staffId: staff.id,
    staffName: staff.username,
    customerId: null,
    createdAt: new Date().toISOString(),
    tender: 'card',
  });
  const record = async (b: Basket) => writer.record(toRaw(b));

  log(`${label}: ${SALE_SAMPLES} sales each, core and raw better-sqlite3, in alternating blocks …`);
  for (const b of warm) await checkout(b);
  for (const b of warm) await record(b);
  const [coreResult, rawResult] = await measureAlternating(list, checkout, record);
  await core.close();
  writer.close();

  const ratio = rawResult.throughput / coreResult.throughput;
  const rateTarget = big ? 1000 : null;
  const corePass =
    (rateTarget === null || coreResult.throughput >= rateTarget) &&
    ratio <= SALE_RATIO_TARGET &&
    coreResult.loop.maxMs <= LOOP_STALL_TARGET_MS;
  rows.push({
    name: `complete sale, core (10 lines) @${atSize}`,
    db: shape,
    n: coreResult.n,
    medianMs: coreResult.medianMs,
    p95Ms: coreResult.p95Ms,
    maxMs: coreResult.maxMs,
    throughput: coreResult.throughput,
    ratio,
    loop: coreResult.loop,
    target: `${rateTarget ? `≥ ${rateTarget}/s, ` : ''}ratio ≤ ${SALE_RATIO_TARGET}`,
    pass: corePass,
    note: `core start-up ${startMs.toFixed(0)} ms`,
  });
  rows.push({
    name: `complete sale, raw SQLite (limit) @${atSize}`,
    db: shape,
    n: rawResult.n,
    medianMs: rawResult.medianMs,
    p95Ms: rawResult.p95Ms,
    maxMs: rawResult.maxMs,
    throughput: rawResult.throughput,
    ratio: null,
    loop: rawResult.loop,
    target: 'reference',
    pass: null,
  });
}

// ---------------------------------------------------------------------------------------------
// Reads at size: customer search, transactions page, day summary

interface SearchQuery {
  kind: string;
  search: string;
}

/** `n` searches for customers of the database at `path`, drawn with the PRNG seed `seed`. */
function searchQueries(path: string, n: number, seed: number): SearchQuery[] {
  const db = new Database(path, { readonly: true });
  const max =
    (db.prepare('SELECT MAX(id) AS n FROM customers').get() as { n: number | null }).n ?? 0;
  const get = db.prepare(
    'SELECT name, email, phone_digits AS phone FROM customers WHERE id >= ? ORDER BY id LIMIT 1',
  );
  const rnd = prng(seed);
  const out: SearchQuery[] = [];
  const frag = (s: string, len: number, anywhere: boolean) => {
    const L = Math.min(len, s.length);
    const at = anywhere ? Math.floor(rnd() * (s.length - L + 1)) : 0;
    return s.slice(at, at + L);
  };
  for (let i = 0; out.length < n && i < n * 5 && max > 0; i++) {
    const c = get.get(1 + Math.floor(rnd() * max)) as
      { name: string; email: string | null; phone: string | null } | undefined;
    if (!c) continue;
    const len = 1 + Math.floor(rnd() * 8);
    const words = c.name.split(/\s+/).filter(Boolean);
    let q: string;
    let kind: string;
    switch (i % 5) {
      case 0:
        kind = 'name prefix';
        q = frag(c.name, len, false);
        break;
      case 1:
        kind = 'surname prefix';
        q = frag(words[words.length - 1] ?? c.name, len, false);
        break;
      case 2:
        kind = 'name fragment';
        q = frag(c.name, Math.max(3, len), true);
        break;
      case 3:
        kind = c.email ? 'email fragment' : 'name prefix';
        q = c.email ? frag(c.email, Math.max(3, len), true) : frag(c.name, len, false);
        break;
      default:
        kind = c.phone ? 'phone digits' : 'name fragment';
        q = c.phone ? frag(c.phone, Math.max(3, len), true) : frag(c.name, Math.max(3, len), true);
    }
    q = q.trim();
    const short = Array.from(q).length < 3 ? ' (1-2 chars)' : '';
    if (q) out.push({ kind: kind + short, search: rnd() < 0.5 ? q.toLowerCase() : q });
  }
  db.close();
  return out;
}

interface ListInput {
  kind: string;
  input: Record<string, unknown>;
}

/** `n` transactions pages of the database at `path`, drawn with the PRNG seed `seed`. */
function listQueries(path: string, n: number, seed: number): ListInput[] {
  const db = new Database(path, { readonly: true });
  const rnd = prng(seed);
  const maxId = (db.prepare('SELECT MAX(id) AS n FROM sales').get() as { n: number }).n;
  const range = db
    .prepare('SELECT MIN(created_at) AS lo, MAX(created_at) AS hi FROM sales')
    .get() as { lo: string; hi: string };
  const saleAt = db.prepare(
    'SELECT id, created_at AS createdAt, staff_id AS staffId, customer_id AS customerId FROM sales WHERE id >= ? ORDER BY id LIMIT 1',
  );
  const staffIds = (
    db
      .prepare('SELECT DISTINCT staff_id AS id FROM sales WHERE id > ? LIMIT 20')
      .all(Math.max(0, maxId - 20_000)) as Array<{ id: number }>
  ).map((r) => r.id);
  const randomSale = () =>
    saleAt.get(1 + Math.floor(rnd() * maxId)) as {
      id: number;
      createdAt: string;
      staffId: number;
      customerId: number | null;
    };
  const customerWithSales = () => {
    for (let i = 0; i < 50; i++) {
      const s = randomSale();
      if (s.customerId !== null) return s.customerId;
    }
    return undefined;
  };
  const lo = Date.parse(range.lo);
  const hi = Date.parse(range.hi);
  const week = () => {
    const from = lo + Math.floor(rnd() * Math.max(1, hi - lo - 7 * 86_400_000));
    // Seven business days, as the renderer sends them.
    return {
      fromDay: new Date(from).toISOString().slice(0, 10),
      toDay: new Date(from + 6 * 86_400_000).toISOString().slice(0, 10),
    };
  };
  const cursor = () => {
    const s = randomSale();
    return { createdAt: s.createdAt, id: s.id };
  };
  const out: ListInput[] = [];
  for (let i = 0; out.length < n; i++) {
    const staffId = staffIds[Math.floor(rnd() * staffIds.length)];
    switch (i % 8) {
      case 0:
        out.push({ kind: 'first page', input: { limit: 50 } });
        break;
      case 1:
        out.push({ kind: 'staff', input: { limit: 50, staffId } });
        break;
      case 2: {
        const customerId = customerWithSales();
        out.push({
          kind: 'customer',
          input: customerId ? { limit: 50, customerId } : { limit: 50 },
        });
        break;
      }
      case 3:
        out.push({
          kind: 'status',
          input: { limit: 50, status: rnd() < 0.5 ? 'voided' : 'completed' },
        });
        break;
      case 4:
        out.push({ kind: 'date range (7 days)', input: { limit: 50, ...week() } });
        break;
      case 5: // deep in the list: a cursor from anywhere in the history
        out.push({ kind: 'deep cursor', input: { limit: 50, cursor: cursor() } });
        break;
      case 6:
        out.push({
          kind: 'staff + date range + cursor',
          input: { limit: 50, staffId, ...week(), cursor: cursor() },
        });
        break;
      default:
        out.push({
          kind: 'status + kind + deep cursor',
          input: { limit: 50, status: 'completed', cursor: cursor(), kind: 'sale' },
        });
    }
  }
  db.close();
  return out;
}

/** The target of a read row: p95 ≤ 5 ms on the first pass; the second pass is a reference. */
function readTarget(pass: number): string {
  return pass === 1 ? 'p95 ≤ 5 ms' : "reference (p95 ≤ 5 ms is the first pass's)";
}

/**
 * A row of `reads` from the measurement `r`, with its figures per kind of query (`kindOf`: each
 * sample's kind; `kinds`: the kinds in the order they are printed). Only the first pass can pass.
 */
function readRow(
  name: string,
  shape: Row['db'],
  r: Awaited<ReturnType<typeof measure>>,
  kindOf: readonly string[],
  kinds: readonly string[],
  pass: number,
): Row {
  const breakdown: Record<string, ReturnType<typeof summarize>> = {};
  for (const kind of kinds)
    breakdown[kind] = summarize(r.samples.filter((_, i) => kindOf[i] === kind));
  return {
    name,
    db: shape,
    n: r.n,
    medianMs: r.medianMs,
    p95Ms: r.p95Ms,
    maxMs: r.maxMs,
    throughput: r.throughput,
    ratio: null,
    loop: r.loop,
    target: readTarget(pass),
    pass: pass === 1 ? r.p95Ms <= 5 && r.loop.maxMs <= LOOP_STALL_TARGET_MS : null,
    breakdown,
  };
}

/**
 * Customer search, transactions page and day summary on the core at `path`; or, with `server`,
 * on its core on a store server holding a copy of `path` (the same rows, so the same queries).
 */
async function reads(
  path: string,
  cache: CachedDatabase,
  server?: { core: Core; label: string },
): Promise<void> {
  const core = server?.core ?? (await openCore(path)).core;
  await signIn(core);
  const shape = dbShape(path);
  const at = `@${QUICK ? '100k' : '1M'}${server ? ` ${server.label}` : ''}`;

  // Customer search and the transactions page, each measured twice over the same queries. The
  // first pass is the row with the target, as every earlier run measured it: queries the core
  // has not run before, after READ_WARM_UPS others. The second is a reference row: the same
  // queries with what the first brought into the caches (the database's buffers and the OS page
  // cache), as on a till in use all day.
  const queries = searchQueries(path, SEARCH_QUERIES, 23);
  const lists = listQueries(path, LIST_QUERIES, 31);
  for (const pass of [1, 2]) {
    const again = pass === 1 ? '' : ', second pass';
    log(`customer search: ${queries.length} queries${again} …`);
    try {
      const r = await measure(
        queries,
        (q) => ok(core, 'customers:search', { search: q.search }),
        pass === 1 ? searchQueries(path, READ_WARM_UPS, 29) : 10,
      );
      rows.push(
        readRow(
          `customer search (${shape.customers.toLocaleString('en')} customers)${server ? ` ${server.label}` : ''}${again}`,
          shape,
          r,
          queries.map((q) => q.kind),
          [...new Set(queries.map((q) => q.kind))].sort(),
          pass,
        ),
      );
    } catch (e) {
      rows.push(failedRow(`customer search ${at}${again}`, shape, readTarget(pass), e));
    }

    log(`transactions page: ${lists.length} pages${again} …`);
    // As a manager would see it (reports.view: everyone's sales); a cashier's list is always
    // their own (the "staff" kind below).
    const single = await measure(
      lists,
      (q) => ok(core, 'sales:list', q.input, ADMIN_CALLER),
      pass === 1 ? listQueries(path, READ_WARM_UPS, 37) : 10,
    );
    const kinds = lists.map((q) => q.kind);
    rows.push(
      readRow(
        `transactions page (50 rows, filters, deep cursors) ${at}${again}`,
        shape,
        single,
        kinds,
        [...new Set(kinds)],
        pass,
      ),
    );
  }

  // Day summary
  const day = await ok<{ salesCount: number }>(
    core,
    'reports:daySummary',
    { date: cache.busyDay },
    ADMIN_CALLER,
  );
  log(`day summary of ${cache.busyDay} (${day.salesCount} sales): ${SUMMARY_RUNS} runs …`);
  const d = await measure(
    Array.from({ length: SUMMARY_RUNS }, () => cache.busyDay),
    (date) => ok(core, 'reports:daySummary', { date }, ADMIN_CALLER),
    3,
  );
  rows.push({
    name: `day summary (${day.salesCount.toLocaleString('en')} sales that day) ${at}`,
    db: shape,
    n: d.n,
    medianMs: d.medianMs,
    p95Ms: d.p95Ms,
    maxMs: d.maxMs,
    throughput: null,
    ratio: null,
    loop: d.loop,
    target: 'p95 ≤ 50 ms',
    pass:
      d.p95Ms <= 50 && day.salesCount >= SIZES.busyDaySales && d.loop.maxMs <= LOOP_STALL_TARGET_MS,
  });
  if (!server) await core.close();
}

// ---------------------------------------------------------------------------------------------
// 20 MB import (issue 7 §8, F1): event-loop stall and RSS growth

/** Targets: no stall over LOOP_STALL_TARGET_MS, RSS growth at most 200 MB. */
const IMPORT_RSS_TARGET_MB = 200;

async function importRow(): Promise<void> {
  const name = `customers CSV import ${IMPORT_BYTES / 1_000_000} MB, ${IMPORT_ROWS.toLocaleString('en')} rows (check + commit)`;
  const target = `loop ≤ ${LOOP_STALL_TARGET_MS} ms, RSS +≤ ${IMPORT_RSS_TARGET_MB} MB`;
  const shape = { sales: 0, customers: 0, sizeMb: 0 };
  log(`${name} …`);
  try {
    const r = await benchImport(join(WORK, 'import.sqlite'));
    rows.push({
      name,
      db: { ...shape, customers: r.created, sizeMb: fileSizeMb(join(WORK, 'import.sqlite')) },
      n: 2,
      medianMs: (r.dryRunMs + r.commitMs) / 2,
      p95Ms: Math.max(r.dryRunMs, r.commitMs),
      maxMs: Math.max(r.dryRunMs, r.commitMs),
      throughput: (2 * r.rows) / ((r.dryRunMs + r.commitMs) / 1000),
      ratio: null,
      loop: r.loop,
      target,
      pass:
        r.created === IMPORT_ROWS &&
        r.loop.maxMs <= LOOP_STALL_TARGET_MS &&
        r.rssGrowthMb <= IMPORT_RSS_TARGET_MB,
      note: `check ${(r.dryRunMs / 1000).toFixed(1)} s, commit ${(r.commitMs / 1000).toFixed(1)} s; RSS ${r.rssBeforeMb.toFixed(0)} → peak ${r.rssPeakMb.toFixed(0)} MB (+${r.rssGrowthMb.toFixed(0)} MB); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs (a loaded machine stretches every stall); rows per s counts both passes`,
    });
  } catch (e) {
    rows.push(failedRow(name, shape, target, e));
  }
}

/** What a single timed run measured: its time, the loop's stalls meanwhile, and what it made. */
interface SingleRun {
  ms: number;
  loop: LoopStalls;
  /** Rows per second, or null when the row has no throughput. */
  throughput: number | null;
  /** True when the run made what it should (rows exported, bytes backed up). */
  made: boolean;
  note: string;
}

/**
 * A row of one timed run (`measure`) on a working copy of the cached database, `fileName` in
 * WORK, removed afterwards. Passes when the run made what it should and the loop never stalled
 * over LOOP_STALL_TARGET_MS; a run that throws is a failed row.
 */
async function singleRunRow(
  cache: CachedDatabase,
  name: string,
  fileName: string,
  measure: (path: string) => Promise<SingleRun>,
): Promise<void> {
  const target = `loop ≤ ${LOOP_STALL_TARGET_MS} ms`;
  const path = workingCopy(cache, join(WORK, fileName));
  const shape = dbShape(path);
  log(`${name} …`);
  try {
    const r = await measure(path);
    rows.push({
      name,
      db: shape,
      n: 1,
      medianMs: r.ms,
      p95Ms: r.ms,
      maxMs: r.ms,
      throughput: r.throughput,
      ratio: null,
      loop: r.loop,
      target,
      pass: r.made && r.loop.maxMs <= LOOP_STALL_TARGET_MS,
      note: r.note,
    });
  } catch (e) {
    rows.push(failedRow(name, shape, target, e));
  } finally {
    removeDatabase(path);
  }
}

/** Exporting a year of sales as CSV for the accountant (issue 10, section 6). */
async function exportRow(cache: CachedDatabase, size: string): Promise<void> {
  await singleRunRow(
    cache,
    `export a year of sales as CSV @${size}`,
    'export.sqlite',
    async (path) => {
      const r = await benchExport(path, cache.busyDay);
      return {
        ...r,
        throughput: r.rows / (r.ms / 1000),
        made: r.rows > 0,
        note: `${r.from}..${r.to}: ${r.rows.toLocaleString('en')} sales, ${(r.bytes / 1e6).toFixed(0)} MB of CSV; ${r.polls} progress polls answered meanwhile; rows per s`,
      };
    },
  );
}

/** A backup of the big database (issue 10, section 5): its time and the largest stall. */
async function backupRow(cache: CachedDatabase, size: string): Promise<void> {
  await singleRunRow(
    cache,
    `backup of the database (backups:run) @${size}`,
    'backup.sqlite',
    async (path) => {
      const r = await benchBackup(path);
      return {
        ...r,
        throughput: null,
        made: r.bytes > 0,
        note: `online copy, integrity_check, gzip, SHA-256 in a worker: ${(r.bytes / 1e6).toFixed(0)} MB compressed; ${r.polls} status polls answered meanwhile`,
      };
    },
  );
}

// Start-up (file dropped from the OS cache) and the full integrity check (D10, D5)

async function startupRow(path: string, at: string, emptyMedianMs: number | null): Promise<number> {
  log(`start-up ${at}: ${STARTUP_RUNS} cold starts …`);
  const { samples, dropped } = await coldStartups(path, STARTUP_RUNS);
  const s = summarize(samples);
  const limit =
    emptyMedianMs === null ? null : Math.max(STARTUP_RATIO * emptyMedianMs, STARTUP_FLOOR_MS);
  rows.push({
    name: `start-up, file not in OS cache ${at}`,
    db: dbShape(path),
    n: s.n,
    medianMs: s.medianMs,
    p95Ms: s.p95Ms,
    maxMs: s.maxMs,
    throughput: null,
    ratio: emptyMedianMs === null ? null : s.medianMs / emptyMedianMs,
    loop: { histogramMaxMs: NaN, probeMaxMs: NaN, maxMs: NaN },
    target:
      limit === null ? 'reference' : `median ≤ ${STARTUP_RATIO}× @0, floor ${STARTUP_FLOOR_MS} ms`,
    pass: limit === null ? null : s.medianMs <= limit,
    note: dropped ? 'dropped with dd iflag=nocache' : 'could NOT drop the file from the OS cache',
  });
  return s.medianMs;
}

async function fullCheckRow(path: string, at: string): Promise<void> {
  log(`full integrity check ${at} (worker thread) …`);
  const r = await fullCheck(path);
  rows.push({
    name: `full integrity check + whole audit chain (worker) ${at}`,
    db: dbShape(path),
    n: 1,
    medianMs: r.ms,
    p95Ms: r.ms,
    maxMs: r.ms,
    throughput: null,
    ratio: null,
    loop: r.loop,
    target: `passes; main loop stall ≤ ${LOOP_STALL_TARGET_MS} ms`,
    pass: r.ok && r.loop.maxMs <= LOOP_STALL_TARGET_MS,
    note: `${r.ok ? 'passed' : `FAILED: ${r.integrity.slice(0, 200)}`}; the same loop idle afterwards (machine noise): max ${r.idleLoop.maxMs.toFixed(1)} ms`,
  });
}

// Shift close (issue 10, section 1): the Z report of a shift of 5,000 sales, at size

async function shiftCloseRow(path: string, at: string): Promise<void> {
  const name = `close a shift of ${SHIFT_SALES.toLocaleString('en')} sales (Z report) ${at}`;
  const target = 'p95 ≤ 200 ms';
  try {
    const r = await benchShiftClose(path, SHIFT_RUNS, SHIFT_SALES, log);
    rows.push({
      name,
      db: dbShape(path),
      n: r.n,
      medianMs: r.medianMs,
      p95Ms: r.p95Ms,
      maxMs: r.maxMs,
      throughput: null,
      ratio: null,
      loop: r.loop,
      target,
      pass: r.p95Ms <= 200 && r.loop.maxMs <= LOOP_STALL_TARGET_MS,
    });
  } catch (e) {
    rows.push(failedRow(name, dbShape(path), target, e));
  }
}

// Analytics (issue 11, section 4): one-year reports from the daily rollups, at size

async function analyticsRows(path: string, at: string): Promise<void> {
  const target = 'p95 ≤ 150 ms';
  try {
    for (const r of await benchAnalytics(path, SUMMARY_RUNS, log))
      rows.push({
        name: `${r.name} ${at}`,
        db: dbShape(path),
        n: r.n,
        medianMs: r.medianMs,
        p95Ms: r.p95Ms,
        maxMs: r.maxMs,
        throughput: null,
        ratio: null,
        loop: r.loop,
        target,
        pass: r.p95Ms <= 150 && r.loop.maxMs <= LOOP_STALL_TARGET_MS,
      });
  } catch (e) {
    rows.push(failedRow(`analytics reports ${at}`, dbShape(path), target, e));
  }
}

function failedRow(name: string, shape: Row['db'], target: string, e: unknown): Row {
  const message = e instanceof Error ? e.message : String(e);
  log(`${name} FAILED: ${message}`);
  return {
    name,
    db: shape,
    n: 0,
    medianMs: NaN,
    p95Ms: NaN,
    maxMs: NaN,
    throughput: null,
    ratio: null,
    loop: { histogramMaxMs: NaN, probeMaxMs: NaN, maxMs: NaN },
    target,
    pass: false,
    note: message.slice(0, 200),
  };
}

// ---------------------------------------------------------------------------------------------
// Output

function table(): string {
  const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  const head = [
    'scenario',
    'sales',
    'customers',
    'MB',
    'n',
    'median ms',
    'p95 ms',
    'max ms',
    'per s',
    'ratio',
    'loop max ms',
    'target',
    'result',
  ];
  const body = rows.map((r) => [
    r.name,
    r.db.sales.toLocaleString('en'),
    r.db.customers.toLocaleString('en'),
    f(r.db.sizeMb, 0),
    String(r.n),
    f(r.medianMs),
    f(r.p95Ms),
    f(r.maxMs),
    r.throughput === null ? '' : f(r.throughput, 0),
    r.ratio === null ? '' : f(r.ratio),
    f(r.loop.maxMs, 1),
    r.target,
    r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const extra = rows.flatMap((r) => [
    ...(r.note ? [`${r.name}: ${r.note}`] : []),
    ...Object.entries(r.breakdown ?? {}).map(
      ([k, b]) =>
        `${r.name} / ${k}: n ${b.n}, median ${f(b.medianMs)} ms, p95 ${f(b.p95Ms)} ms, max ${f(b.maxMs)} ms`,
    ),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i >= 11 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
    ...(extra.length ? ['', ...extra] : []),
  ].join('\n');
}

/** Seeds (or reuses) the big database and runs the sale and read rows on it. */
/**
 * Complete sale at size; then the reads on a fresh copy (so the busy day has exactly its seeded
 * sales, not those of the sale row, which land on today).
 */
async function saleAndReadsAtSize(cache: CachedDatabase, size: string): Promise<void> {
  await completeSale(
    workingCopy(cache, join(WORK, 'big.sqlite')),
    `complete sale @${size}`,
    size,
    true,
  );
  await reads(workingCopy(cache, join(WORK, 'big.sqlite')), cache);
}

// ---------------------------------------------------------------------------------------------
// Store server (issue 12, section 5): the same rows on PostgreSQL, and several tills at once

async function postgresRows(): Promise<CachedDatabase> {
  const cache = await cachedDatabase(join(OUT, 'cache'), SIZES, { fresh: FRESH, log });
  const size = QUICK ? '100k' : '1M';
  // The SQLite rows the server's are compared with.
  await saleAndReadsAtSize(cache, size);

  const source = workingCopy(cache, join(WORK, 'pg-source.sqlite'));
  {
    const { core } = await openCore(source);
    await signIn(core);
    await benchSettings(core);
    await core.close();
  }
  log(`copying ${size} sales to a throwaway PostgreSQL with copyToServer …`);
  const server = await storeServerFrom(source);
  log(`copied ${server.copy.rows.toLocaleString('en')} rows in ${server.copySeconds.toFixed(0)} s`);
  try {
    const core = await openServerCore(server.url, WORK);
    await reads(source, cache, { core, label: 'on PostgreSQL' });
    await core.close();
    const raw = new Database(source, { readonly: true });
    const products = sellableProducts(raw);
    raw.close();
    const shape = dbShape(source);
    const sqlite = rows.find((r) => r.name === `complete sale, core (10 lines) @${size}`);
    let one: TillsRun | null = null;
    for (const tills of TILL_COUNTS) {
      log(`${tills} till(s) selling at once for ${TILL_SECONDS} s …`);
      const run = await tillsAtOnce(server, tills, TILL_SECONDS, products, TILL_WARM_UP_SECONDS);
      one ??= run;
      const s = summarize(run.results.flatMap((r) => r.samples));
      const refused = run.results.flatMap((r) => Object.entries(r.refused));
      const ratio = tills === 1 ? (sqlite?.throughput ?? 0) / run.rate : run.rate / one.rate;
      rows.push({
        name: `complete sale, ${tills} till${tills > 1 ? 's at once' : ''} on PostgreSQL @${size}`,
        db: shape,
        n: s.n,
        medianMs: s.medianMs,
        p95Ms: s.p95Ms,
        maxMs: s.maxMs,
        throughput: run.rate,
        ratio,
        loop: { histogramMaxMs: 0, probeMaxMs: 0, maxMs: 0 },
        target:
          tills === 1
            ? 'reference (ratio: SQLite rate / this)'
            : tills === TARGET_TILLS
              ? `≥ ${TILLS_RATIO_TARGET} × 1 till`
              : 'reference (ratio: this / 1 till)',
        pass: tills === TARGET_TILLS ? ratio >= TILLS_RATIO_TARGET : null,
        note: `CPU busy ${(run.cpu.busy * 100).toFixed(0)} %, I/O wait ${(run.cpu.ioWait * 100).toFixed(0)} %; ${cpuNote(run, one)}; server sessions: ${Object.entries(
          run.waits,
        )
          .slice(0, 4)
          .map(([w, v]) => `${w} ${(v * 100).toFixed(0)} %`)
          .join(
            ', ',
          )}; refused: ${refused.length === 0 ? 'none' : refused.map(([c, n]) => `${c} ${n}`).join(', ')}`,
      });
    }
  } finally {
    server.stop();
  }
  return cache;
}

/**
 * What the CPU did per sale (scripts/bench/postgres.ts): the tills' processes, the server's and
 * the machine's busy time, in ms. Beside several tills, the ceiling their rate had if each sale
 * cost the CPU what it cost beside one till: 1 / (1 till's busy share) times its rate, since one
 * till alone left the rest of the CPU idle and several can at best fill it.
 */
function cpuNote(run: TillsRun, one: TillsRun): string {
  const c = run.cpuPerSale;
  const each = `CPU per sale ${c.machine.toFixed(2)} ms (tills ${c.tills.toFixed(2)}, server ${c.server.toFixed(2)})`;
  if (run === one) return each;
  return `${each}; at 1 till's CPU per sale the CPU caps ${run.tills} tills at ${(1 / one.cpu.busy).toFixed(2)} × 1 till`;
}

async function retailRows(): Promise<CachedDatabase> {
  const seedStart = performance.now();
  const cache = await cachedDatabase(join(OUT, 'cache'), SIZES, { fresh: FRESH, log });
  const seedWallSeconds = (performance.now() - seedStart) / 1000;
  log(
    `seeded database ready (${fileSizeMb(cache.path).toFixed(0)} MB; built in ${cache.seedSeconds.toFixed(0)} s${seedWallSeconds < cache.seedSeconds ? ', from cache' : ''})`,
  );
  if (SHIFT_ONLY) {
    await shiftCloseRow(workingCopy(cache, join(WORK, 'big.sqlite')), QUICK ? '@100k' : '@1M');
    return cache;
  }
  if (ANALYTICS_ONLY) {
    await analyticsRows(workingCopy(cache, join(WORK, 'big.sqlite')), QUICK ? '@100k' : '@1M');
    return cache;
  }

  // An empty till with the seeded database's products.
  const empty = join(WORK, 'empty.sqlite');
  removeDatabase(empty);
  {
    const { core } = await openCore(empty);
    await signIn(core);
    await core.close();
    const src = new Database(cache.path, { readonly: true });
    const products = src
      .prepare(
        'SELECT sku, barcode, name, search_name, price, tax_rate_bps, kind, active, archived_at, created_at, updated_at FROM products',
      )
      .all();
    src.close();
    const dst = new Database(empty);
    const ins = dst.prepare(
      `INSERT INTO products (sku, barcode, name, search_name, price, tax_rate_bps, kind, active, archived_at, created_at, updated_at)
       VALUES (@sku, @barcode, @name, @search_name, @price, @tax_rate_bps, @kind, @active, @archived_at, @created_at, @updated_at)`,
    );
    dst.transaction(() => products.forEach((p) => ins.run(p)))();
    dst.close();
  }
  const size = QUICK ? '100k' : '1M';
  if (SALE_ONLY) {
    await completeSale(empty, 'complete sale @0', '0', false);
    const copy = workingCopy(cache, join(WORK, 'big.sqlite'));
    await completeSale(copy, `complete sale @${size}`, size, true);
    return cache;
  }
  const big = workingCopy(cache, join(WORK, 'big.sqlite'));
  // 0. Start-up with the file dropped from the OS cache: an empty till, then at size (D10).
  const emptyStart = await startupRow(empty, '@0', null);
  await startupRow(big, `@${size}`, emptyStart);
  await fullCheckRow(big, `@${size}`);

  if (!STARTUP_ONLY) {
    // 1. Complete sale on an empty database (same products as the seeded one).
    await completeSale(empty, 'complete sale @0', '0', false);
    // 2. Complete sale at size, then the reads.
    await saleAndReadsAtSize(cache, size);
    await shiftCloseRow(workingCopy(cache, join(WORK, 'big.sqlite')), `@${size}`);
    await analyticsRows(workingCopy(cache, join(WORK, 'big.sqlite')), `@${size}`);
    await exportRow(cache, size);
    await backupRow(cache, size);
  }

  return cache;
}

async function main(): Promise<void> {
  // As the Electron main process does before its core opens (electron/main/v8-flags.ts).
  applyCoreProcessV8Flags();
  const started = performance.now();
  mkdirSync(WORK, { recursive: true });
  // The backups the cores made of the work copies: each copy of a cache older than this build
  // is backed up before its migrations run (1.5 GB at 1M), and no schedule rotates them here.
  // Kept across runs, they had filled the disk (32 GB after 30 runs).
  rmSync(join(WORK, 'backups'), { recursive: true, force: true });
  log(
    `${QUICK ? 'quick' : 'full'} run: ${SIZES.sales.toLocaleString('en')} sales, ${SIZES.customers.toLocaleString('en')} customers; ${cpus().length} CPUs`,
  );

  // 0. The 20 MB import first, on a fresh database, while the process is still small.
  if (
    !STARTUP_ONLY &&
    !SHIFT_ONLY &&
    !EXPORT_ONLY &&
    !BACKUP_ONLY &&
    !ANALYTICS_ONLY &&
    !SALE_ONLY &&
    !POSTGRES
  )
    await importRow();
  let cache: CachedDatabase | null = null;
  if (EXPORT_ONLY || BACKUP_ONLY) {
    cache = await cachedDatabase(join(OUT, 'cache'), SIZES, { fresh: FRESH, log });
    if (EXPORT_ONLY) await exportRow(cache, QUICK ? '100k' : '1M');
    if (BACKUP_ONLY) await backupRow(cache, QUICK ? '100k' : '1M');
  } else if (POSTGRES) cache = await postgresRows();
  else if (!IMPORT_ONLY) cache = await retailRows();

  const runSeconds = (performance.now() - started) / 1000;
  const printed = table();
  console.log(`\n${printed}\n`);
  const failed = rows.filter((r) => r.pass === false).length;
  console.log(
    `${failed === 0 ? 'all targets met' : `${failed} row(s) missed a target`}; event-loop stall target ≤ ${LOOP_STALL_TARGET_MS} ms per scenario; run ${runSeconds.toFixed(0)} s ${cache ? ` (seeding ${cache.seedSeconds.toFixed(0)} s when built)` : ''}`,
  );

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const report = {
    at: new Date().toISOString(),
    mode: QUICK ? 'quick' : 'full',
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      platform: `${platform()} ${release()}`,
      node: process.version,
      sqlite: (
        new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }
      ).v,
    },
    sizes: SIZES,
    saleSamples: SALE_SAMPLES,
    seed: cache && {
      seconds: cache.seedSeconds,
      busyDay: cache.busyDay,
      seededWith: cache.seededWith,
    },
    runSeconds,
    rows,
    table: printed,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `bench-${stamp}.json`), JSON.stringify(report, null, 2));
  writeFileSync(join(OUT, 'latest.json'), JSON.stringify(report, null, 2));
  log(`wrote bench-results/bench-${stamp}.json and bench-results/latest.json`);
  process.exitCode = 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

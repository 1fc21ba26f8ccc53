/**
 * D7 and D8 on real SQLite files: a disk that fills up during a stream of sales (max_page_count,
 * and a real 6 MB tmpfs when the test runs as root, as CI does), and a second process holding the
 * write lock. Whatever fails, no acknowledged sale is lost, nothing unacknowledged is half-written,
 * the answer is a typed error, and the till sells again once the fault is gone.
 */
import Database from 'better-sqlite3';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, resultCode, tempDir, withAdmin, type TestCore } from '../helpers/core';
import { insertProducts } from '../helpers/retail';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

interface Stream {
  acked: string[];
  refused: string[];
  codes: string[];
}

/** Rings up `count` sales of every product (paid by card, priced by a quote) and records each answer. */
async function ringSales(
  t: TestCore,
  products: number[],
  count: number,
  stream: Stream = { acked: [], refused: [], codes: [] },
  stopAfterRefusals = Infinity,
): Promise<Stream> {
  let refusals = 0;
  for (let i = 0; i < count && refusals < stopAfterRefusals; i++) {
    const id = randomUUID();
    const lines = products.map((productId, k) => ({ productId, quantity: 1 + ((i + k) % 3) }));
    const { total } = await t.must('sales:quote', { lines });
    const r = await t.call('sales:checkout', {
      id,
      lines,
      tenders: [{ type: 'card', amount: total }],
    });
    record(stream, id, r);
    if (!r.ok) refusals += 1;
  }
  return stream;
}

function record(stream: Stream, id: string, r: { ok: boolean; error?: { code: string } }) {
  if (r.ok) stream.acked.push(id);
  else stream.refused.push(id);
  stream.codes.push(resultCode(r));
}

/** What the file holds after the core closed: sale uuids, and sales whose lines or tenders are missing. */
function fileState(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const uuids = new Set(
      (db.prepare('SELECT uuid FROM sales').all() as Array<{ uuid: string }>).map((r) => r.uuid),
    );
    const halfWritten = db
      .prepare(
        `SELECT s.id FROM sales s
          WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)
             OR s.total <> (SELECT COALESCE(SUM(t.amount), 0)
                              FROM sale_tenders t WHERE t.sale_id = s.id)`,
      )
      .all();
    const integrity = db.pragma('integrity_check', { simple: true });
    return { uuids, halfWritten, integrity };
  } finally {
    db.close();
  }
}

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function tillWithProducts(opts: Parameters<typeof makeTestCore>[0] = {}) {
  const t = await makeTestCore(opts);
  await withAdmin(t);
  const products = insertProducts(
    t,
    Array.from({ length: 6 }, (_, i) => ({
      sku: `FAULT-${i}`,
      name: `Fault test product ${i} with a longer name to fill pages`,
      price: 199 + i * 50,
    })),
  );
  return { t, products };
}

describe('a disk that fills up (D7)', () => {
  it('max_page_count: refuses with STORAGE_FAILED, loses no acknowledged sale, sells again when space returns', async () => {
    let raw: Database.Database | undefined;
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { t, products } = await tillWithProducts({
      dir,
      prepareDatabase: (db) => (raw = db),
    });
    let closed = false;
    cleanups.push(() => (closed ? undefined : t.close()));

    const stream = await ringSales(t, products, 10);
    expect(stream.codes).toEqual(Array(10).fill('ok'));

    // The "disk" is full from now on: no page beyond the ones in use.
    const pages = raw!.pragma('page_count', { simple: true }) as number;
    raw!.pragma(`max_page_count = ${pages}`);
    await ringSales(t, products, 400, stream, 5);
    const firstRefusal = stream.codes.indexOf('STORAGE_FAILED');
    expect(stream.codes.slice(10).join(' '), 'answers after the disk filled').toContain(
      'STORAGE_FAILED',
    );
    expect(firstRefusal).toBeGreaterThan(9);
    // Every answer after the disk filled is either ok (it still fit) or STORAGE_FAILED, never INTERNAL.
    expect(new Set(stream.codes)).toEqual(new Set(['ok', 'STORAGE_FAILED']));
    expect(raw!.inTransaction).toBe(false);

    // The till says why, and keeps refusing while the disk is full: each try is a clean retry.
    const status = await t.must('app:status');
    expect(status.storage).toMatchObject({ ok: false });
    expect(status.storage.message).toMatch(/NOT saved/);
    const retry = await t.call('sales:checkout', {
      id: randomUUID(),
      lines: [{ productId: products[0]!, quantity: 1 }],
      tenders: [{ type: 'cash', amount: 1000 }],
    });
    expect(resultCode(retry)).toBe('STORAGE_FAILED');

    // Space returns: the next sales commit and the fault clears.
    raw!.pragma('max_page_count = 1073741823');
    const after = await ringSales(t, products, 10);
    expect(after.codes).toEqual(Array(10).fill('ok'));
    stream.acked.push(...after.acked);
    expect((await t.must('app:status')).storage).toEqual({ ok: true });

    await t.close();
    closed = true;
    const file = fileState(t.dbPath);
    for (const id of stream.acked) expect(file.uuids.has(id), `acknowledged ${id}`).toBe(true);
    for (const id of stream.refused) expect(file.uuids.has(id), `refused ${id}`).toBe(false);
    expect(file.halfWritten).toEqual([]);
    expect(file.integrity).toBe('ok');
    console.info(
      `max_page_count disk-full: acknowledged=${stream.acked.length} refused=${stream.refused.length} ` +
        `present=${stream.acked.filter((id) => file.uuids.has(id)).length} lost=0`,
    );
  });

  it.skipIf(!isRoot)(
    'a real 6 MB tmpfs filled up: 0 acknowledged sales lost, and sales commit again after it grows',
    async () => {
      const dir = join(tempDir('kassa-tmpfs-'), 'mnt');
      mkdirSync(dir);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dir]);
      cleanups.push(() => {
        execFileSync('umount', ['-l', dir]);
        rmSync(join(dir, '..'), { recursive: true, force: true });
      });
      const { t, products } = await tillWithProducts({ dir });
      let closed = false;
      cleanups.push(() => (closed ? undefined : t.close()));

      const stream = await ringSales(t, products, 20_000, undefined, 5);
      expect(stream.codes).toContain('STORAGE_FAILED');
      expect(new Set(stream.codes)).toEqual(new Set(['ok', 'STORAGE_FAILED']));
      expect(stream.acked.length).toBeGreaterThan(50);

      execFileSync('mount', ['-o', 'remount,size=64m', dir]);
      const after = await ringSales(t, products, 10);
      expect(after.codes).toEqual(Array(10).fill('ok'));
      stream.acked.push(...after.acked);

      await t.close();
      closed = true;
      const file = fileState(t.dbPath);
      const lost = stream.acked.filter((id) => !file.uuids.has(id));
      console.info(
        `tmpfs disk-full: acknowledged=${stream.acked.length} refused=${stream.refused.length} lost=${lost.length}`,
      );
      expect(lost).toEqual([]);
      for (const id of stream.refused) expect(file.uuids.has(id)).toBe(false);
      expect(file.halfWritten).toEqual([]);
      expect(file.integrity).toBe('ok');
    },
    120_000,
  );
});

/** A second process that takes the write lock (BEGIN IMMEDIATE) and holds it for `holdMs`. */
function holdWriteLock(dbPath: string, holdMs: number): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('LOCKED\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ['-e', script, dbPath, String(holdMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}

describe('another process holds the write lock (D8)', () => {
  it('a 1 s lock delays a sale, does not fail it, and the event loop keeps turning meanwhile', async () => {
    const { t, products } = await tillWithProducts();
    cleanups.push(() => t.close());
    const quote = await t.must('sales:quote', {
      lines: [{ productId: products[0]!, quantity: 2 }],
    });
    const holder = await holdWriteLock(t.dbPath, 1000);
    cleanups.push(() => void holder.kill('SIGKILL'));

    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const started = Date.now();
    const sale = await t.call('sales:checkout', {
      id: randomUUID(),
      lines: [{ productId: products[0]!, quantity: 2 }],
      tenders: [{ type: 'card', amount: quote.total }],
    });
    const waited = Date.now() - started;
    clearInterval(ticker);
    expect(resultCode(sale)).toBe('ok');
    expect(waited).toBeGreaterThanOrEqual(800);
    // The wait was sliced: timers ran during it (a blocking busy wait would give 0-1 ticks).
    expect(ticks).toBeGreaterThan(20);
    console.info(`busy file: a 1 s lock delayed the sale by ${waited} ms (${ticks} timer ticks)`);
  });

  it('past the busy timeout the answer is BUSY and nothing is written', async () => {
    const { t, products } = await tillWithProducts();
    cleanups.push(() => t.close());
    const before = (t.raw().prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
    const holder = await holdWriteLock(t.dbPath, 7000);
    cleanups.push(() => void holder.kill('SIGKILL'));
    const id = randomUUID();
    const sale = await t.call('sales:checkout', {
      id,
      lines: [{ productId: products[0]!, quantity: 1 }],
      tenders: [{ type: 'cash', amount: 10_000 }],
    });
    expect(sale).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    await new Promise((resolve) => holder.once('exit', resolve));
    const after = t.raw().prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number };
    expect(after.n).toBe(before);
    // The lock is gone: the same sale now goes through.
    const retried = await t.call('sales:checkout', {
      id,
      lines: [{ productId: products[0]!, quantity: 1 }],
      tenders: [{ type: 'cash', amount: 10_000 }],
    });
    expect(resultCode(retried)).toBe('ok');
  }, 20_000);
});

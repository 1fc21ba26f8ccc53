/**
 * Issue 12, section 4: head office consolidates two stores by PostgreSQL logical replication.
 *
 * Three throwaway servers: store A and store B (wal_level = logical), each with a till, and head
 * office. Each store runs docs/head-office/publish.sql; head office loads the stores' table
 * definitions (pg_dump, pre-data), runs docs/head-office/tables.sql, and subscribes to both with
 * docs/head-office/subscribe.sql: the exact commands docs/deployment.md gives.
 *
 * Each store opens a shift, sells (cash and card, different quantities), voids one sale, refunds
 * part of another, and closes the shift. The stores number their rows from 1, so their ids
 * collide; head office keys every row by (store, id). Once head office has every row (polled, not
 * slept), its totals per store equal that store's own day summary and Z report, and the raw sums
 * on the store itself. With `id` alone as head office's key, store B's first row collides with
 * store A's, store B's subscription stops, and this test fails.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ADMIN } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { countOf } from '../helpers/shifts';
import { createMug, setUpStore, storeTill, type StoreTill } from '../helpers/store-server';

const bin = findPostgres();
const DOCS = resolve(__dirname, '../../docs/head-office');
const TABLES = [
  'sales',
  'sale_lines',
  'sale_tenders',
  'sale_voids',
  'z_reports',
  'stock_movements',
];
const SALES = 12;
const FLOAT = 10_000;
/** How long head office may take to catch up with the stores. */
const CATCH_UP_MS = 20_000;

/** psql on `url`, stopping at the first error; answers its output. */
function psql(url: string, args: string[], input?: string): string {
  return execFileSync(
    join(bin!, 'psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args],
    {
      input,
      stdio: 'pipe',
    },
  ).toString();
}

/** A libpq connection string for the store database `url`, as head office's replication role. */
function conninfo(url: string): string {
  const u = new URL(url);
  return `host=${u.hostname} port=${u.port} dbname=${u.pathname.slice(1)} user=kassa_replicator password=replicate`;
}

interface Store {
  name: string;
  url: string;
  till: StoreTill;
}

/** The store `name` on `server`: its database, migrated by its till, set up, and published. */
async function openStore(server: PgServer, name: string): Promise<Store> {
  const url = await createDatabase(server, 'kassa');
  const till = await storeTill(url, `${name}-till`);
  await setUpStore(till, url);
  psql(url, ['-v', 'password=replicate', '-f', join(DOCS, 'publish.sql')]);
  return { name, url, till };
}

/**
 * A shift on `store`'s till: SALES sales of mugs and teas (cash, and card every third), one cash
 * sale voided, one mug of another refunded in cash, and the close counted exactly. Answers the Z
 * report the till gave.
 */
async function sellShift(store: Store, seed: number): Promise<any> {
  const { till } = store;
  const mug = await createMug(till);
  const tea = (
    await till.must('products:create', { sku: 'TEA', name: 'Tea', price: 180, taxRateBps: 0 })
  ).id;
  const shift = await till.must('shifts:open', { floatCount: countOf(FLOAT) });
  const sold = [];
  let cash = 0;
  let card = 0;
  for (let i = 0; i < SALES; i++) {
    const mugs = ((i + seed) % 4) + 1;
    const teas = (i * seed) % 3;
    const lines = [{ productId: mug, quantity: mugs }];
    if (teas > 0) lines.push({ productId: tea, quantity: teas });
    const amount = 250 * mugs + 180 * teas;
    const type = i % 3 === 1 ? 'card' : 'cash';
    if (type === 'card') card += amount;
    else cash += amount;
    sold.push(
      await till.must('sales:checkout', { id: randomUUID(), lines, tenders: [{ type, amount }] }),
    );
  }
  await till.must('auth:reauthenticate', { password: ADMIN.password });
  await till.must('sales:void', { id: sold[0].id, reason: 'wrong item' });
  cash -= sold[0].total;
  await till.must('sales:refund', {
    saleId: sold[2].id,
    refundId: randomUUID(),
    lines: [{ lineId: sold[2].lines[0].id, quantity: 1 }],
    tender: 'cash',
    reason: 'chipped',
  });
  cash -= 250;
  return till.must('shifts:close', {
    shiftId: shift.id,
    countedCash: countOf(FLOAT + cash),
    countedOther: [{ type: 'card', amount: card }],
  });
}

/** Row counts of the published tables: on a store, or at head office for `store`. */
async function counts(url: string, store?: string): Promise<Record<string, number>> {
  const where = store ? ` WHERE store = '${store}'` : '';
  const [row] = await sqlOn(
    url,
    `SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM ${t}${where}) AS ${t}`).join(', ')}`,
  );
  return Object.fromEntries(TABLES.map((t) => [t, Number(row![t])]));
}

/**
 * Totals from the raw rows, as the day summary counts them: completed sales (a sale with a void
 * row is voided), refunds, voids, and the net per tender type. At head office for `store`.
 */
async function totals(url: string, store?: string) {
  const on = store ? 'AND v.store = s.store' : '';
  const where = store ? `WHERE s.store = '${store}'` : '';
  const [sums] = await sqlOn(
    url,
    `SELECT COUNT(*) FILTER (WHERE s.kind = 'sale' AND v.sale_id IS NULL) AS sales,
            COALESCE(SUM(s.total) FILTER (WHERE s.kind = 'sale' AND v.sale_id IS NULL), 0) AS gross,
            COUNT(*) FILTER (WHERE s.kind = 'refund') AS refunds_count,
            COALESCE(-SUM(s.total) FILTER (WHERE s.kind = 'refund'), 0) AS refunds,
            COUNT(v.sale_id) AS voids_count,
            COALESCE(SUM(s.total) FILTER (WHERE v.sale_id IS NOT NULL), 0) AS voids
     FROM sales s LEFT JOIN sale_voids v ON v.sale_id = s.id ${on} ${where}`,
  );
  const tenders = await sqlOn(
    url,
    `SELECT t.type, SUM(t.amount) AS amount FROM sale_tenders t
     JOIN sales s ON s.id = t.sale_id ${store ? 'AND s.store = t.store' : ''}
     LEFT JOIN sale_voids v ON v.sale_id = s.id ${on}
     WHERE v.sale_id IS NULL ${store ? `AND t.store = '${store}'` : ''}
     GROUP BY t.type ORDER BY t.type`,
  );
  const n = (k: string) => Number(sums![k]);
  return {
    salesCount: n('sales'),
    gross: n('gross'),
    refundsCount: n('refunds_count'),
    refunds: n('refunds'),
    voidsCount: n('voids_count'),
    voids: n('voids'),
    net: n('gross') - n('refunds'),
    byTender: Object.fromEntries(tenders.map((r) => [r.type, Number(r.amount)])),
  };
}

describe.skipIf(!bin)('head office by logical replication (issue 12, section 4)', () => {
  const servers: PgServer[] = [];
  const tills: StoreTill[] = [];
  afterAll(async () => {
    for (const till of tills) await till.close();
    for (const server of servers) server.stop();
  });

  it('two stores publish; head office subscribes to both and its totals per store equal theirs', async () => {
    const began = Date.now();
    for (const logical of [true, true, false]) servers.push(await startPostgres(bin!, { logical }));
    const [a, b, office] = servers as [PgServer, PgServer, PgServer];
    const stores = await Promise.all([openStore(a, 'store_a'), openStore(b, 'store_b')]);
    tills.push(...stores.map((s) => s.till));
    const [storeA, storeB] = stores as [Store, Store];
    // Store A sells before head office subscribes (the initial copy), store B after (streaming).
    const zA = await sellShift(storeA, 1);

    const hq = await createDatabase(office, 'head_office');
    const dump = execFileSync(
      join(bin!, 'pg_dump'),
      [
        '--schema-only',
        '--section=pre-data',
        '--no-owner',
        '--no-privileges',
        ...TABLES.flatMap((t) => ['-t', t]),
        '-d',
        storeA.url,
      ],
      { stdio: 'pipe' },
    ).toString();
    psql(hq, [], dump);
    psql(hq, ['-f', join(DOCS, 'tables.sql')]);
    for (const store of stores)
      psql(hq, [
        '-v',
        `store=${store.name}`,
        '-v',
        `conninfo=${conninfo(store.url)}`,
        '-f',
        join(DOCS, 'subscribe.sql'),
      ]);
    // Every table's initial copy done (state 'r', ready), so what B sells now is streamed.
    const synced = Date.now() + CATCH_UP_MS;
    const syncing = async () =>
      Number(
        (
          await sqlOn(hq, "SELECT COUNT(*) AS n FROM pg_subscription_rel WHERE srsubstate <> 'r'")
        )[0]!.n,
      );
    while ((await syncing()) > 0 && Date.now() < synced)
      await new Promise((r) => setTimeout(r, 100));
    expect(await syncing()).toBe(0);
    const zB = await sellShift(storeB, 2);
    const sold = Date.now();

    // Wait until head office holds as many rows of each table, per store, as the store.
    const deadline = Date.now() + CATCH_UP_MS;
    const want = await Promise.all(stores.map((s) => counts(s.url)));
    let got = await Promise.all(stores.map((s) => counts(hq, s.name)));
    while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      got = await Promise.all(stores.map((s) => counts(hq, s.name)));
    }
    const caughtUp = Date.now();
    const state = await sqlOn(
      hq,
      `SELECT s.subname, s.pid IS NOT NULL AS running,
              (e.apply_error_count + e.sync_error_count)::int AS errors
       FROM pg_stat_subscription s JOIN pg_stat_subscription_stats e USING (subid)
       WHERE s.relid IS NULL ORDER BY s.subname`,
    );
    expect({ got, state }).toEqual({
      got: want,
      state: [
        { subname: 'store_a', running: true, errors: 0 },
        { subname: 'store_b', running: true, errors: 0 },
      ],
    });
    // Rows come only from the subscriptions: one inserted by hand has no store, and is refused.
    await expect(
      sqlOn(
        hq,
        "INSERT INTO sale_voids (sale_id, reason, staff_id, voided_at) VALUES (1, 'by hand', 1, '2026-01-01T00:00:00.000Z')",
      ),
    ).rejects.toThrow(/must come from a store's subscription/);
    // The stores' keys collide: both have a sale 1. Each row is marked with the store it came from.
    const [ones] = await sqlOn(hq, 'SELECT COUNT(*) AS n FROM sales WHERE id = 1');
    expect(Number(ones!.n)).toBe(2);
    for (const store of stores) {
      const uuids = async (url: string, where: string) =>
        (await sqlOn(url, `SELECT uuid FROM sales ${where} ORDER BY uuid`)).map((r) => r.uuid);
      expect(await uuids(hq, `WHERE store = '${store.name}'`)).toEqual(await uuids(store.url, ''));
    }
    // Only inserts are published. Store A's voided sale came in the initial copy, as it was then;
    // store B's was streamed when sold, and its void's UPDATE was not: it still reads 'completed'.
    // Head office reads voids from sale_voids.
    const statuses = await sqlOn(
      hq,
      `SELECT s.store, s.status FROM sales s JOIN sale_voids v ON v.store = s.store AND v.sale_id = s.id
       ORDER BY s.store`,
    );
    expect(statuses).toEqual([
      { store: 'store_a', status: 'voided' },
      { store: 'store_b', status: 'completed' },
    ]);

    for (const [store, z] of [
      [storeA, zA],
      [storeB, zB],
    ] as const) {
      const { date } = await store.till.must('reports:today');
      const day = await store.till.must('reports:daySummary', { date });
      const own = {
        salesCount: day.salesCount,
        gross: day.gross,
        refundsCount: day.refundsCount,
        refunds: day.refunds,
        voidsCount: day.voidsCount,
        voids: day.voids,
        net: day.net,
        byTender: Object.fromEntries(day.byTender.map((t: any) => [t.type, t.amount])),
      };
      const atOffice = await totals(hq, store.name);
      const raw = await totals(store.url);
      const [zAtOffice] = await sqlOn(
        hq,
        `SELECT z_no, sales_count, gross, refunds, voids, net FROM z_reports WHERE store = '${store.name}'`,
      );
      console.info(
        `[head office] ${store.name}: ${want[stores.indexOf(store)]!.sales} sales rows; head office ${JSON.stringify(atOffice)}; store report ${JSON.stringify(own)}; Z ${z.zNo} net ${z.net}`,
      );
      expect(atOffice).toEqual(own);
      expect(raw).toEqual(own);
      expect({
        zNo: Number(zAtOffice!.z_no),
        salesCount: Number(zAtOffice!.sales_count),
        gross: Number(zAtOffice!.gross),
        refunds: Number(zAtOffice!.refunds),
        voids: Number(zAtOffice!.voids),
        net: Number(zAtOffice!.net),
      }).toEqual({
        zNo: z.zNo,
        salesCount: z.salesCount,
        gross: z.gross,
        refunds: z.refunds,
        voids: z.voids,
        net: z.net,
      });
      expect(z.net).toBe(own.net);
      expect(z.overShort).toBe(0);
    }
    console.info(
      `[head office] caught up ${caughtUp - sold} ms after store B's last sale; ${Date.now() - began} ms in all`,
    );
  }, 60_000);
});

/**
 * Issue 12, section 4: eight tills on one store server, killed and restarted, lose and double
 * nothing.
 *
 * Eight child processes (tests/core/fixtures/store-till.ts), each a till with its own core, its own
 * files and its own keychain, sell at once to one throwaway PostgreSQL server for RUN_MS, and now
 * and then refund one unit of another till's sale. Meanwhile this process, a ninth till, opens and
 * closes a shift and changes staff (adds a member, changes their role, disables them), and every
 * 1–3 s a random till is killed with SIGKILL and started again.
 *
 * Afterwards, read straight from the server:
 * - every sale and refund a till acknowledged is there exactly once, with its receipt and total;
 * - each till's receipt numbers run 1..n with no gap;
 * - no line is refunded more than it sold;
 * - every till's audit chain verifies link by link, and each till's seal with its own key;
 * - the rollups that reports read equal the sums of the raw rows, and so does a report.
 * The summary line gives tills, kills, sales, refunds, refusals, lost and duplicated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleChild, type ChildEntry } from '../helpers/child-bundle';
import { ADMIN, tempDir } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { countOf } from '../helpers/shifts';
import { setUpStore, storeTill } from '../helpers/store-server';

const bin = findPostgres();
const ROOT = resolve(__dirname, '../..');
const TILLS = 8;
/** How long the tills sell (issue 12: at least 30 s). */
const RUN_MS = Number(process.env.KASSA_STORE_RUN_MS ?? 30_000);
/** A till that has not said READY this long after its start fails the test. */
const START_TIMEOUT_MS = 30_000;

/**
 * A till that has started sells at the lowest CPU priority (nice 19) for the rest of its run. The
 * tills sell for a fixed RUN_MS whatever CPU they get, and eight of them would otherwise take both
 * of CI's cores from the test file beside this one (vitest.config.ts runs two at once) for the
 * whole run: that file then ran 3–5× slower. At nice 19 they take what the machine has spare,
 * still eight at once on one server, and sell fewer sales in the same time. Start-up runs at
 * normal priority, so a restarted till is ready as soon as before.
 */
function lowerPriority(child: ChildProcess): void {
  try {
    setPriority(child.pid!, 19);
  } catch {
    // already gone (killed meanwhile): nothing to lower
  }
}

interface Acks {
  sales: Map<string, { till: string; receiptNo: number; total: number }>;
  refunds: Map<string, { till: string; saleId: number }>;
  refused: number;
}

interface Till {
  name: string;
  dir: string;
  child: ChildProcess | null;
  ready: Promise<void>;
}

describe.skipIf(!bin)('eight tills on one store server (issue 12, section 4)', () => {
  let pg: PgServer;
  let entry: ChildEntry;
  beforeAll(async () => {
    pg = await startPostgres(bin!);
    entry = await bundleChild('tests/core/fixtures/store-till.ts');
  }, 60_000);
  afterAll(() => {
    entry?.remove();
    pg?.stop();
  });

  it('sell, refund each other, close a shift and change staff under kill -9: nothing lost or doubled', async () => {
    const url = await createDatabase(pg, 'store');
    const head = await storeTill(url, 'till-0');
    await setUpStore(head, url);
    const products: number[] = [];
    for (let i = 0; i < 12; i++)
      products.push(
        (
          await head.must('products:create', {
            sku: `SKU-${i}`,
            name: `Product ${i}`,
            price: 100 + 37 * i,
            taxRateBps: i % 3 === 0 ? 0 : 2000,
          })
        ).id,
      );

    const acks: Acks = { sales: new Map(), refunds: new Map(), refused: 0 };
    const errors: string[] = [];
    const tills: Till[] = Array.from({ length: TILLS }, (_, i) => ({
      name: `till-${i + 1}`,
      dir: join(tempDir(), `till-${i + 1}`),
      child: null,
      ready: Promise.resolve(),
    }));
    let seed = 1;
    const start = (till: Till) => {
      mkdirSync(till.dir, { recursive: true });
      const child = spawn(
        process.execPath,
        [...entry.args, url, till.dir, till.name, String(seed++)],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            STORE_PRODUCTS: JSON.stringify(products),
            STORE_USER: ADMIN.username,
            STORE_PASSWORD: ADMIN.password,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      till.child = child;
      let buffered = '';
      till.ready = new Promise((ready, fail) => {
        const timer = setTimeout(() => fail(new Error(`${till.name} not ready`)), START_TIMEOUT_MS);
        child.stdout!.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0) {
            const [kind, ...rest] = buffered.slice(0, nl).split(' ');
            buffered = buffered.slice(nl + 1);
            if (kind === 'READY') {
              clearTimeout(timer);
              lowerPriority(child);
              ready();
            } else if (kind === 'SALE')
              acks.sales.set(rest[0]!, {
                till: till.name,
                receiptNo: Number(rest[1]),
                total: Number(rest[2]),
              });
            else if (kind === 'REFUND')
              acks.refunds.set(rest[0]!, { till: till.name, saleId: Number(rest[1]) });
            else if (kind === 'REFUSED') acks.refused += 1;
            else errors.push(`${till.name}: ${kind} ${rest.join(' ')}`);
          }
        });
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') errors.push(`${till.name} exited by itself (${code ?? signal})`);
      });
    };
    const kill = async (till: Till) => {
      const child = till.child!;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await gone;
    };

    for (const till of tills) start(till);
    await Promise.all(tills.map((t) => t.ready));

    // The ninth till's own work, spread over the run, while the others sell.
    const opened = await head.must('shifts:open', { floatCount: countOf(10_000) });
    const began = Date.now();
    const at = (share: number) => began + RUN_MS * share;
    const chores: Array<[number, () => Promise<unknown>]> = [
      [at(0.2), () => head.must('auth:reauthenticate', { password: ADMIN.password })],
      [
        at(0.25),
        async () => {
          const made = await head.must('staff:create', {
            username: 'mia',
            email: 'mia@shop.test',
            displayName: 'Mia Member',
            role: 'cashier',
            approve: true,
          });
          return made;
        },
      ],
      [
        at(0.45),
        async () => {
          const [mia] = (await head.must('staff:list', { search: 'mia' })).items;
          await head.must('staff:setRole', { id: mia.id, role: 'manager' });
        },
      ],
      [
        at(0.6),
        () =>
          head.must('shifts:close', {
            shiftId: opened.id,
            countedCash: countOf(10_000),
            countedOther: [],
          }),
      ],
      [
        at(0.75),
        async () => {
          const [mia] = (await head.must('staff:list', { search: 'mia' })).items;
          await head.must('staff:disable', { id: mia.id });
        },
      ],
    ];
    let kills = 0;
    while (Date.now() < began + RUN_MS) {
      await new Promise((r) => setTimeout(r, 1_000 + Math.random() * 2_000));
      while (chores.length > 0 && chores[0]![0] <= Date.now()) await chores.shift()![1]();
      const victim = tills[Math.floor(Math.random() * TILLS)]!;
      await kill(victim);
      kills += 1;
      start(victim);
      await victim.ready;
    }
    for (const [, chore] of chores) await chore();
    await Promise.all(tills.map(kill));
    expect(errors).toEqual([]);

    // Every acknowledged sale and refund, exactly once, as acknowledged.
    const rows = await sqlOn(
      url,
      `SELECT s.uuid, t.name AS till, s.receipt_no, s.total, s.kind, s.refund_of_id
       FROM sales s JOIN tills t ON t.id = s.till_id`,
    );
    const byUuid = new Map<string, Record<string, unknown>[]>();
    for (const r of rows) byUuid.set(String(r.uuid), [...(byUuid.get(String(r.uuid)) ?? []), r]);
    const lost = [...acks.sales.keys(), ...acks.refunds.keys()].filter((u) => !byUuid.has(u));
    const duplicated = [...byUuid.values()].filter((found) => found.length > 1).length;
    const wrong = [...acks.sales].filter(([uuid, ack]) => {
      const [r] = byUuid.get(uuid) ?? [];
      return (
        r &&
        (r.till !== ack.till || r.receipt_no !== ack.receiptNo || Number(r.total) !== ack.total)
      );
    });
    const refundOf = [...acks.refunds].filter(
      ([uuid, ack]) => byUuid.get(uuid)?.[0]?.refund_of_id !== ack.saleId,
    );
    console.info(
      `[store] tills ${TILLS + 1}, kills ${kills}, sales ${acks.sales.size} acknowledged (${rows.length} rows in all), refunds ${acks.refunds.size}, refused ${acks.refused}, lost ${lost.length}, duplicated ${duplicated}`,
    );
    expect({ lost, duplicated, wrong, refundOf }).toEqual({
      lost: [],
      duplicated: 0,
      wrong: [],
      refundOf: [],
    });
    expect(acks.sales.size).toBeGreaterThan(TILLS * 10);
    expect(acks.refunds.size).toBeGreaterThan(0);

    // Gapless receipts per till, sales and refunds together.
    const receipts = await sqlOn(
      url,
      `SELECT t.name, COUNT(*) AS n, MIN(s.receipt_no) AS first, MAX(s.receipt_no) AS last
       FROM sales s JOIN tills t ON t.id = s.till_id GROUP BY t.name ORDER BY t.name`,
    );
    for (const r of receipts)
      expect({ ...r, n: Number(r.n) }).toEqual({ ...r, n: r.last, first: 1 });

    // No line refunded beyond what it sold.
    const over = await sqlOn(
      url,
      `SELECT o.id, o.quantity, SUM(-r.quantity) AS refunded FROM sale_lines o
       JOIN sale_lines r ON r.refund_of_line_id = o.id GROUP BY o.id, o.quantity
       HAVING SUM(-r.quantity) > o.quantity`,
    );
    expect(over).toEqual([]);

    // Every chain verifies on every till, and each till's seal with its own key.
    for (const name of ['till-0', ...tills.map((t) => t.name)]) {
      const core = await storeTill(url, name);
      const checked = await core.checkIntegrity();
      await core.close();
      expect({ name, ok: checked.ok, chain: checked.auditChain.state }).toEqual({
        name,
        ok: true,
        chain: 'ok',
      });
    }

    // What reports read equals the raw sums, and so does a report.
    const [raw] = await sqlOn(
      url,
      `SELECT SUM(CASE WHEN kind = 'sale' THEN total ELSE 0 END) AS gross,
              SUM(CASE WHEN kind = 'refund' THEN -total ELSE 0 END) AS refunds,
              MIN(business_date) AS first, MAX(business_date) AS last
       FROM sales WHERE status = 'completed'`,
    );
    const [rolled] = await sqlOn(
      url,
      'SELECT SUM(gross) AS gross, SUM(refunds) AS refunds FROM rollup_staff',
    );
    expect({ gross: Number(rolled!.gross), refunds: Number(rolled!.refunds) }).toEqual({
      gross: Number(raw!.gross),
      refunds: Number(raw!.refunds),
    });
    const [tenders] = await sqlOn(
      url,
      `SELECT (SELECT SUM(amount) FROM rollup_tenders) - (SELECT SUM(refunds) FROM rollup_tenders) AS rolled,
              (SELECT SUM(t.amount) FROM sale_tenders t JOIN sales s ON s.id = t.sale_id
               WHERE s.status = 'completed') AS raw`,
    );
    expect(Number(tenders!.rolled)).toBe(Number(tenders!.raw));
    const figures = await head.must('analytics:keyFigures', { from: raw!.first, to: raw!.last });
    expect({ gross: figures.current.gross, refunds: figures.current.refunds }).toEqual({
      gross: Number(raw!.gross),
      refunds: Number(raw!.refunds),
    });
    await head.close();
  }, 180_000);
});

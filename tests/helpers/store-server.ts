/**
 * Tills on a store server, for the tests of issue 12: a till's core on a throwaway PostgreSQL
 * database (tests/helpers/postgres.ts), the store's first set-up, and a mug to sell.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createCore,
  type Core,
  type CoreOptions,
  type DatabaseOption,
  type ServerTls,
} from '../../electron/core';
import { APP_ORIGIN } from '../../shared/csp';
import { ADMIN, callerFor, keychainOf, silentLogger, tempDir } from './core';
import { sqlOn } from './postgres';
import { sleep } from './waits';

export interface StoreTill extends Core {
  /** The till's own folder (set-up marker, key file). */
  dir: string;
  /** Calls a channel from `window` and answers its data; throws with the error code. */
  must(channel: string, input?: unknown, window?: number): Promise<any>;
}

/** What a store till may have other than the defaults of `storeTill`. */
export interface StoreTillOptions {
  /** The core's print queue options. */
  printing?: CoreOptions['printing'];
  /** Another keychain than keychainOf(name): a till whose keychain was replaced. */
  secretStore?: CoreOptions['secretStore'];
  /** Shorter lock and idle-in-transaction limits on the server than a till's own. */
  serverWaits?: CoreOptions['serverWaits'];
}

/**
 * A store till's background round in these tests, in ms: 0.3 s, not SERVER_TICK_MS (5 s), so a
 * test waits that long, not 5 s, for a till to wrap the store key for one that joined, to record
 * that it runs, or to find its server back.
 */
export const TEST_SERVER_TICK_MS = 300;

/**
 * The till `name` on the store database `url`: its own folder and keychain (keychainOf), the
 * system clock, no scheduled full check, cheap test password hashes, a round every
 * TEST_SERVER_TICK_MS; `more` overrides.
 */
export async function storeTill(
  url: string,
  name: string,
  tls: ServerTls = { mode: 'disable' },
  more: StoreTillOptions = {},
): Promise<StoreTill> {
  return openTill(name, tempDir(), { kind: 'postgres', url, tls }, more);
}

/**
 * The till `name` as first run finds it, or as it restarts: no `database` option, so it opens its
 * store server file in `dir` if a join wrote one, else its own SQLite file there.
 */
export async function tillIn(dir: string, name: string): Promise<StoreTill> {
  return openTill(name, dir);
}

async function openTill(
  name: string,
  dir: string,
  database?: DatabaseOption,
  more: StoreTillOptions = {},
): Promise<StoreTill> {
  const core = await createCore({
    databasePath: join(dir, 'till.sqlite'),
    ...(database ? { database } : {}),
    ...(more.printing ? { printing: more.printing } : {}),
    ...(more.serverWaits ? { serverWaits: more.serverWaits } : {}),
    secretStore: more.secretStore ?? keychainOf(name),
    appOrigin: APP_ORIGIN,
    terminalName: name,
    logger: silentLogger,
    integrityCheck: false,
    testPasswordCost: 4,
    backupSchedule: false,
    serverTickMs: TEST_SERVER_TICK_MS,
  });
  const must = async (channel: string, input?: unknown, window = 1) => {
    const r = await core.invoke(channel, input, callerFor(window));
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  return Object.assign(core, { dir, must });
}

/**
 * The store's first admin, signed in on `till` (window 1), with 2FA and the open-shift rule off as
 * the other core tests have them.
 */
export async function setUpStore(till: StoreTill, url: string): Promise<void> {
  await sqlOn(url, 'UPDATE roles SET require_totp = 0');
  await sqlOn(
    url,
    "INSERT INTO settings (key, value, updated_at) VALUES ('shifts.require_open_shift', 'false', '2026-01-01T00:00:00.000Z') ON CONFLICT (key) DO NOTHING",
  );
  await till.must('setup:createAdmin', ADMIN);
}

/** A mug (stock product, £2.50, 20 % tax) created on `till`; answers its id. */
export async function createMug(till: StoreTill): Promise<number> {
  const mug = await till.must('products:create', {
    sku: 'MUG',
    name: 'Mug',
    price: 250,
    taxRateBps: 2000,
  });
  return mug.id;
}

/** The `sales:checkout` input for `quantity` mugs paid in exact cash. */
export function mugSale(productId: number, quantity = 1) {
  return {
    id: randomUUID(),
    lines: [{ productId, quantity }],
    tenders: [{ type: 'cash' as const, amount: 250 * quantity }],
  };
}

/**
 * The SQL that docs/deployment.md gives after `after`, as written there, so that a test runs
 * what an admin would: up to the end of its code block. `after` is either a line inside the
 * block (the SQL starts after it) or prose before it (the SQL starts at the next ```sql fence).
 */
export function deploymentSql(after: string): string {
  const doc = readFileSync(join(__dirname, '../../docs/deployment.md'), 'utf8');
  const rest = doc.split(after)[1];
  if (rest === undefined) throw new Error(`docs/deployment.md no longer says "${after}"`);
  const fence = rest.indexOf('```');
  const block = rest.startsWith('```sql', fence) ? rest.slice(fence + '```sql'.length) : rest;
  return block.split('```')[0]!;
}

/** An acknowledged sale of `sellMugs`: its till's name, receipt number and time (ms, epoch). */
export interface AckedSale {
  till: string;
  receiptNo: number;
  at: number;
}

/** What tills selling mugs (`sellMugs`) were answered, so far. */
export interface MugSelling {
  /** Acknowledged sales by id. */
  acked: Map<string, AckedSale>;
  /** Failed answers, by error code. */
  codes: Map<string, number>;
  /** Stops selling; resolves once each till's last sale is acknowledged. */
  stop(): Promise<void>;
}

/**
 * Each of `tills` (a name and its till, window 1 signed in) sells one mug after another until
 * `stop`. A sale that fails is sent again with the same id 50 ms later, as the till does when the
 * cashier completes it again, until it is acknowledged.
 */
export function sellMugs(
  tills: ReadonlyArray<readonly [string, StoreTill]>,
  mug: number,
): MugSelling {
  const acked = new Map<string, AckedSale>();
  const codes = new Map<string, number>();
  let selling = true;
  const sell = async (name: string, till: StoreTill) => {
    while (selling) {
      const sale = mugSale(mug);
      for (;;) {
        const r = await till.invoke('sales:checkout', sale, callerFor(1));
        if (r.ok) {
          const { receiptNo } = r.data as { receiptNo: number };
          acked.set(sale.id, { till: name, receiptNo, at: Date.now() });
          break;
        }
        codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1);
        await sleep(50);
      }
    }
  };
  const streams = tills.map(([name, till]) => sell(name, till));
  return {
    acked,
    codes,
    async stop() {
      selling = false;
      await Promise.all(streams);
    },
  };
}

/**
 * Checks the store database at `url` against `acked`: every acknowledged sale is there once, on
 * its till with its receipt number, and each till's receipts run 1..n with no gap. Answers the
 * sales' rows, and the receipts per till (name, n, first, last).
 */
export async function expectAcknowledged(url: string, acked: ReadonlyMap<string, AckedSale>) {
  const rows = await sqlOn(
    url,
    'SELECT s.uuid, t.name AS till, s.receipt_no FROM sales s JOIN tills t ON t.id = s.till_id',
  );
  const found = new Map(rows.map((r) => [String(r.uuid), r]));
  expect(rows.length).toBe(found.size);
  const lost = [...acked].filter(
    ([uuid, ack]) =>
      found.get(uuid)?.till !== ack.till || found.get(uuid)?.receipt_no !== ack.receiptNo,
  );
  expect(lost).toEqual([]);
  const receipts = await sqlOn(
    url,
    `SELECT t.name, COUNT(*) AS n, MIN(s.receipt_no) AS first, MAX(s.receipt_no) AS last
     FROM sales s JOIN tills t ON t.id = s.till_id GROUP BY t.name ORDER BY t.name`,
  );
  for (const r of receipts) expect({ ...r, n: Number(r.n) }).toEqual({ ...r, n: r.last, first: 1 });
  return { rows, receipts };
}

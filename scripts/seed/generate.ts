/**
 * Demo and benchmark data: `seedDemoData({ databasePath, customers, sales })` fills a Kassa
 * database with products, customers and sales drawn from the real Online Retail file, fast enough
 * for a 1,000,000-sale benchmark database.
 *
 * How: the core opens the file first (migrations, first admin and a cashier, GBP and London time
 * on a new database, the till "Demo till"), then closes. The bulk load uses raw better-sqlite3
 * prepared INSERTs, 5,000 sales per transaction, with `synchronous=OFF` and `foreign_keys=OFF`
 * only while it runs (FULL and ON again afterwards; journal_mode stays WAL). A load of 20,000+
 * sales into a smaller table drops the secondary indexes of sales, sale_lines and stock_movements
 * and rebuilds them from their own SQL at the end (an interrupted seed leaves a database to throw
 * away).
 *
 * It writes what the app would write:
 *
 * - sales, their lines and tenders add up (line total = qty × price, tax = inclusive VAT per line,
 *   header = Σ lines, tenders = total; cash tenders carry tendered and change due);
 * - receipt numbers are gapless on the till, continuing from `tills.next_receipt_no`;
 * - ~30 % walk-ins, ~3 % refunds of an earlier sale of this run (negative lines pointing at the
 *   original lines), ~1 % voided (status `voided` plus a `sale_voids` row), source `seed`;
 * - times in shop hours 09:00–17:30 UTC over the last `days` days up to now, in time order;
 * - customers with generated names, unique emails and phones, countries from the file, and the
 *   search columns folded exactly like the app (search-columns.ts).
 *
 * - one chained audit row per sale (`sale.complete`), refund (`sale.refund`) and void (`sale.void`),
 *   with the app's actions and details, so the chain is as long as a real shop's (L2, D10);
 * - the stock ledger (issue 11, section 2): one `sale` movement per line of a stock product, a
 *   `refund` movement (`restock`) per refunded line, a void's `sale` movements given back (`void`),
 *   and before them an `opening` balance for each stock product that had no movement yet, just
 *   large enough that its stock never goes below a small margin (10–59 units); `products.on_hand`
 *   is the ledger's sum.
 *
 * Afterwards one `seed.generate` audit row is appended through the core's AuditLog (L2 chain) in
 * one transaction; with `secretStore` it also seals the chain head (D9). Amounts are minor units (pence); times are UTC ISO-8601.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { APP_ORIGIN } from '../../shared/csp';
import type { ChannelName, ChannelOutput } from '../../shared/contract';
import { inclusiveTax } from '../../shared/money';
import { createCore, type Caller, type Core, type SecretStore } from '../../electron/core';
import {
  AuditLog,
  auditRowValues,
  GENESIS_HASH,
  hashAuditRow,
} from '../../electron/core/audit/audit-log';
import { loadSealKey } from '../../electron/core/audit/chain-seal';
import { createSqliteDataSource } from '../../electron/core/db/data-source';
import { Database as CoreDatabase } from '../../electron/core/db/database';
import { kindOfCode } from '../../electron/core/imports/online-retail-parse';
import { BusinessDayStamper } from '../../electron/core/sales/local-day';
import { rebuildRollups } from '../../electron/core/analytics/rollups';
import { systemTimeZone } from '../../electron/core/settings/settings-service';
import { foldForSearch, phoneDigits } from '../../electron/core/search/normalize';
import { FIRST_NAMES, LAST_NAMES, loadSampleData, Rng, type SampleLine } from './sample-data';

/** Bumped whenever the generated data changes shape, so cached benchmark databases are rebuilt. */
export const SEED_VERSION = 4;

export interface SeedOptions {
  /** SQLite file; created and migrated if missing. */
  databasePath: string;
  /** New customers to add. */
  customers: number;
  /** New sales (including refunds) to add. */
  sales: number;
  /** Days the sales spread over, ending today (UTC). Default 365. */
  days?: number;
  /** Catalogue size: the most common products of the file first, then made-up ones. Default: every product of the file. */
  products?: number;
  /** Progress messages. */
  log?: (message: string) => void;
  /** PRNG seed, for repeatable data. Default 20101201. */
  seed?: number;
  /** "Now" (default the system clock): the last sale is before it. */
  now?: Date;
  /**
   * The keychain whose data-protection key seals the audit chain (D9): the one the app or the
   * benchmark then opens the core with. Without it nothing is sealed, and the app's first start
   * verifies the whole chain once and seals it.
   */
  secretStore?: SecretStore;
}

export interface SeedResult {
  /** Sales rows written (sales + refunds). */
  sales: number;
  refunds: number;
  voided: number;
  customers: number;
  /** Products in the catalogue used (created or reused). */
  products: number;
  lines: number;
  seconds: number;
  salesPerSecond: number;
  /** Staff created on a new database, with their passwords (shown once). */
  staff: { username: string; password: string; role: string }[];
}

const TILL_NAME = 'Demo till';
const SALES_PER_TX = 5_000;
/** Loads of at least this many sales drop and rebuild the sales indexes (see below). */
const DROP_INDEXES_FROM = 20_000;
const VAT_BPS = 2_000;
const OPEN_MINUTE = 9 * 60;
const CLOSE_MINUTE = 17 * 60 + 30;
const caller: Caller = { origin: APP_ORIGIN, isTopFrame: true, windowId: 1 };

/** A keychain that is not there: the seed then seals nothing (see SeedOptions.secretStore). */
const NO_KEYCHAIN: SecretStore = {
  get: () => Promise.reject(new Error('no keychain given to the seed')),
  set: () => Promise.reject(new Error('no keychain given to the seed')),
  delete: () => Promise.reject(new Error('no keychain given to the seed')),
};

const quiet = { info: () => {}, warn: () => {}, error: (m: string) => console.error(m) };

async function must<C extends ChannelName>(
  core: Core,
  channel: C,
  input: unknown,
  windowId = 1,
): Promise<ChannelOutput<C>> {
  const r = await core.invoke(channel, input, { ...caller, windowId });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.data as ChannelOutput<C>;
}

/** Migrates, and on a new database creates the admin, a cashier, GBP/London and the demo till. */
async function prepare(
  databasePath: string,
  secretStore: SecretStore,
): Promise<SeedResult['staff']> {
  const core = await createCore({
    databasePath,
    secretStore,
    integrityCheck: false,
    appOrigin: APP_ORIGIN,
    terminalName: TILL_NAME,
    logger: quiet,
  });
  const staff: SeedResult['staff'] = [];
  try {
    if (core.safeMode) throw new Error(`${databasePath} failed its integrity check`);
    const status = await must(core, 'app:status', {});
    if (status.setupRequired) {
      // A demo database is not a shop: its admin is not made to set up two-factor sign-in
      // before the seed can store the shop's settings (issue 9; Staff → Roles turns it back on).
      const raw = new Database(databasePath);
      try {
        raw.prepare("UPDATE roles SET require_totp = 0 WHERE id = 'admin'").run();
      } finally {
        raw.close();
      }
      const admin = { username: 'admin', password: randomBytes(15).toString('base64url') };
      await must(core, 'setup:createAdmin', {
        ...admin,
        email: 'admin@demo.example',
        displayName: 'Demo Admin',
      });
      await must(core, 'settings:update', {
        currency: 'GBP',
        timeZone: 'Europe/London',
        storeName: 'Kassa demo shop',
      });
      const cashier = { username: 'cashier', password: randomBytes(15).toString('base64url') };
      await must(
        core,
        'auth:requestAccess',
        { ...cashier, email: 'cashier@demo.example', displayName: 'Demo Cashier' },
        2,
      );
      const pending = await must(core, 'staff:list', { status: 'pending', search: 'cashier' });
      await must(core, 'staff:approve', { id: pending.items[0]!.id });
      staff.push({ ...admin, role: 'admin' }, { ...cashier, role: 'cashier' });
    }
  } finally {
    await core.close();
  }
  return staff;
}

/**
 * Shop-hour windows [from, to) in ms of the last `days` UTC days up to `now`, oldest first, all
 * after `notBefore` (the latest sale already in the database), so receipts follow time.
 */
function shopWindows(days: number, now: Date, notBefore: number): { from: number; to: number }[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const out: { from: number; to: number }[] = [];
  for (let d = days - 1; d >= 0; d -= 1) {
    const day = today - d * 86_400_000;
    const from = Math.max(day + OPEN_MINUTE * 60_000, notBefore + 1000);
    const to = Math.min(day + CLOSE_MINUTE * 60_000, now.getTime() - 60_000);
    if (to > from) out.push({ from, to });
  }
  if (out.length === 0) {
    const from = Math.max(notBefore + 1000, today - 86_400_000 + OPEN_MINUTE * 60_000);
    out.push({ from, to: Math.max(from + 60_000, now.getTime() - 60_000) });
  }
  return out;
}

/** `n` sorted instants (ms) spread over the windows in proportion to their length. */
function saleTimes(n: number, windows: { from: number; to: number }[], rng: Rng): Float64Array {
  const total = windows.reduce((a, w) => a + (w.to - w.from), 0);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let x = rng.next() * total;
    for (const w of windows) {
      const len = w.to - w.from;
      if (x < len) {
        times[i] = Math.floor((w.from + x) / 1000) * 1000;
        break;
      }
      x -= len;
    }
    if (times[i] === 0) times[i] = windows[windows.length - 1]!.from;
  }
  return times.sort();
}

/** The store's time zone as the settings service reads it (prepare() sets London on a new file). */
function storeTimeZone(db: Database.Database): string {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'time_zone'").get() as
    { value: string } | undefined;
  return row?.value ?? systemTimeZone();
}

/**
 * Inserts the rows of a flat array (`cols` values per row) one prepared single-row statement at a
 * time: with better-sqlite3 that is faster here than multi-row VALUES lists.
 */
function multiInsert(db: Database.Database, head: string, cols: number) {
  const stmt = db.prepare(`${head} VALUES (${new Array(cols).fill('?').join(', ')})`);
  return (flat: unknown[]) => {
    for (let i = 0; i < flat.length; i += cols) stmt.run(flat.slice(i, i + cols));
  };
}

interface CatalogueItem {
  id: number;
  sku: string;
  name: string;
  price: number;
  taxRateBps: number;
  /** A stock product (kind `stock`): its lines move stock. */
  stock: boolean;
}

interface RefundableLine {
  id: number;
  item: CatalogueItem;
  description: string;
  quantity: number;
  unitPrice: number;
}

interface RefundableSale {
  id: number;
  receipt: number;
  customerId: number | null;
  tender: 'cash' | 'card';
  lines: RefundableLine[];
}

/**
 * Fills `databasePath` with demo data (see the file comment). Resolves with counts and timings.
 * Throws on a database that fails its integrity check or on bad options.
 */
export async function seedDemoData(options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const days = options.days ?? 365;
  if (!Number.isInteger(options.sales) || options.sales < 0) throw new Error('sales must be ≥ 0');
  if (!Number.isInteger(options.customers) || options.customers < 0)
    throw new Error('customers must be ≥ 0');
  if (!Number.isInteger(days) || days < 1) throw new Error('days must be ≥ 1');
  const started = Date.now();
  let businessDaysZone = systemTimeZone();
  const rng = new Rng(options.seed ?? 20101201);
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();

  const sample = loadSampleData();
  const keychain = options.secretStore ?? NO_KEYCHAIN;
  const staffCreated = await prepare(options.databasePath, keychain);

  const db = new Database(options.databasePath);
  db.pragma('journal_mode = WAL');
  // Bulk-load settings, restored below: the rows are consistent by construction, and the seed
  // test checks foreign_key_check and integrity_check on the result.
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MB of page cache during the load
  db.pragma('temp_store = MEMORY');
  const result: SeedResult = {
    sales: 0,
    refunds: 0,
    voided: 0,
    customers: 0,
    products: 0,
    lines: 0,
    seconds: 0,
    salesPerSecond: 0,
    staff: staffCreated,
  };
  try {
    const till = db
      .prepare('SELECT id, next_receipt_no FROM tills WHERE name = ?')
      .get(TILL_NAME) as { id: number; next_receipt_no: number } | undefined;
    if (!till) throw new Error(`the till "${TILL_NAME}" is missing`);
    const activeStaff = db
      .prepare(`SELECT id, username FROM staff WHERE status = 'active' ORDER BY id`)
      .all() as { id: number; username: string }[];
    const staffIds = activeStaff.map((r) => r.id);
    const usernames = new Map(activeStaff.map((r) => [r.id, r.username]));
    if (staffIds.length === 0) throw new Error('no active staff to record sales');

    // Products: the file's most common first, reusing rows with the same SKU.
    const wanted = options.products ?? sample.products.length;
    const catalogue = loadCatalogue(db, sample, wanted, rng, nowIso);
    result.products = catalogue.length;
    const bySku = new Map(catalogue.map((c) => [c.sku, c]));
    const linePool = sample.lines.filter((l) => bySku.has(l.sku));
    const extras = catalogue.filter((c) => c.sku.startsWith('DEMO-'));
    log(`products: ${catalogue.length} (${extras.length} made up)`);

    // Customers.
    const customerIds = insertCustomers(db, options.customers, sample.countries, rng, now, days);
    result.customers = options.customers;
    log(`customers: ${options.customers} added (${customerIds.length} in the database)`);

    // Sales.
    const latest = (
      db.prepare('SELECT MAX(created_at) AS m FROM sales').get() as { m: string | null }
    ).m;
    const notBefore = latest === null ? 0 : Date.parse(latest);
    const windows = shopWindows(days, now, notBefore);
    const times = saleTimes(options.sales, windows, rng);
    const sales = multiInsert(
      db,
      `INSERT INTO sales (id, uuid, till_id, receipt_no, kind, status, refund_of_id, staff_id,
         customer_id, currency, prices_include_tax, subtotal, discount, tax, total, note, source,
         external_ref, request_hash, created_at, business_date)`,
      21,
    );
    const lines = multiInsert(
      db,
      `INSERT INTO sale_lines (id, sale_id, line_no, product_id, sku, description, unit_price,
         quantity, tax_rate_bps, discount, tax, total, refund_of_line_id)`,
      13,
    );
    const tenders = multiInsert(
      db,
      'INSERT INTO sale_tenders (sale_id, type, amount, tendered, change_due)',
      5,
    );
    const voids = multiInsert(
      db,
      'INSERT INTO sale_voids (sale_id, reason, staff_id, voided_at)',
      4,
    );
    const movementRows = multiInsert(
      db,
      `INSERT INTO stock_movements (id, product_id, kind, quantity, unit_cost, reason, note,
         staff_id, till_id, sale_id, created_at)`,
      11,
    );
    const ledger = new StockLedgerPlan(db, catalogue);
    const auditRows = multiInsert(
      db,
      `INSERT INTO audit_events (at, actor_id, actor_name, action, target_type, target_id,
         terminal, outcome, detail, prev_hash, hash)`,
      11,
    );
    // One chained audit row per sale, refund and void, exactly as the app writes them (L2).
    let prevHash =
      (
        db.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as
          { hash: string } | undefined
      )?.hash ?? GENESIS_HASH;
    const A: unknown[] = [];
    const audit = (
      at: string,
      staffId: number,
      action: string,
      targetId: number,
      detail: string,
    ) => {
      const row = {
        prevHash,
        at,
        actorId: staffId,
        actorName: usernames.get(staffId) ?? null,
        action,
        targetType: 'sale',
        targetId: String(targetId),
        terminal: TILL_NAME,
        outcome: 'success',
        detail,
      };
      prevHash = hashAuditRow(row);
      A.push(...auditRowValues(row, prevHash));
    };
    const setReceipt = db.prepare('UPDATE tills SET next_receipt_no = ? WHERE id = ?');
    // Each sale's business day in the store's zone, as checkout stamps it (sales.business_date).
    const businessDays = new BusinessDayStamper(storeTimeZone(db));
    businessDaysZone = businessDays.timeZone;
    let saleId = (db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM sales').get() as { m: number })
      .m;
    let lineId = (
      db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM sale_lines').get() as { m: number }
    ).m;
    let receiptNo = till.next_receipt_no;
    const refundable: RefundableSale[] = [];
    const REFUNDABLE_KEEP = 5_000;

    const pickLine = (): { item: CatalogueItem; line: SampleLine } => {
      const line = rng.pick(linePool);
      if (extras.length > 0 && rng.next() < extras.length / catalogue.length) {
        const item = rng.pick(extras);
        return { item, line: { sku: item.sku, quantity: line.quantity, unitPrice: item.price } };
      }
      return { item: bySku.get(line.sku)!, line };
    };

    const batch = db.transaction((from: number, to: number) => {
      const S: unknown[] = [];
      const L: unknown[] = [];
      const T: unknown[] = [];
      const V: unknown[] = [];
      const M: unknown[] = [];
      const move = ledger.mover(M, till.id);
      for (let i = from; i < to; i += 1) {
        const at = new Date(times[i]!).toISOString();
        const staffId = rng.pick(staffIds);
        const id = ++saleId;
        const receipt = receiptNo++;
        const wantRefund = refundable.length > 0 && rng.next() < 0.03;
        if (wantRefund) {
          // A refund of part of an earlier sale of this run, at this later time.
          const k = refundable.length - 1 - rng.int(Math.min(refundable.length, 2_000));
          const orig = refundable[k]!;
          refundable.splice(k, 1);
          const chosen = orig.lines.filter(() => rng.next() < 0.5);
          if (chosen.length === 0) chosen.push(orig.lines[0]!);
          let total = 0;
          let tax = 0;
          chosen.forEach((ol, n) => {
            const q = -(1 + rng.int(ol.quantity));
            const lt = q * ol.unitPrice;
            const lx = inclusiveTax(lt, ol.item.taxRateBps);
            total += lt;
            tax += lx;
            // Returned to stock (restocked), as the till's refund does by default.
            move(ol.item, 'refund', -q, 'restock', staffId, id, at);
            L.push(
              ++lineId,
              id,
              n + 1,
              ol.item.id,
              ol.item.sku,
              ol.description,
              ol.unitPrice,
              q,
              ol.item.taxRateBps,
              0,
              lx,
              lt,
              ol.id,
            );
          });
          S.push(
            id,
            randomUUID(),
            till.id,
            receipt,
            'refund',
            'completed',
            orig.id,
            staffId,
            orig.customerId,
            'GBP',
            1,
            total,
            0,
            tax,
            total,
            null,
            'seed',
            null,
            null,
            at,
            businessDays.dayOf(new Date(at)),
          );
          if (total !== 0) T.push(id, orig.tender, total, null, null);
          audit(
            at,
            staffId,
            'sale.refund',
            orig.id,
            `refund ${TILL_NAME}-${receipt} of receipt ${TILL_NAME}-${orig.receipt}; total ${total} GBP; ${orig.tender}; reason: Demo: returned`,
          );
          result.refunds += 1;
          result.lines += chosen.length;
          continue;
        }
        const customerId =
          customerIds.length > 0 && rng.next() >= 0.3 ? rng.pick(customerIds) : null;
        const size = rng.pick(sample.basketSizes);
        const saleLines: RefundableLine[] = [];
        let total = 0;
        let tax = 0;
        for (let n = 1; n <= size; n += 1) {
          const { item, line } = pickLine();
          const lt = line.quantity * line.unitPrice;
          const lx = inclusiveTax(lt, item.taxRateBps);
          total += lt;
          tax += lx;
          move(item, 'sale', -line.quantity, null, staffId, id, at);
          const lid = ++lineId;
          L.push(
            lid,
            id,
            n,
            item.id,
            item.sku,
            item.name,
            line.unitPrice,
            line.quantity,
            item.taxRateBps,
            0,
            lx,
            lt,
            null,
          );
          saleLines.push({
            id: lid,
            item,
            description: item.name,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
          });
        }
        const voided = rng.next() < 0.01;
        S.push(
          id,
          randomUUID(),
          till.id,
          receipt,
          'sale',
          voided ? 'voided' : 'completed',
          null,
          staffId,
          customerId,
          'GBP',
          1,
          total,
          0,
          tax,
          total,
          null,
          'seed',
          null,
          null,
          at,
          businessDays.dayOf(new Date(at)),
        );
        const cash = rng.next() < 0.4;
        if (total > 0) {
          if (cash) {
            const note =
              total <= 500
                ? 500
                : total <= 1000
                  ? 1000
                  : total <= 2000
                    ? 2000
                    : Math.ceil(total / 5000) * 5000;
            T.push(id, 'cash', total, note, note - total);
          } else {
            T.push(id, 'card', total, null, null);
          }
        }
        audit(
          at,
          staffId,
          'sale.complete',
          id,
          `receipt ${TILL_NAME}-${receipt}; ${size} lines; total ${total} GBP`,
        );
        if (voided) {
          const v = new Date(times[i]! + 60_000 * (1 + rng.int(30))).toISOString();
          const voidedAt = v > nowIso ? at : v;
          V.push(id, 'Demo: customer changed their mind', staffId, voidedAt);
          for (const l of saleLines)
            move(l.item, 'sale', l.quantity, 'void', staffId, id, voidedAt);
          audit(
            voidedAt,
            staffId,
            'sale.void',
            id,
            `receipt ${TILL_NAME}-${receipt}; total ${total} GBP; reason: Demo: customer changed their mind`,
          );
          result.voided += 1;
        } else {
          refundable.push({
            id,
            receipt,
            customerId,
            tender: cash ? 'cash' : 'card',
            lines: saleLines,
          });
          if (refundable.length > REFUNDABLE_KEEP)
            refundable.splice(0, refundable.length - REFUNDABLE_KEEP);
        }
        result.lines += size;
      }
      sales(S);
      lines(L);
      tenders(T);
      voids(V);
      movementRows(M);
      auditRows(A);
      A.length = 0;
      setReceipt.run(receiptNo, till.id);
      result.sales += to - from;
    });

    // A big load into a small table is faster with the secondary indexes of sales, sale_lines and
    // stock_movements built once at the end (a sort) than kept up row by row. Recreated from their
    // own SQL, indexes first, then the tables' no-replace triggers (D9), which look keys up in those indexes and
    // would scan the whole table per row without them (the rows are new by construction).
    const existingSales = (db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
    const dropped =
      options.sales >= DROP_INDEXES_FROM && options.sales >= existingSales
        ? (db
            .prepare(
              `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL
                 AND tbl_name IN ('sales', 'sale_lines', 'stock_movements')
                 AND (type = 'index' OR (type = 'trigger' AND name LIKE '%_no_replace'))
               ORDER BY type`,
            )
            .all() as { type: 'index' | 'trigger'; name: string; sql: string }[])
        : [];
    for (const ix of dropped) db.exec(`DROP ${ix.type.toUpperCase()} "${ix.name}"`);
    try {
      const loadStart = Date.now();
      for (let from = 0; from < options.sales; from += SALES_PER_TX) {
        const to = Math.min(options.sales, from + SALES_PER_TX);
        batch(from, to);
        if (to % 50_000 === 0 || to === options.sales) {
          const s = (Date.now() - loadStart) / 1000;
          log(`sales: ${to}/${options.sales} (${Math.round(to / Math.max(s, 0.001))}/s)`);
        }
      }
    } finally {
      if (dropped.length > 0) {
        const t = Date.now();
        for (const ix of dropped) db.exec(ix.sql);
        log(
          `indexes and triggers: ${dropped.length} rebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`,
        );
      }
    }
    // The opening balances (ids reserved before the sales' movements) and on-hand = ledger sum.
    const opening = new Date((windows[0]?.from ?? now.getTime()) - 3_600_000).toISOString();
    db.transaction(() => movementRows(ledger.finish(db, staffIds[0]!, till.id, opening, rng)))();
    log(`stock: ${ledger.movements} movements, ${ledger.openings} opening balances`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }

  await recordAudit(options.databasePath, result, keychain, businessDaysZone);
  result.seconds = (Date.now() - started) / 1000;
  result.salesPerSecond = Math.round(result.sales / Math.max(result.seconds, 0.001));
  return result;
}

/**
 * The seed's stock ledger (issue 11, section 2): movement rows with explicit ids after the
 * opening balances' reserved ids, and each stock product's running sum and its lowest point, so
 * the opening balance written last (first by id) keeps stock at or above a margin throughout.
 */
class StockLedgerPlan {
  /** Movements written by `mover`, and opening balances by `finish`. */
  movements = 0;
  openings = 0;
  private nextId: number;
  private readonly firstId: number;
  /** Stock products with no movement before this run: they get an opening balance. */
  private readonly fresh: number[];
  private readonly running = new Map<number, { sum: number; min: number }>();

  constructor(db: Database.Database, catalogue: readonly CatalogueItem[]) {
    const moved = new Set(
      (
        db.prepare('SELECT DISTINCT product_id AS id FROM stock_movements').all() as {
          id: number;
        }[]
      ).map((r) => r.id),
    );
    this.fresh = [
      ...new Set(catalogue.filter((c) => c.stock && !moved.has(c.id)).map((c) => c.id)),
    ];
    const last = (
      db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM stock_movements').get() as { m: number }
    ).m;
    this.firstId = last + 1;
    this.nextId = last + 1 + this.fresh.length;
  }

  /** A function pushing one movement row (11 values) onto `rows`; non-stock items move nothing. */
  mover(rows: unknown[], tillId: number) {
    return (
      item: CatalogueItem,
      kind: 'sale' | 'refund',
      quantity: number,
      reason: 'restock' | 'void' | null,
      staffId: number,
      saleId: number,
      at: string,
    ): void => {
      if (!item.stock) return;
      rows.push(
        this.nextId++,
        item.id,
        kind,
        quantity,
        null,
        reason,
        null,
        staffId,
        tillId,
        saleId,
        at,
      );
      this.movements += 1;
      const r = this.running.get(item.id) ?? { sum: 0, min: 0 };
      r.sum += quantity;
      r.min = Math.min(r.min, r.sum);
      this.running.set(item.id, r);
    };
  }

  /**
   * Sets every moved product's on-hand to its ledger sum and returns the opening-balance rows (in
   * the reserved ids) for the fresh products: the deficit at the lowest point plus 10–59 units.
   */
  finish(db: Database.Database, staffId: number, tillId: number, at: string, rng: Rng): unknown[] {
    const rows: unknown[] = [];
    const delta = new Map([...this.running].map(([id, r]) => [id, r.sum]));
    this.fresh.forEach((productId, i) => {
      const quantity = -(this.running.get(productId)?.min ?? 0) + 10 + rng.int(50);
      rows.push(
        this.firstId + i,
        productId,
        'opening',
        quantity,
        null,
        null,
        null,
        staffId,
        tillId,
        null,
        at,
      );
      delta.set(productId, (delta.get(productId) ?? 0) + quantity);
    });
    this.openings = this.fresh.length;
    const update = db.prepare('UPDATE products SET on_hand = on_hand + ? WHERE id = ?');
    db.transaction(() => {
      for (const [productId, d] of delta) if (d !== 0) update.run(d, productId);
    })();
    return rows;
  }
}

function loadCatalogue(
  db: Database.Database,
  sample: ReturnType<typeof loadSampleData>,
  wanted: number,
  rng: Rng,
  nowIso: string,
): CatalogueItem[] {
  const chosen = sample.products.slice(0, Math.max(1, wanted));
  const rows = chosen.map((p) => ({
    sku: p.sku,
    name: p.name,
    price: p.price,
    kind: kindOfCode(p.sku),
  }));
  for (let i = chosen.length; i < wanted; i += 1) {
    const base = rng.pick(sample.products);
    rows.push({
      sku: `DEMO-${String(i + 1).padStart(6, '0')}`,
      name: `${base.name} (${rng.pick(['red', 'blue', 'green', 'large', 'small', 'gift set'])})`.slice(
        0,
        200,
      ),
      price: Math.max(1, Math.round(base.price * (0.5 + rng.next()))),
      kind: 'stock',
    });
  }
  const find = db.prepare(
    'SELECT id, sku, name, price, tax_rate_bps, kind FROM products WHERE sku = ?',
  );
  const insert = db.prepare(
    `INSERT INTO products (sku, barcode, name, search_name, price, tax_rate_bps, kind, active,
       archived_at, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, ?, 1, NULL, ?, ?)`,
  );
  const out: CatalogueItem[] = [];
  db.transaction(() => {
    for (const r of rows) {
      let found = find.get(r.sku) as
        | {
            id: number;
            sku: string;
            name: string;
            price: number;
            tax_rate_bps: number;
            kind: string;
          }
        | undefined;
      if (!found) {
        const bps = r.kind === 'stock' || r.kind === 'postage' ? VAT_BPS : 0;
        const info = insert.run(
          r.sku,
          r.name,
          foldForSearch(r.name),
          r.price,
          bps,
          r.kind,
          nowIso,
          nowIso,
        );
        found = {
          id: Number(info.lastInsertRowid),
          sku: r.sku,
          name: r.name,
          price: r.price,
          tax_rate_bps: bps,
          kind: r.kind,
        };
      }
      out.push({
        id: found.id,
        sku: found.sku,
        name: found.name,
        price: found.price,
        taxRateBps: found.tax_rate_bps,
        stock: found.kind === 'stock',
      });
    }
  })();
  return out;
}

/** Inserts `n` customers; returns the ids of every live customer (old and new). */
function insertCustomers(
  db: Database.Database,
  n: number,
  countries: readonly string[],
  rng: Rng,
  now: Date,
  days: number,
): number[] {
  const insert = multiInsert(
    db,
    `INSERT INTO customers (name, email, phone, phone_digits, country, notes, external_ref,
       search_name, search_text, archived_at, created_at, updated_at)`,
    12,
  );
  let next = (db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM customers').get() as { m: number })
    .m;
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const PER_TX = 10_000;
  for (let done = 0; done < n; done += PER_TX) {
    const rows: unknown[] = [];
    for (let i = done; i < Math.min(n, done + PER_TX); i += 1) {
      const k = ++next;
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const name = `${first} ${last}`;
      const ascii = (s: string) => foldForSearch(s).replace(/[^a-z]/g, '') || 'x';
      const email = `${ascii(first)}.${ascii(last)}.${k}@demo.example`;
      // Unique UK mobiles spread over the whole number range (k times a unit mod 10^9 is a
      // permutation), as a shop's customers have, not one sequential block.
      const phone = `+44 7${String((k * 387_420_489 + 123_456_789) % 1_000_000_000)
        .padStart(9, '0')
        .replace(/^(\d{3})(\d{6})$/, '$1 $2')}`;
      const digits = phoneDigits(phone);
      rows.push(
        name,
        email,
        phone,
        digits,
        rng.pick(countries),
        null,
        null,
        foldForSearch(name),
        foldForSearch(`${name} ${email} ${digits}`),
        null,
        since,
        since,
      );
    }
    db.transaction(() => insert(rows))();
  }
  return (
    db.prepare('SELECT id FROM customers WHERE archived_at IS NULL ORDER BY id').all() as {
      id: number;
    }[]
  ).map((r) => r.id);
}

/**
 * One `seed.generate` audit row, chained (L2) by the core's AuditLog in one transaction, which
 * also seals the chain head when the keychain gives a key (D9). First the sales rollups are
 * rebuilt from the sales (issue 11, section 4), in the store's zone `timeZone`.
 */
async function recordAudit(
  databasePath: string,
  r: SeedResult,
  keychain: SecretStore,
  timeZone: string,
): Promise<void> {
  const dataSource = createSqliteDataSource({ databasePath });
  await dataSource.initialize();
  const db = new CoreDatabase(dataSource);
  try {
    const audit = new AuditLog({ now: () => new Date() }, TILL_NAME);
    audit.sealWith(await loadSealKey(keychain));
    await db.write((em) => rebuildRollups(em, timeZone));
    await db.write((em) =>
      audit.record(em, {
        action: 'seed.generate',
        outcome: 'success',
        targetType: 'database',
        detail: `demo data: ${r.sales} sales (${r.refunds} refunds, ${r.voided} voided), ${r.lines} lines, ${r.customers} customers, ${r.products} products`,
      }),
    );
  } finally {
    await db.close();
  }
}

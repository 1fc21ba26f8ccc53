/**
 * The handler stream of the fuzz (F4): a throwaway core on a real SQLite file, seeded with what the
 * channels need, that valid payloads from the oracle are sent to through the router; top-ups that
 * put back what earlier calls used up; and the resolution of ids to real rows.
 *
 * Everything goes through `core.invoke` (the router's public door), never handler internals.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { makeTestCore, tempDir, withAdmin, type TestCore } from './core';
import { RefPick } from './fuzz-oracle-random';
import { TILL_CART_VERSION, type Need } from './fuzz-oracle';
import type { Ref } from './fuzz-oracle-rules';
import { STRONG_PASSWORD } from './fuzz-payloads';
import { insertCustomer, insertProduct, seedRetail, withWritable } from './retail';
import { MAX_STOCK_QUANTITY } from '../../shared/contract/stock';

/** Windows of the throwaway core: the admin's, one with no session, and the member's. */
export const WINDOWS = { admin: 1, anonymous: 2, member: 3 } as const;
/** An id no row has (ids are allocated from 1 upwards). */
const MISSING_ID = 2_000_000_000;

export interface Stream {
  t: TestCore;
  db: Database.Database;
  adminId: number;
  /** The member whose own window runs the session channels (logout, lock, unlock …). */
  member: { id: number; username: string; password: string };
  /** Closes the core and starts a new one on the same file (the start-up checks run again). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A throwaway core: the admin (window 1), the retail fixture (products, customers, a completed
 * sale of 50 units, a sale to void, two parked carts) and a member signed in on window 3. Staff
 * targets come from `topUp`.
 */
export async function openStream(): Promise<Stream> {
  const dir = tempDir('kassa-fuzz-stream-');
  const t = await makeTestCore({ dir, backupAfterShiftClose: false });
  const adminId = (await withAdmin(t)).staff.id;
  await seedRetail(t, WINDOWS.admin);
  const credentials = { username: 'fuzz.member', password: STRONG_PASSWORD };
  await t.must(
    'auth:requestAccess',
    { ...credentials, email: 'fuzz.member@shop.test', displayName: 'Fuzz Member' },
    WINDOWS.anonymous,
  );
  const pending = await t.must('staff:list', { search: credentials.username });
  const member = { ...credentials, id: pending.items[0]!.id };
  await t.must('staff:approve', { id: member.id });
  await t.must(
    'auth:login',
    { identifier: member.username, password: member.password },
    WINDOWS.member,
  );
  const stream: Stream = {
    t,
    db: t.raw(),
    adminId,
    member,
    async reopen() {
      await stream.t.close();
      stream.t = await makeTestCore({ dir, backupAfterShiftClose: false });
      stream.db = stream.t.raw();
    },
    async close() {
      await stream.t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stream;
}

/**
 * After a call on the member's window: signs the member back in or unlocks them, and clears
 * their failure count before it reaches the lockout (A4), so the next call starts the same way.
 * Each of these writes rows, so the caller takes its "before" state afterwards.
 */
export async function restoreMember(s: Stream): Promise<void> {
  const row = s.db
    .prepare('SELECT failed_login_count AS n FROM staff WHERE id = ?')
    .get(s.member.id) as { n: number };
  if (row.n >= 5) await s.t.must('staff:unlock', { id: s.member.id }, WINDOWS.admin);
  const { session } = await s.t.must('auth:session', {}, WINDOWS.member);
  const credentials = { identifier: s.member.username, password: s.member.password };
  if (!session) await s.t.must('auth:login', credentials, WINDOWS.member);
  else if (session.locked)
    await s.t.must('auth:unlock', { password: s.member.password }, WINDOWS.member);
}

let topUps = 0;
const fresh = (prefix: string) => `${prefix}${(topUps += 1)}`;

/**
 * Puts back what earlier calls used up, so that a valid call can still succeed: staff targets
 * always, and what `need` names as the NEWEST row of its kind (ids are picked newest first).
 * Call it before drawing ids and before taking the "before" state of a call.
 */
export async function topUp(s: Stream, need?: Need): Promise<void> {
  topUpStaff(s);
  if (need) await NEEDS[need](s);
}

const newest = (s: Stream, sql: string, ...args: unknown[]) =>
  s.db.prepare(sql).get(...args) as Record<string, unknown> | undefined;

const NEEDS: Record<Need, (s: Stream) => Promise<void> | void> = {
  // Every staff target has 2FA on (a row the reset deletes without opening its seed), so
  // twoFactor:reset can succeed.
  enrolledStaff: (s) => {
    const now = s.t.clock.now().toISOString();
    withWritable(s.t, (db) =>
      db
        .prepare(
          `INSERT INTO staff_totp (staff_id, seed, last_step, created_at, confirmed_at)
           SELECT id, 'sealed', NULL, ?, ? FROM staff
            WHERE id NOT IN (?, ?) AND id NOT IN (SELECT staff_id FROM staff_totp)`,
        )
        .run(now, now, s.adminId, s.member.id),
    );
  },
  pendingStaff: (s) => newestStaff(s, 'pending'),
  disabledStaff: (s) => newestStaff(s, 'disabled'),
  archivedProduct: (s) => {
    if (
      !newest(
        s,
        'SELECT 1 FROM products WHERE archived_at IS NOT NULL AND id = (SELECT MAX(id) FROM products)',
      )
    )
      insertProduct(s.t, { sku: fresh('ARCHIVED-'), name: 'Archived', price: 100, archived: true });
  },
  archivedCustomer: (s) => {
    if (
      !newest(
        s,
        'SELECT 1 FROM customers WHERE archived_at IS NOT NULL AND id = (SELECT MAX(id) FROM customers)',
      )
    )
      insertCustomer(s.t, { name: fresh('Archived '), archived: true });
  },
  sellableProduct: (s) => void sellableProduct(s),
  refundableSale: (s) => refundableSale(s),
  // The till's cart holds a line of the admin's, at a known version, so cart:park can succeed.
  tillCart: async (s) => {
    const till = await s.t.must('cart:get');
    if (till.cart.lines.length === 0) {
      const productId = sellableProduct(s);
      await s.t.must('cart:save', {
        cart: { lines: [{ productId, quantity: 1 }] },
        version: till.version,
      });
    }
    withWritable(s.t, (db) =>
      db.prepare('UPDATE till_carts SET version = ?').run(TILL_CART_VERSION),
    );
  },
  // A printer on a loopback port nobody listens on, so its jobs fail at once and quietly.
  printer: async (s) => {
    if (newest(s, 'SELECT 1 FROM printers LIMIT 1')) return;
    await s.t.must('printing:savePrinter', {
      name: fresh('Fuzz printer '),
      connection: { type: 'network', host: '127.0.0.1', port: 9 },
      paperWidth: '80mm',
      codepage: 'auto',
      autoPrint: false,
      cashDrawer: false,
      isDefault: false,
    });
  },
  // The newest stock take is open, with one product counted off its expected figure, so
  // stock:setCount, stock:postCount and stock:cancelCount can succeed.
  openStockCount: async (s) => {
    if (
      newest(
        s,
        "SELECT 1 FROM stock_counts WHERE id = (SELECT MAX(id) FROM stock_counts) AND status = 'open'",
      )
    )
      return;
    const open = newest(s, "SELECT id FROM stock_counts WHERE status = 'open'");
    if (open) await s.t.must('stock:cancelCount', { countId: Number(open.id) });
    sellableProduct(s);
    const count = await s.t.must('stock:startCount', { categoryId: null });
    const line = newest(
      s,
      'SELECT product_id, expected FROM stock_count_lines WHERE count_id = ? LIMIT 1',
      count.id,
    )!;
    await s.t.must('stock:setCount', {
      countId: count.id,
      productId: Number(line.product_id),
      // One over the expected figure, or nought when fuzzed receipts took it to the schema's cap.
      quantity:
        Number(line.expected) < MAX_STOCK_QUANTITY ? Math.max(Number(line.expected) + 1, 0) : 0,
      mode: 'set',
    });
  },
  // Issue 11, section 3: the newest purchase order is `ordered`, from an active supplier, with a
  // line of the newest (sellable stock) product, so get, receive, setStatus and create can succeed.
  orderedPurchaseOrder: async (s) => {
    const productId = sellableProduct(s);
    if (
      newest(
        s,
        `SELECT 1 FROM purchase_orders o JOIN suppliers su ON su.id = o.supplier_id
          WHERE o.id = (SELECT MAX(id) FROM purchase_orders) AND o.status = 'ordered'
            AND su.archived_at IS NULL AND su.id = (SELECT MAX(id) FROM suppliers)`,
      )
    )
      return;
    const supplier = await s.t.must('suppliers:create', { name: fresh('Fuzz supplier ') });
    const order = await s.t.must('purchaseOrders:create', {
      supplierId: supplier.id,
      lines: [{ productId, quantity: 5, unitCost: 100 }],
    });
    await s.t.must('purchaseOrders:setStatus', { id: order.id, status: 'ordered' });
  },
  // The newest purchase order is a draft to the newest (active) supplier, so update can succeed.
  draftPurchaseOrder: async (s) => {
    const productId = sellableProduct(s);
    if (
      newest(
        s,
        `SELECT 1 FROM purchase_orders o JOIN suppliers su ON su.id = o.supplier_id
          WHERE o.id = (SELECT MAX(id) FROM purchase_orders) AND o.status = 'draft'
            AND su.archived_at IS NULL AND su.id = (SELECT MAX(id) FROM suppliers)`,
      )
    )
      return;
    const supplier = await s.t.must('suppliers:create', { name: fresh('Fuzz supplier ') });
    await s.t.must('purchaseOrders:create', {
      supplierId: supplier.id,
      lines: [{ productId, quantity: 5, unitCost: 100 }],
    });
  },
  parkedCart: async (s) => {
    if (newest(s, 'SELECT 1 FROM parked_sales LIMIT 1')) return;
    const productId = sellableProduct(s);
    await s.t.must('sales:park', {
      label: 'top-up',
      cart: { lines: [{ productId, quantity: 1 }] },
    });
  },
};

/** Keeps at least two pending and two active staff targets besides the caller and the member. */
function topUpStaff(s: Stream): void {
  const count = (status: string) =>
    (
      s.db
        .prepare('SELECT COUNT(*) AS n FROM staff WHERE status = ? AND id NOT IN (?, ?)')
        .get(status, s.adminId, s.member.id) as { n: number }
    ).n;
  for (const status of ['pending', 'active'])
    for (let n = count(status); n < 2; n++) insertStaff(s, status);
}

/** Makes the newest staff target one with `status`. */
function newestStaff(s: Stream, status: string): void {
  const row = newest(
    s,
    'SELECT status FROM staff WHERE id NOT IN (?, ?) ORDER BY id DESC LIMIT 1',
    s.adminId,
    s.member.id,
  );
  if (row?.status !== status) insertStaff(s, status);
}

/**
 * A staff target as a raw row, with a hash nobody can sign in with: hashing a real password
 * would cost 0.3 s. Its role is Cashier while the stream has not deleted it (roles:delete),
 * else another role that exists: this connection does not check foreign keys.
 */
function insertStaff(s: Stream, status: string): void {
  const now = s.t.clock.now().toISOString();
  const name = fresh('target.');
  withWritable(s.t, (db) =>
    db
      .prepare(
        `INSERT INTO staff (username, email, display_name, password_hash, status, rejected,
           role_id, must_change_password, temp_password_expires_at, failed_login_count,
           locked_until, last_login_at, created_at, updated_at)
         VALUES (?, ?, ?, 'sha256-bcrypt:$2b$12$nobody.can.sign.in.with.this.hash.at.all', ?, 0,
           COALESCE((SELECT id FROM roles WHERE id = 'cashier'),
                    (SELECT id FROM roles WHERE locked = 0 ORDER BY id LIMIT 1), 'admin'),
           0, NULL, 0, NULL, NULL, ?, ?)`,
      )
      .run(name, `${name}@shop.test`, name, status, now, now),
  );
}

/** The newest product, made sellable (active stock at a price a cash tender covers) if it is not. */
function sellableProduct(s: Stream): number {
  const row = newest(
    s,
    `SELECT id FROM products WHERE id = (SELECT MAX(id) FROM products) AND active = 1
       AND archived_at IS NULL AND kind = 'stock' AND price BETWEEN 1 AND 100000`,
  );
  return row
    ? Number(row.id)
    : insertProduct(s.t, { sku: fresh('SELLABLE-'), name: 'Sellable', price: 100 });
}

/** Makes the newest sale a completed, unrefunded sale of 50 units (paid in cash, with change). */
async function refundableSale(s: Stream): Promise<void> {
  const row = newest(
    s,
    `SELECT s.kind, s.status, EXISTS (SELECT 1 FROM sales r WHERE r.refund_of_id = s.id) AS refunded
     FROM sales s ORDER BY s.id DESC LIMIT 1`,
  );
  if (row && row.kind === 'sale' && row.status === 'completed' && !row.refunded) return;
  await s.t.must(
    'sales:checkout',
    {
      id: randomUUID(),
      lines: [{ productId: sellableProduct(s), quantity: 50 }],
      tenders: [{ type: 'cash', amount: 1_000_000_000 }],
    },
    WINDOWS.admin,
  );
}

// ---------- ids that point at real rows ----------

function idsOf(s: Stream, ref: Ref, root: Record<string, unknown>): number[] {
  const q = (sql: string, ...args: unknown[]) =>
    (s.db.prepare(sql).all(...args) as Array<{ id: number }>).map((r) => r.id);
  switch (ref) {
    case 'product':
      return q('SELECT id FROM products ORDER BY id');
    case 'customer':
      return q('SELECT id FROM customers ORDER BY id');
    case 'staff':
      // Never the caller or the member whose window the session channels use.
      return q('SELECT id FROM staff WHERE id NOT IN (?, ?) ORDER BY id', s.adminId, s.member.id);
    case 'sale':
      return q('SELECT id FROM sales ORDER BY id');
    case 'saleLine':
      return typeof root.saleId === 'number'
        ? q('SELECT id FROM sale_lines WHERE sale_id = ? ORDER BY id', root.saleId)
        : q('SELECT id FROM sale_lines ORDER BY id');
    case 'parked':
      return q('SELECT id FROM parked_sales ORDER BY id');
    case 'audit':
      return q('SELECT id FROM audit_events ORDER BY id DESC LIMIT 100');
    case 'till':
      return q('SELECT id FROM tills ORDER BY id');
    case 'printer':
      return q('SELECT id FROM printers ORDER BY id');
    case 'category':
      return q('SELECT id FROM categories ORDER BY id');
    case 'stockCount':
      return q('SELECT id FROM stock_counts ORDER BY id');
    case 'supplier':
      return q('SELECT id FROM suppliers ORDER BY id');
    case 'purchaseOrder':
      return q('SELECT id FROM purchase_orders ORDER BY id');
    case 'purchaseOrderLine':
      return typeof root.id === 'number'
        ? q('SELECT id FROM purchase_order_lines WHERE order_id = ? ORDER BY id', root.id)
        : q('SELECT id FROM purchase_order_lines ORDER BY id');
  }
}

function mapPicks(v: unknown, pick: (p: RefPick) => unknown): unknown {
  if (v instanceof RefPick) return pick(v);
  if (Array.isArray(v)) return v.map((x) => mapPicks(x, pick));
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapPicks(x, pick)]));
  return v;
}

/**
 * Replaces each RefPick by the id of an existing row of its kind, counted from the newest (or,
 * for a negative pick or when there is none, an id that does not exist). Sale lines are picked
 * from the payload's own sale, once that is chosen.
 */
export function resolveRefs(s: Stream, payload: Record<string, unknown>): Record<string, unknown> {
  const choose = (root: Record<string, unknown>) => (p: RefPick) => {
    const ids = idsOf(s, p.ref, root);
    return p.n < 0 || ids.length === 0 ? MISSING_ID : ids[ids.length - 1 - (p.n % ids.length)];
  };
  const first = mapPicks(payload, (p) => (p.ref === 'saleLine' ? p : choose(payload)(p))) as Record<
    string,
    unknown
  >;
  return mapPicks(first, choose(first)) as Record<string, unknown>;
}

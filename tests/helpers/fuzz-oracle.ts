/**
 * F4: the fuzz oracle. One entry per channel, written by hand from the requirements
 * (docs/security-requirements.md), the domain rules (docs/sales.md) and the documented form caps,
 * NOT derived from the zod schemas, so that a loosened or tightened schema disagrees with it:
 * - `input`: what a valid payload is: required and optional fields, each string's length cap and
 *   characters, each number's bounds and integer-ness, and strictness (every object refuses
 *   unknown keys, F1);
 * - `ok` / `refusals`: what a VALID payload may do to the file when it reaches the handler: the
 *   audit actions it adds, the exact change in row count per table, and which tables' rows may
 *   change at all. Every other table must stay byte-identical. A refusal code not listed here, or
 *   INTERNAL, fails the fuzz;
 * - `stream`: who calls it in the handler stream and whether it is slow (bcrypt).
 *
 * A channel in the contract without an entry here fails `tests/core/fuzz.test.ts`: add one when
 * adding a channel, from the requirement that motivated it.
 */
import fc from 'fast-check';
import { AUDIT_ACTIONS } from '../../shared/contract/audit';
import { ALL_PERMISSIONS } from '../../shared/permissions';
import {
  array,
  bool,
  capped,
  format,
  int,
  money,
  nullable,
  object,
  oneOf,
  optional,
  text,
  variants,
  type ObjectRule,
  type Ref,
  type Rule,
} from './fuzz-oracle-rules';

/** What one call did to the file. Tables not named in `rows` or `touched` must not change. */
export interface Effect {
  /**
   * The audit actions added, in order (L1); an action ending in `?` may be absent. Or one action
   * repeated `min`..`max` times.
   */
  audit?: readonly string[] | { action: string; min: number; max: number };
  /** Exact change in row count; the rows of a table listed here may also change. */
  rows?: Readonly<Record<string, number>>;
  /** Tables whose rows may change, with the same count (unless also in `rows`). */
  touched?: readonly string[];
}
/** A valid call and its answer, for effects that depend on them (how many lines were sold …). */
export interface Call {
  input: Record<string, any>;
  output: any;
  /** The tables whose rows the call changed: for "a change is audited, no change is not". */
  changed: ReadonlySet<string>;
}
export type Outcome = Effect | ((c: Call) => Effect);

export interface ChannelOracle {
  input: ObjectRule;
  /** What a successful call does; absent: a valid payload must never succeed here. */
  ok?: Outcome;
  /** The business refusals a valid payload may get, and what they leave behind. */
  refusals?: Readonly<Record<string, Outcome>>;
  stream?: {
    /** `anonymous`: a window with no session; `member`: a dedicated member's own window. */
    actor?: 'admin' | 'member' | 'anonymous';
    /** Hashes a password (bcrypt, ~0.3 s): only a few valid calls. */
    slow?: boolean;
    /** What the newest row of its kind must be before each call, so the call can succeed. */
    needs?: Need;
    /**
     * Why no call can succeed in the stream: it needs a counterpart the stream does not run (an
     * SMTP server, an SMS provider, a code that only arrives by e-mail). Its successes are proven
     * against real counterparts in its own core tests; here only its refusals are checked.
     */
    cannotSucceed?: string;
  };
}

/** The version the `tillCart` top-up leaves the till's cart at. */
export const TILL_CART_VERSION = 1;

/** Set up by tests/helpers/fuzz-stream.ts before a call (ids are picked newest first). */
export type Need =
  | 'pendingStaff'
  | 'disabledStaff'
  | 'archivedProduct'
  | 'archivedCustomer'
  | 'sellableProduct'
  | 'refundableSale'
  | 'parkedCart'
  | 'tillCart'
  | 'enrolledStaff'
  | 'printer'
  | 'openStockCount'
  | 'orderedPurchaseOrder'
  | 'draftPurchaseOrder';

/**
 * Tables that change along with the audit log, whatever the call: bookkeeping of the core itself,
 * left out of every "what changed" comparison like audit_events (whose rows are checked one by
 * one instead). Add a table here only with a reason.
 * - `audit_seal`: the HMAC seal of the audit chain's head, renewed with each audit row (D9).
 * - `print_jobs`: the print queue (issue 10, section 2): a sale queues its receipt after its
 *   commit, and the print worker updates jobs in the background, between any two calls.
 */
export const BOOKKEEPING_TABLES: readonly string[] = ['audit_seal', 'print_jobs'];

/** In `Effect.rows`: the count may grow by any amount (a file's lines, whose number the answer does not give). */
export const ANY = Number.POSITIVE_INFINITY;
/** In `Effect.rows`: the count may grow or shrink (a role's permissions replaced by another set). */
export const ANY_DELTA = Number.NEGATIVE_INFINITY;
/**
 * Issue 11, section 4: the daily sales rollups, written in the transaction of every sale, refund
 * and void: a sale adds a row per new day × key and adds to the others.
 */
const ROLLUP_TABLES = [
  'rollup_staff',
  'rollup_hours',
  'rollup_products',
  'rollup_tenders',
  'rollup_tax_rates',
  'rollup_product_months',
];
const ROLLUP_ROWS: Record<string, number> = Object.fromEntries(ROLLUP_TABLES.map((t) => [t, ANY]));
const NOTHING: Effect = {};
/** A channel that reads: a valid call succeeds (or is refused with `codes`) and changes nothing. */
function read(...codes: string[]): Pick<ChannelOracle, 'ok' | 'refusals'> {
  return { ok: NOTHING, refusals: Object.fromEntries(codes.map((c) => [c, NOTHING])) };
}
function nothingOn(...codes: string[]): Record<string, Outcome> {
  return Object.fromEntries(codes.map((c) => [c, NOTHING]));
}

// ---- fields shared by several channels, each with its source ----

/**
 * Issue 11, section 4: a report's business days `from`..`to`, in order and at most 1,096 days
 * long (31 for the trend by hour); `across` puts a random pair in order and cuts it to length.
 */
function reportRange(fields: Record<string, Rule>): ObjectRule {
  const DAY = 86_400_000;
  return {
    ...object({ from: format('date'), to: format('date'), ...fields }),
    across: (o) => {
      const [from, to] = [String(o.from), String(o.to)].sort() as [string, string];
      const last = Date.parse(from) + ((o.grain === 'hour' ? 31 : 1_096) - 1) * DAY;
      const end = Date.parse(to) > last ? new Date(last).toISOString().slice(0, 10) : to;
      return { ...o, from, to: end };
    },
  };
}

/** Ids are positive 32-bit integers (SQLite INTEGER keys shared with PostgreSQL int4). */
const ID_MAX = 2_147_483_647;
const id = (ref?: Ref) => int(1, ID_MAX, ref ? { ref } : {});
/** Usernames: 3..32 of a-z 0-9 . _ - (case-folded); emails ≤ 254 (RFC 5321). */
const username = capped('username', 3, 32);
const email = format('email', { max: 254 });
/** A3/F1: the contract only caps a typed password at 1024; the 8..128 policy is WEAK_PASSWORD. */
const password = capped('password', 1, 1024);
/** People's names as shown on screens and receipts: 1..80 characters, no control characters (L3). */
const personName = text(1, 80, 'display');
/** Issue 9, section 2: a role id, 1..32 characters; the seeded roles half of the time. */
const roleId = capped('roleId', 1, 32, { sample: fc.constantFrom('admin', 'manager', 'cashier') });
/** A role's name as people read it: 1..40 of display text, unique whatever its case. */
const roleName = text(1, 40, 'display');
/** The permissions a role grants, from the closed list in shared/permissions.ts (duplicates merge). */
const permissionIds = array(oneOf(ALL_PERMISSIONS), 0, ALL_PERMISSIONS.length);
const staffStatuses = ['pending', 'active', 'disabled'] as const;
/** M2: a quantity is an integer 1..9,999. */
const quantity = int(1, 9_999);
/** M2: a line is at most 10^9 minor units, so a unit price is too. */
const price = money(0, 1_000_000_000);
/** Tender and fixed-discount amounts: a whole sale (100 lines at the 10^9 cap), 0..10^11. */
const saleAmount = money(0, 100_000_000_000);
/** Rates in basis points, 0..100 %. */
const bps = int(0, 10_000);
const discount = variants('type', {
  amount: { value: saleAmount },
  percent: { bps },
});
const tenderTypes = ['cash', 'card', 'other'] as const;
/** A page: 1..100 rows after an offset of at most a million. */
const page = { limit: optional(int(1, 100)), offset: optional(int(0, 1_000_000)) };
const search = optional(text(0, 100, 'search'));
/** Issue 10, section 1: a cash count, pieces per note or coin (values in minor units). */
const shiftCount = array(object({ value: int(1, 100_000_000), quantity: int(0, 100_000) }), 0, 40);
/** Optional free text on forms: '' or null mean none. */
const note = (max: number) => optional(nullable(text(0, max, 'display', { emptyIsNone: true })));
const cartLine = object({
  productId: id('product'),
  quantity,
  discount: optional(discount),
  /** M2: the price typed for an open-price product, 1..10^9 minor units. */
  unitPrice: optional(money(1, 1_000_000_000)),
});
/**
 * L1, item 16: the audit screen's filters: an actor, one of the action codes the core records
 * (the list of its `audit.record` calls), an outcome, a till's name (1..64 characters, as till
 * names are), and business days in the store's zone.
 */
const auditFilters = {
  actorId: optional(id('staff')),
  action: optional(oneOf(AUDIT_ACTIONS)),
  outcome: optional(oneOf(['success', 'failure', 'denied'])),
  terminal: optional(text(1, 64, 'display')),
  fromDay: optional(format('date')),
  toDay: optional(format('date')),
  staffId: optional(id('staff')),
};
/** Issue 12: a store server's address and sign-in; the CA (PEM) with verify-full only. */
const serverFields = {
  host: capped('mailHost', 1, 253),
  port: int(1, 65_535),
  database: text(1, 63, 'display'),
  user: text(1, 63, 'display'),
  password: capped('password', 1, 200),
};
const serverConnection = variants('tls', {
  disable: serverFields,
  require: serverFields,
  'verify-full': { ...serverFields, ca: capped('caPem', 27, 20_000) },
});
/** A cart: 1..200 lines (docs/sales.md). */
const cartFields = {
  lines: array(cartLine, 1, 200),
  discount: optional(discount),
  customerId: optional(nullable(id('customer'))),
};
const sku = capped('sku', 1, 64);
const barcode = capped('barcode', 1, 64);
const productFields = {
  sku,
  barcode: optional(nullable(barcode)),
  name: text(1, 200, 'display'),
  price,
  taxRateBps: bps,
  kind: optional(oneOf(['stock', 'fee', 'postage', 'discount', 'manual'])),
  active: optional(bool()),
  /** The cashier types the price at the till (needs sales.discountOverride). */
  openPrice: optional(bool()),
  /** A live category, or none (issue 11, section 1). */
  categoryId: optional(nullable(id('category'))),
};
/** Issue 11, section 3: a supplier's details; a receipt's or an order's line at cost. */
const supplierFields = {
  name: text(1, 80, 'display'),
  contact: note(80),
  email: optional(nullable({ ...email, emptyIsNone: true })),
  phone: optional(nullable(capped('phone', 4, 32, { emptyIsNone: true }))),
  notes: note(500),
};
const receiptLine = object({
  productId: id('product'),
  quantity: int(1, 1_000_000),
  unitCost: int(0, 1_000_000_000),
});
const customerFields = {
  name: text(1, 120, 'display'),
  email: optional(nullable({ ...email, emptyIsNone: true })),
  phone: optional(nullable(capped('phone', 4, 32, { emptyIsNone: true }))),
  country: note(64),
  notes: note(1000),
  // Issue 10, section 3: a business customer's invoice details.
  companyName: note(120),
  vatNumber: note(40),
  billingAddress: note(300),
};

// ---- realistic CSV files, so the import handlers get rows to judge, not only a bad header ----

const csvWord = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,11}$/);
const productsCsv = fc
  .array(
    fc.record({
      sku: fc.stringMatching(/^[A-Z0-9-]{1,12}$/),
      name: csvWord,
      price: fc.integer({ min: 0, max: 99_999 }),
      rate: fc.constantFrom('0', '5', '17.5', '20'),
    }),
    { maxLength: 4 },
  )
  .map(
    (rows) =>
      'sku,barcode,name,price,tax_rate,kind,active\n' +
      rows
        .map((r) => `${r.sku},,${r.name},${(r.price / 100).toFixed(2)},${r.rate},stock,true\n`)
        .join(''),
  );
const customersCsv = fc
  .array(fc.record({ name: csvWord, n: fc.nat(99_999) }), { maxLength: 4 })
  .map(
    (rows) =>
      'name,email,phone,country,notes\n' +
      rows.map((r) => `${r.name},c${r.n}@shop.test,,United Kingdom,\n`).join(''),
  );
/** A bcrypt hash made by Python's bcrypt (cost 10), as a staff file from another system holds. */
const FOREIGN_BCRYPT = '$2b$10$VKVMWSy22yw7JO6bAz1uiuMkFlRgw0pmybcb4xsLMLM3Tq.FJjacW';
const staffCsv = fc
  .array(
    fc.record({
      n: fc.nat(99_999),
      name: csvWord,
      role: fc.constantFrom('cashier', 'Manager', 'admin', 'Cashier'),
    }),
    { maxLength: 3 },
  )
  .map(
    (rows) =>
      'username,email,display_name,role,password_hash\n' +
      rows
        .map((r) => `imp${r.n},imp${r.n}@shop.test,${r.name},${r.role},${FOREIGN_BCRYPT}\n`)
        .join(''),
  );
const onlineRetailCsv = fc
  .array(
    fc.record({
      invoice: fc.integer({ min: 536_000, max: 536_099 }),
      code: fc.constantFrom('85123A', '71053', 'POST', '22752'),
      qty: fc.integer({ min: 1, max: 12 }),
      pence: fc.integer({ min: 1, max: 999 }),
      customer: fc.option(fc.integer({ min: 12_000, max: 12_099 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map(
    (rows) =>
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
      rows
        .map(
          (r) =>
            `${r.invoice},${r.code},ITEM ${r.code},${r.qty},2010-12-01 08:26:00,${(r.pence / 100).toFixed(2)},${r.customer ?? ''},United Kingdom\n`,
        )
        .join(''),
  );
/**
 * F3: an import file is sent as its bytes in base64 (RFC 4648), at most 50 MB of bytes, so at most
 * ceil(50,000,000 / 3) × 4 characters; the core checks the exact byte count and the alphabet
 * (IMPORT_TOO_LARGE, IMPORT_REJECTED). `jobId` names the call for import:progress.
 */
const MAX_FILE_BASE64 = Math.ceil(50_000_000 / 3) * 4;
const importFile = (sample: fc.Arbitrary<string>) => ({
  csvBase64: capped('csv', 1, MAX_FILE_BASE64, {
    sample: sample.map((text) => Buffer.from(text, 'utf8').toString('base64')),
  }),
  jobId: format('uuid'),
});
const csvImport = (sample: fc.Arbitrary<string>) =>
  object({ ...importFile(sample), commit: bool() });
/** What a valid file may still be refused for (F3): too many rows, an unknown encoding, not CSV. */
const IMPORT_REFUSALS = [
  'IMPORT_REJECTED',
  'IMPORT_TOO_LARGE',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_ENCODING',
];

const customerRows = (n: number) => ({ customers: n, customers_fts: n });
const imported = (table: 'products' | 'customers', action: string) => (c: Call) =>
  c.input.commit
    ? {
        audit: [action],
        rows:
          table === 'customers' ? customerRows(c.output.created) : { products: c.output.created },
      }
    : NOTHING;
const staffChange = (action: string): Effect => ({ audit: [action], touched: ['staff'] });
/** A failed password entry is audited and counted on the member's row (A4, L1). */
const wrongPassword = (action: string): Effect => ({ audit: [action], touched: ['staff'] });
/** A code at a 2FA prompt (issue 9 section 1). */
const otpCode = capped('otpCode', 6, 40);

export const ORACLE: Readonly<Record<string, ChannelOracle>> = {
  'app:status': { input: object({}), ...read(), stream: { actor: 'anonymous' } },
  // Issue 12, section 1: a store server connection. First run only (no staff: every fuzz core
  // has them), so the public two are refused with SETUP_ALREADY_DONE; the fuzz till keeps its
  // data in its own file, so a new connection is CONFLICT, and a copy tries the connection, which
  // nothing answers (tests/core/store-server-join.test.ts and store-server-copy.test.ts succeed).
  'storeServer:test': {
    input: object({ connection: serverConnection }),
    refusals: nothingOn('SETUP_ALREADY_DONE'),
    stream: { actor: 'anonymous' },
  },
  'storeServer:join': {
    input: object({ connection: serverConnection, tillName: text(1, 64, 'display') }),
    refusals: nothingOn('SETUP_ALREADY_DONE'),
    stream: { actor: 'anonymous' },
  },
  'storeServer:connection': { input: object({}), ...read() },
  'storeServer:tills': {
    input: object({}),
    ...read('CONFLICT'),
    stream: {
      cannotSucceed:
        "a till on its own file has no store's tills (tests/core/postgres-store-tills.test.ts)",
    },
  },
  'storeServer:retireTill': {
    input: object({ tillId: id() }),
    refusals: nothingOn('CONFLICT'),
    stream: {
      cannotSucceed:
        "a till on its own file has no store's tills to retire (tests/core/postgres-store-tills.test.ts)",
    },
  },
  'storeServer:change': {
    input: object({ connection: serverConnection }),
    refusals: nothingOn('CONFLICT'),
  },
  'storeServer:copy': {
    input: object({ connection: serverConnection, tillName: text(1, 64, 'display') }),
    refusals: nothingOn('STORE_SERVER_REFUSED'),
    stream: {
      cannotSucceed: 'needs an empty PostgreSQL server (tests/core/store-server-copy.test.ts)',
    },
  },
  'setup:createAdmin': {
    // A6: set-up is closed once staff exist, as in every throwaway core.
    input: object({ username, email, displayName: personName, password }),
    refusals: nothingOn('SETUP_ALREADY_DONE'),
    stream: { actor: 'anonymous' },
  },
  'auth:session': { input: object({}), ...read(), stream: { actor: 'anonymous' } },
  'auth:login': {
    // A5: an unknown identifier costs a dummy hash and is audited like a wrong password.
    input: object({ identifier: text(1, 254, 'any'), password }),
    refusals: { INVALID_CREDENTIALS: wrongPassword('auth.login') },
    stream: { actor: 'anonymous', slow: true },
  },
  'auth:requestAccess': {
    // A7: the request creates a pending cashier, whatever else is sent. Issue 9, section 4: with
    // the "verified before access" policy in force it also sends a code (one row, or none when
    // the send failed, which is audited); the phone (4 to 15 digits) counts only then.
    input: object({
      username,
      email,
      displayName: personName,
      password,
      phone: optional(capped('phone', 4, 32)),
    }),
    ok: {
      audit: ['staff.request_access', 'contacts.code_sent?'],
      rows: { staff: 1, verification_codes: ANY },
    },
    refusals: nothingOn('CONFLICT', 'WEAK_PASSWORD'),
    stream: { actor: 'anonymous', slow: true },
  },
  'auth:logout': {
    input: object({}),
    ok: { audit: ['auth.logout'] },
    stream: { actor: 'member', slow: true },
  },
  'auth:lock': {
    input: object({}),
    ok: { audit: ['auth.lock'] },
    stream: { actor: 'member', slow: true },
  },
  'auth:unlock': {
    input: object({ password }),
    ok: staffChange('auth.unlock'),
    refusals: { INVALID_CREDENTIALS: wrongPassword('auth.unlock') },
    stream: { actor: 'member', slow: true },
  },
  'auth:activity': { input: object({}), ...read() },
  'auth:reauthenticate': {
    input: object({ password }),
    ok: staffChange('auth.reauthenticate'),
    refusals: { INVALID_CREDENTIALS: wrongPassword('auth.reauthenticate') },
    stream: { actor: 'member', slow: true },
  },
  'auth:changePassword': {
    // R1: the current password may be left out only in a forced change within 10 minutes of
    // sign-in; anywhere else that valid payload is refused on `currentPassword`, writing nothing.
    input: object({ currentPassword: optional(password), newPassword: password }),
    ok: staffChange('auth.password_change'),
    refusals: {
      INVALID_CREDENTIALS: wrongPassword('auth.password_change'),
      WEAK_PASSWORD: NOTHING,
      VALIDATION_FAILED: NOTHING,
    },
    stream: { actor: 'member', slow: true },
  },
  'twoFactor:status': { input: object({}), ...read() },
  'twoFactor:startEnrolment': {
    // T3: a new encrypted seed, unconfirmed: the member's row is made, or replaced in place.
    input: object({}),
    ok: { audit: ['auth.totp_enrol_start'], rows: { staff_totp: ANY } },
    refusals: nothingOn('CONFLICT'),
  },
  'twoFactor:confirmEnrolment': {
    // T1: a random code is wrong (audited), or no enrolment was started.
    input: object({ code: otpCode }),
    refusals: {
      INVALID_CREDENTIALS: { audit: ['auth.totp_enrol'] },
      NOT_FOUND: NOTHING,
      CONFLICT: NOTHING,
    },
  },
  'twoFactor:remove': {
    // The password first (A4-counted), then a code; no member in the fuzz has 2FA on.
    input: object({ password, code: otpCode }),
    refusals: {
      INVALID_CREDENTIALS: wrongPassword('auth.totp_remove'),
      CONFLICT: { touched: ['staff'] },
    },
    stream: { actor: 'member', slow: true },
  },
  'twoFactor:signIn': {
    // T1: only after auth:login answered `secondFactor` on this window; none waits in the fuzz.
    input: object({ code: otpCode }),
    refusals: nothingOn('NOT_FOUND'),
    stream: { actor: 'anonymous' },
  },
  'twoFactor:reset': {
    // Ends the member's sessions (A8); CONFLICT when the member never set 2FA up.
    input: object({ staffId: id('staff') }),
    ok: {
      audit: ['staff.reset_totp'],
      rows: { staff_totp: -1, staff_recovery_codes: ANY },
      touched: ['staff'],
    },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT', 'SELF_ACTION'),
    stream: { needs: 'enrolledStaff' },
  },
  'twoFactor:setRolePolicy': {
    input: object({ roleId, required: bool() }),
    ok: { audit: ['staff.totp_policy'], touched: ['roles'] },
    refusals: nothingOn('NOT_FOUND'),
  },
  'twoFactor:rolePolicies': { input: object({}), ...read() },
  'settings:get': { input: object({}), ...read() },
  'settings:update': {
    // S2: idle lock 1..15 minutes; ISO 4217 currency (fixed once a sale exists); IANA zone;
    // ISO 3166-1 country; BCP 47 locale in English or German; receipt text up to 6 lines.
    input: object(
      {
        idleLockMinutes: optional(int(1, 15)),
        storeName: optional(text(1, 80, 'display')),
        storeAddress: optional(capped('receiptText', 0, 300)),
        taxNumber: optional(text(0, 40, 'display')),
        country: optional(format('country')),
        currency: optional(format('currency')),
        pricesIncludeTax: optional(bool()),
        defaultTaxRateBps: optional(bps),
        timeZone: optional(format('timeZone')),
        receiptFooter: optional(capped('receiptText', 0, 300)),
        locale: optional(format('locale')),
        /** The largest discount without sales.discountOverride, 0..100 % in basis points. */
        maxDiscountBps: optional(bps),
        /** Whether the customer display opens on a second monitor (issue 10, section 4). */
        customerDisplay: optional(bool()),
      },
      { atLeastOne: true },
    ),
    // A setting never stored before is inserted as a row of its own; setting the values already
    // there changes nothing and audits nothing.
    // One audit row per setting changed.
    ok: (c) =>
      c.changed.has('settings')
        ? {
            audit: { action: 'settings.update', min: 1, max: Object.keys(c.input).length },
            rows: { settings: ANY },
          }
        : NOTHING,
    refusals: nothingOn('CONFLICT'),
  },
  'settings:setUpStore': {
    // Issue 8 item 8: every store detail at once, then the store counts as set up; a second
    // call is CONFLICT and writes nothing.
    input: object({
      storeName: text(1, 80, 'display'),
      storeAddress: capped('receiptText', 0, 300),
      taxNumber: text(0, 40, 'display'),
      country: format('country'),
      currency: format('currency'),
      pricesIncludeTax: bool(),
      defaultTaxRateBps: bps,
      timeZone: format('timeZone'),
      receiptFooter: capped('receiptText', 0, 300),
      locale: format('locale'),
    }),
    // One settings.update per detail that differs from the stored value (at most the ten
    // details and the set-up marker), then one settings.store_set_up.
    ok: () => ({
      audit: [...Array<string>(11).fill('settings.update?'), 'settings.store_set_up'],
      rows: { settings: ANY },
    }),
    refusals: nothingOn('CONFLICT'),
  },
  'roles:list': { input: object({}), ...read() },
  // Issue 9, section 2: role edits need staff.manage, are audited before/after, and never leave
  // the till without an active member holding staff.manage and staff.approve (LAST_ADMIN).
  'roles:create': {
    input: object({ name: roleName, permissions: permissionIds }),
    ok: { audit: ['role.create'], rows: { roles: 1, role_permissions: ANY } },
    refusals: nothingOn('CONFLICT'),
  },
  'roles:update': {
    input: object({ id: roleId, name: optional(roleName), permissions: optional(permissionIds) }),
    ok: { audit: ['role.update'], touched: ['roles'], rows: { role_permissions: ANY_DELTA } },
    refusals: nothingOn('NOT_FOUND', 'ROLE_LOCKED', 'CONFLICT', 'LAST_ADMIN'),
  },
  'roles:duplicate': {
    input: object({ id: roleId, name: roleName }),
    ok: { audit: ['role.create'], rows: { roles: 1, role_permissions: ANY } },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
  },
  'roles:delete': {
    input: object({ id: roleId, moveMembersTo: optional(roleId) }),
    ok: {
      audit: ['role.delete'],
      rows: { roles: -1, role_permissions: ANY_DELTA },
      touched: ['staff'],
    },
    refusals: nothingOn('NOT_FOUND', 'ROLE_LOCKED', 'ROLE_IN_USE', 'CONFLICT', 'LAST_ADMIN'),
  },
  'staff:list': {
    input: object({
      status: optional(oneOf(staffStatuses)),
      role: optional(roleId),
      search,
      limit: optional(int(1, 200)),
      offset: optional(int(0, 1_000_000)),
    }),
    ...read(),
  },
  'staff:pendingCount': { input: object({}), ...read() },
  'staff:create': {
    input: object({
      username,
      email,
      displayName: personName,
      role: roleId,
      approve: bool(),
    }),
    ok: { audit: ['staff.create'], rows: { staff: 1 } },
    refusals: nothingOn('CONFLICT', 'NOT_FOUND'),
    stream: { slow: true },
  },
  'staff:update': {
    input: object({
      id: id('staff'),
      username: optional(username),
      email: optional(email),
      displayName: optional(personName),
    }),
    ok: staffChange('staff.update'),
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
  },
  'staff:setRole': {
    input: object({ id: id('staff'), role: roleId }),
    ok: staffChange('staff.set_role'),
    refusals: nothingOn('NOT_FOUND', 'LAST_ADMIN'),
  },
  'staff:approve': {
    // A7: the role may be chosen on approval (a different one also needs staff.manage).
    input: object({ id: id('staff'), role: optional(roleId) }),
    ok: staffChange('staff.approve'),
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
    stream: { needs: 'pendingStaff' },
  },
  'staff:reject': {
    input: object({ id: id('staff') }),
    ok: staffChange('staff.reject'),
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
    stream: { needs: 'pendingStaff' },
  },
  'staff:disable': {
    input: object({ id: id('staff') }),
    ok: staffChange('staff.disable'),
    refusals: nothingOn('NOT_FOUND', 'LAST_ADMIN'),
  },
  'staff:enable': {
    input: object({ id: id('staff') }),
    ok: staffChange('staff.enable'),
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
    stream: { needs: 'disabledStaff' },
  },
  'staff:unlock': {
    input: object({ id: id('staff') }),
    ok: staffChange('staff.unlock'),
    refusals: nothingOn('NOT_FOUND'),
  },
  'staff:delete': {
    // A member with history is disabled instead of deleted.
    input: object({ id: id('staff') }),
    ok: (c) =>
      c.output.outcome === 'deleted'
        ? { audit: ['staff.delete'], rows: { staff: -1 } }
        : staffChange('staff.delete'),
    refusals: nothingOn('NOT_FOUND', 'LAST_ADMIN'),
  },
  'staff:resetPassword': {
    input: object({ id: id('staff') }),
    ok: staffChange('staff.reset_password'),
    refusals: nothingOn('NOT_FOUND'),
    stream: { slow: true },
  },
  'staff:endSessions': {
    // A8: ending sessions bumps the member's session epoch, so every till sees it.
    input: object({ id: id('staff') }),
    ok: staffChange('staff.end_sessions'),
    refusals: nothingOn('NOT_FOUND'),
  },
  'audit:list': {
    input: object({
      limit: optional(int(1, 200)),
      beforeId: optional(id('audit')),
      ...auditFilters,
    }),
    // VALIDATION_FAILED: fromDay after toDay.
    ...read('VALIDATION_FAILED'),
  },
  'audit:filterOptions': { input: object({}), ...read() },
  'audit:exportCsv': {
    // PCI DSS 10.2.1.3: reading the audit trail out is itself audited, and changes nothing else.
    input: object(auditFilters),
    ok: { audit: ['audit.export'] },
    refusals: nothingOn('VALIDATION_FAILED'),
  },

  'products:list': {
    input: object({
      search,
      status: optional(oneOf(['sellable', 'all', 'archived'])),
      categoryId: optional(nullable(id('category'))),
      ...page,
    }),
    ...read(),
  },
  'products:lookup': { input: object({ code: barcode }), ...read() },
  'products:get': { input: object({ id: id('product') }), ...read('NOT_FOUND') },
  'products:create': {
    // A blank SKU is generated (issue 8, item 12).
    input: object({ ...productFields, sku: optional(nullable({ ...sku, emptyIsNone: true })) }),
    ok: { audit: ['product.create'], rows: { products: 1 } },
    // NOT_FOUND: the category does not exist or is archived.
    refusals: nothingOn('CONFLICT', 'NOT_FOUND'),
  },
  'products:update': {
    input: object({ id: id('product'), ...productFields }),
    ok: { audit: ['product.update'], touched: ['products'] },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
  },
  'products:remove': {
    // A product that was sold is archived, never deleted (docs/sales.md).
    input: object({ id: id('product') }),
    ok: (c) =>
      c.output.outcome === 'deleted'
        ? { audit: ['product.delete'], rows: { products: -1 } }
        : { audit: ['product.archive'], touched: ['products'] },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
  },
  'products:restore': {
    input: object({ id: id('product') }),
    ok: { audit: ['product.restore'], touched: ['products'] },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
    stream: { needs: 'archivedProduct' },
  },
  'products:import': {
    input: csvImport(productsCsv),
    ok: imported('products', 'product.import'),
    refusals: nothingOn(...IMPORT_REFUSALS),
  },

  'customers:search': {
    input: object({ search, includeArchived: optional(bool()), ...page }),
    ...read(),
  },
  'customers:get': { input: object({ id: id('customer') }), ...read('NOT_FOUND') },
  'customers:create': {
    input: object(customerFields),
    ok: { audit: ['customer.create'], rows: customerRows(1) },
    refusals: nothingOn('CONFLICT'),
  },
  'customers:update': {
    input: object({ id: id('customer'), ...customerFields }),
    ok: { audit: ['customer.update'], touched: ['customers', 'customers_fts'] },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
  },
  'customers:remove': {
    input: object({ id: id('customer') }),
    ok: (c) =>
      c.output.outcome === 'deleted'
        ? { audit: ['customer.delete'], rows: customerRows(-1) }
        : { audit: ['customer.archive'], touched: ['customers', 'customers_fts'] },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
  },
  'customers:restore': {
    input: object({ id: id('customer') }),
    ok: { audit: ['customer.restore'], touched: ['customers', 'customers_fts'] },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
    stream: { needs: 'archivedCustomer' },
  },
  'customers:import': {
    input: csvImport(customersCsv),
    ok: imported('customers', 'customer.import'),
    refusals: nothingOn(...IMPORT_REFUSALS),
  },

  'sales:quote': {
    // M2: a priced line over 10^9 is refused by the pricing, not by the schema; CONFLICT: an
    // archived customer.
    input: object(cartFields),
    ...read('NOT_FOUND', 'PRODUCT_UNAVAILABLE', 'VALIDATION_FAILED', 'CONFLICT'),
    stream: { needs: 'sellableProduct' },
  },
  'sales:checkout': {
    // D2: header, lines, tenders, the receipt number and the audit row, in one transaction.
    input: object({
      ...cartFields,
      id: format('uuid'),
      tenders: array(object({ type: oneOf(tenderTypes), amount: saleAmount }), 0, 10, {
        sample: fc.constant([{ type: 'cash', amount: 100_000_000_000 }]),
      }),
      note: note(500),
    }),
    // An override used (a discount above the store's limit, a typed price) is audited too (M2).
    ok: (c) => ({
      audit: ['sale.complete', 'sale.override?'],
      // Issue 11, section 2: a movement per line of a stock product (the answer does not say
      // which lines are), and their on-hand, in the sale's transaction (tests/core/stock.test.ts).
      rows: {
        sales: 1,
        sale_lines: c.output.lines.length,
        sale_tenders: c.output.tenders.length,
        ...ROLLUP_ROWS,
        stock_movements: ANY,
      },
      // The till's cart in progress is emptied in the sale's transaction (issue 8, item 4).
      touched: ['tills', 'till_carts', 'products'],
    }),
    refusals: nothingOn(
      'NOT_FOUND',
      'PRODUCT_UNAVAILABLE',
      'TENDER_SHORT',
      'TENDER_INVALID',
      'CONFLICT',
      'VALIDATION_FAILED',
      // Issue 10: the store asks for an open shift (shifts:updateSettings may turn it on).
      'SHIFT_NOT_OPEN',
      // Issue 11: the store refuses negative stock (stock:updateSettings may turn it on).
      'INSUFFICIENT_STOCK',
    ),
    stream: { needs: 'sellableProduct' },
  },
  'sales:get': { input: object({ id: id('sale') }), ...read('NOT_FOUND') },
  'sales:list': {
    input: object({
      // Business days in the store's zone (docs/sales.md).
      fromDay: optional(format('date')),
      toDay: optional(format('date')),
      staffId: optional(id('staff')),
      tillId: optional(id('till')),
      customerId: optional(id('customer')),
      status: optional(oneOf(['completed', 'voided'])),
      kind: optional(oneOf(['sale', 'refund'])),
      receiptNo: optional(int(1, ID_MAX)),
      limit: optional(int(1, 100)),
      cursor: optional(object({ createdAt: format('timestamp'), id: id('sale') })),
    }),
    ...read(),
  },
  'sales:void': {
    // D6: a void is a new row beside the sale, whose status alone changes.
    input: object({ id: id('sale'), reason: text(1, 200, 'display') }),
    // Issue 11: the stock the sale took goes back, as movements in the void's transaction, and
    // the rollups move the sale from recorded to voided.
    ok: {
      audit: ['sale.void'],
      rows: { sale_voids: 1, stock_movements: ANY },
      touched: ['sales', 'products', ...ROLLUP_TABLES],
    },
    refusals: nothingOn('NOT_FOUND', 'VOID_NOT_ALLOWED', 'SHIFT_NOT_OPEN'),
    stream: { needs: 'refundableSale' },
  },
  'sales:refund': {
    // D6: a refund is a new linked sale with negative lines and one tender.
    input: object({
      saleId: id('sale'),
      refundId: format('uuid'),
      lines: array(object({ lineId: id('saleLine'), quantity }), 1, 200),
      tender: oneOf(tenderTypes),
      reason: text(1, 200, 'display'),
      // Issue 11: back on the shelf (default) or written off.
      restock: optional(bool()),
    }),
    ok: (c) => ({
      audit: ['sale.refund'],
      // A refund movement per line of a stock product, and their on-hand (issue 11).
      rows: {
        sales: 1,
        sale_lines: c.output.lines.length,
        sale_tenders: 1,
        stock_movements: ANY,
        ...ROLLUP_ROWS,
      },
      touched: ['tills', 'products'],
    }),
    // VALIDATION_FAILED: a line that is not on the sale.
    refusals: nothingOn(
      'NOT_FOUND',
      'REFUND_LIMIT',
      'VOID_NOT_ALLOWED',
      'CONFLICT',
      'VALIDATION_FAILED',
      'SHIFT_NOT_OPEN',
    ),
    stream: { needs: 'refundableSale' },
  },
  'sales:annotate': {
    // Only the customer and the note of a completed sale may change (D6).
    input: object({ id: id('sale'), customerId: nullable(id('customer')), note: note(500) }),
    // Setting what is already there changes nothing and audits nothing.
    ok: (c) =>
      c.changed.has('sales') ? { audit: ['sale.annotate'], touched: ['sales'] } : NOTHING,
    // SALE_VOIDED: a voided sale keeps its customer and note; CONFLICT: an archived customer.
    refusals: nothingOn('NOT_FOUND', 'CONFLICT', 'SALE_VOIDED'),
    stream: { needs: 'refundableSale' },
  },
  'sales:park': {
    input: object({ label: note(60), cart: object(cartFields) }),
    // The till's cart in progress is emptied in the same transaction (issue 8, item 4).
    ok: { rows: { parked_sales: 1 }, touched: ['till_carts'] },
    refusals: nothingOn('NOT_FOUND', 'PRODUCT_UNAVAILABLE'),
    stream: { needs: 'sellableProduct' },
  },
  'sales:parkedList': { input: object({}), ...read() },
  'sales:resume': {
    input: object({ id: id('parked') }),
    ok: { rows: { parked_sales: -1 } },
    refusals: nothingOn('NOT_FOUND'),
    stream: { needs: 'parkedCart' },
  },
  'sales:discardParked': {
    input: object({ id: id('parked') }),
    ok: { rows: { parked_sales: -1 } },
    refusals: nothingOn('NOT_FOUND'),
    stream: { needs: 'parkedCart' },
  },

  'reports:daySummary': {
    input: object({ date: format('date'), tillId: optional(id('till')) }),
    ...read(),
  },
  'reports:tills': { input: object({}), ...read() },
  'reports:today': { input: object({}), ...read() },

  // Issue 11, section 4: read-only reports over a range of business days (in order, at most
  // 1,096 days; 31 for the hourly trend), from the daily rollups.
  'analytics:keyFigures': { input: reportRange({}), ...read() },
  'analytics:trend': {
    input: reportRange({ grain: oneOf(['hour', 'day', 'week', 'month']) }),
    ...read(),
  },
  'analytics:heatmap': { input: reportRange({}), ...read() },
  // The top lists rank by revenue, quantity or margin, within a category when given (NOT_FOUND
  // for an unknown one).
  'analytics:topProducts': {
    input: reportRange({
      by: optional(oneOf(['revenue', 'quantity', 'margin'])),
      limit: optional(int(1, 100)),
      categoryId: optional(id('category')),
    }),
    ...read('NOT_FOUND'),
  },
  'analytics:topCategories': {
    input: reportRange({
      by: optional(oneOf(['revenue', 'quantity', 'margin'])),
      limit: optional(int(1, 100)),
      categoryId: optional(id('category')),
    }),
    ...read('NOT_FOUND'),
  },
  'analytics:staffPerformance': { input: reportRange({}), ...read() },
  'analytics:taxReport': { input: reportRange({}), ...read() },
  'analytics:customers': { input: reportRange({}), ...read() },
  'analytics:export': {
    // Saves a report as a file outside the database (the save dialog's) and audits it; a PDF in a
    // core without a browser engine is REPORT_PDF_FAILED before any dialog, writing nothing.
    input: reportRange({
      report: oneOf([
        'keyFigures',
        'trend',
        'topProducts',
        'topCategories',
        'taxReport',
        'staffPerformance',
        'heatmap',
        'customers',
        'dashboard',
      ]),
      format: oneOf(['csv', 'pdf']),
      grain: optional(oneOf(['hour', 'day', 'week', 'month'])),
      by: optional(oneOf(['revenue', 'quantity', 'margin'])),
      categoryBy: optional(oneOf(['revenue', 'quantity', 'margin'])),
      limit: optional(int(1, 100)),
      categoryId: optional(id('category')),
    }),
    ok: { audit: ['reports.export'] },
    refusals: nothingOn('REPORT_PDF_FAILED', 'NOT_FOUND'),
  },

  'import:onlineRetail': {
    // F3: the Online Retail file, all or nothing, capped at 50 MB.
    input: object(importFile(onlineRetailCsv)),
    // A file with a refused row writes nothing at all (and says which rows, in the answer).
    ok: (c) =>
      c.output.rejected.length > 0
        ? NOTHING
        : {
            audit: ['import.online_retail'],
            // Customers already imported may have their "customer since" moved back.
            rows: {
              sales: c.output.salesCreated + c.output.refundsCreated,
              products: c.output.productsCreated,
              // New products go in the "Sample" category, created once (issue 11, section 1).
              categories: ANY,
              ...customerRows(c.output.customersCreated),
              sale_lines: ANY,
              sale_tenders: ANY,
              // The import's own till, the first time.
              tills: ANY,
              // The "Imported" pseudo-member the sales are credited to, the first time (issue 8).
              staff: ANY,
              // The imported days' rollups are rebuilt (issue 11, section 4).
              ...ROLLUP_ROWS,
            },
          },
    refusals: nothingOn(...IMPORT_REFUSALS, 'CONFLICT'),
  },
  'import:progress': { input: object({ jobId: format('uuid') }), ...read() },

  // Issue 8, item 4: the till's cart in progress, one row per till; a change names its version.
  'cart:get': { input: object({}), ...read() },
  'cart:save': {
    // A cart in progress may be empty; otherwise the sale's cart rules (docs/sales.md).
    input: object({
      cart: object({ ...cartFields, lines: array(cartLine, 0, 200) }),
      version: int(0, ID_MAX),
    }),
    // The till's row is made by its first save, then replaced in place.
    ok: { rows: { till_carts: ANY } },
    // CONFLICT: a stale version (another window), or another member's lines.
    refusals: nothingOn('CONFLICT'),
  },
  'cart:takeOver': {
    // Half the draws name the version the top-up leaves the till's cart at, so some succeed.
    input: object({ version: int(0, ID_MAX, { sample: fc.constant(TILL_CART_VERSION) }) }),
    // Taking over one's own or an empty cart changes nothing and audits nothing.
    ok: (c) =>
      c.changed.has('till_carts') ? { audit: ['cart.takeover'], touched: ['till_carts'] } : NOTHING,
    refusals: nothingOn('CONFLICT'),
    stream: { needs: 'tillCart' },
  },
  'cart:park': {
    // Half the draws name the version the top-up leaves the till's cart at, so some succeed.
    input: object({
      version: int(0, ID_MAX, { sample: fc.constant(TILL_CART_VERSION) }),
      label: note(60),
    }),
    ok: { rows: { parked_sales: 1 }, touched: ['till_carts'] },
    // NOT_FOUND: nothing rung up on the till.
    refusals: nothingOn('CONFLICT', 'NOT_FOUND'),
    stream: { needs: 'tillCart' },
  },

  // Issue 9, section 7: staff from another system. The sample's rows carry a bcrypt hash made by
  // Python's bcrypt (no hashing at import), by role id or name; a repeat refuses the whole file.
  'staff:import': {
    input: object({ ...importFile(staffCsv), commit: bool(), activate: bool() }),
    ok: (c) =>
      c.input.commit
        ? {
            audit: [...Array<string>(c.output.created).fill('staff.create'), 'staff.import'],
            rows: { staff: c.output.created },
          }
        : NOTHING,
    refusals: nothingOn(...IMPORT_REFUSALS),
  },

  // Issue 9, section 5: the till PIN. A wrong PIN is counted on the member's PIN row and audited.
  'pin:status': { input: object({}), ...read() },
  'pin:set': {
    input: object({ password, pin: capped('pin', 4, 8) }),
    ok: { audit: ['pin.set'], rows: { staff_pins: ANY }, touched: ['staff', 'staff_pins'] },
    refusals: {
      INVALID_CREDENTIALS: wrongPassword('pin.set'),
      VALIDATION_FAILED: NOTHING,
    },
    stream: { actor: 'member', slow: true },
  },
  'pin:clear': {
    input: object({}),
    ok: { audit: ['pin.clear?'], rows: { staff_pins: ANY } },
    stream: { actor: 'member' },
  },
  'pin:unlock': {
    input: object({ pin: capped('pin', 4, 8) }),
    ok: { audit: ['pin.unlock'], touched: ['staff_pins'] },
    refusals: {
      PIN_INVALID: { audit: ['pin.unlock', 'pin.disabled?'], touched: ['staff_pins'] },
      PIN_DISABLED: { audit: ['pin.unlock', 'pin.disabled?'], touched: ['staff_pins'] },
      PIN_UNAVAILABLE: { audit: ['pin.unlock'] },
    },
    stream: { actor: 'member', slow: true },
  },
  'pin:members': { input: object({}), ...read() },
  'pin:switch': {
    input: object({ staffId: id('staff'), pin: capped('pin', 4, 8) }),
    ok: { audit: ['pin.switch'], touched: ['staff_pins'] },
    refusals: {
      PIN_INVALID: { audit: ['pin.switch', 'pin.disabled?'], touched: ['staff_pins'] },
      PIN_DISABLED: { audit: ['pin.switch', 'pin.disabled?'], touched: ['staff_pins'] },
      PIN_UNAVAILABLE: { audit: ['pin.switch'] },
      ACCOUNT_LOCKED: { audit: ['pin.switch'] },
    },
    stream: { actor: 'member', slow: true },
  },
  // ---- issue 9, sections 4 and 6: e-mail, verified contacts, forgot password ----
  'mail:getSettings': { input: object({}), ...read() },
  'mail:updateSettings': {
    // RFC 1123 host, TCP port, TLS mode (none / STARTTLS RFC 3207 / implicit TLS RFC 8314), the
    // SMTP user (display text, may be empty), a password (new, null to remove, absent to keep)
    // and the sender address. One row `mail_smtp`; the password sealed, never in plain text.
    input: object({
      host: capped('mailHost', 1, 253),
      port: int(1, 65_535),
      tls: oneOf(['none', 'starttls', 'tls']),
      user: text(0, 254, 'display'),
      password: optional(nullable(capped('password', 1, 1024))),
      from: email,
    }),
    ok: { audit: ['mail.settings_update'], rows: { settings: ANY } },
  },
  'mail:removeSettings': {
    input: object({}),
    ok: (c) =>
      c.changed.has('settings')
        ? { audit: ['mail.settings_remove'], rows: { settings: -1 } }
        : NOTHING,
  },
  'mail:sendTest': {
    // Sent with the saved settings; every attempt is audited, a missing set-up is not an attempt.
    input: object({ to: email }),
    ok: { audit: ['mail.test'] },
    refusals: { MAIL_NOT_CONFIGURED: NOTHING, MAIL_SEND_FAILED: { audit: ['mail.test'] } },
    stream: {
      cannotSucceed: 'needs an SMTP server that answers (tests/core/mail-settings.test.ts)',
    },
  },
  'contacts:status': { input: object({}), ...read() },
  'contacts:sendEmailCode': {
    // One a minute, five an hour; a failed send removes its code again (nothing changed).
    input: object({}),
    ok: { audit: ['contacts.code_sent'], rows: { verification_codes: 1 } },
    refusals: {
      ...nothingOn('MAIL_NOT_CONFIGURED', 'CONFLICT', 'RATE_LIMITED'),
      MAIL_SEND_FAILED: { audit: ['contacts.code_sent'] },
    },
    stream: {
      actor: 'member',
      cannotSucceed: 'needs e-mail set up with a server that answers (tests/core/contacts.test.ts)',
    },
  },
  'contacts:verifyEmail': {
    // Six digits; a wrong try is counted on the code's row (5 end it).
    input: object({ code: format('sixDigits') }),
    ok: { audit: ['contacts.verify'], touched: ['staff', 'verification_codes'] },
    refusals: {
      CODE_INVALID: { audit: ['contacts.verify'], touched: ['verification_codes'] },
      CODE_EXPIRED: { audit: ['contacts.verify'] },
    },
    stream: {
      actor: 'member',
      cannotSucceed: 'needs a code that only arrives by e-mail (tests/core/contacts.test.ts)',
    },
  },
  'contacts:changeEmail': {
    input: object({ email }),
    ok: (c) =>
      c.changed.has('staff')
        ? { audit: ['contacts.change_email'], touched: ['staff', 'verification_codes'] }
        : NOTHING,
    refusals: nothingOn('CONFLICT'),
    stream: { actor: 'member' },
  },
  'contacts:sendPhoneCode': {
    // Like e-mail codes; the provider's request id is kept, a failed send removes its row.
    input: object({}),
    ok: { audit: ['contacts.code_sent'], rows: { verification_codes: 1 } },
    refusals: {
      ...nothingOn('SMS_NOT_CONFIGURED', 'CONFLICT', 'RATE_LIMITED', 'VALIDATION_FAILED'),
      SMS_UNAVAILABLE: { audit: ['contacts.code_sent'] },
      SMS_RATE_LIMITED: { audit: ['contacts.code_sent'] },
    },
    stream: {
      actor: 'member',
      cannotSucceed: 'needs an SMS provider that answers (tests/core/phone-verification.test.ts)',
    },
  },
  'contacts:verifyPhone': {
    // The provider checks the code; a wrong try is counted on the code's row (5 end it).
    input: object({ code: format('sixDigits') }),
    ok: { audit: ['contacts.verify'], touched: ['staff', 'verification_codes'] },
    refusals: {
      ...nothingOn('SMS_NOT_CONFIGURED'),
      CODE_INVALID: { audit: ['contacts.verify'], touched: ['verification_codes'] },
      CODE_EXPIRED: { audit: ['contacts.verify'] },
      SMS_UNAVAILABLE: { audit: ['contacts.verify'] },
    },
    stream: {
      actor: 'member',
      cannotSucceed:
        'needs a code that only arrives by text (tests/core/phone-verification.test.ts)',
    },
  },
  // Issue 9, section 4: the "verified before access" policy (staff.manage).
  'contacts:policy': { input: object({}), ...read() },
  'contacts:setPolicy': {
    // none / email / phone / either; the same policy again writes and audits nothing. Refused,
    // changing nothing, without the channel set up or when the admin does not meet it.
    input: object({ policy: oneOf(['none', 'email', 'phone', 'either']) }),
    ok: (c) =>
      c.changed.has('settings')
        ? { audit: ['contacts.policy_changed'], rows: { settings: ANY } }
        : NOTHING,
    refusals: nothingOn('MAIL_NOT_CONFIGURED', 'SMS_NOT_CONFIGURED', 'VERIFICATION_REQUIRED'),
  },
  'contacts:verifyRequest': {
    // Before sign-in: six digits for a request awaiting verification; one answer for an unknown
    // request and a dead code (it does not tell who asked); every try audited.
    input: object({ identifier: text(1, 254, 'any'), code: format('sixDigits') }),
    ok: { audit: ['contacts.verify'], touched: ['staff', 'verification_codes'] },
    refusals: {
      ...nothingOn('SMS_NOT_CONFIGURED'),
      CODE_INVALID: { audit: ['contacts.verify'], touched: ['verification_codes'] },
      CODE_EXPIRED: { audit: ['contacts.verify'], touched: ['verification_codes'] },
      SMS_UNAVAILABLE: { audit: ['contacts.verify'] },
      SMS_RATE_LIMITED: { audit: ['contacts.verify'] },
    },
    stream: {
      actor: 'anonymous',
      cannotSucceed:
        'needs a request made under the policy and its e-mailed code (tests/core/verification-policy.test.ts)',
    },
  },
  'contacts:resendRequestCode': {
    // The same answer whether or not the request exists; every attempt audited.
    input: object({ identifier: text(1, 254, 'any') }),
    ok: { audit: ['contacts.code_sent'], rows: { verification_codes: ANY } },
    refusals: nothingOn('RATE_LIMITED'),
    stream: { actor: 'anonymous' },
  },
  'reset:available': { input: object({}), ...read(), stream: { actor: 'anonymous' } },
  'reset:request': {
    // OWASP Forgot Password: the same answer for every identifier; audited either way.
    input: object({ identifier: text(1, 254, 'any') }),
    ok: {
      audit: ['auth.password_reset_request'],
      rows: { verification_codes: ANY },
      touched: ['verification_codes'],
    },
    refusals: nothingOn('MAIL_NOT_CONFIGURED'),
    stream: {
      actor: 'anonymous',
      cannotSucceed: 'needs e-mail set up (tests/core/password-reset.test.ts)',
    },
  },
  'reset:complete': {
    input: object({
      identifier: text(1, 254, 'any'),
      code: format('resetCode'),
      newPassword: password,
    }),
    ok: { audit: ['auth.password_reset'], touched: ['staff', 'verification_codes'] },
    refusals: {
      ...nothingOn('MAIL_NOT_CONFIGURED', 'WEAK_PASSWORD'),
      CODE_EXPIRED: { audit: ['auth.password_reset'] },
      CODE_INVALID: { audit: ['auth.password_reset'], touched: ['verification_codes'] },
    },
    stream: { actor: 'anonymous', slow: true },
  },
  // Issue 9, section 4: settings.manage only; the URL and credentials never come back.
  'sms:status': { input: object({}), ...read() },
  'sms:save': {
    // Key id, secret and template id are what a provider issues: printable ASCII, no spaces (the
    // barcode shape), at most 100 / 200 / 100 characters.
    input: object({
      baseUrl: format('providerUrl', { max: 200 }),
      keyId: capped('barcode', 1, 100),
      keySecret: capped('barcode', 1, 200),
      templateId: capped('barcode', 1, 100),
    }),
    ok: { audit: ['settings.sms_update'], rows: { settings: ANY } },
    refusals: nothingOn('KEYCHAIN_UNAVAILABLE'),
  },
  'sms:clear': {
    input: object({}),
    ok: (c) =>
      c.changed.has('settings')
        ? { audit: ['settings.sms_clear'], rows: { settings: -2 } }
        : NOTHING,
  },
  'sms:sendTest': {
    input: object({ phone: capped('phone', 4, 32) }),
    ok: { audit: ['settings.sms_test'] },
    // Not configured: nothing written. Configured by the fuzz (loopback, nothing listening): the
    // failed send is audited.
    refusals: {
      SMS_NOT_CONFIGURED: NOTHING,
      SMS_UNAVAILABLE: { audit: ['settings.sms_test'] },
      SMS_RATE_LIMITED: { audit: ['settings.sms_test'] },
      VALIDATION_FAILED: { audit: ['settings.sms_test'] },
    },
    stream: {
      cannotSucceed: 'needs an SMS provider that answers (tests/core/sms-provider.test.ts)',
    },
  },
  // Issue 9, section 3: the caller's own profile; no channel takes a member id.
  'profile:get': { input: object({}), ...read() },
  'profile:update': {
    // '' removes the phone; otherwise digits as typed, stored in E.164.
    input: object(
      {
        displayName: optional(personName),
        email: optional(email),
        phone: optional(capped('phone', 4, 32, { emptyIsNone: true })),
      },
      { atLeastOne: true },
    ),
    // The same values as stored change nothing and audit nothing.
    ok: (c) => (c.changed.has('staff') ? staffChange('profile.update') : NOTHING),
    refusals: nothingOn('CONFLICT'),
    stream: { actor: 'member' },
  },
  'profile:signIns': { input: object({}), ...read() },
  'profile:sessions': { input: object({}), ...read() },
  // L2: the full check reads the file in a worker and writes nothing (a sound file stays sound).
  'audit:verifyChain': { input: object({}), ...read() },
  'profile:endOtherSessions': {
    // A8: the caller's session epoch moves on; this session keeps it.
    input: object({}),
    ok: staffChange('profile.end_other_sessions'),
    stream: { actor: 'member' },
  },
  // Issue 9, section 1: the key-file opt-in, only while no OS keychain works (the fuzz's does).
  'secrets:status': { input: object({}), ...read() },
  'secrets:useKeyFile': {
    input: object({}),
    ok: { audit: ['settings.key_file_opt_in'], rows: { settings: 1 } },
    refusals: nothingOn('CONFLICT'),
    stream: {
      cannotSucceed: 'needs a till whose OS keychain fails (tests/core/key-file.test.ts)',
    },
  },
  // Issue 10, section 1: shifts (cash sessions), cash movements and Z reports. A count is
  // pieces per note or coin of the store's table (values outside it are VALIDATION_FAILED from
  // the core); amounts in minor units (M1).
  'shifts:current': { input: object({}), ...read() },
  'shifts:open': {
    input: object({ floatCount: shiftCount }),
    ok: (c) => ({
      audit: ['shift.open'],
      rows: { shifts: 1, shift_counts: c.input.floatCount.length },
    }),
    refusals: nothingOn('SHIFT_ALREADY_OPEN', 'VALIDATION_FAILED'),
  },
  'shifts:cashMovement': {
    // S3: paid out moves money out; the client's id makes a retry safe (same id, same row).
    input: object({
      id: format('uuid'),
      kind: oneOf(['paidIn', 'paidOut']),
      amount: money(1, 100_000_000_000),
      reason: oneOf([
        'floatTopUp',
        'changeFromBank',
        'supplier',
        'pettyCash',
        'safeDrop',
        'tipsPayout',
        'other',
      ]),
      note: note(200),
    }),
    ok: (c) =>
      c.changed.has('cash_movements')
        ? { audit: ['shift.cash_movement'], rows: { cash_movements: 1 } }
        : NOTHING,
    // VALIDATION_FAILED: reason other without a note.
    refusals: nothingOn('SHIFT_NOT_OPEN', 'VALIDATION_FAILED', 'CONFLICT'),
    stream: {
      cannotSucceed:
        'needs an open shift, which the stream may not have (tests/core/shifts.test.ts)',
    },
  },
  'shifts:noSale': {
    input: object({ reason: note(200) }),
    ok: { audit: ['shift.no_sale'], rows: { cash_movements: 1 } },
    refusals: nothingOn('SHIFT_NOT_OPEN'),
    stream: {
      cannotSucceed:
        'needs an open shift, which the stream may not have (tests/core/shifts.test.ts)',
    },
  },
  'shifts:xReport': {
    input: object({ shiftId: optional(id()) }),
    ...read('SHIFT_NOT_OPEN'),
    stream: {
      cannotSucceed:
        'needs an open shift, which the stream may not have (tests/core/shifts.test.ts)',
    },
  },
  'shifts:close': {
    // D6: the Z report is a new immutable row; the shift row only turns closed.
    input: object({
      shiftId: id(),
      countedCash: shiftCount,
      countedOther: array(object({ type: oneOf(['card', 'other']), amount: saleAmount }), 0, 2),
      note: note(500),
    }),
    ok: (c) => ({
      audit: ['shift.close'],
      rows: { z_reports: 1, shift_counts: c.input.countedCash.length },
      touched: ['shifts'],
    }),
    refusals: nothingOn('SHIFT_NOT_OPEN', 'SHIFT_NOTE_REQUIRED', 'VALIDATION_FAILED'),
    stream: {
      cannotSucceed:
        "needs the shift's own id and a count from the store's table (tests/core/shifts.test.ts)",
    },
  },
  'shifts:list': { input: object({ ...page, tillId: optional(id('till')) }), ...read() },
  'shifts:zReport': {
    input: object({ id: id() }),
    ...read('NOT_FOUND'),
    stream: { cannotSucceed: 'needs a closed shift (tests/core/shifts.test.ts)' },
  },
  'shifts:settings': { input: object({}), ...read() },
  'shifts:updateSettings': {
    input: object(
      {
        requireOpenShift: optional(bool()),
        overShortNoteThreshold: optional(int(0, 1_000_000_000)),
      },
      { atLeastOne: true },
    ),
    ok: (c) =>
      c.changed.has('settings')
        ? {
            audit: { action: 'settings.update', min: 1, max: Object.keys(c.input).length },
            rows: { settings: ANY },
          }
        : NOTHING,
  },
  'shifts:print': {
    // Queues a print job (print_jobs is bookkeeping); nothing else changes.
    input: object({ zReportId: optional(id()) }),
    ...read('SHIFT_NOT_OPEN', 'NOT_FOUND', 'PRINTER_NOT_CONFIGURED'),
    stream: {
      cannotSucceed: 'needs a receipt printer and a shift (tests/core/shift-printing.test.ts)',
    },
  },
  'shifts:exportPdf': {
    // Writes a PDF outside the database (the save dialog's file) and audits it; a core without a
    // browser engine answers REPORT_PDF_FAILED before any dialog, writing nothing.
    input: object({ zReportId: id() }),
    ok: { audit: ['reports.export'] },
    refusals: nothingOn('NOT_FOUND', 'REPORT_PDF_FAILED'),
    stream: {
      cannotSucceed: 'needs a closed shift and a browser engine (tests/core/z-report-pdf.test.ts)',
    },
  },
  'shifts:setDenominations': {
    // null puts the default table back (the store's row goes).
    input: object({
      currency: format('currency'),
      denominations: nullable(
        array(object({ value: int(1, 100_000_000), kind: oneOf(['note', 'coin']) }), 1, 40),
      ),
    }),
    ok: (c) =>
      c.changed.has('settings')
        ? { audit: ['settings.update'], rows: { settings: ANY_DELTA } }
        : NOTHING,
    // VALIDATION_FAILED: a value given twice.
    refusals: nothingOn('VALIDATION_FAILED'),
  },

  // Issue 10, section 6: the accountant's exports read sales into a file the shell picks (outside
  // the database) and are audited. A range backwards or over 366 days, a dataset twice, or a CSV
  // of several datasets is VALIDATION_FAILED (cross-field rules), and changes nothing.
  'exports:run': {
    // Valid fields seldom make a valid request (from ≤ to, ≤ 366 days, no dataset twice, one per
    // CSV): half of the stream's payloads are a month of sales, so that some succeed.
    input: object(
      {
        jobId: format('uuid'),
        from: format('date'),
        to: format('date'),
        format: oneOf(['csv', 'xlsx']),
        datasets: array(oneOf(['sales', 'lines', 'tenders', 'taxRates', 'zReports']), 1, 5),
      },
      {
        sample: fc.record({
          jobId: fc.uuid({ version: 4 }),
          from: fc.constant('2026-11-01'),
          to: fc.constant('2026-11-30'),
          format: fc.constantFrom('csv', 'xlsx'),
          datasets: fc.constant(['sales']),
        }),
      },
    ),
    ok: { audit: ['reports.export'] },
    refusals: nothingOn('VALIDATION_FAILED', 'CONFLICT'),
  },
  'exports:progress': { input: object({ jobId: format('uuid') }), ...read() },
  'exports:cancel': { input: object({ jobId: format('uuid') }), ...read() },
  'receipts:email': {
    // A copy of a sale goes out by e-mail; every attempt is audited, the sale never changes.
    input: object({ saleId: id('sale'), to: optional(email) }),
    ok: { audit: ['receipt.email'] },
    refusals: {
      ...nothingOn('NOT_FOUND', 'VALIDATION_FAILED', 'MAIL_NOT_CONFIGURED'),
      MAIL_SEND_FAILED: { audit: ['receipt.email'] },
      RECEIPT_PDF_FAILED: { audit: ['receipt.email'] },
    },
    stream: {
      cannotSucceed: 'needs a browser engine and an SMTP server (tests/core/receipt-mail.test.ts)',
    },
  },
  // Issue 10, section 2: printers (settings.manage) and the print queue. Jobs are bookkeeping.
  'printing:listPrinters': { input: object({}), ...read() },
  'printing:savePrinter': {
    // Network: RFC 1123 host and TCP port (9100 by default); queue: the OS queue's name, passed
    // to `lp -d` or the Windows spooler as one argument; driver: the OS device name.
    input: object({
      id: optional(id()),
      name: text(1, 60, 'display'),
      connection: variants('type', {
        network: { host: capped('mailHost', 1, 253), port: optional(int(1, 65_535)) },
        queue: { queue: capped('printerQueue', 1, 127) },
        driver: { deviceName: text(1, 127, 'display') },
      }),
      paperWidth: oneOf(['58mm', '80mm']),
      codepage: oneOf([
        'auto',
        'cp437',
        'cp850',
        'cp858',
        'cp852',
        'cp866',
        'windows1252',
        'iso8859-15',
      ]),
      autoPrint: bool(),
      cashDrawer: bool(),
      isDefault: bool(),
      receiptHeader: optional(format('printerLines')),
      receiptFooter: optional(format('printerLines')),
      logo: optional(nullable(format('pbmLogo'))),
    }),
    ok: (c) => ({
      audit: ['printing.printer_save'],
      rows: { printers: c.input.id === undefined ? 1 : 0 },
    }),
    refusals: nothingOn('NOT_FOUND'),
  },
  'printing:deletePrinter': {
    input: object({ id: id('printer') }),
    ok: { audit: ['printing.printer_delete'], rows: { printers: -1 } },
    refusals: nothingOn('NOT_FOUND'),
    stream: { needs: 'printer' },
  },
  'printing:testPage': {
    input: object({ id: id('printer') }),
    ...read('NOT_FOUND'),
    stream: { needs: 'printer' },
  },
  'printing:status': { input: object({}), ...read() },
  'printing:reprintSale': {
    input: object({ saleId: id('sale') }),
    ok: { audit: ['printing.reprint'] },
    refusals: nothingOn('NOT_FOUND', 'PRINTER_NOT_CONFIGURED'),
  },
  'printing:retryJob': {
    input: object({ id: id() }),
    ...read('NOT_FOUND', 'CONFLICT'),
    stream: { cannotSucceed: 'needs a failed print job (tests/core/printing.test.ts)' },
  },
  'display:cart': {
    // Only the customer display window may read it (issue 10, section 4); the fuzz's windows are
    // till windows, so every call is refused and audited as a forbidden sender.
    input: object({}),
    refusals: { FORBIDDEN_SENDER: { audit: ['ipc.forbidden_sender'] } },
    stream: {
      cannotSucceed: 'only the customer display window (tests/core/customer-display.test.ts)',
    },
  },
  // Issue 10, section 5 (D4, D5): the backup status and list read; a backup writes a file
  // outside the database and records its run (settings row `backup_last_run`, audit backup.run).
  'backups:status': { input: object({}), ...read() },
  'backups:list': { input: object({}), ...read() },
  // No shell in the fuzz core: `available: false`, nothing changes.
  'backups:chooseFolder': { input: object({}), ...read() },
  'backups:run': {
    input: object({}),
    ok: { audit: ['backup.run'], rows: { settings: ANY } },
    stream: { slow: true },
  },
  'backups:updateSettings': {
    // An absolute folder Kassa can write to, or null; a passphrase of 10..200 characters, null
    // to remove it, absent to keep it (sealed with the data-protection key).
    input: object({
      folder: nullable(capped('backupFolder', 3, 500)),
      passphrase: optional(nullable(capped('backupPassphrase', 10, 200))),
    }),
    ok: { audit: ['backup.settings'], rows: { settings: ANY } },
    refusals: nothingOn('BACKUP_FAILED'),
  },
  'backups:restore': {
    // Only a file Kassa named, in the local or the second folder; every refusal is audited.
    input: object({
      location: oneOf(['local', 'external']),
      name: format('backupFileName'),
      passphrase: optional(capped('password', 1, 200)),
    }),
    refusals: Object.fromEntries(
      ['NOT_FOUND', 'BACKUP_DAMAGED', 'BACKUP_PASSPHRASE', 'BACKUP_TOO_NEW', 'BACKUP_FAILED'].map(
        (c) => [c, { audit: ['backup.restore'] }],
      ),
    ),
    stream: { cannotSucceed: 'a restore restarts the core (tests/core/backups.test.ts)' },
  },
  // D5: the restore safe mode offers; public (nobody can sign in to a damaged file), refused
  // with CONFLICT, writing nothing, whenever the till is not in safe mode.
  'backups:safeModeList': {
    input: object({}),
    refusals: nothingOn('CONFLICT'),
    stream: { actor: 'anonymous', cannotSucceed: 'only in safe mode (tests/core/backups.test.ts)' },
  },
  'backups:safeModeRestore': {
    input: object({
      name: format('backupFileName'),
      username: text(1, 254, 'any'),
      password,
      passphrase: optional(capped('password', 1, 200)),
    }),
    refusals: nothingOn('CONFLICT'),
    stream: { actor: 'anonymous', cannotSucceed: 'only in safe mode (tests/core/backups.test.ts)' },
  },
  // Issue 11, section 1: product categories, a tree at most 3 levels deep (products.manage).
  'categories:list': { input: object({ includeArchived: optional(bool()) }), ...read() },
  'categories:create': {
    input: object({ name: text(1, 60, 'display'), parentId: optional(nullable(id('category'))) }),
    ok: { audit: ['category.create'], rows: { categories: 1 } },
    refusals: nothingOn('NOT_FOUND', 'CATEGORY_TOO_DEEP', 'CONFLICT'),
  },
  'categories:update': {
    input: object({
      id: id('category'),
      name: text(1, 60, 'display'),
      parentId: optional(nullable(id('category'))),
    }),
    ok: { audit: ['category.update'], touched: ['categories'] },
    refusals: nothingOn('NOT_FOUND', 'CATEGORY_CYCLE', 'CATEGORY_TOO_DEEP', 'CONFLICT'),
  },
  'categories:archive': {
    // Its products move to "no category"; refused while it has live sub-categories.
    input: object({ id: id('category') }),
    ok: { audit: ['category.archive'], touched: ['categories', 'products'] },
    refusals: nothingOn('NOT_FOUND', 'CATEGORY_IN_USE'),
  },

  // Issue 11, section 2: the stock ledger. An adjustment is one immutable movement and the
  // product's on-hand, audited; a non-stock product, 0 or a sign the reason does not allow is
  // VALIDATION_FAILED; a second opening balance CONFLICT; refuse mode INSUFFICIENT_STOCK.
  'stock:adjust': {
    input: object({
      productId: id('product'),
      quantity: int(-1_000_000, 1_000_000),
      reason: oneOf(['opening', 'damaged', 'lost', 'found', 'correction']),
      note: note(200),
    }),
    ok: { audit: ['stock.adjust'], rows: { stock_movements: 1 }, touched: ['products'] },
    refusals: nothingOn('NOT_FOUND', 'VALIDATION_FAILED', 'CONFLICT', 'INSUFFICIENT_STOCK'),
    stream: { needs: 'sellableProduct' },
  },
  'stock:movements': { input: object({ productId: id('product'), ...page }), ...read('NOT_FOUND') },
  'stock:levels': { input: object({ productIds: array(id('product'), 1, 200) }), ...read() },
  'stock:lowStock': { input: object(page), ...read() },
  'stock:setReorderLevel': {
    input: object({ productId: id('product'), reorderLevel: nullable(int(0, 1_000_000)) }),
    // The same level again changes nothing and audits nothing.
    ok: (c) =>
      c.changed.has('products')
        ? { audit: ['stock.reorder_level'], touched: ['products'] }
        : NOTHING,
    refusals: nothingOn('NOT_FOUND', 'VALIDATION_FAILED'),
    stream: { needs: 'sellableProduct' },
  },
  'stock:check': { input: object({}), ...read() },
  'stock:settings': { input: object({}), ...read() },
  'stock:updateSettings': {
    input: object({ negativeStock: oneOf(['warn', 'refuse']) }),
    ok: (c) =>
      c.changed.has('settings')
        ? { audit: ['settings.update'], rows: { settings: ANY_DELTA } }
        : NOTHING,
  },
  // Issue 11, section 2: the stock take. One open count per store (CONFLICT); a count entry
  // writes only its sheet line; posting writes one `count` movement per counted product with a
  // variance (the output's `variances`), closes the sheet and audits; a closed count is CONFLICT.
  'stock:startCount': {
    input: object({ categoryId: nullable(id('category')) }),
    ok: {
      audit: ['stock.count_start'],
      rows: { stock_counts: 1, stock_count_lines: ANY_DELTA },
    },
    refusals: nothingOn('CONFLICT', 'NOT_FOUND', 'VALIDATION_FAILED'),
  },
  'stock:openCount': { input: object({}), ...read() },
  'stock:setCount': {
    input: object({
      countId: id('stockCount'),
      productId: id('product'),
      quantity: int(0, 1_000_000),
      mode: oneOf(['set', 'add']),
    }),
    ok: { rows: { stock_count_lines: ANY_DELTA } },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED'),
    stream: { needs: 'openStockCount' },
  },
  'stock:countSheet': {
    input: object({
      countId: id('stockCount'),
      only: optional(oneOf(['all', 'counted', 'uncounted', 'variance'])),
      ...page,
    }),
    ...read('NOT_FOUND'),
  },
  'stock:postCount': {
    input: object({ countId: id('stockCount') }),
    ok: (c) => ({
      audit: ['stock.count_post'],
      rows: { stock_movements: c.output.variances },
      touched: ['stock_counts', 'products'],
    }),
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
    stream: { needs: 'openStockCount' },
  },
  'stock:cancelCount': {
    input: object({ countId: id('stockCount') }),
    ok: { audit: ['stock.count_cancel'], touched: ['stock_counts'] },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
    stream: { needs: 'openStockCount' },
  },
  // Issue 11, section 3: suppliers (archived, never deleted), receiving at cost (a `receive`
  // movement per line, the products' on-hand and costs) and purchase orders (draft → ordered →
  // partial → received, or cancelled: other moves are CONFLICT). stock.manage; audited.
  'suppliers:list': { input: object({ includeArchived: optional(bool()) }), ...read() },
  'suppliers:create': {
    input: object(supplierFields),
    ok: { audit: ['supplier.create'], rows: { suppliers: 1 } },
  },
  'suppliers:update': {
    input: object({ id: id('supplier'), ...supplierFields }),
    // The same details again change nothing and audit nothing.
    ok: (c) =>
      c.changed.has('suppliers') ? { audit: ['supplier.update'], touched: ['suppliers'] } : NOTHING,
    refusals: nothingOn('NOT_FOUND'),
  },
  'suppliers:archive': {
    input: object({ id: id('supplier') }),
    ok: (c) =>
      c.changed.has('suppliers')
        ? { audit: ['supplier.archive'], touched: ['suppliers'] }
        : NOTHING,
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
  },
  'stock:receive': {
    input: object({
      supplierId: optional(nullable(id('supplier'))),
      note: note(200),
      lines: array(receiptLine, 1, 100),
    }),
    ok: { audit: ['stock.receive'], rows: { stock_movements: ANY }, touched: ['products'] },
    refusals: nothingOn('NOT_FOUND', 'VALIDATION_FAILED'),
    stream: { needs: 'sellableProduct' },
  },
  'purchaseOrders:list': {
    input: object({
      status: optional(oneOf(['draft', 'ordered', 'partial', 'received', 'cancelled'])),
      supplierId: optional(id('supplier')),
      ...page,
    }),
    ...read(),
  },
  'purchaseOrders:get': {
    input: object({ id: id('purchaseOrder') }),
    ...read('NOT_FOUND'),
    stream: { needs: 'orderedPurchaseOrder' },
  },
  'purchaseOrders:create': {
    input: object({
      supplierId: id('supplier'),
      note: note(200),
      lines: array(receiptLine, 1, 100),
    }),
    ok: {
      audit: ['purchase_order.create'],
      rows: { purchase_orders: 1, purchase_order_lines: ANY },
    },
    refusals: nothingOn('NOT_FOUND', 'VALIDATION_FAILED'),
    stream: { needs: 'orderedPurchaseOrder' },
  },
  'purchaseOrders:update': {
    // The lines are replaced: their count may grow or shrink.
    input: object({
      id: id('purchaseOrder'),
      supplierId: id('supplier'),
      note: note(200),
      lines: array(receiptLine, 1, 100),
    }),
    ok: {
      audit: ['purchase_order.update'],
      rows: { purchase_order_lines: ANY_DELTA },
      touched: ['purchase_orders'],
    },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED'),
    stream: { needs: 'draftPurchaseOrder' },
  },
  'purchaseOrders:candidates': {
    input: object({ search, lowStock: optional(bool()) }),
    ...read(),
  },
  'purchaseOrders:setStatus': {
    input: object({ id: id('purchaseOrder'), status: oneOf(['ordered', 'cancelled']) }),
    ok: { audit: ['purchase_order.status'], touched: ['purchase_orders'] },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT'),
    stream: { needs: 'orderedPurchaseOrder' },
  },
  'purchaseOrders:receive': {
    input: object({
      id: id('purchaseOrder'),
      lines: array(
        object({
          lineId: id('purchaseOrderLine'),
          quantity: int(1, 1_000_000),
          unitCost: optional(int(0, 1_000_000_000)),
        }),
        1,
        100,
      ),
    }),
    ok: {
      audit: ['stock.receive'],
      rows: { stock_movements: ANY },
      touched: ['products', 'purchase_orders', 'purchase_order_lines'],
    },
    refusals: nothingOn('NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED'),
    stream: { needs: 'orderedPurchaseOrder' },
  },
  'purchaseOrders:export': {
    // Writes a file outside the database (the save dialog's) and audits it; the fuzz core has no
    // browser engine, so a PDF is REPORT_PDF_FAILED before any dialog, writing nothing.
    input: object({ id: id('purchaseOrder'), format: oneOf(['csv', 'pdf']) }),
    ok: { audit: ['reports.export'] },
    refusals: nothingOn('NOT_FOUND', 'REPORT_PDF_FAILED'),
    stream: { needs: 'orderedPurchaseOrder' },
  },
};

/** The oracle's entry for `channel`, or undefined (the fuzz fails on that). */
export function oracleFor(channel: string): ChannelOracle | undefined {
  return Object.prototype.hasOwnProperty.call(ORACLE, channel) ? ORACLE[channel] : undefined;
}

/**
 * For a channel that only reads (a valid call changes nothing and audits nothing): the refusal
 * codes a valid payload may get. Undefined for every other channel.
 */
export function readOnlyCodes(channel: string): readonly string[] | undefined {
  const o = oracleFor(channel);
  if (!o || o.ok !== NOTHING) return undefined;
  const refusals = Object.entries(o.refusals ?? {});
  if (refusals.some(([, v]) => v !== NOTHING)) return undefined;
  return refusals.map(([code]) => code);
}

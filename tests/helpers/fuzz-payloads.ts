/**
 * A minimal payload that passes the input schema, for every channel in the contract. Shared by the
 * channel × role matrix (A7) and the fuzz (F1), which breaks these payloads one field at a time.
 *
 * The mapped type makes a missing channel a compile error, and both test files also fail at run
 * time when a channel in `channels` has no entry here, so a new channel cannot be forgotten.
 *
 * The payloads are chosen so that calling them stays cheap and harmless for a signed-in caller:
 * set-up and request-access reuse a taken username (SETUP_ALREADY_DONE / CONFLICT before any
 * bcrypt work), a password change reuses the current password (WEAK_PASSWORD, nothing written),
 * and staff administration targets throwaway members, never the caller. Retail writes target the
 * seeded fixture (tests/helpers/retail.ts seedRetail): CSV imports are dry runs, remove/restore use
 * spare rows nothing refers to, resume/discard use parked carts, and a void or refund takes one
 * sale (a later call then gets VOID_NOT_ALLOWED or REFUND_LIMIT, which is still an authz pass).
 */
import type { ChannelInput, ChannelName } from '../../shared/contract';
import { importFile } from './import-file';
import type { RetailFixture } from './retail';

export interface PayloadContext {
  /** The caller's own sign-in name and password (login, unlock, re-authentication). */
  identifier: string;
  password: string;
  /** An existing username and email, so set-up and request-access answer without hashing. */
  takenUsername: string;
  takenEmail: string;
  /** A member the caller may change without touching its own account. */
  targetId: number;
  /** A member with no history, which `staff:delete` may really delete. */
  deletableId: number;
  /** A fresh suffix for `staff:create` (lower-case letters and digits). */
  unique: string;
  /** A fresh UUID for checkout and refund. */
  uuid: string;
  /** The seeded retail rows. */
  retail: RetailFixture;
}

/** One Online Retail row (GBP): the admin-only import writes it once, later calls find it imported. */
export const ONLINE_RETAIL_CSV =
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n';

/** Passes the password policy (A3) and is not in the common-passwords list. */
export const STRONG_PASSWORD = 'amber kettle under 9 stars';

/** A store server connection nobody listens at (port 1): every till here has staff or is local. */
const STORE_SERVER = {
  host: '127.0.0.1',
  port: 1,
  database: 'kassa',
  user: 'kassa_till',
  password: 'not used',
  tls: 'disable' as const,
};

export const VALID_PAYLOADS: { [C in ChannelName]: (ctx: PayloadContext) => ChannelInput<C> } = {
  'app:status': () => ({}),
  'setup:createAdmin': (c) => ({
    username: c.takenUsername,
    email: c.takenEmail,
    displayName: 'Second Admin',
    password: STRONG_PASSWORD,
  }),
  'auth:session': () => ({}),
  'auth:login': (c) => ({ identifier: c.identifier, password: c.password }),
  'auth:requestAccess': (c) => ({
    username: c.takenUsername,
    email: c.takenEmail,
    displayName: 'Walk In',
    password: STRONG_PASSWORD,
  }),
  'auth:logout': () => ({}),
  'auth:lock': () => ({}),
  'auth:unlock': (c) => ({ password: c.password }),
  'auth:activity': () => ({}),
  'auth:reauthenticate': (c) => ({ password: c.password }),
  'auth:changePassword': (c) => ({ currentPassword: c.password, newPassword: c.password }),
  'twoFactor:status': () => ({}),
  'twoFactor:startEnrolment': () => ({}),
  // No enrolment to confirm, or a wrong code: refused, an authz pass all the same.
  'twoFactor:confirmEnrolment': () => ({ code: '000000' }),
  'twoFactor:remove': (c) => ({ password: c.password, code: '000000' }),
  'twoFactor:signIn': () => ({ code: '000000' }),
  'twoFactor:reset': (c) => ({ staffId: c.targetId }),
  'twoFactor:setRolePolicy': () => ({ roleId: 'cashier', required: false }),
  'twoFactor:rolePolicies': () => ({}),
  'settings:get': () => ({}),
  'settings:update': () => ({ idleLockMinutes: 5 }),
  // The fixture's store is set up already: CONFLICT, nothing written (an authz pass all the same).
  'settings:setUpStore': () => ({
    storeName: 'Corner Shop',
    storeAddress: '1 High Street',
    taxNumber: 'GB123456789',
    country: 'GB',
    currency: 'GBP',
    pricesIncludeTax: true,
    defaultTaxRateBps: 2000,
    timeZone: 'Europe/London',
    receiptFooter: 'Thank you',
    locale: 'en-GB',
  }),
  'roles:list': () => ({}),
  'roles:create': (c) => ({ name: `Role ${c.unique}`, permissions: ['sales.create'] }),
  // Manager renamed to its own name with its own rights: an authz pass that changes nothing.
  'roles:update': () => ({ id: 'manager', name: 'Manager' }),
  'roles:duplicate': (c) => ({ id: 'cashier', name: `Copy ${c.unique}` }),
  // A role that does not exist: NOT_FOUND after the permission check, nothing deleted.
  'roles:delete': () => ({ id: 'r-000000000000', moveMembersTo: 'cashier' }),
  'staff:list': () => ({ status: 'active', search: 'a', limit: 10, offset: 0 }),
  'staff:create': (c) => ({
    username: `new.${c.unique}`,
    email: `new.${c.unique}@shop.test`,
    displayName: 'New Member',
    role: 'cashier',
    approve: false,
  }),
  'staff:update': (c) => ({ id: c.targetId, displayName: 'Renamed Member' }),
  'staff:setRole': (c) => ({ id: c.targetId, role: 'manager' }),
  'staff:approve': (c) => ({ id: c.targetId }),
  'staff:reject': (c) => ({ id: c.targetId }),
  'staff:disable': (c) => ({ id: c.targetId }),
  'staff:enable': (c) => ({ id: c.targetId }),
  'staff:unlock': (c) => ({ id: c.targetId }),
  'staff:delete': (c) => ({ id: c.deletableId }),
  'staff:resetPassword': (c) => ({ id: c.targetId }),
  'staff:endSessions': (c) => ({ id: c.targetId }),
  'staff:pendingCount': () => ({}),
  'audit:list': () => ({ limit: 5 }),
  'audit:filterOptions': () => ({}),
  'audit:exportCsv': () => ({ outcome: 'denied', fromDay: '2026-11-01', toDay: '2026-11-30' }),

  'products:list': () => ({ search: 'tea', status: 'sellable', limit: 10, offset: 0 }),
  'products:lookup': () => ({ code: '5000000000017' }),
  'products:get': (c) => ({ id: c.retail.productId }),
  'products:create': (c) => ({
    sku: `NEW-${c.unique}`,
    name: 'New Product',
    price: 120,
    taxRateBps: 2000,
  }),
  'products:update': (c) => ({
    id: c.retail.productId,
    sku: 'FIX-TEA',
    barcode: '5000000000017',
    name: 'Fixture Tea',
    price: c.retail.productPrice,
    taxRateBps: 2000,
    kind: 'stock',
    active: true,
  }),
  'products:remove': (c) => ({ id: c.retail.spareProductId }),
  'products:restore': (c) => ({ id: c.retail.spareProductId }),
  'products:import': (c) => ({
    ...importFile(
      `sku,barcode,name,price,tax_rate,kind,active\nIMP-${c.unique},,Imported,2.55,20,stock,true\n`,
      c.uuid,
    ),
    commit: false,
  }),

  'customers:search': () => ({ search: 'fixture', includeArchived: false, limit: 10, offset: 0 }),
  'customers:get': (c) => ({ id: c.retail.customerId }),
  'customers:create': (c) => ({
    name: 'New Customer',
    email: `customer.${c.unique}@shop.test`,
    phone: null,
  }),
  'customers:update': (c) => ({
    id: c.retail.customerId,
    name: 'Fixture Customer',
    email: 'fixture@shop.test',
    phone: '+44 20 7946 0000',
  }),
  'customers:remove': (c) => ({ id: c.retail.spareCustomerId }),
  'customers:restore': (c) => ({ id: c.retail.spareCustomerId }),
  'customers:import': (c) => ({
    ...importFile('name,email,phone,country,notes\nImported Customer,,,United Kingdom,\n', c.uuid),
    commit: false,
  }),

  'sales:quote': (c) => ({
    lines: [
      { productId: c.retail.productId, quantity: 2, discount: { type: 'percent', bps: 1000 } },
    ],
    customerId: c.retail.customerId,
  }),
  'sales:checkout': (c) => ({
    id: c.uuid,
    lines: [{ productId: c.retail.productId, quantity: 1 }],
    tenders: [{ type: 'card', amount: c.retail.productPrice }],
  }),
  'sales:get': (c) => ({ id: c.retail.saleId }),
  'sales:list': () => ({ limit: 5 }),
  'sales:void': (c) => ({ id: c.retail.voidSaleId, reason: 'Rung up twice' }),
  'sales:refund': (c) => ({
    saleId: c.retail.saleId,
    refundId: c.uuid,
    lines: [{ lineId: c.retail.saleLineId, quantity: 1 }],
    tender: 'card',
    reason: 'Changed their mind',
  }),
  'sales:annotate': (c) => ({
    id: c.retail.saleId,
    customerId: c.retail.customerId,
    note: 'Gift receipt',
  }),
  'sales:park': (c) => ({
    label: 'Back soon',
    cart: { lines: [{ productId: c.retail.productId, quantity: 1 }] },
  }),
  'sales:parkedList': () => ({}),
  'sales:resume': (c) => ({ id: c.retail.parkedIds[0] }),
  'sales:discardParked': (c) => ({ id: c.retail.parkedIds[1] }),

  'reports:daySummary': () => ({ date: '2026-11-23' }),
  'reports:tills': () => ({}),
  'reports:today': () => ({}),
  'analytics:keyFigures': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'analytics:trend': () => ({ from: '2026-11-01', to: '2026-11-30', grain: 'day' }),
  'analytics:heatmap': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'analytics:topProducts': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'analytics:topCategories': () => ({ from: '2026-11-01', to: '2026-11-30', by: 'margin' }),
  'analytics:staffPerformance': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'analytics:taxReport': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'analytics:customers': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'analytics:export': () => ({
    report: 'dashboard',
    from: '2026-11-01',
    to: '2026-11-30',
    format: 'csv',
  }),

  'import:onlineRetail': (c) => importFile(ONLINE_RETAIL_CSV, c.uuid),
  'import:progress': (c) => ({ jobId: c.uuid }),

  'cart:get': () => ({}),
  // A stale version is CONFLICT, which is still an authz pass.
  'cart:save': (c) => ({
    cart: { lines: [{ productId: c.retail.productId, quantity: 1 }] },
    version: 0,
  }),
  'cart:takeOver': () => ({ version: 0 }),
  'cart:park': () => ({ version: 0, label: 'Back soon' }),
  'staff:import': (c) => ({
    ...importFile(
      `username,email,display_name,role,password_hash\nimp${c.unique},imp${c.unique}@shop.test,Imported Member,cashier,\n`,
      c.uuid,
    ),
    commit: false,
    activate: true,
  }),
  'pin:status': () => ({}),
  'pin:set': (c) => ({ password: c.password, pin: '4096' }),
  'pin:clear': () => ({}),
  'pin:unlock': () => ({ pin: '4096' }),
  'pin:members': () => ({}),
  'pin:switch': (c) => ({ staffId: c.targetId, pin: '4096' }),

  // A closed port on loopback: a test send fails at once (MAIL_SEND_FAILED), never waits on DNS.
  'mail:getSettings': () => ({}),
  'mail:updateSettings': () => ({
    host: '127.0.0.1',
    port: 9,
    tls: 'none',
    user: '',
    from: 'till@shop.test',
  }),
  'mail:removeSettings': () => ({}),
  'mail:sendTest': () => ({ to: 'owner@shop.test' }),
  'receipts:email': (c) => ({ saleId: c.retail.saleId, to: 'buyer@shop.test' }),
  'display:cart': () => ({}),
  'contacts:status': () => ({}),
  'contacts:sendEmailCode': () => ({}),
  'contacts:verifyEmail': () => ({ code: '123456' }),
  // Someone else's address: CONFLICT, nothing written (an authz pass all the same).
  'contacts:changeEmail': (c) => ({ email: c.takenEmail }),
  'contacts:sendPhoneCode': () => ({}),
  'contacts:verifyPhone': () => ({ code: '123456' }),
  'contacts:policy': () => ({}),
  'contacts:setPolicy': () => ({ policy: 'email' }),
  'contacts:verifyRequest': (c) => ({ identifier: c.takenUsername, code: '123456' }),
  'contacts:resendRequestCode': (c) => ({ identifier: c.takenUsername }),
  'reset:available': () => ({}),
  'reset:request': (c) => ({ identifier: c.takenUsername }),
  'reset:complete': (c) => ({
    identifier: c.takenUsername,
    code: '0123-4567-89AB-CDEF',
    newPassword: STRONG_PASSWORD,
  }),

  'sms:status': () => ({}),
  'sms:save': () => ({
    baseUrl: 'http://127.0.0.1:9',
    keyId: 'fuzz-key',
    keySecret: 'fuzz-secret',
    templateId: 'fuzz-template',
  }),
  'sms:clear': () => ({}),
  // Not configured, or configured on a closed port: refused either way, after the authz check.
  'sms:sendTest': () => ({ phone: '07700 900123' }),

  'profile:get': () => ({}),
  'profile:update': () => ({ displayName: 'Fuzz Name' }),
  'profile:signIns': () => ({}),
  'profile:sessions': () => ({}),
  'profile:endOtherSessions': () => ({}),
  'audit:verifyChain': () => ({}),
  'secrets:status': () => ({}),
  'secrets:useKeyFile': () => ({}),
  'shifts:current': () => ({}),
  'shifts:open': () => ({ floatCount: [{ value: 1000, quantity: 5 }] }),
  'shifts:cashMovement': (c) => ({
    id: c.uuid,
    kind: 'paidOut',
    amount: 250,
    reason: 'pettyCash',
    note: 'Milk',
  }),
  'shifts:noSale': () => ({ reason: 'Change for a customer' }),
  'shifts:xReport': () => ({}),
  'shifts:close': () => ({
    shiftId: 1,
    countedCash: [{ value: 1000, quantity: 5 }],
    countedOther: [{ type: 'card', amount: 0 }],
    note: 'Fuzz close',
  }),
  'shifts:list': () => ({ limit: 5 }),
  'shifts:zReport': () => ({ id: 1 }),
  'shifts:settings': () => ({}),
  'shifts:updateSettings': () => ({ overShortNoteThreshold: 500 }),
  'shifts:print': () => ({}),
  'shifts:exportPdf': () => ({ zReportId: 1 }),
  'shifts:setDenominations': () => ({ currency: 'CHF', denominations: null }),
  'exports:run': (c) => ({
    jobId: c.uuid,
    from: '2026-11-01',
    to: '2026-11-30',
    format: 'xlsx',
    datasets: ['sales', 'taxRates'],
  }),
  'exports:progress': (c) => ({ jobId: c.uuid }),
  'exports:cancel': (c) => ({ jobId: c.uuid }),
  // Loopback port 9: nothing listens, so a queued job fails at once.
  'printing:listPrinters': () => ({}),
  'printing:savePrinter': () => ({
    name: 'Front desk',
    connection: { type: 'network', host: '127.0.0.1', port: 9 },
    paperWidth: '80mm',
    codepage: 'auto',
    autoPrint: false,
    cashDrawer: false,
    isDefault: true,
  }),
  'printing:deletePrinter': () => ({ id: 1 }),
  'printing:testPage': () => ({ id: 1 }),
  'printing:status': () => ({}),
  'printing:reprintSale': (c) => ({ saleId: c.retail.saleId }),
  'printing:retryJob': () => ({ id: 1 }),
  'backups:status': () => ({}),
  'backups:list': () => ({}),
  'backups:chooseFolder': () => ({}),
  'backups:run': () => ({}),
  // A folder under the system's temp folder, so a fuzz call never writes anywhere else.
  'backups:updateSettings': () => ({ folder: '/tmp/kassa-fuzz-backups', passphrase: null }),
  // No such backup: refused before anything is read.
  'backups:restore': () => ({ location: 'local', name: 'kassa-20260101-000000.kassa-backup' }),
  // Outside safe mode both are refused (CONFLICT) before anything is read.
  'backups:safeModeList': () => ({}),
  'backups:safeModeRestore': () => ({
    name: 'kassa-20260101-000000.kassa-backup',
    username: 'fuzz.member',
    password: 'amber kettle under 9 stars',
  }),
  'categories:list': () => ({ includeArchived: false }),
  'categories:create': (c) => ({ name: `Drinks ${c.unique}`, parentId: null }),
  // No such category in a fresh core: NOT_FOUND, nothing changes.
  'categories:update': () => ({ id: 1, name: 'Hot drinks', parentId: null }),
  'categories:archive': () => ({ id: 1 }),
  // Issue 11, section 2: a correction of +1 on the seeded stock product (harmless, audited).
  'stock:adjust': (c) => ({ productId: c.retail.productId, quantity: 1, reason: 'correction' }),
  'stock:movements': (c) => ({ productId: c.retail.productId }),
  'stock:levels': (c) => ({ productIds: [c.retail.productId] }),
  'stock:lowStock': () => ({}),
  'stock:setReorderLevel': (c) => ({ productId: c.retail.productId, reorderLevel: 2 }),
  'stock:check': () => ({}),
  'stock:settings': () => ({}),
  'stock:updateSettings': () => ({ negativeStock: 'warn' }),
  // The stock take: a count of everything (later calls: CONFLICT), one scan on it, then cancel.
  'stock:startCount': () => ({ categoryId: null }),
  'stock:openCount': () => ({}),
  'stock:setCount': (c) => ({
    countId: 1,
    productId: c.retail.productId,
    quantity: 1,
    mode: 'add',
  }),
  'stock:countSheet': () => ({ countId: 1 }),
  'stock:postCount': () => ({ countId: 1 }),
  'stock:cancelCount': () => ({ countId: 1 }),
  // Issue 11, section 3: suppliers, receiving at cost, purchase orders. No supplier or order in
  // a fresh core: update, archive, get, create, setStatus and receive answer NOT_FOUND.
  'suppliers:list': () => ({ includeArchived: true }),
  'suppliers:create': (c) => ({ name: `Wholesale ${c.unique}`, email: 'orders@example.com' }),
  'suppliers:update': () => ({ id: 1, name: 'Wholesale Ltd' }),
  'suppliers:archive': () => ({ id: 1 }),
  'stock:receive': (c) => ({
    lines: [{ productId: c.retail.productId, quantity: 1, unitCost: 120 }],
  }),
  'purchaseOrders:list': () => ({}),
  'purchaseOrders:get': () => ({ id: 1 }),
  'purchaseOrders:create': (c) => ({
    // Supplier 1 is archived by suppliers:archive before this runs: an unknown one is NOT_FOUND.
    supplierId: 999_999,
    lines: [{ productId: c.retail.productId, quantity: 2, unitCost: 120 }],
  }),
  'purchaseOrders:update': (c) => ({
    id: 1,
    supplierId: 1,
    lines: [{ productId: c.retail.productId, quantity: 3, unitCost: 110 }],
  }),
  'purchaseOrders:candidates': () => ({ search: 'a' }),
  'purchaseOrders:setStatus': () => ({ id: 1, status: 'ordered' }),
  'purchaseOrders:receive': () => ({ id: 1, lines: [{ lineId: 1, quantity: 1 }] }),
  'purchaseOrders:export': () => ({ id: 1, format: 'csv' }),
  'storeServer:test': () => ({ connection: STORE_SERVER }),
  'storeServer:join': () => ({ connection: STORE_SERVER, tillName: 'Till 2' }),
  'storeServer:connection': () => ({}),
  'storeServer:tills': () => ({}),
  'storeServer:retireTill': () => ({ tillId: 2 }),
  'storeServer:change': () => ({ connection: STORE_SERVER }),
  'storeServer:copy': () => ({ connection: STORE_SERVER, tillName: 'Till 1' }),
};

/** The payload maker for `channel`, or undefined when the table has no entry (the tests fail on that). */
export function payloadMaker(channel: string): ((ctx: PayloadContext) => unknown) | undefined {
  return Object.prototype.hasOwnProperty.call(VALID_PAYLOADS, channel)
    ? (VALID_PAYLOADS as Record<string, (ctx: PayloadContext) => unknown>)[channel]
    : undefined;
}

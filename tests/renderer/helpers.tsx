/**
 * Helpers for the renderer tests: a fake `window.api` whose every channel is a vi.fn answering a
 * Result, fixtures for sessions and staff, and `renderApp()` that starts the whole renderer from
 * clean stores.
 */
import { notifications } from '@mantine/notifications';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Mock, vi } from 'vitest';
import type { KassaApi } from '../../shared/api';
import {
  CHANNEL_NAMES,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type ProductView,
  type ReportTill,
  type RoleView,
  type SessionInfo,
  type ShiftFigures,
  type StaffView,
  type StoreChangeTopic,
  type TillSettings,
  type ZReport,
} from '../../shared/contract';
import { defaultDenominations } from '../../shared/denominations';
import type { ErrorCode, Result, ValidationIssue } from '../../shared/errors';
import { BUILT_IN_ROLES, type Permission, permissionsOf } from '../../shared/permissions';
import { App } from '../../renderer/src/App';
import {
  connectStores,
  useAuditStore,
  useNavigationStore,
  useReauthStore,
  useSessionStore,
  useSettingsStore,
  useStaffStore,
  useStorageStore,
} from '../../renderer/src/stores';
import { useCartStore } from '../../renderer/src/stores/cart';
import { useCartTakeoverStore } from '../../renderer/src/stores/cart-takeover';
import { useCustomersStore } from '../../renderer/src/stores/customers';
import { useProductsStore } from '../../renderer/src/stores/products';
import { useReportsStore } from '../../renderer/src/stores/reports';
import { useAnalyticsStore } from '../../renderer/src/stores/analytics';
import { useCategoriesStore } from '../../renderer/src/stores/categories';
import { useStockStore } from '../../renderer/src/features/stock/stock-store';
import { useShiftsStore } from '../../renderer/src/stores/shifts';
import { initialSessionState } from '../../renderer/src/stores/session';
import { useTransactionsStore } from '../../renderer/src/stores/transactions';
import { unfollowStoreChanges } from '../../renderer/src/stores/store-changes';

export type ChannelMock<C extends ChannelName> = Mock<
  (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
>;
export type FakeApi = { [C in ChannelName]: ChannelMock<C> };

export const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
export const fail = (
  code: ErrorCode,
  message = `core says ${code}`,
  issues?: ValidationIssue[],
): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export const TILL = 'Front counter';

/** The store details of TillSettings (receipt header and footer, tax, locale), set up. */
/** A store server's two tills, as `reports:tills` answers them (by name): the Till filter shows. */
export const TWO_TILLS: ReportTill[] = [
  { id: 2, name: 'Back till', retiredAt: null },
  { id: 1, name: 'Front till', retiredAt: null },
];

export const STORE_DETAILS = {
  storeAddress: '1 High Street\nLeeds LS1 1AA',
  taxNumber: 'GB123456789',
  country: 'GB',
  defaultTaxRateBps: 2000,
  receiptFooter: 'Thank you for shopping with us',
  locale: 'en-GB',
  storeSetUp: true,
  customerDisplay: true,
} as const;

/** A set-up GBP shop in London, as `settings:get` answers it (the stock and receiving tests). */
export const SHOP_SETTINGS: TillSettings = {
  terminalName: TILL,
  ...STORE_DETAILS,
  idleLockMinutes: 5,
  storeName: 'Corner Shop',
  currency: 'GBP',
  currencyExponent: 2,
  pricesIncludeTax: true,
  timeZone: 'Europe/London',
  maxDiscountBps: 5000,
};

/** A listed product: SKU-<id>, £5.00 at 20 %, active, no category (a stock item by default). */
export function productView(
  id: number,
  name: string,
  kind: ProductView['kind'] = 'stock',
): ProductView {
  const at = '2026-11-20T09:00:00.000Z';
  return {
    ...{ id, sku: `SKU-${id}`, barcode: null, name, price: 500, taxRateBps: 2000, kind },
    ...{ active: true, openPrice: false, archived: false, createdAt: at, updatedAt: at },
    categoryId: null,
  };
}

/** Opens the Products screen's Stock menu and picks `item` (Receive stock, Suppliers...). */
export async function pickStockMenu(
  user: ReturnType<typeof userEvent.setup>,
  item: string | RegExp,
): Promise<void> {
  await user.click(await screen.findByRole('button', { name: /^Stock(,|$)/ }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

/** The shift settings the fake core answers unless a test says otherwise (no shift needed). */
export const SHIFT_SETTINGS: ChannelOutput<'shifts:settings'> = {
  requireOpenShift: false,
  overShortNoteThreshold: 500,
  currency: 'GBP',
  denominations: defaultDenominations('GBP'),
  denominationsEdited: false,
};

/** An X report of Tom Baker's shift 12: £150 float, £100.50 cash, £84 card → £250.50 cash expected. */
export const SHIFT_FIGURES: ShiftFigures = {
  shiftId: 12,
  tillName: TILL,
  currency: 'GBP',
  openedBy: { id: 3, name: 'Tom Baker' },
  openedAt: '2026-11-23T08:00:00.000Z',
  asOf: '2026-11-23T17:00:00.000Z',
  salesCount: 9,
  gross: 18450,
  discount: 0,
  refundsCount: 0,
  refunds: 0,
  voidsCount: 0,
  voids: 0,
  net: 18450,
  tax: 3075,
  taxByRate: [{ rateBps: 2000, gross: 18450, tax: 3075 }],
  byTender: [
    { type: 'cash', amount: 10050, count: 5 },
    { type: 'card', amount: 8400, count: 4 },
  ],
  float: 15000,
  paidInCount: 0,
  paidIn: 0,
  paidOutCount: 0,
  paidOut: 0,
  noSaleCount: 0,
  expectedCash: 25050,
  firstReceiptNo: 101,
  lastReceiptNo: 109,
  cashMovements: [],
};

/** Z report 7: SHIFT_FIGURES closed by Jonas Weber at 17:01 with `counted` cash (minor units). */
export function zReportFor(counted: number, note: string | null): ZReport {
  return {
    ...SHIFT_FIGURES,
    id: 7,
    zNo: 7,
    closedBy: { id: 2, name: 'Jonas Weber' },
    closedAt: '2026-11-23T17:01:00.000Z',
    countedCash: [{ value: 5000, quantity: 5 }],
    reconciliation: [
      { type: 'cash', expected: 25050, counted, overShort: counted - 25050 },
      { type: 'card', expected: 8400, counted: 8400, overShort: 0 },
    ],
    overShort: counted - 25050,
    note,
    grandTotal: 1_234_500,
  };
}

/** app:status's integrity field on a sound till. */
export const SOUND: ChannelOutput<'app:status'>['integrity'] = {
  safeModeReason: null,
  auditChain: { state: 'ok', detail: null },
  lastFullCheck: null,
};

/** A fake window.api: app:status says set up, no session; every other channel fails until a test answers it. */
export function createFakeApi(): FakeApi {
  const api: Partial<Record<ChannelName, Mock>> = {};
  for (const name of CHANNEL_NAMES)
    api[name] = vi.fn(async () => fail('INTERNAL', `${name} is not faked in this test`));
  const fake = api as FakeApi;
  fake['app:status'].mockResolvedValue(
    ok({
      setupRequired: false,
      terminalName: TILL,
      safeMode: false,
      integrity: SOUND,
      storage: { ok: true },
    }),
  );
  fake['auth:session'].mockResolvedValue(ok({ session: null }));
  fake['auth:activity'].mockResolvedValue(
    ok({ idleLocksAt: new Date(Date.now() + 300_000).toISOString() }),
  );
  fake['auth:logout'].mockResolvedValue(ok({}));
  // As makeTestCore and the e2e harness: no shift open, and sales do not need one.
  fake['shifts:current'].mockResolvedValue(ok(null));
  fake['shifts:settings'].mockResolvedValue(ok(SHIFT_SETTINGS));
  fake['shifts:list'].mockResolvedValue(ok({ items: [], total: 0 }));
  fake['categories:list'].mockResolvedValue(ok({ items: [] }));
  return fake;
}

/**
 * Gives `api` the shell's store-change subscription (`window.api.onStoreChange`); `change(topic)`
 * is the shell's event, as when another till changed the catalogue, settings or staff.
 */
export function withStoreChanges(api: FakeApi) {
  let listener: ((topic: StoreChangeTopic) => void) | null = null;
  const onStoreChange = vi.fn((l: (topic: StoreChangeTopic) => void) => {
    listener = l;
    return () => {
      listener = null;
    };
  });
  const change = (topic: StoreChangeTopic) => act(() => listener?.(topic));
  return { api: Object.assign(api, { onStoreChange }), change, onStoreChange };
}

/** A session of a member with `role`'s built-in permissions (or the ones given). */
export function sessionFor(
  role: 'admin' | 'manager' | 'cashier',
  overrides: Partial<SessionInfo> & { permissions?: Permission[] } = {},
): SessionInfo {
  const names: Record<typeof role, [number, string, string]> = {
    admin: [1, 'amira', 'Amira Haddad'],
    manager: [2, 'jonas', 'Jonas Weber'],
    cashier: [3, 'tom', 'Tom Baker'],
  };
  const [id, username, displayName] = names[role];
  return {
    staff: { id, username, displayName, role, roleName: role[0]!.toUpperCase() + role.slice(1) },
    permissions: [...permissionsOf(role)],
    locked: false,
    mustChangePassword: false,
    idleLockMinutes: 5,
    expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
    ...overrides,
  };
}

let nextStaffId = 100;
/** A staff member as `staff:list` returns it. */
export function staffMember(overrides: Partial<StaffView> = {}): StaffView {
  const id = overrides.id ?? nextStaffId++;
  const role = overrides.role ?? 'cashier';
  return {
    id,
    username: `member${id}`,
    email: `member${id}@shop.example`,
    displayName: `Member ${id}`,
    status: 'active',
    rejected: false,
    role,
    roleName: BUILT_IN_ROLES.find((r) => r.id === role)?.name ?? role,
    mustChangePassword: false,
    failedLoginCount: 0,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    emailVerifiedAt: null,
    phoneVerifiedAt: null,
    ...overrides,
  };
}

export const ROLES: RoleView[] = BUILT_IN_ROLES.map((r) => ({
  id: r.id,
  name: r.name,
  locked: r.id === 'admin',
  permissions: [...r.permissions],
  memberCount: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
}));

/** Puts every store back to its first state. */
export function resetStores(): void {
  useReauthStore.getState().cancel();
  useSessionStore.setState(initialSessionState);
  useStaffStore.getState().reset();
  useAuditStore.getState().reset();
  useSettingsStore.getState().reset();
  useNavigationStore.getState().reset();
  useCartStore.getState().reset();
  useCartTakeoverStore.getState().reset();
  useCustomersStore.getState().reset();
  useProductsStore.getState().reset();
  useReportsStore.getState().reset();
  useAnalyticsStore.getState().reset();
  useStockStore.getState().reset();
  useCategoriesStore.getState().reset();
  useTransactionsStore.getState().reset();
  useShiftsStore.getState().reset();
  useStorageStore.getState().setWritable(true);
  // connectStores follows the store changes of the window.api installed now.
  unfollowStoreChanges();
  connectStores();
}

export interface RenderAppOptions {
  /** Options for user-event, e.g. `advanceTimers` with fake timers. */
  user?: Parameters<typeof userEvent.setup>[0];
}

/** Installs `api` as window.api and renders the whole renderer from clean stores. */
export function renderApp(api: FakeApi, options: RenderAppOptions = {}) {
  act(() => notifications.clean());
  window.api = api satisfies KassaApi;
  resetStores();
  const user = userEvent.setup({ delay: null, ...options.user });
  const view = render(<App env="test" />);
  return { user, ...view };
}

/**
 * Fixtures for the checkout renderer tests: a small catalogue, a fake core that prices carts as
 * the core does (inclusive tax) and records sales, and `openCheckout()` that signs a cashier in
 * and waits for the focused scan field.
 */
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type {
  Cart,
  CustomerView,
  ProductView,
  Quote,
  SaleDetail,
  TillSettings,
} from '../../shared/contract';
import { priceSale } from '../../shared/money';
import {
  createFakeApi,
  type FakeApi,
  ok,
  renderApp,
  sessionFor,
  STORE_DETAILS,
  TILL,
} from './helpers';

export const SETTINGS: TillSettings = {
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

export function product(
  id: number,
  name: string,
  price: number,
  barcode: string | null,
): ProductView {
  return {
    id,
    sku: `SKU-${id}`,
    barcode,
    name,
    price,
    taxRateBps: 2000,
    kind: 'stock',
    active: true,
    openPrice: false,
    categoryId: null,
    archived: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  };
}

export const mug = product(1, 'Red mug', 450, '5000001');
export const towel = product(2, 'Tea towel', 300, '5000002');
export const candleLarge = product(3, 'Candle large', 1200, null);
export const candleSmall = product(4, 'Candle small', 800, null);
export const CATALOG = [mug, towel, candleLarge, candleSmall];

export const ada: CustomerView = {
  id: 7,
  name: 'Ada Lovelace',
  email: 'ada@mail.example',
  phone: null,
  country: null,
  notes: null,
  externalRef: null,
  archived: false,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
};

/** Prices a cart the way the core does (inclusive tax), from the fake catalogue. */
export function quoteOf(cart: Cart): Quote {
  const products = cart.lines.map((l) => CATALOG.find((p) => p.id === l.productId)!);
  const priced = priceSale(
    cart.lines.map((l, i) => ({
      unitPrice: products[i]!.price,
      quantity: l.quantity,
      taxRateBps: 2000,
      lineDiscount: 0,
    })),
    cart.discount,
    true,
  );
  return {
    lines: priced.lines.map((l, i) => ({
      productId: products[i]!.id,
      sku: products[i]!.sku,
      description: products[i]!.name,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      taxRateBps: 2000,
      discount: l.discount,
      tax: l.tax,
      total: l.total,
      onHand: null,
    })),
    subtotal: priced.subtotal,
    discount: priced.discount,
    tax: priced.tax,
    total: priced.total,
    currency: 'GBP',
    pricesIncludeTax: true,
  };
}

export function saleFrom(
  input: Cart & { id: string; tenders: { type: 'cash' | 'card' | 'other'; amount: number }[] },
): SaleDetail {
  const q = quoteOf(input);
  const nonCash = input.tenders.filter((t) => t.type !== 'cash').reduce((a, t) => a + t.amount, 0);
  const cash = input.tenders.filter((t) => t.type === 'cash').reduce((a, t) => a + t.amount, 0);
  const dueInCash = q.total - nonCash;
  return {
    id: 40,
    uuid: input.id,
    receiptNo: 17,
    tillName: TILL,
    kind: 'sale',
    status: 'completed',
    staff: { id: 3, name: 'Tom Baker' },
    customer: input.customerId ? { id: 7, name: 'Ada Lovelace' } : null,
    currency: 'GBP',
    total: q.total,
    createdAt: '2026-11-23T10:15:00.000Z',
    subtotal: q.subtotal,
    discount: q.discount,
    tax: q.tax,
    pricesIncludeTax: true,
    note: null,
    source: 'till',
    externalRef: null,
    refundOf: null,
    lines: q.lines.map((l, i) => ({
      ...l,
      id: 100 + i,
      lineNo: i + 1,
      refundedQuantity: 0,
      refundOfLineId: null,
    })),
    tenders: [
      ...input.tenders
        .filter((t) => t.type !== 'cash')
        .map((t) => ({ type: t.type, amount: t.amount, tendered: null, change: null })),
      ...(cash > 0
        ? [{ type: 'cash' as const, amount: dueInCash, tendered: cash, change: cash - dueInCash }]
        : []),
    ],
    void: null,
    refunds: [],
    voidable: true,
  };
}

export async function openCheckout(api: FakeApi = createFakeApi()) {
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['sales:parkedList'].mockResolvedValue(ok([]));
  api['products:lookup'].mockImplementation(async (input) =>
    ok({
      product: CATALOG.find((p) => p.barcode === input?.code || p.sku === input?.code) ?? null,
    }),
  );
  api['products:list'].mockImplementation(async (input) => {
    const s = (input?.search ?? '').toLowerCase();
    const items = CATALOG.filter((p) => p.name.toLowerCase().includes(s));
    return ok({ items, total: items.length });
  });
  api['sales:quote'].mockImplementation(async (input) => ok(quoteOf(input!)));
  api['sales:checkout'].mockImplementation(async (input) => ok(saleFrom(input!)));
  api['customers:search'].mockResolvedValue(ok({ items: [ada], hasMore: false }));
  const rendered = renderApp(api);
  const scan = await screen.findByLabelText('Scan or search products');
  await waitFor(() => expect(scan).toHaveFocus());
  return { api, scan, ...rendered };
}

export const lastQuote = (api: FakeApi) => api['sales:quote'].mock.calls.at(-1)?.[0];
export const cartTable = () => screen.getByRole('table', { name: 'Cart' });
/**
 * The cart's table once it is there: an empty cart shows no table, so after a scan into one the
 * table comes with the first line, when the lookup has answered (later under load).
 */
export const findCartTable = () => screen.findByRole('table', { name: 'Cart' });
export const totalDue = () => screen.getByLabelText('Total due');

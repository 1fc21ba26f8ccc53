import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  CustomerView,
  SaleDetail,
  SaleLineView,
  SaleSummary,
  TillSettings,
} from '../../shared/contract';
import type { RoleId } from '../../shared/permissions';
import {
  TRANSACTIONS_PAGE_SIZE,
  useTransactionsStore,
} from '../../renderer/src/stores/transactions';
import { createFakeApi, fail, ok, renderApp, sessionFor, staffMember, TILL } from './helpers';

// Days are picked in local time: pin the zone so the UTC bounds are known (CET, UTC+1 in November).
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

const SETTINGS: TillSettings = {
  terminalName: TILL,
  idleLockMinutes: 5,
  storeName: 'Corner Shop',
  currency: 'GBP',
  currencyExponent: 2,
  pricesIncludeTax: true,
  timeZone: 'Europe/Berlin',
};

function summary(id: number, overrides: Partial<SaleSummary> = {}): SaleSummary {
  return {
    id,
    uuid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    receiptNo: id,
    tillName: TILL,
    kind: 'sale',
    status: 'completed',
    staff: { id: 3, name: 'Tom Baker' },
    customer: null,
    currency: 'GBP',
    total: 1500,
    createdAt: '2026-11-23T10:15:00.000Z',
    ...overrides,
  };
}

function line(id: number, overrides: Partial<SaleLineView> = {}): SaleLineView {
  return {
    id,
    lineNo: id,
    productId: id,
    sku: `SKU-${id}`,
    description: `Item ${id}`,
    unitPrice: 500,
    quantity: 1,
    taxRateBps: 2000,
    discount: 0,
    tax: 83,
    total: 500,
    refundedQuantity: 0,
    refundOfLineId: null,
    ...overrides,
  };
}

function detailOf(s: SaleSummary, overrides: Partial<SaleDetail> = {}): SaleDetail {
  return {
    ...s,
    subtotal: s.total,
    discount: 0,
    tax: 250,
    pricesIncludeTax: true,
    note: null,
    source: 'till',
    externalRef: null,
    refundOf: null,
    lines: [line(1, { total: s.total, unitPrice: s.total })],
    tenders: [{ type: 'cash', amount: s.total, tendered: s.total, change: 0 }],
    void: null,
    refunds: [],
    voidable: true,
    ...overrides,
  };
}

const ada: CustomerView = {
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

/** Sale 12: three mugs (one refunded already) and a tea towel, paid by card. */
const sale12 = summary(12, { total: 3600, customer: { id: 7, name: 'Ada Lovelace' } });
const detail12 = detailOf(sale12, {
  lines: [
    line(21, {
      description: '  WHITE HANGING HEART   T-LIGHT HOLDER ',
      sku: '85123A',
      quantity: 3,
      unitPrice: 1000,
      total: 3000,
      refundedQuantity: 1,
    }),
    line(22, { description: 'Tea towel', sku: 'TT-1', quantity: 2, unitPrice: 300, total: 600 }),
  ],
  tenders: [
    { type: 'cash', amount: 600, tendered: 1000, change: 400 },
    { type: 'card', amount: 3000, tendered: null, change: null },
  ],
  refunds: [
    {
      id: 13,
      receiptNo: 13,
      total: -1000,
      status: 'completed',
      createdAt: '2026-11-23T11:00:00.000Z',
    },
  ],
  voidable: false,
  note: 'Gift wrap',
});
const refund13 = summary(13, {
  kind: 'refund',
  total: -1000,
  createdAt: '2026-11-23T11:00:00.000Z',
});
const detail13 = detailOf(refund13, {
  refundOf: { id: 12, receiptNo: 12, tillName: TILL },
  lines: [line(31, { quantity: -1, total: -1000, refundOfLineId: 21 })],
  tenders: [{ type: 'card', amount: -1000, tendered: null, change: null }],
  voidable: false,
});
const voided11 = summary(11, { status: 'voided', total: 990 });
const sale10 = summary(10, { total: 450, createdAt: '2026-11-23T09:00:00.000Z' });
const detail10 = detailOf(sale10);

async function openTransactions(
  role: RoleId = 'manager',
  items = [refund13, sale12, voided11],
  api = createFakeApi(),
  nextCursor: { createdAt: string; id: number } | null = null,
) {
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['staff:list'].mockResolvedValue(
    ok({
      items: [
        staffMember({ id: 3, displayName: 'Tom Baker' }),
        staffMember({ id: 2, displayName: 'Jonas Weber', role: 'manager' }),
      ],
      total: 2,
    }),
  );
  api['sales:list'].mockResolvedValue(ok({ items, nextCursor }));
  api['sales:get'].mockImplementation(async (input) => {
    const found = { 10: detail10, 12: detail12, 13: detail13 }[input?.id ?? 0];
    return found ? ok(found) : fail('NOT_FOUND');
  });
  api['customers:search'].mockResolvedValue(ok({ items: [ada], hasMore: false }));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Transactions' }));
  await screen.findByRole('table', { name: 'Transactions' });
  const lastList = () => api['sales:list'].mock.calls.at(-1)?.[0];
  return { api, lastList, ...rendered };
}

const table = () => screen.getByRole('table', { name: 'Transactions' });
const detailRegion = () => screen.getByRole('region', { name: 'Sale detail' });
const rowOf = (receiptNo: number) => {
  const button = within(table()).getByRole('button', { name: new RegExp(`receipt ${receiptNo} `) });
  const row = button.closest('tr');
  if (!row) throw new Error(`no row for ${receiptNo}`);
  return row;
};

/** Monday 23 November 2026, 15:00 in Berlin. */
const NOW = new Date('2026-11-23T14:00:00.000Z');
const TODAY = { from: '2026-11-22T23:00:00.000Z', to: '2026-11-23T23:00:00.000Z' };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  useTransactionsStore.getState().reset();
});
afterEach(() => vi.useRealTimers());

describe('transactions screen', () => {
  it("lists today's sales (local midnight to midnight, sent as UTC) with kind, status and totals", async () => {
    const { api } = await openTransactions();
    expect(api['sales:list']).toHaveBeenCalledWith({ ...TODAY, limit: TRANSACTIONS_PAGE_SIZE });
    expect(screen.getByLabelText('From')).toHaveValue('2026-11-23');
    expect(screen.getByLabelText('To')).toHaveValue('2026-11-23');

    const refundRow = rowOf(13);
    expect(within(refundRow).getByText('Refund')).toBeInTheDocument();
    expect(within(refundRow).getByText('-£10.00')).toHaveClass('k-tx-negative');
    expect(within(refundRow).getByText('Walk-in')).toBeInTheDocument();
    expect(within(rowOf(12)).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(rowOf(12)).getByText('£36.00')).toBeInTheDocument();
    expect(within(rowOf(11)).getByText('Voided')).toBeInTheDocument();
    expect(within(rowOf(11)).getByText('Tom Baker')).toBeInTheDocument();
  });

  it('sends the UTC bounds of the chosen local days', async () => {
    const { lastList } = await openTransactions();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-20' } });
    await waitFor(() =>
      expect(lastList()).toEqual({
        from: '2026-11-19T23:00:00.000Z',
        to: TODAY.to,
        limit: TRANSACTIONS_PAGE_SIZE,
      }),
    );
    // Across the end of summer time: 25 October is 25 hours long in Berlin.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-25' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-25' } });
    await waitFor(() =>
      expect(lastList()).toEqual({
        from: '2026-10-24T22:00:00.000Z',
        to: '2026-10-25T23:00:00.000Z',
        limit: TRANSACTIONS_PAGE_SIZE,
      }),
    );
  });

  it('does not ask the core for a range that ends before it starts', async () => {
    const { api } = await openTransactions();
    const calls = api['sales:list'].mock.calls.length;
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-20' } });
    expect(
      await screen.findByText('The first day must be on or before the last day'),
    ).toBeInTheDocument();
    expect(api['sales:list']).toHaveBeenCalledTimes(calls);
  });

  it('Load more sends the cursor of the last row with the same filters and appends', async () => {
    const cursor = { createdAt: voided11.createdAt, id: 11 };
    const api = createFakeApi();
    const { user, lastList } = await openTransactions(
      'manager',
      [refund13, sale12, voided11],
      api,
      cursor,
    );
    api['sales:list'].mockResolvedValueOnce(ok({ items: [sale10], nextCursor: null }));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rowOf(10)).toBeInTheDocument());
    expect(lastList()).toEqual({ ...TODAY, limit: TRANSACTIONS_PAGE_SIZE, cursor });
    expect(within(table()).getAllByRole('row')).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  CustomerView,
  SaleDetail,
  SaleLineView,
  SaleSummary,
  TillSettings,
} from '../../shared/contract';
type RoleId = 'admin' | 'manager' | 'cashier';
import { setLocale } from '../../renderer/src/i18n';
import { useNavigationStore } from '../../renderer/src/stores/navigation';
import {
  TRANSACTIONS_PAGE_SIZE,
  useTransactionsStore,
} from '../../renderer/src/stores/transactions';
import {
  createFakeApi,
  fail,
  ok,
  renderApp,
  sessionFor,
  staffMember,
  TILL,
  STORE_DETAILS,
  TWO_TILLS,
} from './helpers';

// Issue 7 §10: this computer is in Auckland, where it is already Tuesday the 24th, while the store
// (and so the core) is in Berlin, where it is Monday the 23rd. The renderer must use the core's day.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Auckland';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

const SETTINGS: TillSettings = {
  terminalName: TILL,
  ...STORE_DETAILS,
  idleLockMinutes: 5,
  storeName: 'Corner Shop',
  currency: 'GBP',
  currencyExponent: 2,
  pricesIncludeTax: true,
  timeZone: 'Europe/Berlin',
  maxDiscountBps: 5000,
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
const detail11 = detailOf(voided11, { voidable: false });
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
  api['reports:today'].mockResolvedValue(ok({ date: '2026-11-23', timeZone: 'Europe/Berlin' }));
  api['sales:list'].mockResolvedValue(ok({ items, nextCursor }));
  api['sales:get'].mockImplementation(async (input) => {
    const found = { 10: detail10, 11: detail11, 12: detail12, 13: detail13 }[input?.id ?? 0];
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

/** Monday 23 November 2026, 15:00 in Berlin (the store); already 03:00 on Tuesday in Auckland. */
const NOW = new Date('2026-11-23T14:00:00.000Z');
/** Today as the core says it is: a business day, sent as it is. */
const TODAY = { fromDay: '2026-11-23', toDay: '2026-11-23' };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  useTransactionsStore.getState().reset();
});
afterEach(() => vi.useRealTimers());

describe('transactions screen', () => {
  it("lists today's sales (the core's business day, not this computer's) with kind, status and totals", async () => {
    expect(new Date().getDate()).toBe(24); // this process really is in Auckland
    const { api } = await openTransactions();
    expect(api['reports:today']).toHaveBeenCalledWith({});
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

  it('sends the chosen business days as they are; the core turns them into times', async () => {
    const { lastList } = await openTransactions();
    expect(screen.getByLabelText('From')).toHaveAttribute('max', '2026-11-23');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-20' } });
    await waitFor(() =>
      expect(lastList()).toEqual({
        fromDay: '2026-11-20',
        toDay: '2026-11-23',
        limit: TRANSACTIONS_PAGE_SIZE,
      }),
    );
    // Across the end of summer time (25 October, 25 hours long in Berlin): still just the day.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-25' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-25' } });
    await waitFor(() =>
      expect(lastList()).toEqual({
        fromDay: '2026-10-25',
        toDay: '2026-10-25',
        limit: TRANSACTIONS_PAGE_SIZE,
      }),
    );
    // "Today" goes back to the core's day, not Auckland's.
    fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() => expect(lastList()).toEqual({ ...TODAY, limit: TRANSACTIONS_PAGE_SIZE }));
  });

  it("shows the core's refusal when it cannot say which day it is, and lists nothing", async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['reports:today'].mockResolvedValue(fail('INTERNAL'));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Transactions' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Something went wrong/);
    expect(api['sales:list']).not.toHaveBeenCalled();
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

  it('filters change the request: status, kind, staff, customer and receipt number', async () => {
    const { user, lastList } = await openTransactions();

    await user.click(screen.getByLabelText('Status', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Voided' }));
    await waitFor(() => expect(lastList()).toMatchObject({ status: 'voided' }));

    await user.click(screen.getByLabelText('Kind', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Refunds' }));
    await waitFor(() => expect(lastList()).toMatchObject({ status: 'voided', kind: 'refund' }));

    await user.click(screen.getByLabelText('Staff', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Jonas Weber' }));
    await waitFor(() => expect(lastList()).toMatchObject({ staffId: 2 }));

    await user.click(screen.getByLabelText('Customer', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    await waitFor(() => expect(lastList()).toMatchObject({ customerId: 7 }));

    await user.type(screen.getByRole('textbox', { name: 'Receipt number' }), '12');
    await waitFor(() =>
      expect(lastList()).toEqual({
        ...TODAY,
        limit: TRANSACTIONS_PAGE_SIZE,
        status: 'voided',
        kind: 'refund',
        staffId: 2,
        customerId: 7,
        receiptNo: 12,
      }),
    );

    await user.clear(screen.getByRole('textbox', { name: 'Receipt number' }));
    await user.type(screen.getByRole('textbox', { name: 'Receipt number' }), '12a');
    expect(
      await screen.findByText('Enter the receipt number in digits, e.g. 42'),
    ).toBeInTheDocument();
  });

  it('on a store with several tills the Till filter lists them, retired ones marked, and sends the till', async () => {
    const api = createFakeApi();
    const retired = { id: 3, name: 'Old till', retiredAt: '2026-10-01T10:00:00.000Z' };
    api['reports:tills'].mockResolvedValue(ok({ items: [...TWO_TILLS, retired] }));
    const { user, lastList } = await openTransactions('manager', undefined, api);
    await user.click(await screen.findByLabelText('Till', { selector: 'input' }));
    expect(await screen.findByRole('option', { name: 'Old till (retired)' })).toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: 'Back till' }));
    await waitFor(() => expect(lastList()).toMatchObject({ tillId: 2 }));
    await user.click(screen.getByLabelText('Till', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'All tills' }));
    await waitFor(() => expect(lastList()).toEqual({ ...TODAY, limit: TRANSACTIONS_PAGE_SIZE }));
  });

  it('a till of its own has no Till filter', async () => {
    const api = createFakeApi();
    api['reports:tills'].mockResolvedValue(
      ok({ items: [{ id: 1, name: 'Front till', retiredAt: null }] }),
    );
    await openTransactions('manager', undefined, api);
    await waitFor(() => expect(api['reports:tills']).toHaveBeenCalledWith({}));
    expect(screen.queryByLabelText('Till', { selector: 'input' })).not.toBeInTheDocument();
  });

  it('a cashier has no staff filter and no void, refund or edit (sales.annotate), but can open and print', async () => {
    const { api, user } = await openTransactions('cashier');
    expect(screen.queryByLabelText('Staff', { selector: 'input' })).not.toBeInTheDocument();
    expect(api['staff:list']).not.toHaveBeenCalled();
    // They see only their own sales, on every till: nothing to choose, and no till list asked for.
    expect(api['reports:tills']).not.toHaveBeenCalled();
    await user.click(within(rowOf(12)).getByText('Ada Lovelace'));
    const region = await screen.findByRole('region', { name: 'Sale detail' });
    await within(region).findByRole('table', { name: 'Line items' });
    expect(within(region).getByRole('button', { name: 'Print receipt' })).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Void sale' })).not.toBeInTheDocument();
  });

  it('a voided sale has no Edit, even for a manager', async () => {
    const { user } = await openTransactions('manager');
    await user.click(within(table()).getByRole('button', { name: /receipt 11 / }));
    const region = detailRegion();
    await within(region).findByRole('table', { name: 'Line items' });
    expect(within(region).getByRole('button', { name: 'Print receipt' })).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('opens a sale: lines, tenders, refunds, and the refund links back to its sale', async () => {
    const { api, user } = await openTransactions();
    await user.click(within(table()).getByRole('button', { name: /receipt 12 / }));
    expect(api['sales:get']).toHaveBeenCalledWith({ id: 12 });
    const region = detailRegion();
    const lines = await within(region).findByRole('table', { name: 'Line items' });
    expect(within(lines).getByText('WHITE HANGING HEART T-LIGHT HOLDER')).toBeInTheDocument();
    expect(within(lines).getByText(/1 refunded/)).toBeInTheDocument();
    const tenders = within(region).getByRole('table', { name: 'Tenders' });
    expect(within(tenders).getByText(/Tendered £10\.00 · change £4\.00/)).toBeInTheDocument();
    expect(within(region).getByText('Gift wrap')).toBeInTheDocument();
    // Not voidable (it has a refund), but refundable.
    expect(within(region).queryByRole('button', { name: 'Void sale' })).not.toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Refund' })).toBeInTheDocument();

    await user.click(within(region).getByRole('button', { name: 'Refund #13' }));
    await waitFor(() => expect(api['sales:get']).toHaveBeenLastCalledWith({ id: 13 }));
    expect(await within(detailRegion()).findByText('Refund of')).toBeInTheDocument();
    await user.click(within(detailRegion()).getByRole('button', { name: /receipt #12/ }));
    await waitFor(() => expect(api['sales:get']).toHaveBeenLastCalledWith({ id: 12 }));
  });

  it('void needs a reason, then calls sales:void and reloads; VOID_NOT_ALLOWED shows in the dialog', async () => {
    const { api, user } = await openTransactions('manager', [sale10]);
    await user.click(within(table()).getByRole('button', { name: /receipt 10 / }));
    await user.click(await within(detailRegion()).findByRole('button', { name: 'Void sale' }));
    const dialog = await screen.findByRole('dialog', { name: 'Void sale' });

    await user.click(within(dialog).getByRole('button', { name: 'Void now' }));
    expect(await within(dialog).findByText('Say why the sale is voided')).toBeInTheDocument();
    expect(api['sales:void']).not.toHaveBeenCalled();

    api['sales:void'].mockResolvedValueOnce(fail('VOID_NOT_ALLOWED'));
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Rang up twice');
    await user.click(within(dialog).getByRole('button', { name: 'Void now' }));
    expect(
      await within(dialog).findByText('This sale can no longer be voided; use a refund instead.'),
    ).toBeInTheDocument();

    const voided = { ...detail10, status: 'voided' as const, voidable: false };
    api['sales:void'].mockResolvedValueOnce(ok(voided));
    const lists = api['sales:list'].mock.calls.length;
    await user.click(within(dialog).getByRole('button', { name: 'Void now' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Void sale' })).not.toBeInTheDocument(),
    );
    expect(api['sales:void']).toHaveBeenLastCalledWith({ id: 10, reason: 'Rang up twice' });
    expect(api['sales:list'].mock.calls.length).toBeGreaterThan(lists);
    expect(await screen.findByText('Sale #10 was voided.')).toBeInTheDocument();
  });

  it('refund caps each line at what is left, sends lineId/quantity pairs with one uuid, and shows REFUND_LIMIT', async () => {
    const { api, user } = await openTransactions();
    await user.click(within(table()).getByRole('button', { name: /receipt 12 / }));
    await user.click(await within(detailRegion()).findByRole('button', { name: 'Refund' }));
    const dialog = await screen.findByRole('dialog', { name: 'Refund' });
    const holder = within(dialog).getByRole('textbox', {
      name: 'Refund quantity of WHITE HANGING HEART T-LIGHT HOLDER',
    });
    const towel = within(dialog).getByRole('textbox', { name: 'Refund quantity of Tea towel' });
    // Defaults to the tender that paid most of the sale.
    expect(within(dialog).getByLabelText('Refund to', { selector: 'input' })).toHaveValue('Card');

    await user.click(within(dialog).getByRole('button', { name: 'Refund now' }));
    expect(
      await within(dialog).findByText('Choose at least one item to refund'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Say why the items are refunded')).toBeInTheDocument();
    expect(api['sales:refund']).not.toHaveBeenCalled();

    // 3 sold, 1 already refunded: at most 2.
    await user.clear(holder);
    await user.type(holder, '5');
    await waitFor(() => expect(holder).toHaveValue('2'));
    await user.clear(towel);
    await user.type(towel, '1');
    expect(within(dialog).getByRole('group', { name: 'Estimated refund' })).toHaveTextContent(
      '£23.00',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Chipped');

    api['sales:refund'].mockResolvedValueOnce(fail('REFUND_LIMIT'));
    await user.click(within(dialog).getByRole('button', { name: 'Refund now' }));
    expect(
      await within(dialog).findByText('That is more than can still be refunded on this sale.'),
    ).toBeInTheDocument();
    const first = api['sales:refund'].mock.calls[0]?.[0];
    expect(first).toEqual({
      saleId: 12,
      refundId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      lines: [
        { lineId: 21, quantity: 2 },
        { lineId: 22, quantity: 1 },
      ],
      tender: 'card',
      reason: 'Chipped',
      restock: true,
    });

    // "All" takes everything still refundable; a retry keeps the same refund id. Unticking
    // "back in stock" writes the goods off (issue 11, section 2).
    await user.click(within(dialog).getByRole('button', { name: 'All' }));
    expect(towel).toHaveValue('2');
    await user.click(within(dialog).getByLabelText('Refund to', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Cash' }));
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Put the returned items back in stock' }),
    );
    api['sales:refund'].mockResolvedValueOnce(
      ok({ ...detail13, receiptNo: 14, id: 14, total: -2600 }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Refund now' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Refund' })).not.toBeInTheDocument(),
    );
    const second = api['sales:refund'].mock.calls[1]?.[0];
    expect(second).toMatchObject({
      refundId: first?.refundId,
      lines: [
        { lineId: 21, quantity: 2 },
        { lineId: 22, quantity: 2 },
      ],
      tender: 'cash',
      restock: false,
    });
    expect(
      await screen.findByText(/Refund #14 recorded: £26\.00 back by cash/),
    ).toBeInTheDocument();
    expect(api['sales:get']).toHaveBeenLastCalledWith({ id: 12 });
  });

  it('Edit changes the customer and the note through sales:annotate', async () => {
    const { api, user } = await openTransactions();
    await user.click(within(table()).getByRole('button', { name: /receipt 12 / }));
    await user.click(await within(detailRegion()).findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit sale #12' });
    expect(within(dialog).getByLabelText('Customer', { selector: 'input' })).toHaveValue(
      'Ada Lovelace',
    );
    const note = within(dialog).getByRole('textbox', { name: 'Note' });
    await user.clear(note);
    await user.type(note, 'Collect on Friday');
    api['sales:annotate'].mockResolvedValueOnce(ok({ ...detail12, note: 'Collect on Friday' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api['sales:annotate']).toHaveBeenCalledWith({
        id: 12,
        customerId: 7,
        note: 'Collect on Friday',
      }),
    );
  });

  it('shows a list error from the core', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['reports:today'].mockResolvedValue(ok({ date: '2026-11-23', timeZone: 'Europe/Berlin' }));
    api['sales:list'].mockResolvedValue(fail('INTERNAL'));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Transactions' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Something went wrong/);
  });
});

describe('transactions dialogs open with focus on their first field (issue 8, item 14)', () => {
  it('void: the reason; refund: the first quantity still refundable; edit: the customer; receipt: Print', async () => {
    // Sale 12 with its first line already refunded in full: the refund opens on the second line.
    const refunded = {
      ...detail12,
      voidable: true,
      lines: detail12.lines.map((l, i) => (i === 0 ? { ...l, refundedQuantity: l.quantity } : l)),
    };
    const api = createFakeApi();
    api['sales:get'].mockResolvedValue(ok(refunded));
    const { user } = await openTransactions('manager', [sale12], api);
    api['sales:get'].mockResolvedValue(ok(refunded));
    await user.click(within(table()).getByRole('button', { name: /receipt 12 / }));
    const region = detailRegion();
    await within(region).findByRole('table', { name: 'Line items' });

    const opens = async (button: string, dialogName: string, focused: () => HTMLElement) => {
      await user.click(within(region).getByRole('button', { name: button }));
      const dialog = await screen.findByRole('dialog', { name: dialogName });
      await waitFor(() => expect(focused()).toHaveFocus());
      // The header's × has a name (axe-core's button-name, item 22).
      const closers = within(dialog).getAllByRole('button', { name: 'Close' });
      expect(closers[0]).toHaveClass('mantine-Modal-close');
      const cancel = within(dialog).queryByRole('button', { name: 'Cancel' });
      await user.click(cancel ?? closers.at(-1)!);
      await waitFor(() =>
        expect(screen.queryByRole('dialog', { name: dialogName })).not.toBeInTheDocument(),
      );
    };
    await opens('Void sale', 'Void sale', () => screen.getByRole('textbox', { name: 'Reason' }));
    await opens('Refund', 'Refund', () =>
      screen.getByRole('textbox', { name: 'Refund quantity of Tea towel' }),
    );
    await opens('Edit', 'Edit sale #12', () =>
      within(screen.getByRole('dialog')).getByLabelText('Customer', { selector: 'input' }),
    );
    await opens('Print receipt', 'Receipt', () => screen.getByRole('button', { name: 'Print' }));
  });
});

describe('transactions in German (issue 8, item 25)', () => {
  beforeEach(async () => {
    await setLocale('de-DE');
  });
  afterEach(async () => {
    await setLocale('en-GB');
  });

  /** Opens the transactions screen through the navigation store (the shell's labels are not ours). */
  async function openGerman(items = [refund13, sale12, voided11], api = createFakeApi()) {
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    // The store's locale: the settings switch the screens to it when they arrive.
    api['settings:get'].mockResolvedValue(ok({ ...SETTINGS, locale: 'de-DE' }));
    api['staff:list'].mockResolvedValue(ok({ items: [], total: 0 }));
    api['reports:today'].mockResolvedValue(ok({ date: '2026-11-23', timeZone: 'Europe/Berlin' }));
    api['sales:list'].mockResolvedValue(ok({ items, nextCursor: null }));
    api['sales:get'].mockImplementation(async (input) => {
      const found = { 12: detail12, 13: detail13 }[input?.id ?? 0];
      return found ? ok(found) : fail('NOT_FOUND');
    });
    const rendered = renderApp(api);
    await waitFor(() => expect(api['auth:session']).toHaveBeenCalled());
    act(() => useNavigationStore.getState().go('transactions'));
    await screen.findByRole('table', { name: 'Transaktionen' });
    return { api, ...rendered };
  }

  it('the list: German labels, money as "36,00 £", times and dates in German form', async () => {
    await openGerman();
    expect(screen.getByRole('heading', { name: 'Transaktionen' })).toBeInTheDocument();
    for (const label of ['Von', 'Bis', 'Status', 'Art', 'Bonnummer'])
      expect(screen.getAllByLabelText(label).length).toBeGreaterThan(0);
    const list = screen.getByRole('table', { name: 'Transaktionen' });
    for (const header of ['Zeit', 'Bon', 'Art', 'Mitarbeiter', 'Kunde', 'Summe'])
      expect(within(list).getByRole('columnheader', { name: header })).toBeInTheDocument();
    const open13 = within(list).getByRole('button', { name: 'Bon Nr. 13 öffnen (Front counter)' });
    // The name holds the visible text (WCAG 2.5.3; axe-core's label-content-name-mismatch).
    expect(open13.getAttribute('aria-label')).toContain(open13.textContent);
    const refundRow = open13.closest('tr')!;
    expect(within(refundRow).getByText('Erstattung')).toBeInTheDocument();
    expect(within(refundRow).getByText('-10,00 £')).toHaveClass('k-tx-negative');
    expect(within(refundRow).getByText('Laufkunde')).toBeInTheDocument();
    expect(within(refundRow).getByText('Nr. 13')).toBeInTheDocument();
    // 11:00 UTC is 00:00 next day in Auckland, where this computer is.
    expect(within(refundRow).getByText('00:00')).toBeInTheDocument();
    expect(within(list).getByText('36,00 £')).toBeInTheDocument();
    expect(within(list).getByText('Storniert')).toBeInTheDocument();

    // Over several days the date shows too, day first with dots.
    fireEvent.change(screen.getByLabelText('Von'), { target: { value: '2026-11-20' } });
    expect(await within(list).findByText('24.11.26, 00:00')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Bis'), { target: { value: '2026-11-19' } });
    expect(
      await screen.findByText('Der erste Tag muss vor dem letzten Tag liegen oder derselbe sein'),
    ).toBeInTheDocument();
  });

  it('the sale detail and the refund dialog in German', async () => {
    const { api } = await openGerman();
    const { user } = { user: (await import('@testing-library/user-event')).default.setup() };
    await user.click(screen.getByRole('button', { name: 'Bon Nr. 12 öffnen (Front counter)' }));
    const region = await screen.findByRole('region', { name: 'Verkaufsdetails' });
    const lines = await within(region).findByRole('table', { name: 'Positionen' });
    expect(within(region).getByRole('heading', { name: 'Verkauf Nr. 12' })).toBeInTheDocument();
    expect(within(region).getByText('23.11.2026, 23:15', { exact: false })).toBeInTheDocument();
    for (const header of ['Artikel', 'Menge', 'Preis', 'MwSt.', 'Summe'])
      expect(within(lines).getByRole('columnheader', { name: header })).toBeInTheDocument();
    expect(within(lines).getByText(/1 erstattet/)).toBeInTheDocument();
    expect(within(lines).getByText('30,00 £')).toBeInTheDocument();
    expect(within(region).getByText('Zwischensumme')).toBeInTheDocument();
    expect(within(region).getByText('MwSt. (enthalten)')).toBeInTheDocument();
    const tenders = within(region).getByRole('table', { name: 'Zahlungsarten' });
    expect(within(tenders).getByText('Bar')).toBeInTheDocument();
    expect(within(tenders).getByText('Karte')).toBeInTheDocument();
    expect(within(tenders).getByText('Gegeben 10,00 £ · Rückgeld 4,00 £')).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Bon drucken' })).toBeInTheDocument();

    await user.click(within(region).getByRole('button', { name: 'Erstatten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erstattung' });
    expect(
      within(dialog).getByText('Verkauf Nr. 12 · 36,00 £ · Front counter'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Erstatten per', { selector: 'input' })).toHaveValue(
      'Karte',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Jetzt erstatten' }));
    expect(
      await within(dialog).findByText('Wählen Sie mindestens einen Artikel zur Erstattung'),
    ).toBeInTheDocument();
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Zu erstattende Menge von Tea towel' }),
      '2',
    );
    expect(
      within(dialog).getByRole('group', { name: 'Voraussichtliche Erstattung' }),
    ).toHaveTextContent('6,00 £');
    await user.type(within(dialog).getByRole('textbox', { name: 'Grund' }), 'Beschädigt');
    api['sales:refund'].mockResolvedValueOnce(
      ok({ ...detail13, receiptNo: 14, id: 14, total: -600 }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Jetzt erstatten' }));
    expect(
      await screen.findByText('Erstattung Nr. 14 gebucht: 6,00 £ zurück auf die Karte.'),
    ).toBeInTheDocument();
  });

  it('the void, edit and receipt dialogs in German', async () => {
    const sale = { ...detail12, voidable: true };
    const api = createFakeApi();
    await openGerman([sale12], api);
    api['sales:get'].mockResolvedValue(ok(sale));
    const user = (await import('@testing-library/user-event')).default.setup();
    await user.click(screen.getByRole('button', { name: 'Bon Nr. 12 öffnen (Front counter)' }));
    const region = await screen.findByRole('region', { name: 'Verkaufsdetails' });
    await within(region).findByRole('table', { name: 'Positionen' });

    await user.click(within(region).getByRole('button', { name: 'Verkauf stornieren' }));
    let dialog = await screen.findByRole('dialog', { name: 'Verkauf stornieren' });
    expect(dialog).toHaveTextContent('Verkauf Nr. 12 über 36,00 £ stornieren?');
    await user.click(within(dialog).getByRole('button', { name: 'Jetzt stornieren' }));
    expect(
      await within(dialog).findByText('Geben Sie an, warum der Verkauf storniert wird'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));

    await user.click(within(region).getByRole('button', { name: 'Bearbeiten' }));
    dialog = await screen.findByRole('dialog', { name: 'Verkauf Nr. 12 bearbeiten' });
    expect(within(dialog).getByLabelText('Kunde', { selector: 'input' })).toHaveValue(
      'Ada Lovelace',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Notiz' })).toHaveValue('Gift wrap');
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));

    await user.click(within(region).getByRole('button', { name: 'Bon drucken' }));
    dialog = await screen.findByRole('dialog', { name: 'Bon' });
    const receipt = within(dialog).getByRole('article', { name: 'Bon 12' });
    expect(receipt).toHaveTextContent('Bon Nr. 12 · Front counter');
    expect(receipt).toHaveTextContent('23.11.2026, 23:15 · Tom Baker');
    expect(receipt).toHaveTextContent('enthaltene MwSt.');
    expect(receipt).toHaveTextContent('Bar (gegeben 10,00 £)');
    expect(receipt).toHaveTextContent('Rückgeld4,00 £');
    expect(receipt).toHaveTextContent('Kunde: Ada Lovelace');
    expect(within(dialog).getByRole('button', { name: 'Drucken' })).toBeInTheDocument();
  });
});

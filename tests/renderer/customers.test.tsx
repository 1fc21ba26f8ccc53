import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerView, SaleSummary, TillSettings } from '../../shared/contract';
import { CUSTOMERS_PAGE_SIZE, useCustomersStore } from '../../renderer/src/stores/customers';
import { createFakeApi, fail, ok, renderApp, sessionFor, TILL, STORE_DETAILS } from './helpers';

const SETTINGS: TillSettings = {
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

function customer(id: number, overrides: Partial<CustomerView> = {}): CustomerView {
  return {
    id,
    name: `Customer ${id}`,
    email: `c${id}@mail.example`,
    phone: null,
    country: 'United Kingdom',
    notes: null,
    externalRef: null,
    archived: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

const ada = customer(1, {
  name: 'Ada Lovelace',
  email: 'ada@mail.example',
  phone: '+44 20 7946 0000',
});
const grace = customer(2, { name: 'Grace Hopper', email: 'grace@mail.example' });

function sale(id: number, overrides: Partial<SaleSummary> = {}): SaleSummary {
  return {
    id,
    uuid: `00000000-0000-4000-8000-00000000000${id}`,
    receiptNo: id,
    tillName: TILL,
    kind: 'sale',
    status: 'completed',
    staff: { id: 3, name: 'Tom Baker' },
    customer: { id: 1, name: 'Ada Lovelace' },
    currency: 'GBP',
    total: 4599,
    createdAt: '2026-11-22T14:30:00.000Z',
    ...overrides,
  };
}

async function openCustomers() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['customers:search'].mockResolvedValue(ok({ items: [ada, grace], hasMore: false }));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Customers' }));
  await screen.findByRole('table', { name: 'Customers' });
  return { api, ...rendered };
}

beforeEach(() => useCustomersStore.getState().reset());
afterEach(() => vi.useRealTimers());

describe('customers screen', () => {
  it('searches through the core, debounced, and renders the results', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['customers:search'].mockResolvedValue(ok({ items: [ada, grace], hasMore: false }));
    const { user } = renderApp(api, { user: { advanceTimers: vi.advanceTimersByTime } });
    await user.click(await screen.findByRole('button', { name: 'Customers' }));
    await screen.findByRole('table', { name: 'Customers' });
    expect(api['customers:search']).toHaveBeenCalledWith({
      search: '',
      includeArchived: false,
      limit: CUSTOMERS_PAGE_SIZE,
      offset: 0,
    });
    api['customers:search'].mockClear();
    api['customers:search'].mockResolvedValue(ok({ items: [grace], hasMore: false }));

    await user.type(screen.getByLabelText('Search customers'), 'hop');
    expect(api['customers:search']).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(350));
    await waitFor(() => expect(api['customers:search']).toHaveBeenCalledTimes(1));
    expect(api['customers:search']).toHaveBeenCalledWith({
      search: 'hop',
      includeArchived: false,
      limit: CUSTOMERS_PAGE_SIZE,
      offset: 0,
    });
    const table = screen.getByRole('table', { name: 'Customers' });
    await waitFor(() => expect(within(table).queryByText('Ada Lovelace')).not.toBeInTheDocument());
    expect(within(table).getByText('Grace Hopper')).toBeInTheDocument();

    // Enter sends what is typed at once, without waiting for the pause.
    api['customers:search'].mockClear();
    await user.type(screen.getByLabelText('Search customers'), 'per{Enter}');
    expect(api['customers:search']).toHaveBeenCalledWith(
      expect.objectContaining({ search: 'hopper' }),
    );
  });

  it('loads more with the next offset, and shows archived customers on request', async () => {
    const { api, user } = await openCustomers();
    api['customers:search'].mockResolvedValueOnce(ok({ items: [ada, grace], hasMore: true }));
    await user.click(screen.getByRole('switch', { name: 'Show archived' }));
    await waitFor(() =>
      expect(api['customers:search']).toHaveBeenLastCalledWith(
        expect.objectContaining({ includeArchived: true, offset: 0 }),
      ),
    );
    api['customers:search'].mockResolvedValueOnce(
      ok({ items: [customer(3, { name: 'Old Customer', archived: true })], hasMore: false }),
    );
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(api['customers:search']).toHaveBeenLastCalledWith({
      search: '',
      includeArchived: true,
      limit: CUSTOMERS_PAGE_SIZE,
      offset: 2,
    });
    const table = screen.getByRole('table', { name: 'Customers' });
    expect(await within(table).findByText('Old Customer')).toBeInTheDocument();
    expect(within(table).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('opens the customer page with lifetime spend formatted and the purchase history', async () => {
    const { api, user } = await openCustomers();
    api['customers:get'].mockResolvedValue(
      ok({
        customer: ada,
        stats: {
          salesCount: 2,
          lifetimeSpend: 123456,
          refundsTotal: 1000,
          firstPurchaseAt: '2026-10-01T10:00:00.000Z',
          lastPurchaseAt: '2026-11-22T14:30:00.000Z',
        },
        recentSales: [
          sale(12),
          sale(13, { kind: 'refund', total: -1000 }),
          sale(14, { status: 'voided', total: 250 }),
        ],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    const page = await screen.findByRole('region', { name: 'Customer' });
    expect(api['customers:get']).toHaveBeenCalledWith({ id: 1 });
    expect(await within(page).findByLabelText('Lifetime spend')).toHaveTextContent('£1,234.56');
    expect(within(page).getByLabelText('Sales')).toHaveTextContent('2');
    expect(within(page).getByLabelText('Refunds')).toHaveTextContent('£10.00');
    expect(within(page).getByText('ada@mail.example')).toBeInTheDocument();

    const history = within(page).getByRole('table', { name: 'Purchase history' });
    const rows = within(history).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByText('#12')).toBeInTheDocument();
    expect(within(rows[1]!).getByText(TILL)).toBeInTheDocument();
    expect(within(rows[1]!).getByText('£45.99')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Refund')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('-£10.00')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Voided')).toBeInTheDocument();

    await user.click(within(page).getByRole('button', { name: 'Close customer' }));
    expect(page).not.toBeInTheDocument();
  });

  it('creates a customer, and shows a CONFLICT on the email under the field', async () => {
    const { api, user } = await openCustomers();
    api['customers:create'].mockResolvedValueOnce(
      fail('CONFLICT', 'This email is already used.', [
        { path: 'email', message: 'This email is already used by another customer.' },
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'New customer' }));
    const dialog = await screen.findByRole('dialog', { name: 'New customer' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Alan Turing');
    await user.type(within(dialog).getByLabelText(/^Email/), 'ada@mail.example');
    await user.type(within(dialog).getByLabelText(/^Phone/), '01234 567890');
    await user.click(within(dialog).getByRole('button', { name: 'Add customer' }));
    expect(
      await within(dialog).findByText('This email is already used by another customer.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Email/)).toHaveAttribute('aria-invalid', 'true');

    const alan = customer(5, { name: 'Alan Turing', email: 'alan@mail.example' });
    api['customers:create'].mockResolvedValueOnce(ok(alan));
    api['customers:get'].mockResolvedValue(
      ok({
        customer: alan,
        stats: {
          salesCount: 0,
          lifetimeSpend: 0,
          refundsTotal: 0,
          firstPurchaseAt: null,
          lastPurchaseAt: null,
        },
        recentSales: [],
      }),
    );
    const email = within(dialog).getByLabelText(/^Email/);
    await user.clear(email);
    await user.type(email, 'alan@mail.example');
    await user.click(within(dialog).getByRole('button', { name: 'Add customer' }));
    await waitFor(() =>
      expect(api['customers:create']).toHaveBeenLastCalledWith({
        name: 'Alan Turing',
        email: 'alan@mail.example',
        phone: '01234 567890',
        country: null,
        notes: null,
        companyName: null,
        vatNumber: null,
        billingAddress: null,
      }),
    );
    expect(await screen.findByText('Alan Turing was added.')).toBeInTheDocument();
    const page = await screen.findByRole('region', { name: 'Customer' });
    expect(await within(page).findByText('No purchases yet.')).toBeInTheDocument();
  });

  it('removes a customer with sales and says it was archived', async () => {
    const { api, user } = await openCustomers();
    api['customers:get'].mockResolvedValue(
      ok({
        customer: ada,
        stats: {
          salesCount: 1,
          lifetimeSpend: 4599,
          refundsTotal: 0,
          firstPurchaseAt: '2026-11-22T14:30:00.000Z',
          lastPurchaseAt: '2026-11-22T14:30:00.000Z',
        },
        recentSales: [sale(12)],
      }),
    );
    api['customers:remove'].mockResolvedValue(
      ok({ outcome: 'archived', customer: { ...ada, archived: true } }),
    );
    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    const page = await screen.findByRole('region', { name: 'Customer' });
    await user.click(await within(page).findByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Ada Lovelace?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(api['customers:remove']).toHaveBeenCalledWith({ id: 1 });
    expect(await screen.findByText(/Ada Lovelace was archived/)).toBeInTheDocument();
  });
});

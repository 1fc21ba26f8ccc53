import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProductView, TillSettings } from '../../shared/contract';
import { PRODUCTS_PAGE_SIZE, useProductsStore } from '../../renderer/src/stores/products';
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

function product(id: number, overrides: Partial<ProductView> = {}): ProductView {
  return {
    id,
    sku: `SKU-${id}`,
    barcode: `50000000${id}`,
    name: `Product ${id}`,
    price: 255,
    taxRateBps: 2000,
    kind: 'stock',
    active: true,
    openPrice: false,
    categoryId: null,
    archived: false,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

const mug = product(1, { sku: 'MUG-1', name: 'Enamel mug', price: 1250 });
const TOTAL = 60;

async function openProducts() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['products:list'].mockImplementation(async (input) => {
    const offset = input?.offset ?? 0;
    const items = Array.from(
      { length: Math.max(0, Math.min(PRODUCTS_PAGE_SIZE, TOTAL - offset)) },
      (_, i) => (offset + i === 0 ? mug : product(offset + i + 1)),
    );
    return ok({ items, total: TOTAL });
  });
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Products' }));
  await screen.findByRole('table', { name: 'Products' });
  return { api, ...rendered };
}

const rowOf = (name: string) => {
  const row = within(screen.getByRole('table', { name: 'Products' }))
    .getByText(name)
    .closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

beforeEach(() => useProductsStore.getState().reset());

describe('products screen', () => {
  it('lists the first page with prices formatted and pages with Previous/Next', async () => {
    const { api, user } = await openProducts();
    expect(api['products:list']).toHaveBeenCalledWith({
      search: '',
      status: 'sellable',
      limit: PRODUCTS_PAGE_SIZE,
      offset: 0,
    });
    const row = rowOf('Enamel mug');
    expect(within(row).getByText('MUG-1')).toBeInTheDocument();
    expect(within(row).getByText('£12.50')).toBeInTheDocument();
    expect(within(row).getByText('20 %')).toBeInTheDocument();
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('26–50 of 60')).toBeInTheDocument());
    expect(api['products:list']).toHaveBeenLastCalledWith(
      expect.objectContaining({ offset: 25, limit: PRODUCTS_PAGE_SIZE }),
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('51–60 of 60')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('searches (debounced) and filters by status from the first page', async () => {
    const { api, user } = await openProducts();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('26–50 of 60')).toBeInTheDocument());
    api['products:list'].mockClear();

    await user.type(screen.getByLabelText('Search products'), 'mug');
    await waitFor(() =>
      expect(api['products:list']).toHaveBeenCalledWith({
        search: 'mug',
        status: 'sellable',
        limit: PRODUCTS_PAGE_SIZE,
        offset: 0,
      }),
    );
    expect(api['products:list']).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('radio', { name: 'Archived' }));
    await waitFor(() =>
      expect(api['products:list']).toHaveBeenLastCalledWith(
        expect.objectContaining({ search: 'mug', status: 'archived', offset: 0 }),
      ),
    );
  });

  it('creates a product: price "2.55" is sent as 255 and tax "20" as 2000', async () => {
    const { api, user } = await openProducts();
    api['products:create'].mockImplementation(async (input) =>
      ok(product(99, { sku: 'TEA-1', name: 'Tea towel', price: input?.price ?? 0 })),
    );
    await user.click(screen.getByRole('button', { name: 'New product' }));
    const dialog = await screen.findByRole('dialog', { name: 'New product' });
    await user.type(within(dialog).getByLabelText(/^SKU/), 'tea-1');
    await user.type(within(dialog).getByLabelText(/^Barcode/), '5012345678900');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Tea towel');
    await user.type(within(dialog).getByLabelText(/^Price/), '2.55');
    // A new product starts with the store's default tax rate (issue 8: 20 % here).
    expect(within(dialog).getByLabelText(/^Tax rate/)).toHaveValue('20');
    await user.clear(within(dialog).getByLabelText(/^Tax rate/));
    await user.type(within(dialog).getByLabelText(/^Tax rate/), '20{Enter}');

    await waitFor(() =>
      expect(api['products:create']).toHaveBeenCalledWith({
        sku: 'tea-1',
        barcode: '5012345678900',
        name: 'Tea towel',
        price: 255,
        taxRateBps: 2000,
        kind: 'stock',
        active: true,
        openPrice: false,
        categoryId: null,
      }),
    );
    expect(await screen.findByText('Tea towel was added as TEA-1.')).toBeInTheDocument();
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('checks the amounts as typed before sending anything', async () => {
    const { api, user } = await openProducts();
    await user.click(screen.getByRole('button', { name: 'New product' }));
    const dialog = await screen.findByRole('dialog', { name: 'New product' });
    await user.type(within(dialog).getByLabelText(/^SKU/), 'X1');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Thing');
    await user.type(within(dialog).getByLabelText(/^Price/), '2.555');
    await user.clear(within(dialog).getByLabelText(/^Tax rate/));
    await user.type(within(dialog).getByLabelText(/^Tax rate/), '120');
    await user.click(within(dialog).getByRole('button', { name: 'Add product' }));
    expect(
      await within(dialog).findByText('Enter an amount with at most 2 decimals, e.g. 2.55'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('A tax rate is at most 100 %')).toBeInTheDocument();
    expect(api['products:create']).not.toHaveBeenCalled();
  });

  it('names the real problem with a price: over the maximum, a currency sign or separators', async () => {
    const { api, user } = await openProducts();
    await user.click(screen.getByRole('button', { name: 'New product' }));
    const dialog = await screen.findByRole('dialog', { name: 'New product' });
    // The dialog opens with the cursor in its first field (item 14).
    await waitFor(() => expect(within(dialog).getByLabelText(/^SKU/)).toHaveFocus());
    await user.type(within(dialog).getByLabelText(/^Name/), 'Thing');
    await user.type(within(dialog).getByLabelText(/^Tax rate/), 'abc');
    const price = within(dialog).getByLabelText(/^Price/);
    const cases: Array<[string, string]> = [
      ['99999999999999999', 'That is over the largest price, £10,000,000.00'],
      ['10000000.01', 'That is over the largest price, £10,000,000.00'],
      [
        '£1,250.00',
        'Type the amount without a currency sign or thousands separators, e.g. 1250.00',
      ],
      ['1,250', 'Type the amount without a currency sign or thousands separators, e.g. 1250.00'],
      ['12 EUR', 'Enter an amount with at most 2 decimals, e.g. 2.55'],
      ['-5', 'A price cannot be negative'],
    ];
    for (const [typed, message] of cases) {
      await user.clear(price);
      await user.type(price, typed);
      await user.click(within(dialog).getByRole('button', { name: 'Add product' }));
      expect(await within(dialog).findByText(message)).toBeInTheDocument();
    }
    expect(
      within(dialog).getByText('Enter a percent from 0 to 100, e.g. 20 or 5.5'),
    ).toBeInTheDocument();
    expect(api['products:create']).not.toHaveBeenCalled();
  });

  it('takes a SKU in any script (ÆØÅ-1) and leaves a blank SKU for the core to generate', async () => {
    const { api, user } = await openProducts();
    api['products:create'].mockImplementation(async (input) =>
      ok(product(42, { sku: input?.sku || 'P-00042', name: input?.name ?? '' })),
    );
    for (const [sku, shown] of [
      ['ÆØÅ-1', 'Fjord soap was added as ÆØÅ-1.'],
      ['', 'Fjord soap was added as P-00042.'],
    ] as const) {
      await user.click(screen.getByRole('button', { name: 'New product' }));
      const dialog = await screen.findByRole('dialog', { name: 'New product' });
      if (sku) await user.type(within(dialog).getByLabelText(/^SKU/), sku);
      await user.type(within(dialog).getByLabelText(/^Name/), 'Fjord soap');
      await user.type(within(dialog).getByLabelText(/^Price/), '4.50');
      // The store's default tax rate is filled in for a new product: replace it.
      await user.clear(within(dialog).getByLabelText(/^Tax rate/));
      await user.type(within(dialog).getByLabelText(/^Tax rate/), '25{Enter}');
      expect(await screen.findByText(shown)).toBeInTheDocument();
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
      expect(api['products:create']).toHaveBeenLastCalledWith(expect.objectContaining({ sku }));
    }
  });

  it('shows a CONFLICT on the SKU under the SKU field', async () => {
    const { api, user } = await openProducts();
    api['products:create'].mockResolvedValue(
      fail('CONFLICT', 'This SKU is already used.', [
        { path: 'sku', message: 'This SKU is already used.' },
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'New product' }));
    const dialog = await screen.findByRole('dialog', { name: 'New product' });
    await user.type(within(dialog).getByLabelText(/^SKU/), 'MUG-1');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Another mug');
    await user.type(within(dialog).getByLabelText(/^Price/), '3');
    await user.clear(within(dialog).getByLabelText(/^Tax rate/));
    await user.type(within(dialog).getByLabelText(/^Tax rate/), '0{Enter}');

    expect(await within(dialog).findByText('This SKU is already used.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^SKU/)).toHaveAttribute('aria-invalid', 'true');
    expect(dialog).toBeInTheDocument();
  });

  it('edits a product with its values filled in', async () => {
    const { api, user } = await openProducts();
    api['products:update'].mockImplementation(async (input) =>
      ok({ ...mug, price: input?.price ?? 0 }),
    );
    await user.click(within(rowOf('Enamel mug')).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Enamel mug' });
    const price = within(dialog).getByLabelText(/^Price/);
    expect(price).toHaveValue('12.50');
    expect(within(dialog).getByLabelText(/^Tax rate/)).toHaveValue('20');
    await user.clear(price);
    await user.type(price, '13');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(api['products:update']).toHaveBeenCalledWith(
        expect.objectContaining({ id: 1, sku: 'MUG-1', price: 1300, taxRateBps: 2000 }),
      ),
    );
  });

  it('explains the remove rule and reports that the product was archived', async () => {
    const { api, user } = await openProducts();
    api['products:remove'].mockResolvedValue(
      ok({ outcome: 'archived', product: { ...mug, archived: true, active: false } }),
    );
    await user.click(within(rowOf('Enamel mug')).getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Enamel mug?' });
    expect(within(dialog).getByText(/If it has been sold it is archived/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(api['products:remove']).toHaveBeenCalledWith({ id: 1 });
    expect(await screen.findByText(/Enamel mug was archived/)).toBeInTheDocument();
  });

  it('restores an archived product', async () => {
    const { api, user } = await openProducts();
    const old = product(7, { name: 'Old lamp', archived: true, active: false });
    api['products:list'].mockResolvedValue(ok({ items: [old], total: 1 }));
    api['products:restore'].mockResolvedValue(ok({ ...old, archived: false }));
    await user.click(screen.getByRole('radio', { name: 'Archived' }));
    await user.click(
      await within(await waitFor(() => rowOf('Old lamp'))).findByRole('button', {
        name: 'Restore',
      }),
    );
    expect(api['products:restore']).toHaveBeenCalledWith({ id: 7 });
    expect(await screen.findByText(/Old lamp is back in the list/)).toBeInTheDocument();
  });
});

/**
 * Issue 11, section 3 on screen: "Receive stock" on the Products screen books goods in at cost
 * through stock:receive (quantity, unit cost in the store currency, optional supplier).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProductView, TillSettings } from '../../shared/contract';
import { createFakeApi, fail, ok, renderApp, sessionFor, STORE_DETAILS, TILL } from './helpers';

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
const at = '2026-11-20T09:00:00.000Z';
function product(id: number, name: string, kind: ProductView['kind'] = 'stock'): ProductView {
  return {
    ...{ id, sku: `SKU-${id}`, barcode: null, name, price: 500, taxRateBps: 2000, kind },
    ...{ active: true, openPrice: false, archived: false, createdAt: at, updatedAt: at },
    categoryId: null,
  };
}

describe('receiving stock on the Products screen', () => {
  it('checks the form, then books the receipt at cost with its supplier', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['products:list'].mockResolvedValue(
      ok({ items: [product(1, 'Enamel mug'), product(2, 'Bag fee', 'fee')], total: 2 }),
    );
    api['stock:levels'].mockResolvedValue(ok([]));
    api['stock:lowStock'].mockResolvedValue(ok({ items: [], total: 0 }));
    api['suppliers:list'].mockResolvedValue(
      ok({
        items: [
          { id: 4, name: 'Pottery Co', contact: null, email: null, phone: null, notes: null },
        ].map((s) => ({ ...s, archived: false })),
      }),
    );
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Products/ }));
    await screen.findByRole('table', { name: 'Products' });
    await user.click(screen.getByRole('button', { name: 'Receive stock' }));
    const dialog = await screen.findByRole('dialog', { name: 'Receive stock' });

    await user.click(within(dialog).getByRole('button', { name: 'Book receipt' }));
    expect(await within(dialog).findByText('Choose a product')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter a quantity of 1 or more')).toBeInTheDocument();
    expect(api['stock:receive']).not.toHaveBeenCalled();

    await user.click(within(dialog).getByLabelText(/^Product/, { selector: 'input' }));
    // Only stock products can be received: the fee is not offered.
    expect(screen.queryByRole('option', { name: /Bag fee/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: 'SKU-1 · Enamel mug' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Quantity received' }), '12');
    await user.type(within(dialog).getByRole('textbox', { name: 'Unit cost (GBP)' }), '1,25');
    await user.click(within(dialog).getByLabelText('Supplier', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Pottery Co' }));

    api['stock:receive'].mockResolvedValueOnce(fail('VALIDATION_FAILED'));
    await user.click(within(dialog).getByRole('button', { name: 'Book receipt' }));
    await waitFor(() => expect(api['stock:receive']).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('dialog', { name: 'Receive stock' })).toBeInTheDocument();

    api['stock:receive'].mockResolvedValueOnce(
      ok({ levels: [{ productId: 1, onHand: 12, lastCost: 125, averageCost: 125 }] }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Book receipt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api['stock:receive']).toHaveBeenLastCalledWith({
      supplierId: 4,
      note: '',
      lines: [{ productId: 1, quantity: 12, unitCost: 125 }],
    });
    expect(await screen.findByText(/On hand now 12, average cost £1\.25/)).toBeInTheDocument();
  });
});

describe('suppliers on the Products screen', () => {
  it('adds a supplier, refuses an empty name, and shows an archive refusal', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['products:list'].mockResolvedValue(ok({ items: [product(1, 'Enamel mug')], total: 1 }));
    api['stock:levels'].mockResolvedValue(ok([]));
    api['stock:lowStock'].mockResolvedValue(ok({ items: [], total: 0 }));
    const pottery = {
      ...{ id: 4, name: 'Pottery Co', contact: 'Ana', email: null, phone: null, notes: null },
      archived: false,
    };
    api['suppliers:list'].mockResolvedValue(ok({ items: [pottery] }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Products/ }));
    await screen.findByRole('table', { name: 'Products' });
    await user.click(screen.getByRole('button', { name: 'Suppliers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suppliers' });
    expect(
      await within(dialog).findByRole('row', { name: /Pottery Co\s*Ana/ }),
    ).toBeInTheDocument();

    api['suppliers:archive'].mockResolvedValueOnce(fail('CONFLICT'));
    await user.click(within(dialog).getByRole('button', { name: 'Archive Pottery Co' }));
    await waitFor(() => expect(api['suppliers:archive']).toHaveBeenCalledWith({ id: 4 }));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Add supplier' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save supplier' }));
    expect(await within(dialog).findByText("Enter the supplier's name")).toBeInTheDocument();
    expect(api['suppliers:create']).not.toHaveBeenCalled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Brew Ltd');
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'o@brew.example');
    api['suppliers:create'].mockResolvedValueOnce(ok({ ...pottery, id: 5, name: 'Brew Ltd' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save supplier' }));
    await waitFor(() =>
      expect(api['suppliers:create']).toHaveBeenCalledWith({
        ...{ name: 'Brew Ltd', contact: '', email: 'o@brew.example', phone: '', notes: '' },
      }),
    );
    expect(await within(dialog).findByRole('button', { name: 'Add supplier' })).toBeInTheDocument();
  });
});

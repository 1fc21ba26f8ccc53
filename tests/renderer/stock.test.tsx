/**
 * Issue 11, section 2 on screen: the Products "On hand" column, the Stock dialog (adjustment with
 * a reason, reorder level), the low-stock list and its badge on the Products navigation item, and
 * the cart line's negative-stock warning.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProductView, StockLevel } from '../../shared/contract';
import { openCheckout, quoteOf, cartTable, findCartTable } from './checkout-fixtures';
import {
  createFakeApi,
  fail,
  ok,
  pickStockMenu,
  productView,
  renderApp,
  sessionFor,
  SHOP_SETTINGS,
  TILL,
} from './helpers';

const SETTINGS = SHOP_SETTINGS;
const product = productView;
const mug = product(1, 'Enamel mug');
const bag = product(2, 'Bag fee', 'fee');
const level = (p: ProductView, onHand: number, reorderLevel: number | null): StockLevel => ({
  productId: p.id,
  sku: p.sku,
  name: p.name,
  onHand,
  reorderLevel,
});

async function openProducts() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['products:list'].mockResolvedValue(ok({ items: [mug, bag], total: 2 }));
  api['stock:levels'].mockResolvedValue(ok([level(mug, 2, 5)]));
  api['stock:lowStock'].mockResolvedValue(ok({ items: [level(mug, 2, 5)], total: 1 }));
  api['stock:movements'].mockResolvedValue(
    ok({
      level: level(mug, 2, 5),
      total: 1,
      items: [
        {
          ...{ id: 9, productId: 1, kind: 'refund', quantity: 0, unitCost: null },
          ...{ reason: 'write_off', note: null, staff: { id: 2, name: 'Jonas Weber' } },
          ...{ tillName: TILL, saleId: 4, balance: 2, at: '2026-11-20T10:30:00.000Z' },
        },
      ],
    }),
  );
  const rendered = renderApp(api);
  // The badge is part of the navigation button's name, read as words.
  await rendered.user.click(
    await screen.findByRole('button', { name: /Products.*1 product low on stock/ }),
  );
  await screen.findByRole('table', { name: 'Products' });
  return { api, ...rendered };
}

describe('stock on the Products screen', () => {
  it('shows on-hand per stock product and adjusts it with a reason through stock:adjust', async () => {
    const { api, user } = await openProducts();
    expect(api['stock:levels']).toHaveBeenCalledWith({ productIds: [1] });
    const table = screen.getByRole('table', { name: 'Products' });
    expect(within(table).getByRole('columnheader', { name: 'On hand' })).toBeInTheDocument();
    expect(within(table).getByLabelText('No stock kept')).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Stock of Enamel mug: 2 on hand' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stock: Enamel mug' });
    await user.click(within(dialog).getByLabelText('Reason', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Damaged' }));
    // Nothing typed: a clear error, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    expect(await within(dialog).findByText('Enter a whole number')).toBeInTheDocument();
    expect(api['stock:adjust']).not.toHaveBeenCalled();

    api['stock:adjust'].mockResolvedValueOnce(fail('INSUFFICIENT_STOCK'));
    await user.type(within(dialog).getByRole('textbox', { name: /^Quantity/ }), '3');
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'Dropped');
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    expect(await within(dialog).findByText(/Not enough stock/)).toBeInTheDocument();
    // Damaged takes stock out: the typed 3 is sent as −3.
    expect(api['stock:adjust']).toHaveBeenLastCalledWith({
      productId: 1,
      quantity: -3,
      reason: 'damaged',
      note: 'Dropped',
    });

    api['stock:adjust'].mockResolvedValueOnce(ok(level(mug, -1, 5)));
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText(/^Enamel mug: [-−]1 on hand$/)).toBeInTheDocument();
  });

  it('lists low stock and saves a reorder level', async () => {
    const { api, user } = await openProducts();
    // The Stock menu's button carries the low-stock count; the menu item opens the list.
    expect(
      screen.getByRole('button', { name: 'Stock, 1 product low on stock' }),
    ).toBeInTheDocument();
    await pickStockMenu(user, 'Low stock (1)');
    const list = await screen.findByRole('dialog', { name: 'Low stock' });
    const row = within(list).getByRole('row', { name: /Enamel mug/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['SKU-1', 'Enamel mug', '2', '5', 'Stock']);
    await user.click(within(row).getByRole('button', { name: 'Stock of Enamel mug' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stock: Enamel mug' });
    // The latest movements of its ledger.
    const history = await within(dialog).findByRole('table', { name: 'Latest movements' });
    expect(within(history).getByRole('row', { name: /Refund, written off/ })).toHaveTextContent(
      /Refund, written off\s*0\s*2\s*Jonas Weber/,
    );
    expect(api['stock:movements']).toHaveBeenCalledWith({ productId: 1, limit: 10, offset: 0 });
    const field = within(dialog).getByRole('textbox', { name: /Reorder level/ });
    expect(field).toHaveValue('5');
    await user.clear(field);
    api['stock:setReorderLevel'].mockResolvedValueOnce(ok(level(mug, 2, null)));
    await user.click(within(dialog).getByRole('button', { name: 'Save level' }));
    expect(api['stock:setReorderLevel']).toHaveBeenCalledWith({ productId: 1, reorderLevel: null });
    expect(await screen.findByText('Reorder level cleared')).toBeInTheDocument();
  });

  it('the product form saves a changed reorder level after the product', async () => {
    const { api, user } = await openProducts();
    const row = within(screen.getByRole('table', { name: 'Products' }))
      .getByText('Enamel mug')
      .closest('tr')!;
    await user.click(within(row as HTMLElement).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: /Enamel mug/ });
    const field = within(dialog).getByRole('textbox', { name: /Reorder level/ });
    expect(field).toHaveValue('5');
    await user.clear(field);
    await user.type(field, '8');
    api['products:update'].mockImplementation(async (input) => ok({ ...mug, ...input! }));
    api['stock:setReorderLevel'].mockResolvedValueOnce(ok(level(mug, 2, 8)));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api['stock:setReorderLevel']).toHaveBeenCalledWith({ productId: 1, reorderLevel: 8 });
  });

  it('a member without stock.manage sees no stock column, menu or badge', async () => {
    const api = createFakeApi();
    const session = sessionFor('manager');
    session.permissions = session.permissions.filter((p) => p !== 'stock.manage');
    api['auth:session'].mockResolvedValue(ok({ session }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['products:list'].mockResolvedValue(ok({ items: [mug], total: 1 }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Products' }));
    const table = await screen.findByRole('table', { name: 'Products' });
    expect(within(table).queryByRole('columnheader', { name: 'On hand' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Stock(,|$)/ })).toBeNull();
    expect(api['stock:lowStock']).not.toHaveBeenCalled();
    expect(api['stock:levels']).not.toHaveBeenCalled();
  });
});

describe('the cart line warns when a sale takes more than is on hand', () => {
  it('shows "Only 1 in stock" from the quote, and nothing for enough stock', async () => {
    const api = createFakeApi();
    const { scan, user } = await openCheckout(api);
    api['sales:quote'].mockImplementation(async (input) => {
      const q = quoteOf(input!);
      return ok({ ...q, lines: q.lines.map((l) => ({ ...l, onHand: 1 })) });
    });
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(within(cartTable()).getByText('Red mug')).toBeInTheDocument());
    expect(within(cartTable()).queryByTestId('stock-warning')).toBeNull();
    await user.type(scan, '5000001{Enter}');
    expect(await within(await findCartTable()).findByText('Only 1 in stock')).toBeInTheDocument();
  });
});

describe('Settings → Stock', () => {
  it('switches negative stock to refuse through stock:updateSettings', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['stock:settings'].mockResolvedValue(ok({ negativeStock: 'warn' }));
    api['stock:updateSettings'].mockResolvedValue(ok({ negativeStock: 'refuse' }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'Stock' });
    const save = within(section).getByRole('button', { name: 'Save stock settings' });
    expect(within(section).getByRole('radio', { name: /Allow it and warn/ })).toBeChecked();
    expect(save).toBeDisabled();
    await user.click(within(section).getByRole('radio', { name: 'Refuse the sale' }));
    await user.click(save);
    expect(api['stock:updateSettings']).toHaveBeenCalledWith({ negativeStock: 'refuse' });
    expect(await screen.findByText('Stock settings saved')).toBeInTheDocument();
  });
});

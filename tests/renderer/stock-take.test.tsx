/**
 * Issue 11, section 2 on screen: the stock take from the Products screen: start a count, a scan
 * adds one and a typed quantity sets the count, the sheet shows the variance, and Post asks for a
 * confirmation listing the variances before it calls stock:postCount.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StockCount, StockCountLine } from '../../shared/contract';
import {
  createFakeApi,
  ok,
  pickStockMenu,
  productView,
  renderApp,
  SHOP_SETTINGS,
  sessionFor,
} from './helpers';

const at = '2026-11-20T09:00:00.000Z';
const mug = productView(1, 'Enamel mug');
const count = (counted: number, variances: number): StockCount => ({
  ...{ id: 7, category: null, status: 'open', startedBy: { id: 2, name: 'Jonas Weber' } },
  ...{ startedAt: at, closedAt: null, lines: 1, counted, variances },
});
const line = (counted: number | null): StockCountLine => ({
  ...{ productId: 1, sku: 'SKU-1', barcode: null, name: 'Enamel mug', expected: 5, counted },
  variance: counted === null ? null : counted - 5,
});

describe('the stock take dialog', () => {
  it('starts a count, counts by scan and by quantity, and posts after a confirmation', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['settings:get'].mockResolvedValue(ok(SHOP_SETTINGS));
    api['products:list'].mockResolvedValue(ok({ items: [mug], total: 1 }));
    const level = (onHand: number) => ({ productId: 1, sku: 'SKU-1', name: 'Enamel mug', onHand });
    api['stock:levels'].mockResolvedValue(ok([{ ...level(5), reorderLevel: null }]));
    api['stock:lowStock'].mockResolvedValue(ok({ items: [], total: 0 }));
    api['stock:openCount'].mockResolvedValue(ok({ count: null }));
    api['stock:startCount'].mockResolvedValue(ok(count(0, 0)));
    api['stock:countSheet'].mockResolvedValue(
      ok({ count: count(0, 0), items: [line(null)], total: 1 }),
    );
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /Products/ }));
    await pickStockMenu(user, 'Stock take');
    const dialog = await screen.findByRole('dialog', { name: 'Stock take' });
    await user.click(within(dialog).getByRole('button', { name: 'Start count' }));
    expect(api['stock:startCount']).toHaveBeenCalledWith({ categoryId: null });

    // A scan adds one; a typed quantity sets the count.
    api['products:lookup'].mockResolvedValue(ok({ product: mug }));
    api['stock:setCount'].mockResolvedValue(ok(line(1)));
    const code = await within(dialog).findByRole('textbox', { name: /Barcode or SKU/ });
    await user.type(code, 'SKU-1{Enter}');
    expect(api['stock:setCount']).toHaveBeenLastCalledWith({
      ...{ countId: 7, productId: 1, quantity: 1, mode: 'add' },
    });
    api['stock:countSheet'].mockResolvedValue(
      ok({ count: count(1, 1), items: [line(3)], total: 1 }),
    );
    await user.type(within(dialog).getByRole('textbox', { name: /Quantity/ }), '3');
    await user.type(code, 'SKU-1{Enter}');
    expect(api['stock:setCount']).toHaveBeenLastCalledWith({
      ...{ countId: 7, productId: 1, quantity: 3, mode: 'set' },
    });
    const sheet = within(dialog).getByRole('table', { name: 'Count sheet' });
    expect(await within(sheet).findByText(/^[-−]2$/)).toBeInTheDocument();

    // Post: a confirmation lists the variance first.
    await user.click(within(dialog).getByRole('button', { name: 'Review and post' }));
    const confirm = await screen.findByRole('dialog', { name: 'Post the stock take' });
    expect(within(confirm).getByText(/books 1 variance/)).toBeInTheDocument();
    expect(api['stock:postCount']).not.toHaveBeenCalled();
    api['stock:postCount'].mockResolvedValue(ok({ ...count(1, 1), status: 'posted' }));
    api['stock:levels'].mockResolvedValue(ok([{ ...level(3), reorderLevel: null }]));
    await user.click(within(confirm).getByRole('button', { name: 'Post variances' }));
    await waitFor(() => expect(api['stock:postCount']).toHaveBeenCalledWith({ countId: 7 }));
    expect(await within(dialog).findByRole('button', { name: 'Start count' })).toBeInTheDocument();
    // The products on screen show the on-hand the count left, not the one before it.
    expect(api['stock:levels']).toHaveBeenLastCalledWith({ productIds: [1] });
    expect(
      await screen.findByRole('button', { name: 'Stock of Enamel mug: 3 on hand' }),
    ).toBeInTheDocument();
  });
});

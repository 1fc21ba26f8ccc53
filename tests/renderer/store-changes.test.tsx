/**
 * Issue 12, section 2: when the shell reports a store change (`window.api.onStoreChange`), the
 * screens this window has open read again what they show: the products page on `catalogue`, the
 * settings on `settings`, the staff list on `staff`, the low-stock badge and the on-hand column on
 * `stock`, and nothing this window never loaded. While nobody uses the window (no activity
 * reported lately), the topic waits for the next activity, so a change elsewhere cannot keep an
 * unattended till unlocked (S2). A burst of `stock` topics (a busy store's sales) costs one read
 * in flight and one after it, not one per topic.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StockLevel, TillSettings } from '../../shared/contract';
import { useProductsStore } from '../../renderer/src/stores/products';
import { useSessionStore } from '../../renderer/src/stores/session';
import { useSettingsStore } from '../../renderer/src/stores/settings';
import { ACTIVE_WINDOW_MS } from '../../renderer/src/stores/store-changes';
import {
  createFakeApi,
  ok,
  productView,
  renderApp,
  ROLES,
  sessionFor,
  staffMember,
  STORE_DETAILS,
  TILL,
  withStoreChanges,
} from './helpers';

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

/** A fake window.api with the subscription; `change(topic)` is the shell's event. */
function apiWithChanges(role: 'admin' | 'manager' | 'cashier') {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['products:list'].mockResolvedValue(ok({ items: [], total: 0 }));
  api['categories:list'].mockResolvedValue(ok({ items: [] }));
  api['roles:list'].mockResolvedValue(ok(ROLES));
  api['staff:list'].mockResolvedValue(ok({ items: [staffMember({ id: 1 })], total: 1 }));
  return withStoreChanges(api);
}

describe('store changes reach the open screens', () => {
  it('catalogue reads the products page again; staff, never loaded here, reads nothing', async () => {
    const { api, change, onStoreChange } = apiWithChanges('manager');
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Products' }));
    await waitFor(() => expect(useProductsStore.getState().loaded).toBe(true));
    expect(onStoreChange).toHaveBeenCalledOnce();
    const lists = api['products:list'].mock.calls.length;
    change('catalogue');
    await waitFor(() => expect(api['products:list'].mock.calls.length).toBe(lists + 1));
    change('staff');
    expect(api['staff:list']).not.toHaveBeenCalled();
  });

  it('settings reads the settings again; staff reads the staff list and roles', async () => {
    const { api, change } = apiWithChanges('admin');
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Staff/ }));
    await screen.findByRole('table', { name: 'Staff members' });
    const reads = api['settings:get'].mock.calls.length;
    api['settings:get'].mockResolvedValue(ok({ ...SETTINGS, storeName: 'Corner Shop 2' }));
    change('settings');
    await waitFor(() => expect(api['settings:get'].mock.calls.length).toBe(reads + 1));
    await waitFor(() =>
      expect(useSettingsStore.getState().settings?.storeName).toBe('Corner Shop 2'),
    );
    const staffReads = api['staff:list'].mock.calls.length;
    change('staff');
    await waitFor(() => expect(api['staff:list'].mock.calls.length).toBeGreaterThan(staffReads));
    expect(api['roles:list'].mock.calls.length).toBeGreaterThan(1);
  });

  it('waits while nobody uses the window, and reads at the next activity', async () => {
    const { api, change } = apiWithChanges('manager');
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Products' }));
    await waitFor(() => expect(useProductsStore.getState().loaded).toBe(true));
    const lists = api['products:list'].mock.calls.length;
    // The last activity was reported longer ago than the window allows.
    act(() =>
      useSessionStore.setState({ lastActivityReportAt: Date.now() - ACTIVE_WINDOW_MS - 1 }),
    );
    change('catalogue');
    change('catalogue');
    expect(api['products:list'].mock.calls.length).toBe(lists);
    await user.keyboard('{Shift}');
    await waitFor(() => expect(api['products:list'].mock.calls.length).toBe(lists + 1));
  });
});

describe('stock levels follow every till', () => {
  const mug = productView(1, 'Enamel mug');
  const level = (onHand: number): StockLevel => ({
    ...{ productId: 1, sku: mug.sku, name: mug.name },
    ...{ onHand, reorderLevel: 5 },
  });

  /** A manager on the Products screen: the badge (1 low) and the mug's on-hand (2) shown. */
  async function onProducts() {
    const { api, change } = apiWithChanges('manager');
    api['products:list'].mockResolvedValue(ok({ items: [mug], total: 1 }));
    api['stock:levels'].mockResolvedValue(ok([level(2)]));
    api['stock:lowStock'].mockResolvedValue(ok({ items: [level(2)], total: 1 }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Products/ }));
    await screen.findByRole('button', { name: 'Stock of Enamel mug: 2 on hand' });
    const reads = () => ({
      low: api['stock:lowStock'].mock.calls.length,
      levels: api['stock:levels'].mock.calls.length,
    });
    return { api, change, user, reads };
  }

  it('a stock topic reads the badge and the on-hand shown again', async () => {
    const { api, change, reads } = await onProducts();
    const before = reads();
    // Another till sold three: the mug is at -1, and a second product went low.
    api['stock:levels'].mockResolvedValue(ok([level(-1)]));
    api['stock:lowStock'].mockResolvedValue(ok({ items: [level(-1)], total: 2 }));
    change('stock');
    expect(
      await screen.findByRole('button', { name: 'Stock of Enamel mug: -1 on hand' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: /Products.*2 products low on stock/ }),
    ).toBeInTheDocument();
    expect(reads()).toEqual({ low: before.low + 1, levels: before.levels + 1 });
    expect(api['stock:levels']).toHaveBeenLastCalledWith({ productIds: [1] });
  });

  it('keeps what is typed in the Stock dialog while the figures above it change', async () => {
    const { api, change, user } = await onProducts();
    await user.click(screen.getByRole('button', { name: 'Stock of Enamel mug: 2 on hand' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stock: Enamel mug' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Change/ }), '3');
    api['stock:levels'].mockResolvedValue(ok([{ ...level(-1), reorderLevel: 8 }]));
    change('stock');
    expect(await within(dialog).findByText(/On hand: -1/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /^Change/ })).toHaveValue('3');
    expect(within(dialog).getByRole('textbox', { name: /^Reorder level/ })).toHaveValue('5');
  });

  it("reads nothing for a member who never saw stock (a cashier's checkout)", async () => {
    const { api, change } = apiWithChanges('cashier');
    const { user } = renderApp(api);
    await screen.findByRole('button', { name: /^Checkout/ });
    // The cashier is at the till (activity reported), so topics are read at once: the settings
    // are (the control), the stock the cashier never saw is not.
    await user.keyboard('{Shift}');
    const settingsReads = api['settings:get'].mock.calls.length;
    change('stock');
    change('catalogue');
    change('settings');
    await waitFor(() => expect(api['settings:get'].mock.calls.length).toBe(settingsReads + 1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(api['stock:lowStock']).not.toHaveBeenCalled();
    expect(api['stock:levels']).not.toHaveBeenCalled();
  });

  it('waits while nobody uses the window, and reads at the next activity', async () => {
    const { change, user, reads } = await onProducts();
    const before = reads();
    act(() =>
      useSessionStore.setState({ lastActivityReportAt: Date.now() - ACTIVE_WINDOW_MS - 1 }),
    );
    change('stock');
    change('stock');
    expect(reads()).toEqual(before);
    await user.keyboard('{Shift}');
    await waitFor(() =>
      expect(reads()).toEqual({ low: before.low + 1, levels: before.levels + 1 }),
    );
  });

  it('a burst of 20 stock topics reads once in flight and once after it', async () => {
    const { api, change, reads } = await onProducts();
    const before = reads();
    // The first read hangs until released, as on a busy store server.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    api['stock:lowStock'].mockImplementationOnce(async () => {
      await held;
      return ok({ items: [level(2)], total: 1 });
    });
    for (let i = 0; i < 20; i++) change('stock');
    await waitFor(() => expect(reads().low).toBe(before.low + 1));
    expect(reads()).toEqual({ low: before.low + 1, levels: before.levels + 1 });
    await act(async () => release());
    await waitFor(() =>
      expect(reads()).toEqual({ low: before.low + 2, levels: before.levels + 2 }),
    );
    // Settled: nothing more follows the burst.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(reads()).toEqual({ low: before.low + 2, levels: before.levels + 2 });
  });
});

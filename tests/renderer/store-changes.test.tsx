/**
 * Issue 12, section 2: when the shell reports a store change (`window.api.onStoreChange`), the
 * screens this window has open read again what they show: the products page on `catalogue`, the
 * settings on `settings`, the staff list on `staff`, and nothing this window never loaded. While
 * nobody uses the window (no activity reported lately), the topic waits for the next activity,
 * so a change elsewhere cannot keep an unattended till unlocked (S2).
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TillSettings } from '../../shared/contract';
import { useProductsStore } from '../../renderer/src/stores/products';
import { useSessionStore } from '../../renderer/src/stores/session';
import { useSettingsStore } from '../../renderer/src/stores/settings';
import { ACTIVE_WINDOW_MS } from '../../renderer/src/stores/store-changes';
import {
  createFakeApi,
  ok,
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
function apiWithChanges(role: 'admin' | 'manager') {
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

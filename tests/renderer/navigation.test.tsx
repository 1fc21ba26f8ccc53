import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, permissionsOf } from '../../shared/permissions';
import {
  NAV_ITEMS,
  resolveScreen,
  visibleNavItems,
} from '../../renderer/src/features/shell/navigation';
import { createFakeApi, ok, renderApp, sessionFor, TILL } from './helpers';

const navButtons = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('button')
    .map((b) => b.querySelector('.mantine-NavLink-label')?.textContent);

describe('navigation by permission', () => {
  it('a cashier sees Checkout, Transactions and Customers only, never Staff', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    renderApp(api);
    await screen.findByRole('navigation', { name: 'Main' });

    expect(navButtons()).toEqual(['Checkout', 'Transactions', 'Customers', 'Your profile']);
    expect(screen.queryByRole('button', { name: /Staff/ })).not.toBeInTheDocument();
    expect(api['staff:list']).not.toHaveBeenCalled();
  });

  it('an admin sees every screen, with Staff and Settings', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    renderApp(api);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(navButtons()).toEqual([
      'Checkout',
      'Transactions',
      'Customers',
      'Products',
      'Reports',
      'Import data',
      'Staff',
      'Settings',
      'Your profile',
    ]);
  });

  it('a member whose role allows no screen sees an explanation, and only their profile', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(
      ok({ session: sessionFor('cashier', { permissions: [] }) }),
    );
    const { user } = renderApp(api);
    expect(
      await screen.findByText(/Your role does not include any screens yet/),
    ).toBeInTheDocument();
    expect(navButtons()).toEqual(['Your profile']);
    await user.click(screen.getByRole('button', { name: 'Your profile' }));
    expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'tom' })).toBeInTheDocument();
  });

  it('goes by permissions, not by role name', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(
      ok({ session: sessionFor('admin', { permissions: ['reports.view'] }) }),
    );
    renderApp(api);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(navButtons()).toEqual(['Reports', 'Your profile']);
  });

  it('the header shows the till, the member and their role, and the session actions', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    renderApp(api);
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText(TILL)).toBeInTheDocument();
    expect(within(banner).getByText('Jonas Weber')).toBeInTheDocument();
    expect(within(banner).getByText('Manager')).toBeInTheDocument();
    for (const name of ['Lock', 'Change password', 'Sign out'])
      expect(within(banner).getByRole('button', { name })).toBeInTheDocument();
  });

  it('Sign out ends the session and shows the sign-in screen', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(api['auth:logout']).toHaveBeenCalledTimes(1);
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
  });
});

describe('visibleNavItems / resolveScreen', () => {
  it('lists only items whose permissions are held, in menu order', () => {
    expect(visibleNavItems([]).map((i) => i.id)).toEqual(['profile']);
    expect(visibleNavItems(permissionsOf('cashier')).map((i) => i.id)).toEqual([
      'checkout',
      'transactions',
      'customers',
      'profile',
    ]);
    expect(visibleNavItems(permissionsOf('manager')).map((i) => i.id)).toEqual([
      'checkout',
      'transactions',
      'customers',
      'products',
      'reports',
      'staff',
      'profile',
    ]);
    expect(visibleNavItems(ALL_PERMISSIONS)).toHaveLength(NAV_ITEMS.length + 1);
    expect(visibleNavItems(['sales.refund']).map((i) => i.id)).toEqual(['transactions', 'profile']);
  });

  it('falls back to the first allowed screen when the chosen one is not allowed', () => {
    const cashierItems = visibleNavItems(permissionsOf('cashier'));
    expect(resolveScreen('staff', cashierItems)?.id).toBe('checkout');
    expect(resolveScreen('customers', cashierItems)?.id).toBe('customers');
    expect(resolveScreen(null, [])).toBeNull();
    // The profile is shown only when chosen: a member without screens is told so.
    expect(resolveScreen(null, visibleNavItems([]))).toBeNull();
    expect(resolveScreen('profile', visibleNavItems([]))?.id).toBe('profile');
  });
});

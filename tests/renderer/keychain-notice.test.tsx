/**
 * Settings → where secrets are kept (issue 9, section 1): the standing key-file warning, and the
 * opt-in button on a till without a keychain; on a store server, whether the till holds the
 * store's key (issue 12).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { SecretsStatus, TillSettings } from '../../shared/contract';
import { createFakeApi, ok, renderApp, sessionFor, STORE_DETAILS, TILL } from './helpers';

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

/** axe-core's critical and serious findings inside `el` (contrast needs a real browser). */
async function axeSerious(el: Element) {
  const { violations } = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

async function openSettings(
  keychain: SecretsStatus['keychain'],
  storeKey: SecretsStatus['storeKey'] = null,
  options: Parameters<typeof renderApp>[1] = {},
) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['secrets:status'].mockResolvedValue(ok({ keychain, storeKey }));
  const rendered = renderApp(api, options);
  await rendered.user.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Settings' });
  await waitFor(() => expect(api['secrets:status']).toHaveBeenCalled());
  return { api, ...rendered };
}

describe('Settings → secrets without a keychain', () => {
  it('shows nothing when the system keychain is in use', async () => {
    await openSettings('os');
    expect(screen.queryByText(/key file/i)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Use a key file' })).toBeNull();
  });

  it('shows a standing warning while the key file is in use', async () => {
    await openSettings('keyFile');
    const warning = await screen.findByRole('status', { name: /kept in a key file/ });
    expect(warning).toHaveTextContent(
      'Secrets are kept in a key file on this computer, not in the system keychain.',
    );
    expect(screen.queryByRole('button', { name: 'Use a key file' })).toBeNull();
    expect(await axeSerious(warning)).toEqual([]);
  });

  it('explains and offers the opt-in without a keychain; after it, the warning stands', async () => {
    const { api, user } = await openSettings('none');
    const section = await screen.findByRole('region', {
      name: 'No system keychain on this computer',
    });
    expect(
      within(section).getByText(/two-factor sign-in and the mail and SMS settings/i),
    ).toBeInTheDocument();
    expect(await axeSerious(section)).toEqual([]);
    api['secrets:useKeyFile'].mockResolvedValue(ok({ keychain: 'keyFile', storeKey: null }));
    await user.click(within(section).getByRole('button', { name: 'Use a key file' }));
    await waitFor(() => expect(api['secrets:useKeyFile']).toHaveBeenCalled());
    expect(await screen.findByRole('status', { name: /kept in a key file/ })).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'No system keychain on this computer' }),
    ).toBeNull();
  });
});

describe("Settings → the store's key on a store server", () => {
  const PENDING = { name: "Waiting for the store's key" };

  it('shows nothing once the till holds it', async () => {
    await openSettings('os', 'held');
    expect(screen.queryByRole('status', PENDING)).toBeNull();
    expect(screen.queryByText(/store's key/)).toBeNull();
  });

  it('says why 2FA, mail and SMS wait, asks again every 5 s, and goes once the key is here', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api } = await openSettings('os', 'pending', {
      user: { advanceTimers: vi.advanceTimersByTime },
    });
    const notice = await screen.findByRole('status', PENDING);
    expect(notice).toHaveTextContent(
      'It arrives a few seconds after another till of the store is running: keep one open.',
    );
    expect(await axeSerious(notice)).toEqual([]);
    const asked = api['secrets:status'].mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(api['secrets:status'].mock.calls.length).toBe(asked + 1);
    expect(screen.getByRole('status', PENDING)).toBeInTheDocument();

    api['secrets:status'].mockResolvedValue(ok({ keychain: 'os', storeKey: 'held' }));
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await waitFor(() => expect(screen.queryByRole('status', PENDING)).toBeNull());
    // Held: no more asking.
    const after = api['secrets:status'].mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(api['secrets:status'].mock.calls.length).toBe(after);
  });

  it('says what to do when the key held for this till does not open, beside the key-file warning', async () => {
    await openSettings('keyFile', 'unavailable');
    const notice = await screen.findByRole('status', {
      name: "The store's key does not open on this till",
    });
    expect(notice).toHaveTextContent('Restart the till; if that does not help, call support.');
    expect(await axeSerious(notice)).toEqual([]);
    expect(screen.getByRole('status', { name: /kept in a key file/ })).toBeInTheDocument();
  });

  it('leaves it to the no-keychain section when the till has no keychain', async () => {
    await openSettings('none', 'unavailable');
    await screen.findByRole('region', { name: 'No system keychain on this computer' });
    expect(screen.queryByText(/store's key/)).toBeNull();
  });
});

/**
 * Settings → where secrets are kept (issue 9, section 1): the standing key-file warning, and the
 * opt-in button on a till without a keychain.
 */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
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

async function openSettings(keychain: SecretsStatus['keychain']) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['secrets:status'].mockResolvedValue(ok({ keychain }));
  const rendered = renderApp(api);
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
    api['secrets:useKeyFile'].mockResolvedValue(ok({ keychain: 'keyFile' }));
    await user.click(within(section).getByRole('button', { name: 'Use a key file' }));
    await waitFor(() => expect(api['secrets:useKeyFile']).toHaveBeenCalled());
    expect(await screen.findByRole('status', { name: /kept in a key file/ })).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'No system keychain on this computer' }),
    ).toBeNull();
  });
});

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TillSettings } from '../../shared/contract';
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

async function openSettings() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['auth:reauthenticate'].mockResolvedValue(ok(sessionFor('admin')));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByLabelText('Store name');
  return { api, ...rendered };
}

describe('settings', () => {
  it('saves the idle-lock minutes after asking for the password again', async () => {
    const { api, user } = await openSettings();
    api['settings:update']
      .mockResolvedValueOnce(fail('REAUTH_REQUIRED'))
      .mockResolvedValueOnce(ok({ ...SETTINGS, idleLockMinutes: 10 }));

    const minutes = await screen.findByLabelText('Lock the till after', { selector: 'input' });
    expect(minutes).toHaveValue('5 minutes');
    await user.click(minutes);
    await user.click(await screen.findByRole('option', { name: '10 minutes' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const reauth = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await user.type(await screen.findByLabelText('Password'), 'my password{Enter}');
    await waitFor(() => expect(api['settings:update']).toHaveBeenCalledTimes(2));
    expect(api['settings:update']).toHaveBeenLastCalledWith({ idleLockMinutes: 10 });
    expect(api['auth:reauthenticate']).toHaveBeenCalledWith({ password: 'my password' });
    expect(await screen.findByText('Idle lock updated.')).toBeInTheDocument();
    expect(reauth).not.toBeInTheDocument();
  });

  it('shows the store settings and sends only the fields that changed', async () => {
    const { api, user } = await openSettings();
    api['settings:update'].mockResolvedValue(
      ok({ ...SETTINGS, storeName: 'Kassa Corner', pricesIncludeTax: false }),
    );
    expect(screen.getByLabelText('Store name')).toHaveValue('Corner Shop');
    expect(screen.getByLabelText('Currency', { selector: 'input' })).toHaveValue('GBP');
    expect(screen.getByLabelText('Prices include tax')).toBeChecked();
    expect(screen.getByLabelText('Time zone', { selector: 'input' })).toHaveValue('Europe/London');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    await user.clear(screen.getByLabelText('Store name'));
    await user.type(screen.getByLabelText('Store name'), 'Kassa Corner');
    await user.click(screen.getByLabelText('Prices include tax'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api['settings:update']).toHaveBeenCalledWith({
        storeName: 'Kassa Corner',
        pricesIncludeTax: false,
      }),
    );
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(screen.getByLabelText('Prices include tax')).not.toBeChecked();
  });

  it('turns the customer display off, sending only that', async () => {
    const { api, user } = await openSettings();
    api['settings:update'].mockResolvedValue(ok({ ...SETTINGS, customerDisplay: false }));
    const box = screen.getByLabelText('Customer display on a second monitor');
    expect(box).toBeChecked();
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api['settings:update']).toHaveBeenCalledWith({ customerDisplay: false }),
    );
  });

  it('refuses an unknown currency before asking the core', async () => {
    const { api, user } = await openSettings();
    const currency = screen.getByLabelText('Currency', { selector: 'input' });
    await user.clear(currency);
    await user.type(currency, 'XYZ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Unknown currency')).toBeInTheDocument();
    expect(api['settings:update']).not.toHaveBeenCalled();
  });

  it('shows the CONFLICT under the currency once sales exist, and changes nothing', async () => {
    const { api, user } = await openSettings();
    api['settings:update'].mockResolvedValue(
      fail('CONFLICT', 'The currency cannot change once sales are recorded.'),
    );
    const currency = screen.getByLabelText('Currency', { selector: 'input' });
    await user.clear(currency);
    await user.type(currency, 'eur');
    expect(currency).toHaveValue('EUR');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api['settings:update']).toHaveBeenCalledWith({ currency: 'EUR' }));
    expect(
      await screen.findByText(/The currency cannot change once sales are recorded/),
    ).toBeInTheDocument();
    expect(currency).toHaveAttribute('aria-invalid', 'true');
  });
});

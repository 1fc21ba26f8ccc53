import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { afterEach } from 'vitest';
import type { OnlineRetailReport, TillSettings } from '../../shared/contract';
import { setLocale } from '../../renderer/src/i18n';
import { createFakeApi, fail, ok, renderApp, sessionFor, SOUND } from './helpers';

/** What settings:get answers on a new till: defaults, store not set up. */
const NEW_STORE: TillSettings = {
  terminalName: 'Till 1',
  idleLockMinutes: 5,
  storeName: 'Kassa',
  storeAddress: '',
  taxNumber: '',
  country: 'GB',
  currency: 'GBP',
  currencyExponent: 2,
  pricesIncludeTax: true,
  defaultTaxRateBps: 2000,
  timeZone: 'Europe/London',
  receiptFooter: '',
  locale: 'en-GB',
  maxDiscountBps: 5000,
  storeSetUp: false,
  customerDisplay: true,
};

const DEMO_REPORT: OnlineRetailReport = {
  rows: 10000,
  encoding: 'utf-8',
  invoices: 512,
  salesCreated: 470,
  refundsCreated: 42,
  alreadyImported: 0,
  customersCreated: 323,
  productsCreated: 2015,
  rejected: [],
  days: [],
};

// A test that switches to German must not leave the next one in German.
afterEach(async () => {
  await setLocale('en-GB');
});

function setupApi() {
  const api = createFakeApi();
  api['app:status'].mockResolvedValue(
    ok({
      setupRequired: true,
      terminalName: 'Till 1',
      safeMode: false,
      integrity: SOUND,
      storage: { ok: true },
    }),
  );
  return api;
}

describe('first-run set-up', () => {
  it('shows only the set-up form when set-up is required', async () => {
    renderApp(setupApi());
    expect(await screen.findByRole('heading', { name: 'Set up Kassa' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create admin' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Username or email')).not.toBeInTheDocument();
  });

  it('checks the fields before calling the main process', async () => {
    const api = setupApi();
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Create admin' }));

    expect(screen.getByLabelText('Display name')).toHaveAccessibleDescription(
      expect.stringContaining('Required'),
    );
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      expect.stringContaining('At least 3 characters'),
    );
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      expect.stringContaining('Enter a valid email address'),
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      expect.stringContaining('Use at least 8 characters'),
    );
    expect(api['setup:createAdmin']).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Username'), 'Bad Name!');
    await user.click(screen.getByRole('button', { name: 'Create admin' }));
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      expect.stringContaining('Use letters, digits, dot, dash or underscore'),
    );
    expect(api['setup:createAdmin']).not.toHaveBeenCalled();
  });

  it('creates the admin, then sets up the store; the app then speaks German', async () => {
    const api = setupApi();
    api['setup:createAdmin'].mockResolvedValue(ok(sessionFor('admin')));
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    // A new store: defaults, not set up.
    api['settings:get'].mockResolvedValue(ok(NEW_STORE));
    api['settings:setUpStore'].mockImplementation(async (input) =>
      ok({ ...NEW_STORE, ...input!, storeSetUp: true }),
    );
    const { user } = renderApp(api);

    await user.type(await screen.findByLabelText('Display name'), 'Amira Haddad');
    await user.type(screen.getByLabelText('Username'), 'amira');
    await user.type(screen.getByLabelText('Email'), 'amira@shop.example');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.keyboard('{Enter}');

    await waitFor(() =>
      expect(api['setup:createAdmin']).toHaveBeenCalledWith({
        username: 'amira',
        email: 'amira@shop.example',
        displayName: 'Amira Haddad',
        password: 'correct horse battery',
      }),
    );
    // Step 2 follows at once: the store, not the app.
    expect(await screen.findByText(/Step 2 of 2/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(screen.getByText(/it locks after the first sale/)).toBeInTheDocument();

    // Nothing is sent without a store name.
    await user.click(screen.getByRole('button', { name: 'Finish set-up' }));
    expect(screen.getByLabelText('Store name')).toHaveAttribute('aria-invalid', 'true');
    expect(api['settings:setUpStore']).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Store name'), 'Bäckerei Schmidt');
    await user.type(screen.getByLabelText('Address'), 'Hauptstraße 1{Enter}10115 Berlin');
    await user.type(screen.getByLabelText('VAT / tax number'), 'DE123456789');
    await user.type(screen.getByLabelText('Receipt footer'), 'Vielen Dank!');
    // Germany fills in euros, 19 %, Berlin time and German.
    await user.click(screen.getByLabelText('Country', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Germany (DE)' }));
    expect(screen.getByLabelText('Currency', { selector: 'input' })).toHaveValue('EUR');
    expect(screen.getByLabelText('Default tax rate')).toHaveValue('19');
    // The demo is in pounds: not offered to a store in euros.
    expect(screen.getByLabelText('Load the demo catalogue and sales (GBP)')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Finish set-up' }));

    await waitFor(() =>
      expect(api['settings:setUpStore']).toHaveBeenCalledWith({
        storeName: 'Bäckerei Schmidt',
        storeAddress: 'Hauptstraße 1\n10115 Berlin',
        taxNumber: 'DE123456789',
        country: 'DE',
        currency: 'EUR',
        pricesIncludeTax: true,
        defaultTaxRateBps: 1900,
        timeZone: 'Europe/Berlin',
        receiptFooter: 'Vielen Dank!',
        locale: 'de-DE',
      }),
    );
    // The app, in German.
    expect(await screen.findByRole('navigation', { name: 'Hauptmenü' })).toBeInTheDocument();
    expect(await screen.findByText('Das Geschäft ist eingerichtet.')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de-DE');
    expect(api['import:onlineRetail']).not.toHaveBeenCalled();
  }, 90_000);

  it('a GBP store may load the demo data, through the ordinary import', async () => {
    const api = setupApi();
    api['setup:createAdmin'].mockResolvedValue(ok(sessionFor('admin')));
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok(NEW_STORE));
    api['settings:setUpStore'].mockImplementation(async (input) =>
      ok({ ...NEW_STORE, ...input!, storeSetUp: true }),
    );
    api['import:progress'].mockResolvedValue(ok({ progress: null }));
    api['import:onlineRetail'].mockResolvedValue(ok(DEMO_REPORT));
    const { user } = renderApp(api);
    await user.type(await screen.findByLabelText('Display name'), 'Amira Haddad');
    await user.type(screen.getByLabelText('Username'), 'amira');
    await user.type(screen.getByLabelText('Email'), 'amira@shop.example');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery{Enter}');
    await user.type(await screen.findByLabelText('Store name'), 'Corner Shop');
    await user.click(screen.getByLabelText('Load the demo catalogue and sales (GBP)'));
    await user.click(screen.getByRole('button', { name: 'Finish set-up' }));
    await waitFor(() => expect(api['import:onlineRetail']).toHaveBeenCalledTimes(1), {
      timeout: 10_000,
    });
    const sent = api['import:onlineRetail'].mock.calls[0]![0] as { csvBase64: string };
    expect(atob(sent.csvBase64.slice(0, 40))).toMatch(/^InvoiceNo,StockCode/);
    expect(await screen.findByText(/512 demo sales and refunds were loaded/)).toBeInTheDocument();
  }, 60_000);

  it('shows a refused password next to the password field', async () => {
    const api = setupApi();
    api['setup:createAdmin'].mockResolvedValue(fail('WEAK_PASSWORD', 'too common'));
    const { user } = renderApp(api);

    await user.type(await screen.findByLabelText('Display name'), 'Amira');
    await user.type(screen.getByLabelText('Username'), 'amira');
    await user.type(screen.getByLabelText('Email'), 'amira@shop.example');
    await user.type(screen.getByLabelText('Password'), 'password1');
    await user.click(screen.getByRole('button', { name: 'Create admin' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
        expect.stringContaining('Choose a stronger password'),
      ),
    );
    expect(screen.queryByText('too common')).not.toBeInTheDocument();
  });

  it('shows SETUP_ALREADY_DONE as a human message, never the code', async () => {
    const api = setupApi();
    api['setup:createAdmin'].mockResolvedValue(fail('SETUP_ALREADY_DONE'));
    const { user } = renderApp(api);
    await user.type(await screen.findByLabelText('Display name'), 'Amira');
    await user.type(screen.getByLabelText('Username'), 'amira');
    await user.type(screen.getByLabelText('Email'), 'amira@shop.example');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create admin' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Kassa is already set up on this till. Sign in instead.',
    );
    expect(screen.queryByText(/SETUP_ALREADY_DONE/)).not.toBeInTheDocument();
  });
});

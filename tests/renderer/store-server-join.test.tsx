/**
 * First run, "Join a store server" (issue 12, section 1), against a faked core: the form checks
 * its fields before any call, "Test connection" shows what failed in words, a taken till name is
 * said next to the form, and a join that worked brings the till to the store's first admin
 * without offering the choice again. In Settings, a till on its own file copies its data to a
 * server after the password is asked again, and says what was checked. The core's side is
 * tests/core/store-server-join.test.ts and store-server-copy.test.ts.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, renderApp, sessionFor, SOUND, SHOP_SETTINGS } from './helpers';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

function firstRunApi() {
  const api = createFakeApi();
  const status = {
    setupRequired: true,
    terminalName: 'till-pc',
    database: 'local' as const,
    safeMode: false,
    integrity: SOUND,
    storage: { ok: true },
  };
  api['app:status'].mockResolvedValue(ok(status));
  return { api, status };
}

describe('joining a store server at first run', () => {
  it('checks, tests, says what failed, and joins', async () => {
    const { api, status } = firstRunApi();
    const { user } = renderApp(api);
    await user.click(await screen.findByText('Join a store server'));
    expect(screen.queryByRole('button', { name: 'Create admin' })).not.toBeInTheDocument();

    // Nothing is sent until the fields are filled in; verify-full (the default) needs the CA.
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByLabelText('Server')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      expect.stringContaining('Required'),
    );
    expect(screen.getByLabelText('CA certificate (PEM)')).toHaveAttribute('aria-invalid', 'true');
    expect(api['storeServer:test']).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Server'), 'store-server.lan');
    await user.type(screen.getByLabelText('Password'), 'till secret');
    await user.click(screen.getByLabelText('CA certificate (PEM)'));
    await user.paste(CA);
    await user.type(screen.getByLabelText("This till's name"), 'Till 2');

    api['storeServer:test'].mockResolvedValueOnce(
      ok({
        ok: false,
        problem: 'authentication',
        detail: 'password authentication failed for user "kassa_till"',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The server refused that user or password')).toBeVisible();
    expect(api['storeServer:test']).toHaveBeenCalledWith({
      connection: {
        host: 'store-server.lan',
        port: 5432,
        database: 'kassa',
        user: 'kassa_till',
        password: 'till secret',
        tls: 'verify-full',
        ca: CA,
      },
    });
    api['storeServer:test'].mockResolvedValueOnce(ok({ ok: true, serverVersion: '15.8' }));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected to PostgreSQL 15.8.')).toBeVisible();

    // Another till has the name: said, and the till stays where it is.
    api['storeServer:join'].mockResolvedValueOnce(
      fail('TILL_NAME_TAKEN', 'Another till of this store is already called “Till 2”.'),
    );
    await user.click(screen.getByRole('button', { name: 'Join the store server' }));
    expect(
      await screen.findByText(/Another till of this store already has that name/),
    ).toBeVisible();

    // Joined: the core now runs on the server, whose store has no staff yet.
    api['storeServer:join'].mockResolvedValueOnce(ok({ tillName: 'Till 3' }));
    api['app:status'].mockResolvedValue(
      ok({ ...status, terminalName: 'Till 3', database: 'server' }),
    );
    await user.clear(screen.getByLabelText("This till's name"));
    await user.type(screen.getByLabelText("This till's name"), 'Till 3');
    await user.click(screen.getByRole('button', { name: 'Join the store server' }));
    expect(await screen.findByText(/This till has joined the store server/)).toBeVisible();
    await waitFor(() =>
      expect(api['storeServer:join']).toHaveBeenLastCalledWith(
        expect.objectContaining({ tillName: 'Till 3' }),
      ),
    );
    expect(screen.getByRole('button', { name: 'Create admin' })).toBeVisible();
    expect(screen.queryByText('Join a store server')).not.toBeInTheDocument();
  });
});

describe('Settings → Store server', () => {
  it('copies a local till to a server after re-authentication, and reports the check', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok(SHOP_SETTINGS));
    api['storeServer:connection'].mockResolvedValue(ok({ kind: 'local' }));
    api['auth:reauthenticate'].mockResolvedValue(ok(sessionFor('admin')));
    api['storeServer:copy']
      .mockResolvedValueOnce(fail('REAUTH_REQUIRED'))
      .mockResolvedValueOnce(
        ok({ tillName: 'Till 1', tables: 41, rows: 12345, salesTotal: 987654 }),
      );
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(
      await screen.findByText('This till keeps its data in a database on this computer.'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Copy my data to a store server…' }));
    await user.type(screen.getByLabelText('Server'), '10.0.0.5');
    await user.type(screen.getByLabelText('Password'), 'till secret');
    await user.click(screen.getByLabelText('CA certificate (PEM)'));
    await user.paste(CA);
    await user.clear(screen.getByLabelText("This till's name on the server"));
    await user.type(screen.getByLabelText("This till's name on the server"), 'Till 1');
    await user.click(screen.getByRole('button', { name: 'Copy, check and switch' }));

    const reauth = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await user.type(within(reauth).getByLabelText('Password'), 'my password{Enter}');
    await waitFor(() => expect(api['storeServer:copy']).toHaveBeenCalledTimes(2));
    expect(api['storeServer:copy']).toHaveBeenLastCalledWith({
      connection: {
        host: '10.0.0.5',
        port: 5432,
        database: 'kassa',
        user: 'kassa_till',
        password: 'till secret',
        tls: 'verify-full',
        ca: CA,
      },
      tillName: 'Till 1',
    });
    expect(
      await screen.findByText(/Copied 12,345 rows in 41 tables; sales total £9,876.54 matches/),
    ).toBeVisible();
  });
});

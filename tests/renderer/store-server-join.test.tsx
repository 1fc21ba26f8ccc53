/**
 * First run, "Join a store server" (issue 12, section 1), against a faked core: the form checks
 * its fields before any call, "Test connection" shows what failed in words, a taken till name is
 * said next to the form, and a join that worked brings the till to the store's first admin
 * without offering the choice again. The core's side is tests/core/store-server-join.test.ts.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, renderApp, SOUND } from './helpers';

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
      host: 'store-server.lan',
      port: 5432,
      database: 'kassa',
      user: 'kassa_till',
      password: 'till secret',
      tls: 'verify-full',
      ca: CA,
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

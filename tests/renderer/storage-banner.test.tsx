/**
 * D7 in the renderer: after a write that could not be stored, the shell shows a standing warning
 * that says the sale was not saved, until a write succeeds again. Issue 12, section 3: on a store
 * server that cannot be reached, the warning says so, and since when.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call } from '../../renderer/src/api/client';
import { useSessionStore, useStorageStore } from '../../renderer/src/stores';
import { createFakeApi, fail, ok, renderApp, sessionFor, SOUND, TILL } from './helpers';

const BANNER = { name: /Sales are not being saved/ };

describe('the storage warning (D7)', () => {
  it('shows when the till starts with a storage fault, and clears after the next saved write', async () => {
    const api = createFakeApi();
    api['app:status'].mockResolvedValue(
      ok({
        setupRequired: false,
        terminalName: TILL,
        safeMode: false,
        integrity: SOUND,
        storage: { ok: false, message: 'disk full', since: '2026-12-01T10:00:00.000Z' },
      }),
    );
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    renderApp(api);
    const banner = await screen.findByRole('alert', BANNER);
    expect(banner).toHaveTextContent("The sale was NOT saved: the till's disk is full");

    api['auth:lock'].mockResolvedValue(ok({ ...sessionFor('cashier'), locked: false }));
    await call('auth:lock');
    await waitFor(() => expect(screen.queryByRole('alert', BANNER)).toBeNull());
  });

  it('appears when a write answers STORAGE_FAILED, and a failed read does not clear it', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    renderApp(api);
    await screen.findByRole('button', { name: 'Checkout' });
    expect(screen.queryByRole('alert', BANNER)).toBeNull();

    api['sales:parkedList'].mockResolvedValue(ok([]));
    api['sales:park'].mockResolvedValue(fail('STORAGE_FAILED'));
    await expect(
      call('sales:park', { label: 'x', cart: { lines: [{ productId: 1, quantity: 1 }] } }),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    await screen.findByRole('alert', BANNER);
    await call('sales:parkedList');
    expect(screen.getByRole('alert', BANNER)).toBeInTheDocument();
  });

  it('says when the store server went away, and goes when app:status says it is back', async () => {
    const SERVER = { name: /Store server unreachable since 10:42: sales are paused/ };
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    renderApp(api);
    await screen.findByRole('button', { name: 'Checkout' });
    api['sales:park'].mockResolvedValue(fail('SERVER_UNREACHABLE'));
    await expect(
      call('sales:park', { label: 'x', cart: { lines: [{ productId: 1, quantity: 1 }] } }),
    ).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });
    // The core's own time of the first failure wins over the renderer's.
    const away = new Date(2026, 11, 3, 10, 42).toISOString();
    const status = (storage: { ok: boolean; reason?: 'server' | 'disk'; since?: string }) =>
      ok({ setupRequired: false, terminalName: TILL, safeMode: false, integrity: SOUND, storage });
    api['app:status'].mockResolvedValue(status({ ok: false, reason: 'server', since: away }));
    useStorageStore.getState().setWritable(true);
    await useSessionStore.getState().refreshStatus();
    const banner = await screen.findByRole('alert', SERVER);
    expect(banner).toHaveTextContent('Nothing is saved until it answers again');
    expect(screen.queryByRole('alert', BANNER)).toBeNull();

    api['app:status'].mockResolvedValue(status({ ok: true }));
    await useSessionStore.getState().refreshStatus();
    await waitFor(() => expect(screen.queryByRole('alert', SERVER)).toBeNull());
  });
});

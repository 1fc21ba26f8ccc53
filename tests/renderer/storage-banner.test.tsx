/**
 * D7 in the renderer: after a write that could not be stored, the shell shows a standing warning
 * that says the sale was not saved, until a write succeeds again.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call } from '../../renderer/src/api/client';
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
});

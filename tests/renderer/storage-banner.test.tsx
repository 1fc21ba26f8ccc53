/**
 * D7 in the renderer: after a write that could not be stored, the shell shows a standing warning
 * that says the sale was not saved, until a write succeeds again. Issue 12, section 3: on a store
 * server that cannot be reached, the warning says so, and since when; while it shows, the till
 * asks its core again by itself, and once the server is back the warning goes and a cart the
 * server could not price is priced again. With nobody signed in, the sign-in screen says so too.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { call, SLOW_WRITE_MS } from '../../renderer/src/api/client';
import { SERVER_RECHECK_MS, SERVER_WATCH_MS } from '../../renderer/src/components/StorageBanner';
import { useSessionStore, useStorageStore } from '../../renderer/src/stores';
import { openCheckout, quoteOf, saleFrom } from './checkout-fixtures';
import { createFakeApi, fail, ok, renderApp, sessionFor, SOUND, TILL } from './helpers';

const BANNER = { name: /Sales are not being saved/ };
const SERVER = { name: /Store server unreachable since 10:42: sales are paused/ };
const HELD = { name: /Sales held since 10:42: the store server waits for its standby/ };
/** The core's own time of the first failure, which wins over the renderer's. */
const AWAY = new Date(2026, 11, 3, 10, 42).toISOString();
/** app:status of a set-up till, with `storage` as given, on a store server or (default) not said. */
const status = (
  storage: { ok: boolean; reason?: 'server' | 'disk' | 'replica'; since?: string },
  database?: 'local' | 'server',
) =>
  ok({
    setupRequired: false,
    terminalName: TILL,
    safeMode: false,
    integrity: SOUND,
    storage,
    ...(database ? { database } : {}),
  });

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
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    renderApp(api);
    await screen.findByRole('button', { name: 'Checkout' });
    api['sales:park'].mockResolvedValue(fail('SERVER_UNREACHABLE'));
    await expect(
      call('sales:park', { label: 'x', cart: { lines: [{ productId: 1, quantity: 1 }] } }),
    ).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });
    api['app:status'].mockResolvedValue(status({ ok: false, reason: 'server', since: AWAY }));
    useStorageStore.getState().setWritable(true);
    await useSessionStore.getState().refreshStatus();
    const banner = await screen.findByRole('alert', SERVER);
    expect(banner).toHaveTextContent('Nothing is saved until it answers again');
    expect(screen.queryByRole('alert', BANNER)).toBeNull();

    api['app:status'].mockResolvedValue(status({ ok: true }));
    await useSessionStore.getState().refreshStatus();
    await waitFor(() => expect(screen.queryByRole('alert', SERVER)).toBeNull());
  });

  it('while the server is away, asks the core again by itself; once it is back the warning goes and the cart is priced again', async () => {
    // The first failure's time is the renderer's own here (the quote's), not the core's.
    const ANY_TIME = { name: /Store server unreachable since .+: sales are paused/ };
    const { api, scan, user } = await openCheckout();
    api['app:status'].mockResolvedValue(status({ ok: false, reason: 'server', since: AWAY }));
    api['sales:quote'].mockResolvedValue(fail('SERVER_UNREACHABLE'));
    await user.type(scan, '5000001{Enter}');
    await screen.findByRole('alert', ANY_TIME);
    const pay = screen.getByRole('button', { name: 'Pay' });
    expect(pay).toBeDisabled();

    // Nobody touches the till: it asks the core again every SERVER_RECHECK_MS.
    const asked = api['app:status'].mock.calls.length;
    await waitFor(() => expect(api['app:status'].mock.calls.length).toBeGreaterThan(asked));
    expect(screen.getByRole('alert', ANY_TIME)).toBeInTheDocument();

    const quotes = api['sales:quote'].mock.calls.length;
    api['sales:quote'].mockImplementation(async (input) => ok(quoteOf(input!)));
    api['app:status'].mockResolvedValue(status({ ok: true }));
    await waitFor(() => expect(screen.queryByRole('alert', ANY_TIME)).toBeNull());
    await waitFor(() => expect(pay).toBeEnabled());
    expect(api['sales:quote'].mock.calls.length).toBe(quotes + 1);
  });

  it('with nobody signed in, a store server till asks its core every SERVER_WATCH_MS; a local one does not', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = createFakeApi();
    api['app:status'].mockResolvedValue(status({ ok: true }, 'local'));
    renderApp(api, { user: { advanceTimers: vi.advanceTimersByTime } });
    await screen.findByRole('heading', { name: 'Sign in' });
    const local = api['app:status'].mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(3 * SERVER_WATCH_MS));
    expect(api['app:status'].mock.calls.length).toBe(local);

    api['app:status'].mockResolvedValue(status({ ok: true }, 'server'));
    await act(() => useSessionStore.getState().refreshStatus());
    api['app:status'].mockResolvedValue(
      status({ ok: false, reason: 'server', since: AWAY }, 'server'),
    );
    await act(() => vi.advanceTimersByTimeAsync(SERVER_WATCH_MS));
    expect(await screen.findByRole('alert', SERVER)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeInTheDocument();

    api['app:status'].mockResolvedValue(status({ ok: true }, 'server'));
    await act(() => vi.advanceTimersByTimeAsync(SERVER_RECHECK_MS));
    await waitFor(() => expect(screen.queryByRole('alert', SERVER)).toBeNull());
  });

  it('a sale that the store server holds for its standby: the till asks why, says so on the banner and in the payment dialog, and both go once the sale completes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api, scan, user } = await openCheckout();
    api['app:status'].mockResolvedValue(status({ ok: true }, 'server'));
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pay' })).toBeEnabled());
    await user.keyboard('{F12}');
    const dialog = await screen.findByRole('dialog', { name: 'Take payment' });
    let release = () => {};
    api['sales:checkout'].mockImplementation(
      (input) => new Promise((resolve) => (release = () => resolve(ok(saleFrom(input!))))),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Card' }));
    await user.click(within(dialog).getByRole('button', { name: 'Complete sale' }));
    const asked = api['app:status'].mock.calls.length;
    api['app:status'].mockResolvedValue(
      status({ ok: false, reason: 'replica', since: AWAY }, 'server'),
    );

    // A sale answers in milliseconds: the till asks why only once it has waited SLOW_WRITE_MS.
    await act(() => vi.advanceTimersByTimeAsync(SLOW_WRITE_MS / 2));
    expect(api['app:status'].mock.calls.length).toBe(asked);
    await act(() => vi.advanceTimersByTimeAsync(SLOW_WRITE_MS / 2 + SERVER_RECHECK_MS));
    const banner = await screen.findByRole('alert', HELD);
    expect(banner).toHaveTextContent('The sale is not lost');
    expect(
      within(dialog).getByText(/completes by itself once it does: do not ring it up again/),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: /Complete sale/ })).toBeDisabled();

    api['app:status'].mockResolvedValue(status({ ok: true }, 'server'));
    release();
    await screen.findByRole('region', { name: 'Receipt' });
    await waitFor(() => expect(screen.queryByRole('alert', HELD)).toBeNull());
    // Answered: the till stops asking.
    const after = api['app:status'].mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(3 * SERVER_RECHECK_MS));
    expect(api['app:status'].mock.calls.length).toBe(after);
  });
});

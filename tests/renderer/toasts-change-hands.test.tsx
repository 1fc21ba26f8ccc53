/**
 * Toasts do not outlive the member who caused them: locking the till, signing out, or another
 * member's session closes them, so the next person at the till does not read the previous one's
 * messages (such as the address a code was sent to).
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { notifySuccess } from '../../renderer/src/components/notify';
import { usePinStore } from '../../renderer/src/stores/pin';
import { useSessionStore } from '../../renderer/src/stores/session';
import { createFakeApi, ok, renderApp, sessionFor } from './helpers';

const MESSAGE = 'We sent a 6-digit code to carl@shop.test';

/** Gone well before a toast would close by itself (4 s): it was closed. */
const gone = () =>
  waitFor(() => expect(screen.queryByText(MESSAGE)).not.toBeInTheDocument(), { timeout: 2_500 });

async function showToast() {
  act(() => notifySuccess(MESSAGE));
  expect(await screen.findByText(MESSAGE)).toBeInTheDocument();
}

describe('toasts when the till changes hands', () => {
  it('the Lock button closes them', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    api['auth:lock'].mockResolvedValue(ok(sessionFor('cashier', { locked: true })));
    const { user } = renderApp(api);
    await screen.findByRole('navigation', { name: 'Main' });
    await showToast();

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('heading', { name: 'Till locked' })).toBeInTheDocument();
    await gone();
  });

  it('signing out closes them', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    renderApp(api);
    await screen.findByRole('navigation', { name: 'Main' });
    await showToast();

    await act(() => useSessionStore.getState().logout());
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
    await gone();
  });

  it("another member's session closes them; the same member's does not", async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    api['auth:reauthenticate'].mockResolvedValue(ok(sessionFor('cashier')));
    api['pin:switch'].mockResolvedValue(ok(sessionFor('admin')));
    renderApp(api);
    await screen.findByRole('navigation', { name: 'Main' });
    await showToast();

    await act(() => useSessionStore.getState().reauthenticate('my password'));
    expect(screen.getByText(MESSAGE)).toBeInTheDocument();

    await act(() => usePinStore.getState().switchTo(1, '2580'));
    await gone();
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES } from '../../renderer/src/api/messages';
import { SESSION_POLL_MS } from '../../renderer/src/hooks/useSessionKeeper';
import { ACTIVITY_THROTTLE_MS } from '../../renderer/src/stores/session';
import { createFakeApi, fail, ok, renderApp, sessionFor } from './helpers';

const locked = () => sessionFor('cashier', { locked: true });

describe('lock screen', () => {
  it('shows who locked the till and focuses the password', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    renderApp(api);

    expect(await screen.findByRole('heading', { name: 'Till locked' })).toBeInTheDocument();
    expect(screen.getByText('Tom Baker')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveFocus());
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('unlocks with the password and returns to the app', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    api['auth:unlock'].mockResolvedValue(ok(sessionFor('cashier')));
    const { user } = renderApp(api);

    await user.type(await screen.findByLabelText('Password'), 'my password{Enter}');
    await waitFor(() =>
      expect(api['auth:unlock']).toHaveBeenCalledWith({ password: 'my password' }),
    );
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('says so next to the field when the password is wrong', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    api['auth:unlock'].mockResolvedValue(fail('INVALID_CREDENTIALS'));
    const { user } = renderApp(api);

    await user.type(await screen.findByLabelText('Password'), 'nope{Enter}');
    await waitFor(() =>
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
        expect.stringContaining('That password is not right'),
      ),
    );
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByRole('heading', { name: 'Till locked' })).toBeInTheDocument();
  });

  it('"Sign in as someone else" signs out and shows the sign-in screen', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Sign in as someone else' }));
    await waitFor(() => expect(api['auth:logout']).toHaveBeenCalledTimes(1));
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
  });

  it('the Lock button locks the till', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    api['auth:lock'].mockResolvedValue(ok(locked()));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Lock' }));
    expect(api['auth:lock']).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('heading', { name: 'Till locked' })).toBeInTheDocument();
  });

  it('any call answering SESSION_LOCKED shows the lock screen', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['roles:list'].mockResolvedValue(fail('SESSION_LOCKED'));
    api['staff:list'].mockResolvedValue(fail('SESSION_LOCKED'));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Staff' }));
    expect(await screen.findByRole('heading', { name: 'Till locked' })).toBeInTheDocument();
    expect(screen.queryByText(ERROR_MESSAGES.SESSION_LOCKED)).not.toBeInTheDocument();
  });

  it('polls the session every 5 seconds and locks when the main process has locked it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    renderApp(api, { user: { advanceTimers: vi.advanceTimersByTime } });
    await screen.findByRole('navigation', { name: 'Main' });
    const callsAtStart = api['auth:session'].mock.calls.length;

    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    await act(() => vi.advanceTimersByTimeAsync(SESSION_POLL_MS));
    expect(api['auth:session'].mock.calls.length).toBe(callsAtStart + 1);
    expect(await screen.findByRole('heading', { name: 'Till locked' })).toBeInTheDocument();
  });

  it('reports activity at most once per 20 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    renderApp(api, { user: { advanceTimers: vi.advanceTimersByTime } });
    await screen.findByRole('navigation', { name: 'Main' });

    fireEvent.keyDown(window, { key: 'a' });
    fireEvent.pointerDown(window);
    fireEvent.keyDown(window, { key: 'b' });
    expect(api['auth:activity']).toHaveBeenCalledTimes(1);

    await act(() => vi.advanceTimersByTimeAsync(ACTIVITY_THROTTLE_MS - 1000));
    fireEvent.keyDown(window, { key: 'c' });
    expect(api['auth:activity']).toHaveBeenCalledTimes(1);

    await act(() => vi.advanceTimersByTimeAsync(1000));
    fireEvent.pointerDown(window);
    expect(api['auth:activity']).toHaveBeenCalledTimes(2);
  });

  it('does not report activity while locked', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    renderApp(api);
    await screen.findByRole('heading', { name: 'Till locked' });
    fireEvent.keyDown(window, { key: 'a' });
    expect(api['auth:activity']).not.toHaveBeenCalled();
  });
});

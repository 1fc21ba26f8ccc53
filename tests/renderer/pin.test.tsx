/** Issue 9, section 5: the lock screen's PIN unlock and quick switch, and the profile's PIN section. */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePinStore } from '../../renderer/src/stores/pin';
import { createFakeApi, fail, ok, renderApp, sessionFor } from './helpers';

const locked = () => sessionFor('cashier', { locked: true });

beforeEach(() => usePinStore.getState().reset());

describe('lock screen with a PIN', () => {
  it('unlocks with the PIN, and says so next to the field when it is wrong', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    api['pin:unlock']
      .mockResolvedValueOnce(fail('PIN_INVALID'))
      .mockResolvedValueOnce(ok(sessionFor('cashier')));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Unlock with PIN' }));
    const field = await screen.findByLabelText('PIN');
    await user.type(field, '12{Enter}');
    expect(await screen.findByText('Enter your PIN: 4 to 8 digits.')).toBeInTheDocument();
    expect(api['pin:unlock']).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('PIN'), '2580{Enter}');
    await waitFor(() => expect(api['pin:unlock']).toHaveBeenCalledWith({ pin: '122580' }));
    expect(await screen.findByText(/That PIN is not right/)).toBeInTheDocument();
    expect(screen.getByLabelText('PIN')).toHaveValue('');

    await user.type(screen.getByLabelText('PIN'), '2580{Enter}');
    await waitFor(() => expect(api['pin:unlock']).toHaveBeenLastCalledWith({ pin: '2580' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('"Switch user" lists who may take the till; one enters their PIN and takes it', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    api['pin:members'].mockResolvedValue(
      ok([
        { id: 3, displayName: 'Tom Baker', username: 'tom', current: true },
        { id: 1, displayName: 'Amira Haddad', username: 'amira', current: false },
      ]),
    );
    api['pin:switch'].mockResolvedValue(ok(sessionFor('admin')));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Switch user' }));
    const group = await screen.findByRole('radiogroup', { name: 'Who takes the till?' });
    expect(within(group).queryByText(/Tom Baker/)).not.toBeInTheDocument();
    await user.click(within(group).getByRole('radio', { name: 'Amira Haddad (amira)' }));
    await user.type(await screen.findByLabelText('PIN of Amira Haddad'), '2580{Enter}');
    await waitFor(() =>
      expect(api['pin:switch']).toHaveBeenCalledWith({ staffId: 1, pin: '2580' }),
    );
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('with nobody to switch to, offers the password sign-in', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: locked() }));
    api['pin:members'].mockResolvedValue(ok([]));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Switch user' }));
    expect(await screen.findByText(/Nobody else with a PIN/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in as someone else' }));
    await waitFor(() => expect(api['auth:logout']).toHaveBeenCalledTimes(1));
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
  });
});

describe('profile: till PIN', () => {
  it('sets a PIN with the password; repeats must match; too simple is said at the PIN', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    api['pin:status'].mockResolvedValue(ok({ set: false, disabledAt: null, updatedAt: null }));
    api['pin:set']
      .mockResolvedValueOnce(fail('VALIDATION_FAILED'))
      .mockResolvedValueOnce(
        ok({ set: true, disabledAt: null, updatedAt: '2026-11-23T09:00:00.000Z' }),
      );
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Your profile' }));
    const form = await screen.findByRole('form', { name: 'Till PIN' });
    expect(within(form).queryByRole('button', { name: 'Remove PIN' })).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText('New PIN'), '4826');
    await user.type(within(form).getByLabelText('Repeat the PIN'), '4827');
    await user.type(within(form).getByLabelText('Your password'), 'my password');
    await user.click(within(form).getByRole('button', { name: 'Set PIN' }));
    expect(await within(form).findByText('The two PINs are not the same.')).toBeInTheDocument();
    expect(api['pin:set']).not.toHaveBeenCalled();

    await user.clear(within(form).getByLabelText('Repeat the PIN'));
    await user.type(within(form).getByLabelText('Repeat the PIN'), '4826');
    await user.click(within(form).getByRole('button', { name: 'Set PIN' }));
    await waitFor(() =>
      expect(api['pin:set']).toHaveBeenCalledWith({ password: 'my password', pin: '4826' }),
    );
    expect(await within(form).findByText(/too easy to guess/)).toBeInTheDocument();

    await user.type(within(form).getByLabelText('Your password'), 'my password');
    await user.click(within(form).getByRole('button', { name: 'Set PIN' }));
    expect(await screen.findByText('PIN set')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Remove PIN' })).toBeInTheDocument();
  });
});

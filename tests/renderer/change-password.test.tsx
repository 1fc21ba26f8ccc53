import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../renderer/src/api/messages';
import { createFakeApi, fail, ok, renderApp, sessionFor } from './helpers';

const mustChange = () => sessionFor('cashier', { mustChangePassword: true });

/** The core's answer to a successful change; the session poll then reads the changed session too. */
function changeSucceeds(api: ReturnType<typeof createFakeApi>) {
  api['auth:changePassword'].mockImplementation(async () => {
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    return ok(sessionFor('cashier'));
  });
}

async function fill(
  user: ReturnType<typeof renderApp>['user'],
  current: string,
  next: string,
  confirm = next,
) {
  await user.type(await screen.findByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('Confirm new password'), confirm);
}

describe('forced password change', () => {
  it('comes before anything else', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: mustChange() }));
    renderApp(api);

    expect(
      await screen.findByRole('heading', { name: 'Choose a new password' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Current password')).toHaveFocus());
  });

  it('checks length and confirmation before calling the main process', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: mustChange() }));
    const { user } = renderApp(api);

    await fill(user, 'Temp-1234', 'short', 'shorter');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Use at least 8 characters'),
    );
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription(
      expect.stringContaining('The two new passwords are not the same'),
    );
    expect(api['auth:changePassword']).not.toHaveBeenCalled();
  });

  it('changes the password and opens the app', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: mustChange() }));
    changeSucceeds(api);
    const { user } = renderApp(api);

    await fill(user, 'Temp-1234', 'my own good password');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(api['auth:changePassword']).toHaveBeenCalledWith({
        currentPassword: 'Temp-1234',
        newPassword: 'my own good password',
      }),
    );
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('puts a wrong current password and a weak new one next to their fields', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: mustChange() }));
    api['auth:changePassword'].mockResolvedValueOnce(fail('INVALID_CREDENTIALS'));
    const { user } = renderApp(api);

    await fill(user, 'wrong-temp', 'my own good password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
        expect.stringContaining('That is not your current password'),
      ),
    );

    api['auth:changePassword'].mockResolvedValueOnce(fail('WEAK_PASSWORD'));
    await user.type(screen.getByLabelText('Current password'), 'Temp-1234');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
        expect.stringContaining(ERROR_MESSAGES.WEAK_PASSWORD),
      ),
    );
    expect(screen.getByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument();
  });

  it('a call answering PASSWORD_CHANGE_REQUIRED brings the screen back', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(fail('PASSWORD_CHANGE_REQUIRED'));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(
      await screen.findByRole('heading', { name: 'Choose a new password' }),
    ).toBeInTheDocument();
  });
});

describe('forced password change within 10 minutes of signing in (item 9)', () => {
  const fresh = () =>
    sessionFor('cashier', {
      mustChangePassword: true,
      changeWithoutCurrentUntil: new Date(Date.now() + 9 * 60_000).toISOString(),
    });

  it('asks only for the new password twice, with focus on it', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: fresh() }));
    changeSucceeds(api);
    const { user } = renderApp(api);

    await screen.findByRole('heading', { name: 'Choose a new password' });
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('New password')).toHaveFocus());
    await user.type(screen.getByLabelText('New password'), 'my own good password');
    await user.type(screen.getByLabelText('Confirm new password'), 'my own good password{Enter}');
    await waitFor(() =>
      expect(api['auth:changePassword']).toHaveBeenCalledWith({
        newPassword: 'my own good password',
      }),
    );
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('shows the current-password field when the core says the 10 minutes are over', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: fresh() }));
    api['auth:changePassword'].mockResolvedValueOnce(
      fail('VALIDATION_FAILED', 'Enter your current password.', [
        { path: 'currentPassword', message: 'Enter your current password.' },
      ]),
    );
    const { user } = renderApp(api);

    await user.type(await screen.findByLabelText('New password'), 'my own good password');
    await user.type(screen.getByLabelText('Confirm new password'), 'my own good password{Enter}');
    const current = await screen.findByLabelText('Current password');
    expect(current).toHaveAccessibleDescription(
      expect.stringContaining('More than 10 minutes have passed since you signed in'),
    );
    api['auth:changePassword'].mockResolvedValueOnce(ok(sessionFor('cashier')));
    await user.type(current, 'Temp-1234{Enter}');
    await waitFor(() =>
      expect(api['auth:changePassword']).toHaveBeenLastCalledWith({
        currentPassword: 'Temp-1234',
        newPassword: 'my own good password',
      }),
    );
  });

  it('asks for the current password when the session does not waive it', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: mustChange() }));
    renderApp(api);
    expect(await screen.findByLabelText('Current password')).toBeInTheDocument();
    expect(mustChange()).not.toHaveProperty('changeWithoutCurrentUntil');
  });
});

describe('change password from the shell', () => {
  it('opens a dialog, changes the password and closes', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    api['auth:changePassword'].mockResolvedValue(ok(sessionFor('cashier')));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Change password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change your password' });
    await user.type(within(dialog).getByLabelText('Current password'), 'old password');
    await user.type(within(dialog).getByLabelText('New password'), 'a brand new password');
    await user.type(within(dialog).getByLabelText('Confirm new password'), 'a brand new password');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));

    await waitFor(() =>
      expect(api['auth:changePassword']).toHaveBeenCalledWith({
        currentPassword: 'old password',
        newPassword: 'a brand new password',
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Change your password' }),
      ).not.toBeInTheDocument(),
    );
    expect(await screen.findByText(/Password changed/)).toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, renderApp, sessionFor, SOUND } from './helpers';

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

  it('creates the admin, who is then signed in to the app', async () => {
    const api = setupApi();
    api['setup:createAdmin'].mockResolvedValue(ok(sessionFor('admin')));
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
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByText('Amira Haddad')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Set up Kassa' })).not.toBeInTheDocument();
  });

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

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import { ERROR_MESSAGES } from '../../renderer/src/api/messages';
import { createFakeApi, fail, ok, renderApp, sessionFor } from './helpers';

describe('sign-in', () => {
  it('is keyboard first: identifier focused, Tab to password, Enter submits', async () => {
    const api = createFakeApi();
    api['auth:login'].mockResolvedValue(ok(sessionFor('cashier')));
    const { user } = renderApp(api);

    const identifier = await screen.findByLabelText('Username or email');
    await waitFor(() => expect(identifier).toHaveFocus());
    await user.keyboard('tom');
    await user.tab();
    expect(screen.getByLabelText('Password')).toHaveFocus();
    await user.keyboard('s3cret password{Enter}');

    await waitFor(() =>
      expect(api['auth:login']).toHaveBeenCalledWith({
        identifier: 'tom',
        password: 's3cret password',
      }),
    );
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('asks for both fields before calling the main process', async () => {
    const api = createFakeApi();
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Username or email')).toHaveAccessibleDescription(
      expect.stringContaining('Enter your username or email'),
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      expect.stringContaining('Enter your password'),
    );
    expect(api['auth:login']).not.toHaveBeenCalled();
  });

  const refusals: [ErrorCode, string][] = [
    ['INVALID_CREDENTIALS', 'The username, email or password is not right'],
    ['ACCOUNT_LOCKED', 'locked after too many failed sign-ins'],
    ['ACCOUNT_PENDING', 'waiting for an admin to approve'],
    ['ACCOUNT_REJECTED', 'request was declined'],
    ['ACCOUNT_DISABLED', 'has been disabled'],
    ['TEMPORARY_PASSWORD_EXPIRED', 'temporary password has expired'],
  ];

  it.each(refusals)(
    'shows a clear message for %s, clears and focuses the password',
    async (code, text) => {
      const api = createFakeApi();
      api['auth:login'].mockResolvedValue(fail(code, 'raw core message'));
      const { user } = renderApp(api);

      await user.type(await screen.findByLabelText('Username or email'), 'tom');
      await user.type(screen.getByLabelText('Password'), 'whatever{Enter}');

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(text);
      expect(alert).toHaveTextContent(ERROR_MESSAGES[code]);
      expect(screen.queryByText(code)).not.toBeInTheDocument();
      expect(screen.queryByText('raw core message')).not.toBeInTheDocument();
      expect(screen.getByLabelText('Password')).toHaveValue('');
      expect(screen.getByLabelText('Password')).toHaveFocus();
      expect(screen.getByLabelText('Username or email')).toHaveValue('tom');
    },
  );

  it('explains why the member is back at sign-in after the session expired', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['roles:list'].mockResolvedValue(fail('SESSION_EXPIRED'));
    api['staff:list'].mockResolvedValue(fail('SESSION_EXPIRED'));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Staff' }));
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
    expect(screen.getByText(ERROR_MESSAGES.SESSION_EXPIRED)).toBeInTheDocument();
  });

  it('goes back to sign-in with a message when a call answers UNAUTHENTICATED', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(fail('UNAUTHENTICATED'));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
    expect(screen.getByText(ERROR_MESSAGES.UNAUTHENTICATED)).toBeInTheDocument();
  });
});

describe('request access', () => {
  async function openForm() {
    const api = createFakeApi();
    const rendered = renderApp(api);
    await rendered.user.click(await screen.findByRole('button', { name: 'Request access' }));
    await screen.findByLabelText('Display name');
    return { api, ...rendered };
  }

  async function fillValid(user: Awaited<ReturnType<typeof openForm>>['user']) {
    await user.type(screen.getByLabelText('Display name'), 'Sofia Rossi');
    await user.type(screen.getByLabelText('Username'), 'sofia');
    await user.type(screen.getByLabelText('Email'), 'sofia@shop.example');
    await user.type(screen.getByLabelText('Password'), 'a long pass phrase');
  }

  it('sends the request and confirms that an admin must approve it', async () => {
    const { api, user } = await openForm();
    api['auth:requestAccess'].mockResolvedValue(ok({ status: 'pending' as const }));
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Request access' }));

    await waitFor(() =>
      expect(api['auth:requestAccess']).toHaveBeenCalledWith({
        displayName: 'Sofia Rossi',
        username: 'sofia',
        email: 'sofia@shop.example',
        password: 'a long pass phrase',
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'An admin must approve your request before you can sign in',
    );
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
  });

  it('shows VALIDATION_FAILED issues next to the fields they name', async () => {
    const { api, user } = await openForm();
    api['auth:requestAccess'].mockResolvedValue(
      fail('VALIDATION_FAILED', 'bad input', [
        { path: 'username', message: 'Username from the core is not allowed' },
        { path: 'email', message: 'Email from the core is not allowed' },
      ]),
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Request access' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
        expect.stringContaining('Username from the core is not allowed'),
      ),
    );
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      expect.stringContaining('Email from the core is not allowed'),
    );
    expect(screen.getByLabelText('Password')).not.toHaveAccessibleDescription(
      expect.stringContaining('not allowed'),
    );
  });

  it('shows WEAK_PASSWORD under Password and CONFLICT under the field taken', async () => {
    const { api, user } = await openForm();
    api['auth:requestAccess'].mockResolvedValueOnce(fail('WEAK_PASSWORD', 'common password'));
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Request access' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
        expect.stringContaining(ERROR_MESSAGES.WEAK_PASSWORD),
      ),
    );

    api['auth:requestAccess'].mockResolvedValueOnce(
      fail('CONFLICT', 'That email is already registered'),
    );
    await user.click(screen.getByRole('button', { name: 'Request access' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
        expect.stringContaining('This email is already in use.'),
      ),
    );
    expect(screen.getByLabelText('Username')).not.toHaveAccessibleDescription(
      expect.stringContaining('already'),
    );

    api['auth:requestAccess'].mockResolvedValueOnce(fail('CONFLICT', 'Username taken'));
    await user.click(screen.getByRole('button', { name: 'Request access' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
        expect.stringContaining('This username is already taken.'),
      ),
    );
  });
});

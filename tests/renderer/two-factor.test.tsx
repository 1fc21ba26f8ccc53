/**
 * Issue 9 section 1 in the renderer: the code step after the password (an authenticator code or a
 * recovery code), the enrol-only screen a role can require, and the profile's two-factor section.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ROLES, createFakeApi, fail, ok, renderApp, sessionFor, staffMember } from './helpers';

const PENDING = ok({
  secondFactor: 'totp' as const,
  until: new Date(Date.now() + 300_000).toISOString(),
});
const STARTED = ok({
  uri: 'otpauth://totp/Kassa:amira?issuer=Kassa&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
  qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
  secretGroups: ['JBSW', 'Y3DP', 'EHPK', '3PXP', 'JBSW', 'Y3DP', 'EHPK', '3PXP'],
});
const CODES = Array.from({ length: 10 }, (_, i) => `AB${i}D-EFGH-JKMN-PQR${i}`);

async function signInWithPassword(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Username or email'), 'amira');
  await user.type(screen.getByLabelText('Password'), 'correct horse battery{Enter}');
}

describe('sign-in code step', () => {
  it('asks for the code after the password and signs in with it', async () => {
    const api = createFakeApi();
    api['auth:login'].mockResolvedValue(PENDING);
    api['twoFactor:signIn']
      .mockResolvedValueOnce(fail('INVALID_CREDENTIALS', 'raw'))
      .mockResolvedValueOnce(ok(sessionFor('admin')));
    const { user } = renderApp(api);
    await signInWithPassword(user);

    const code = await screen.findByLabelText('Authenticator code');
    expect(screen.getByRole('heading', { name: 'Two-factor sign-in' })).toBeInTheDocument();
    await waitFor(() => expect(code).toHaveFocus());
    await user.keyboard('123456{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right');
    expect(code).toHaveValue('');
    await user.keyboard('654321{Enter}');
    await waitFor(() =>
      expect(api['twoFactor:signIn']).toHaveBeenLastCalledWith({ code: '654321' }),
    );
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('takes a recovery code instead, and goes back to the password when the step timed out', async () => {
    const api = createFakeApi();
    api['auth:login'].mockResolvedValue(PENDING);
    api['twoFactor:signIn'].mockResolvedValue(fail('NOT_FOUND', 'raw'));
    const { user } = renderApp(api);
    await signInWithPassword(user);
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByLabelText('Recovery code'), 'abcd-efgh-jkmn-pqrs{Enter}');
    await waitFor(() =>
      expect(api['twoFactor:signIn']).toHaveBeenCalledWith({ code: 'abcd-efgh-jkmn-pqrs' }),
    );
    // Back at the password step, with the reason.
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
  });

  it('"Back to sign in" leaves the code step', async () => {
    const api = createFakeApi();
    api['auth:login'].mockResolvedValue(PENDING);
    const { user } = renderApp(api);
    await signInWithPassword(user);
    await user.click(await screen.findByRole('button', { name: 'Back to sign in' }));
    expect(await screen.findByLabelText('Username or email')).toBeInTheDocument();
    expect(api['twoFactor:signIn']).not.toHaveBeenCalled();
  });
});

describe('enrolment', () => {
  it('a role that requires 2FA shows only enrolment: QR, key, code, then the recovery codes once', async () => {
    const api = createFakeApi();
    const enrolOnly = sessionFor('admin', { twoFactorEnrolmentRequired: true });
    api['auth:session']
      .mockResolvedValueOnce(ok({ session: enrolOnly }))
      .mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['twoFactor:startEnrolment'].mockResolvedValue(STARTED);
    api['twoFactor:confirmEnrolment']
      .mockResolvedValueOnce(fail('INVALID_CREDENTIALS', 'raw'))
      .mockResolvedValueOnce(ok({ recoveryCodes: CODES }));
    const { user } = renderApp(api);

    expect(
      await screen.findByRole('heading', { name: 'Set up two-factor sign-in' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'QR code for your authenticator app' }),
    ).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP');
    expect(screen.getByTestId('totp-uri')).toHaveTextContent('otpauth://totp/Kassa:amira');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the 6-digit code');
    expect(api['twoFactor:confirmEnrolment']).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText(/Code from the app/), '111111{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right');
    await user.type(screen.getByLabelText(/Code from the app/), '222222{Enter}');

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByText(/shown only this once/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download as text' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});

describe('profile section', () => {
  it('shows 2FA on with the codes left, and turns it off with the password and a code', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    api['twoFactor:status']
      .mockResolvedValueOnce(
        ok({
          enrolled: true,
          enrolledAt: '2026-11-20T10:00:00.000Z',
          recoveryCodesLeft: 7,
          requiredByRole: false,
        }),
      )
      .mockResolvedValue(
        ok({ enrolled: false, enrolledAt: null, recoveryCodesLeft: 0, requiredByRole: false }),
      );
    api['twoFactor:remove']
      .mockResolvedValueOnce(fail('INVALID_CREDENTIALS', 'raw'))
      .mockResolvedValueOnce(ok({}));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Your profile' }));
    const section = await screen.findByRole('region', { name: 'Two-factor sign-in' });
    expect(await within(section).findByText(/7 recovery codes left/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Turn off' }));
    await user.click(within(section).getByRole('button', { name: 'Turn off two-factor sign-in' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Enter your password and a code',
    );
    expect(api['twoFactor:remove']).not.toHaveBeenCalled();
    await user.type(within(section).getByLabelText('Password'), 'till roll paper 42');
    await user.type(within(section).getByLabelText(/recovery code/), '000000{Enter}');
    expect(await within(section).findByRole('alert')).toHaveTextContent('not right');
    await user.type(within(section).getByLabelText(/recovery code/), '123456{Enter}');
    await waitFor(() =>
      expect(api['twoFactor:remove']).toHaveBeenLastCalledWith({
        password: 'till roll paper 42',
        code: '123456',
      }),
    );
    expect(
      await within(section).findByRole('button', { name: 'Set up two-factor sign-in' }),
    ).toBeInTheDocument();
  });
});

describe('staff member actions', () => {
  it('"Reset two-factor sign-in" confirms, asks for the password again, and resets', async () => {
    const api = createFakeApi();
    const jonas = staffMember({
      id: 2,
      username: 'jonas',
      displayName: 'Jonas Weber',
      role: 'manager',
    });
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['roles:list'].mockResolvedValue(ok(ROLES));
    api['staff:list'].mockResolvedValue(ok({ items: [jonas], total: 1 }));
    api['twoFactor:reset']
      .mockResolvedValueOnce(fail('REAUTH_REQUIRED', 'raw'))
      .mockResolvedValueOnce(ok({}))
      .mockResolvedValueOnce(fail('CONFLICT', 'raw'));
    api['auth:reauthenticate'].mockResolvedValue(ok(sessionFor('admin')));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Staff/ }));
    const table = await screen.findByRole('table', { name: 'Staff members' });

    const reset = async () => {
      await user.click(within(table).getByRole('button', { name: 'Actions for Jonas Weber' }));
      await user.click(await screen.findByRole('menuitem', { name: 'Reset two-factor sign-in' }));
      const confirm = await screen.findByRole('dialog', {
        name: 'Reset Jonas Weber’s two-factor sign-in?',
      });
      await user.click(within(confirm).getByRole('button', { name: 'Reset two-factor sign-in' }));
    };
    await reset();
    const reauth = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await user.type(within(reauth).getByLabelText('Password'), 'right password{Enter}');
    expect(
      await screen.findByText(/Two-factor sign-in for Jonas Weber was reset/),
    ).toBeInTheDocument();
    expect(api['twoFactor:reset']).toHaveBeenLastCalledWith({ staffId: 2 });
    await reset();
    expect(await screen.findByText(/has not set up two-factor sign-in/)).toBeInTheDocument();
  });
});

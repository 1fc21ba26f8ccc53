/**
 * Issue 9, section 4: a member whose session the store's "verified before access" rule restricts
 * sees only the verify screen (send, enter the code, change the address, sign out), reaches it
 * from any call answered VERIFICATION_REQUIRED, and gets the app once the code is accepted.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContactStatus } from '../../shared/contract';
import { createFakeApi, fail, ok, renderApp, ROLES, sessionFor } from './helpers';

const STATUS: ContactStatus = {
  email: 'tom@shop.test',
  emailVerifiedAt: null,
  emailCodeExpiresAt: null,
  mailAvailable: true,
  phone: null,
  phoneVerifiedAt: null,
  phoneCodeExpiresAt: null,
  smsAvailable: true,
};
const EXPIRES = '2026-11-23T09:10:00.000Z';

describe('the verify-only screen', () => {
  it('sends a code, takes a pasted code, re-reads the session and opens the app', async () => {
    const api = createFakeApi();
    const restricted = sessionFor('cashier', { verificationRequired: 'email' });
    api['auth:session'].mockResolvedValue(ok({ session: restricted }));
    api['contacts:status'].mockResolvedValue(ok(STATUS));
    const { user } = renderApp(api);
    expect(
      await screen.findByRole('heading', { name: 'Before you start, verify your e-mail address' }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Your profile' })).toBeNull();
    expect(screen.queryByText(/Phone/)).toBeNull();

    api['contacts:sendEmailCode'].mockResolvedValue(
      ok({ sentTo: 't•••@shop.test', expiresAt: EXPIRES }),
    );
    api['contacts:status'].mockResolvedValue(ok({ ...STATUS, emailCodeExpiresAt: EXPIRES }));
    await user.click(await screen.findByRole('button', { name: 'Send a code' }));
    const input = await screen.findByLabelText('Code from the e-mail');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');

    api['contacts:verifyEmail'].mockResolvedValueOnce(fail('CODE_INVALID'));
    await user.click(input);
    await user.paste('123 456');
    expect(input).toHaveValue('123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/That code is not right/)).toBeVisible();
    expect(api['auth:session']).toHaveBeenCalledTimes(1);

    api['contacts:verifyEmail'].mockResolvedValueOnce(ok({ emailVerifiedAt: EXPIRES }));
    api['contacts:status'].mockResolvedValue(ok({ ...STATUS, emailVerifiedAt: EXPIRES }));
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    await user.clear(input);
    await user.paste('654-321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('button', { name: 'Your profile' })).toBeVisible();
    expect(api['contacts:verifyEmail']).toHaveBeenLastCalledWith({ code: '654321' });
  });

  it('a VERIFICATION_REQUIRED answer to any call brings the member there; phone added, sign out', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['roles:list'].mockResolvedValue(ok(ROLES));
    api['twoFactor:rolePolicies'].mockResolvedValue(ok([]));
    api['staff:list'].mockResolvedValue(fail('VERIFICATION_REQUIRED'));
    api['contacts:status'].mockResolvedValue(ok(STATUS));
    const { user } = renderApp(api);
    const staff = await screen.findByRole('button', { name: /^Staff/ });
    // The rule is switched on while the admin is signed in: the core now says so.
    api['auth:session'].mockResolvedValue(
      ok({ session: sessionFor('admin', { verificationRequired: 'phone' }) }),
    );
    await user.click(staff);
    await waitFor(() => expect(api['staff:list']).toHaveBeenCalled());
    expect(
      await screen.findByRole('heading', { name: 'Before you start, verify your phone number' }),
    ).toBeVisible();
    expect(screen.getByText(/No phone number yet/)).toBeVisible();
    expect(screen.queryByText('tom@shop.test')).toBeNull();

    api['profile:update'].mockResolvedValue(
      ok({
        id: 1,
        username: 'amira',
        displayName: 'Amira Haddad',
        email: 'tom@shop.test',
        phone: '+447700900123',
      }),
    );
    api['contacts:status'].mockResolvedValue(ok({ ...STATUS, phone: '+447700900123' }));
    await user.click(screen.getByRole('button', { name: 'Add a phone number' }));
    await user.type(screen.getByLabelText('Mobile number'), '07700 900123');
    await user.click(screen.getByRole('button', { name: 'Save number' }));
    expect(await screen.findByText('+447700900123')).toBeVisible();
    expect(api['profile:update']).toHaveBeenCalledWith({ phone: '07700 900123' });
    expect(screen.getByRole('button', { name: 'Text me a code' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Username or email')).toBeVisible();
    expect(api['auth:logout']).toHaveBeenCalled();
  });

  it("'either' offers both, and one is enough", async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(
      ok({ session: sessionFor('cashier', { verificationRequired: 'either' }) }),
    );
    api['contacts:status'].mockResolvedValue(ok({ ...STATUS, phone: '+447700900123' }));
    renderApp(api);
    expect(
      await screen.findByRole('heading', {
        name: 'Before you start, verify your e-mail address or phone number',
      }),
    ).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Send a code' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Text me a code' })).toBeVisible();
    expect(screen.getByText('One of the two is enough.')).toBeVisible();
  });
});

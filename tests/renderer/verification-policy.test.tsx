/**
 * Issue 9, section 4 in the renderer: the store's "verified before access" rule (Staff → Roles),
 * the verify-only screen a member who has not verified sees instead of the app, and the code step
 * of a request for access while the rule is in force.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VerificationPolicyView } from '../../shared/contract';
import { createFakeApi, fail, ok, renderApp, ROLES, sessionFor } from './helpers';

const POLICY: VerificationPolicyView = {
  policy: 'either',
  inForce: 'phone',
  mailAvailable: false,
  smsAvailable: true,
};

async function openRules(view: VerificationPolicyView = POLICY) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
  api['roles:list'].mockResolvedValue(ok(ROLES));
  api['staff:list'].mockResolvedValue(ok({ items: [], total: 0 }));
  api['twoFactor:rolePolicies'].mockResolvedValue(ok([]));
  api['contacts:policy'].mockResolvedValue(ok(view));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: /^Staff/ }));
  await rendered.user.click(await screen.findByRole('tab', { name: 'Roles' }));
  const region = await screen.findByRole('region', { name: 'Verified before access' });
  await within(region).findByRole('radio', { name: /^Either/ });
  return { api, region: within(region), ...rendered };
}

describe('Staff → Roles: verified before access', () => {
  it('explains each option, disables those whose channel is not set up, and says what is in force', async () => {
    const { region } = await openRules();
    expect(region.getByRole('radio', { name: /^Either/ })).toBeChecked();
    const email = region.getByRole('radio', { name: /^E-mail/ });
    expect(email).toBeDisabled();
    expect(email).toHaveAccessibleDescription(/E-mail is not set up on this till/);
    expect(region.getByRole('radio', { name: /^Phone/ })).toBeEnabled();
    expect(region.getByRole('radio', { name: /^None/ })).toHaveAccessibleDescription(
      /members start work right after signing in/,
    );
    expect(region.getByText('E-mail is not set up, so only the phone is asked for.')).toBeVisible();
    expect(region.getByRole('button', { name: 'Save rule' })).toBeDisabled();
  });

  it('with neither channel set up, only None can be chosen', async () => {
    const { region } = await openRules({
      policy: 'none',
      inForce: 'none',
      mailAvailable: false,
      smsAvailable: false,
    });
    expect(region.getByRole('radio', { name: /^Either/ })).toBeDisabled();
    expect(region.getByRole('radio', { name: /^Phone/ })).toBeDisabled();
    expect(region.getByRole('radio', { name: /^None/ })).toBeEnabled();
    expect(region.queryByRole('status')).toBeNull();
  });

  it('asks for the password, shows a refusal as what to do, and saves on the next try', async () => {
    const { api, region, user } = await openRules();
    api['contacts:setPolicy']
      .mockResolvedValueOnce(fail('REAUTH_REQUIRED'))
      .mockResolvedValueOnce(fail('VERIFICATION_REQUIRED'))
      .mockResolvedValueOnce(
        ok({ policy: 'phone', inForce: 'phone', mailAvailable: false, smsAvailable: true }),
      );
    api['auth:reauthenticate'].mockResolvedValue(ok(sessionFor('admin')));
    await user.click(region.getByRole('radio', { name: /^Phone/ }));
    await user.click(region.getByRole('button', { name: 'Save rule' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Password'), 'admin pass phrase');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await region.findByRole('alert')).toHaveTextContent(
      'Verify your own phone number first',
    );
    expect(api['contacts:setPolicy']).toHaveBeenCalledTimes(2);
    expect(api['contacts:setPolicy']).toHaveBeenLastCalledWith({ policy: 'phone' });
    // The refusal concerns the admin's own contact: they stay in the app.
    expect(screen.getByRole('table', { name: 'Roles' })).toBeVisible();

    await user.click(region.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByText(/Saved. Members who have not verified/)).toBeVisible();
    expect(region.queryByRole('alert')).toBeNull();
    expect(region.queryByText(/so only the phone is asked for/)).toBeNull();
    expect(region.getByRole('radio', { name: /^Phone/ })).toBeChecked();
  });

  it('is not offered without staff.manage', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(
      ok({ session: sessionFor('manager', { permissions: ['staff.view', 'sales.create'] }) }),
    );
    api['roles:list'].mockResolvedValue(ok(ROLES));
    api['staff:list'].mockResolvedValue(ok({ items: [], total: 0 }));
    api['twoFactor:rolePolicies'].mockResolvedValue(ok([]));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Staff/ }));
    await user.click(await screen.findByRole('tab', { name: 'Roles' }));
    await screen.findByRole('table', { name: 'Roles' });
    expect(screen.queryByRole('region', { name: 'Verified before access' })).toBeNull();
    expect(api['contacts:policy']).not.toHaveBeenCalled();
  });
});

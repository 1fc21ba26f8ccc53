/**
 * Issue 9, sections 4 and 6 in the renderer: the E-mail settings section, the profile's e-mail
 * section (send a code, enter it, change the address), and "Forgot your password?" on sign-in.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContactStatus, MailSettingsView, TillSettings } from '../../shared/contract';
import { createFakeApi, fail, ok, renderApp, sessionFor, STORE_DETAILS, TILL } from './helpers';

const OFF: MailSettingsView = {
  configured: false,
  host: '',
  port: 587,
  tls: 'starttls',
  user: '',
  passwordSet: false,
  from: '',
};

describe('forgot password on the sign-in screen', () => {
  it('is not offered while e-mail is not set up', async () => {
    const api = createFakeApi();
    api['reset:available'].mockResolvedValue(ok({ available: false }));
    renderApp(api);
    await screen.findByLabelText('Username or email');
    await waitFor(() => expect(api['reset:available']).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Forgot your password?' })).toBeNull();
  });

  it('asks for the account, then the code and a new password, and signs nobody in', async () => {
    const api = createFakeApi();
    api['reset:available'].mockResolvedValue(ok({ available: true }));
    api['reset:request'].mockResolvedValue(ok({}));
    api['reset:complete'].mockResolvedValueOnce(fail('CODE_INVALID')).mockResolvedValueOnce(ok({}));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Forgot your password?' }));
    await user.click(await screen.findByRole('button', { name: 'E-mail me a code' }));
    expect(api['reset:request']).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Username or email'), 'tom{Enter}');
    expect(await screen.findByText(/If an account with that name or address exists/)).toBeVisible();
    expect(api['reset:request']).toHaveBeenCalledWith({ identifier: 'tom' });

    await user.type(screen.getByLabelText('Code from the e-mail'), 'abcd efgh jkmn pqrs');
    await user.type(screen.getByLabelText('New password'), 'copper lantern 7');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText(/That code is not right/)).toBeVisible();
    await user.type(screen.getByLabelText('New password'), 'copper lantern 8');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText(/Your password was changed/)).toBeVisible();
    expect(api['reset:complete']).toHaveBeenLastCalledWith({
      identifier: 'tom',
      code: 'abcd efgh jkmn pqrs',
      newPassword: 'copper lantern 8',
    });
    expect(api['auth:login']).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});

const UNVERIFIED: ContactStatus = {
  email: 'tom@shop.test',
  emailVerifiedAt: null,
  emailCodeExpiresAt: null,
  mailAvailable: true,
  phone: null,
  phoneVerifiedAt: null,
  phoneCodeExpiresAt: null,
  smsAvailable: false,
};

async function openProfile(status: ContactStatus) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
  api['contacts:status'].mockResolvedValue(ok(status));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Your profile' }));
  await screen.findByText('tom@shop.test');
  return { api, ...rendered };
}

describe('the e-mail section of the profile', () => {
  it('sends a code, takes the code, and shows the address as verified', async () => {
    const { api, user } = await openProfile(UNVERIFIED);
    expect(screen.getByText('Not verified')).toBeVisible();
    const expires = '2026-11-23T09:10:00.000Z';
    api['contacts:sendEmailCode'].mockResolvedValue(
      ok({ sentTo: 'tom@shop.test', expiresAt: expires }),
    );
    api['contacts:status'].mockResolvedValue(ok({ ...UNVERIFIED, emailCodeExpiresAt: expires }));
    await user.click(screen.getByRole('button', { name: 'Send a code' }));
    const input = await screen.findByLabelText('Code from the e-mail');
    api['contacts:verifyEmail'].mockResolvedValueOnce(fail('CODE_INVALID'));
    await user.type(input, '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/That code is not right/)).toBeVisible();
    api['contacts:verifyEmail'].mockResolvedValueOnce(ok({ emailVerifiedAt: expires }));
    api['contacts:status'].mockResolvedValue(ok({ ...UNVERIFIED, emailVerifiedAt: expires }));
    await user.clear(input);
    await user.type(input, '654321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/^Verified /)).toBeVisible();
    expect(api['contacts:verifyEmail']).toHaveBeenLastCalledWith({ code: '654321' });
    expect(screen.queryByRole('button', { name: 'Send a new code' })).toBeNull();
  });

  it('says why no code can be sent while e-mail is off, and can change the address', async () => {
    const { api, user } = await openProfile({ ...UNVERIFIED, mailAvailable: false });
    expect(screen.getByText(/E-mail is not set up on this till yet/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Send a code' })).toBeNull();
    api['contacts:changeEmail'].mockResolvedValue(
      ok({ ...UNVERIFIED, email: 'tom.new@shop.test', mailAvailable: false }),
    );
    await user.click(screen.getByRole('button', { name: 'Change address' }));
    const field = screen.getByLabelText('New e-mail address');
    await user.clear(field);
    await user.type(field, 'tom.new@shop.test');
    await user.click(screen.getByRole('button', { name: 'Save address' }));
    expect(await screen.findByText('tom.new@shop.test')).toBeVisible();
    expect(api['contacts:changeEmail']).toHaveBeenCalledWith({ email: 'tom.new@shop.test' });
  });
});

const SETTINGS: TillSettings = {
  terminalName: TILL,
  ...STORE_DETAILS,
  idleLockMinutes: 5,
  storeName: 'Corner Shop',
  currency: 'GBP',
  currencyExponent: 2,
  pricesIncludeTax: true,
  timeZone: 'Europe/London',
  maxDiscountBps: 5000,
};

describe('Settings → E-mail', () => {
  it('saves the SMTP settings, never shows the password, and sends a test e-mail', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['mail:getSettings'].mockResolvedValue(ok(OFF));
    const saved: MailSettingsView = {
      configured: true,
      host: 'smtp.shop.test',
      port: 465,
      tls: 'tls',
      user: 'till',
      passwordSet: true,
      from: 'till@shop.test',
    };
    api['mail:updateSettings'].mockResolvedValue(ok(saved));
    api['mail:sendTest'].mockResolvedValue(ok({ sentAt: '2026-11-23T09:00:00.000Z' }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const section = within(await screen.findByRole('region', { name: /^E-mail/ }));
    expect(section.getByText('Off')).toBeVisible();
    await user.type(section.getByLabelText('SMTP server'), 'smtp.shop.test');
    await user.click(section.getByLabelText('Security', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'TLS (port 465)' }));
    expect(section.getByLabelText('Port')).toHaveValue('465');
    await user.type(section.getByLabelText('User name'), 'till');
    await user.type(section.getByLabelText('Password'), 'smtp secret');
    await user.type(section.getByLabelText('Sender address'), 'till@shop.test');
    await user.click(section.getByRole('button', { name: 'Save e-mail settings' }));
    await waitFor(() =>
      expect(api['mail:updateSettings']).toHaveBeenCalledWith({
        host: 'smtp.shop.test',
        port: 465,
        tls: 'tls',
        user: 'till',
        password: 'smtp secret',
        from: 'till@shop.test',
      }),
    );
    expect(await section.findByText('On')).toBeVisible();
    expect(section.getByLabelText('Password')).toHaveValue('');
    expect(section.getByText(/A password is stored/)).toBeVisible();

    await user.type(section.getByLabelText('Send a test e-mail to'), 'owner@shop.test');
    await user.click(section.getByRole('button', { name: 'Send test e-mail' }));
    await waitFor(() =>
      expect(api['mail:sendTest']).toHaveBeenCalledWith({ to: 'owner@shop.test' }),
    );
  });
});

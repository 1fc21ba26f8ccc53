/**
 * Issue 9, section 4 in the renderer: the profile's phone part (text a code, enter it, verified
 * badge), and why nothing can be sent without a phone or without SMS set up.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContactStatus } from '../../shared/contract';
import { createFakeApi, fail, ok, renderApp, sessionFor } from './helpers';

const STATUS: ContactStatus = {
  email: 'tom@shop.test',
  emailVerifiedAt: '2026-11-20T09:00:00.000Z',
  emailCodeExpiresAt: null,
  mailAvailable: true,
  phone: '+447700900123',
  phoneVerifiedAt: null,
  phoneCodeExpiresAt: null,
  smsAvailable: true,
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

describe('the phone part of the profile', () => {
  it('texts a code, takes the code, and shows the phone as verified', async () => {
    const { api, user } = await openProfile(STATUS);
    expect(screen.getByText('+447700900123')).toBeVisible();
    expect(screen.getByText('Not verified')).toBeVisible();
    const expires = '2026-11-23T09:10:00.000Z';
    api['contacts:sendPhoneCode'].mockResolvedValue(
      ok({ sentTo: '+447700900123', expiresAt: expires }),
    );
    api['contacts:status'].mockResolvedValue(ok({ ...STATUS, phoneCodeExpiresAt: expires }));
    await user.click(screen.getByRole('button', { name: 'Text me a code' }));
    const input = await screen.findByLabelText('Code from the text message');
    api['contacts:verifyPhone'].mockResolvedValueOnce(fail('CODE_INVALID'));
    await user.type(input, '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/That code is not right/)).toBeVisible();
    api['contacts:verifyPhone'].mockResolvedValueOnce(ok({ phoneVerifiedAt: expires }));
    api['contacts:status'].mockResolvedValue(ok({ ...STATUS, phoneVerifiedAt: expires }));
    await user.clear(input);
    await user.type(input, '654321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Your phone number is verified.')).toBeVisible();
    expect(api['contacts:verifyPhone']).toHaveBeenLastCalledWith({ code: '654321' });
    expect(screen.queryByText('Not verified')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Text a new code' })).toBeNull();
  });

  it('a provider failure is shown, and nothing more is offered than a new try', async () => {
    const { api, user } = await openProfile(STATUS);
    api['contacts:sendPhoneCode'].mockResolvedValue(fail('SMS_UNAVAILABLE'));
    await user.click(screen.getByRole('button', { name: 'Text me a code' }));
    expect(await screen.findByText(/could not be reached/)).toBeVisible();
    expect(screen.queryByLabelText('Code from the text message')).toBeNull();
  });

  it('says why no code can be sent without a phone or without SMS', async () => {
    await openProfile({ ...STATUS, phone: null });
    expect(screen.getByText(/No phone number yet/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Text me a code' })).toBeNull();
  });

  it('says SMS is off', async () => {
    await openProfile({ ...STATUS, smsAvailable: false });
    expect(screen.getByText(/Text messages are not set up on this till yet/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Text me a code' })).toBeNull();
  });
});

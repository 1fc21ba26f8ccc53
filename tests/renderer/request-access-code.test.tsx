/**
 * Issue 9, section 4: while the store's "verified before access" rule is in force a request for
 * access answers `status: 'verify'`; the lazily loaded request form then asks for the code (typed
 * or pasted), offers a new one at most once a minute, says plainly when no code could be sent, and
 * asks for a phone only when the core needs one.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, renderApp } from './helpers';

const DETAILS = {
  displayName: 'Sofia Rossi',
  username: 'sofia',
  email: 'sofia@shop.example',
  password: 'a long pass phrase',
};

async function requestWith(answer: Awaited<ReturnType<typeof verifyAnswer>>) {
  const api = createFakeApi();
  api['auth:requestAccess'].mockResolvedValue(answer);
  const rendered = renderApp(api);
  const { user } = rendered;
  await user.click(await screen.findByRole('button', { name: 'Request access' }));
  await user.type(await screen.findByLabelText('Display name'), DETAILS.displayName);
  await user.type(screen.getByLabelText('Username'), DETAILS.username);
  await user.type(screen.getByLabelText('Email'), DETAILS.email);
  await user.type(screen.getByLabelText('Password'), DETAILS.password);
  await user.click(screen.getByRole('button', { name: 'Request access' }));
  return { api, ...rendered };
}

function verifyAnswer(sent: boolean, channel: 'email' | 'phone' = 'email') {
  return Promise.resolve(
    ok({
      status: 'verify' as const,
      channel,
      sentTo: channel === 'email' ? 's•••@shop.example' : '+44 •••• ••• 123',
      sent,
      expiresAt: sent ? '2026-11-23T09:10:00.000Z' : null,
    }),
  );
}

describe('request access: the code step', () => {
  it('takes the code, counts a wrong one, and then the request is with the admins', async () => {
    const { api, user } = await requestWith(await verifyAnswer(true));
    expect(await screen.findByText(/We sent a 6-digit code to s•••@shop.example/)).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Verify your request' })).toBeVisible();
    const input = screen.getByLabelText('6-digit code');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    // Just sent: the next code only after a minute, and the page says so.
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
    expect(screen.getByText(/A new code can be sent in 60 seconds \(once a minute/)).toBeVisible();

    api['contacts:verifyRequest'].mockResolvedValueOnce(fail('CODE_INVALID'));
    await user.type(input, '12345');
    await user.click(screen.getByRole('button', { name: 'Verify and send request' }));
    expect(await screen.findByText('Enter the 6 digits of the code.')).toBeVisible();
    expect(api['contacts:verifyRequest']).not.toHaveBeenCalled();
    await user.type(input, '6');
    await user.click(screen.getByRole('button', { name: 'Verify and send request' }));
    expect(await screen.findByText(/That code is not right/)).toBeVisible();
    expect(input).toHaveValue('');

    api['contacts:verifyRequest'].mockResolvedValueOnce(ok({ status: 'pending' as const }));
    await user.click(input);
    await user.paste(' 654 321 ');
    await user.click(screen.getByRole('button', { name: 'Verify and send request' }));
    // The code step's own status line is there until the answer comes: wait for the new one.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'An admin must approve your request before you can sign in',
      ),
    );
    expect(api['contacts:verifyRequest']).toHaveBeenLastCalledWith({
      identifier: 'sofia',
      code: '654321',
    });
  });

  it('says when the code could not be sent, and sends a new one, then waits a minute', async () => {
    const { api, user } = await requestWith(await verifyAnswer(false));
    expect(
      await screen.findByText('We could not send the code. Try again in a moment.'),
    ).toBeVisible();
    api['contacts:resendRequestCode']
      .mockResolvedValueOnce(fail('RATE_LIMITED'))
      .mockResolvedValueOnce(ok({ sent: true as const }));
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByText(/Too many codes were asked for/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByText(/A new code is on its way to s•••@shop.example/)).toBeVisible();
    expect(screen.queryByText(/could not send the code/)).toBeNull();
    expect(api['contacts:resendRequestCode']).toHaveBeenLastCalledWith({ identifier: 'sofia' });
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
    expect(screen.getByText(/can be sent in 60 seconds/)).toBeVisible();
    expect(
      await screen.findByText(/can be sent in 59 seconds/, {}, { timeout: 2500 }),
    ).toBeVisible();
  });

  it('asks for a phone only when the core needs one, then sends the code by text', async () => {
    const api = createFakeApi();
    api['auth:requestAccess']
      .mockResolvedValueOnce(
        fail('VALIDATION_FAILED', 'phone required', [{ path: 'phone', message: 'Required' }]),
      )
      .mockResolvedValueOnce(await verifyAnswer(true, 'phone'));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Request access' }));
    expect(await screen.findByLabelText('Display name')).toBeVisible();
    expect(screen.queryByLabelText('Mobile number')).toBeNull();
    await user.type(screen.getByLabelText('Display name'), DETAILS.displayName);
    await user.type(screen.getByLabelText('Username'), DETAILS.username);
    await user.type(screen.getByLabelText('Email'), DETAILS.email);
    await user.type(screen.getByLabelText('Password'), DETAILS.password);
    await user.click(screen.getByRole('button', { name: 'Request access' }));
    const phone = await screen.findByLabelText('Mobile number');
    expect(screen.getByText(/Enter your mobile number: this store verifies/)).toBeVisible();
    await user.type(phone, '07700 900123');
    await user.click(screen.getByRole('button', { name: 'Request access' }));
    expect(
      await screen.findByText(/We sent a 6-digit code by text message to \+44 •••• ••• 123/),
    ).toBeVisible();
    expect(api['auth:requestAccess']).toHaveBeenLastCalledWith({
      ...DETAILS,
      phone: '07700 900123',
    });
  });
});

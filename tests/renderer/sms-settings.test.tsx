import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SmsStatus, TillSettings } from '../../shared/contract';
import { createFakeApi, fail, ok, renderApp, sessionFor, STORE_DETAILS, TILL } from './helpers';

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
const OFF: SmsStatus = { configured: false, templateId: null, updatedAt: null, unreadable: false };
const ON: SmsStatus = {
  configured: true,
  templateId: 'kassa-verify',
  updatedAt: '2026-11-23T09:00:00.000Z',
  unreadable: false,
};

async function openSms(status: SmsStatus) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['sms:status'].mockResolvedValue(ok(status));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Settings' }));
  const section = await screen.findByRole('region', { name: 'Text messages (SMS)' });
  return { api, section, ...rendered };
}

describe('Settings → Text messages (SMS)', () => {
  it('saves the provider, then shows only "configured" and offers a test code', async () => {
    const { api, user, section } = await openSms(OFF);
    expect(within(section).getByText('Not configured')).toBeInTheDocument();
    expect(within(section).queryByLabelText('Test phone number')).toBeNull();
    api['sms:save'].mockResolvedValue(ok(ON));
    const s = within(section);
    await user.type(s.getByLabelText('Provider address'), 'https://otp.example.com');
    await user.type(s.getByLabelText('API key ID'), 'key-1');
    await user.type(s.getByLabelText('API key secret'), 'secret-1');
    await user.type(s.getByLabelText('Template ID'), 'kassa-verify');
    await user.click(s.getByRole('button', { name: 'Save SMS settings' }));
    await waitFor(() =>
      expect(api['sms:save']).toHaveBeenCalledWith({
        baseUrl: 'https://otp.example.com',
        keyId: 'key-1',
        keySecret: 'secret-1',
        templateId: 'kassa-verify',
      }),
    );
    expect(await s.findByText('Configured')).toBeInTheDocument();
    // The secret is not kept in the form once saved.
    expect(s.getByLabelText('API key secret')).toHaveValue('');
    api['sms:sendTest'].mockResolvedValue(ok({}));
    await user.type(s.getByLabelText('Test phone number'), '07700 900123');
    await user.click(s.getByRole('button', { name: 'Send test code' }));
    await waitFor(() =>
      expect(api['sms:sendTest']).toHaveBeenCalledWith({ phone: '07700 900123' }),
    );
    expect(await screen.findByText('Test code sent.')).toBeInTheDocument();
  });

  it('empty fields are refused before the core is asked', async () => {
    const { api, user, section } = await openSms(OFF);
    await user.click(within(section).getByRole('button', { name: 'Save SMS settings' }));
    expect(await within(section).findAllByText('Required')).toHaveLength(4);
    expect(api['sms:save']).not.toHaveBeenCalled();
  });

  it("shows the core's refusal next to the field, and a provider failure for the test", async () => {
    const { api, user, section } = await openSms(ON);
    const s = within(section);
    api['sms:sendTest'].mockResolvedValue(fail('SMS_UNAVAILABLE'));
    await user.type(s.getByLabelText('Test phone number'), '07700 900123');
    await user.click(s.getByRole('button', { name: 'Send test code' }));
    expect(
      await s.findByText(/The SMS provider could not be reached or refused the request/),
    ).toBeInTheDocument();
    api['sms:save'].mockResolvedValue(
      fail('VALIDATION_FAILED', 'bad', [{ path: 'baseUrl', message: 'Use an https:// address' }]),
    );
    await user.type(s.getByLabelText('Provider address'), 'http://otp.example.com');
    await user.type(s.getByLabelText('API key ID'), 'k');
    await user.type(s.getByLabelText('API key secret'), 's');
    await user.type(s.getByLabelText('Template ID'), 't');
    await user.click(s.getByRole('button', { name: 'Replace SMS settings' }));
    await waitFor(() => expect(s.getByLabelText('Provider address')).toBeInvalid());
  });

  it('removes the settings', async () => {
    const { api, user, section } = await openSms(ON);
    api['sms:clear'].mockResolvedValue(ok(OFF));
    await user.click(within(section).getByRole('button', { name: 'Remove' }));
    expect(await within(section).findByText('Not configured')).toBeInTheDocument();
    expect(api['sms:clear']).toHaveBeenCalledTimes(1);
  });
});

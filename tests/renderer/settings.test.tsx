import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, renderApp, sessionFor, TILL } from './helpers';

describe('settings', () => {
  it('saves the idle-lock minutes after asking for the password again', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok({ terminalName: TILL, idleLockMinutes: 5 }));
    api['settings:update']
      .mockResolvedValueOnce(fail('REAUTH_REQUIRED'))
      .mockResolvedValueOnce(ok({ terminalName: TILL, idleLockMinutes: 10 }));
    api['auth:reauthenticate'].mockResolvedValue(ok(sessionFor('admin')));
    const { user } = renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const minutes = await screen.findByLabelText('Lock the till after', { selector: 'input' });
    expect(minutes).toHaveValue('5 minutes');
    await user.click(minutes);
    await user.click(await screen.findByRole('option', { name: '10 minutes' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const reauth = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await user.type(await screen.findByLabelText('Password'), 'my password{Enter}');
    await waitFor(() => expect(api['settings:update']).toHaveBeenCalledTimes(2));
    expect(api['settings:update']).toHaveBeenLastCalledWith({ idleLockMinutes: 10 });
    expect(api['auth:reauthenticate']).toHaveBeenCalledWith({ password: 'my password' });
    expect(await screen.findByText('Idle lock updated.')).toBeInTheDocument();
    expect(reauth).not.toBeInTheDocument();
  });
});

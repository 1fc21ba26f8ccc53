import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../shared/contract';
import { createFakeApi, fail, ok, renderApp, sessionFor } from './helpers';

const ME: ProfileView = {
  id: 7,
  username: 'tom',
  displayName: 'Tom Till',
  email: 'tom@shop.test',
  phone: '+447700900123',
};

async function openProfile() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
  api['profile:get'].mockResolvedValue(ok(ME));
  api['profile:signIns'].mockResolvedValue(
    ok({
      items: [
        {
          at: '2026-11-23T09:30:00.000Z',
          terminal: 'Back office',
          outcome: 'failure',
          action: 'auth.login',
        },
        {
          at: '2026-11-23T09:00:00.000Z',
          terminal: 'Front counter',
          outcome: 'success',
          action: 'auth.login',
        },
      ],
    }),
  );
  api['profile:sessions'].mockResolvedValue(
    ok({
      items: [
        {
          current: true,
          terminal: 'Front counter',
          startedAt: '2026-11-23T09:00:00.000Z',
          lastActivityAt: '2026-11-23T09:05:00.000Z',
          locked: false,
        },
        {
          current: false,
          terminal: 'Front counter',
          startedAt: '2026-11-23T08:00:00.000Z',
          lastActivityAt: '2026-11-23T08:05:00.000Z',
          locked: true,
        },
      ],
    }),
  );
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Your profile' }));
  const details = await screen.findByRole('form', { name: 'Your details' });
  return { api, details, ...rendered };
}

describe('the profile page', () => {
  it('edits the own details and sends only what changed', async () => {
    const { api, user, details } = await openProfile();
    const d = within(details);
    expect(d.getByLabelText('Mobile phone')).toHaveValue('+44 7700 900123');
    expect(d.getByRole('button', { name: 'Save details' })).toBeDisabled();
    api['profile:update'].mockResolvedValue(ok({ ...ME, email: 'tom.t@shop.test' }));
    await user.clear(d.getByLabelText('E-mail'));
    await user.type(d.getByLabelText('E-mail'), 'tom.t@shop.test');
    await user.click(d.getByRole('button', { name: 'Save details' }));
    await waitFor(() =>
      expect(api['profile:update']).toHaveBeenCalledWith({ email: 'tom.t@shop.test' }),
    );
    expect(
      await screen.findByText('Your details are saved. Verify the new address or number.'),
    ).toBeInTheDocument();
  });

  it("shows the core's CONFLICT next to the e-mail", async () => {
    const { api, user, details } = await openProfile();
    const d = within(details);
    api['profile:update'].mockResolvedValue(
      fail('CONFLICT', 'taken', [
        { path: 'email', message: 'This email address is already in use.' },
      ]),
    );
    await user.clear(d.getByLabelText('E-mail'));
    await user.type(d.getByLabelText('E-mail'), 'ada@shop.test');
    await user.click(d.getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(d.getByLabelText('E-mail')).toBeInvalid());
  });

  it('lists recent sign-ins and open sessions, and signs out everywhere else', async () => {
    const { api, user } = await openProfile();
    const signIns = await screen.findByRole('table', { name: 'Recent sign-ins' });
    expect(within(signIns).getByText('Wrong password')).toBeInTheDocument();
    expect(within(signIns).getByText('Back office')).toBeInTheDocument();
    const sessions = await screen.findByRole('table', { name: 'Open sessions' });
    expect(within(sessions).getByText('This session')).toBeInTheDocument();
    expect(within(sessions).getByText('Locked')).toBeInTheDocument();
    api['profile:endOtherSessions'].mockResolvedValue(ok({ endedHere: 1 }));
    api['profile:sessions'].mockResolvedValue(
      ok({
        items: [
          {
            current: true,
            terminal: 'Front counter',
            startedAt: '2026-11-23T09:00:00.000Z',
            lastActivityAt: '2026-11-23T09:05:00.000Z',
            locked: false,
          },
        ],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere else' }));
    expect(await screen.findByText('Your other sessions were signed out.')).toBeInTheDocument();
    await waitFor(() => expect(within(sessions).queryByText('Locked')).toBeNull());
    expect(api['profile:endOtherSessions']).toHaveBeenCalledTimes(1);
  });

  it('offers the password change form', async () => {
    await openProfile();
    const section = screen.getByRole('region', { name: 'Password' });
    expect(within(section).getByLabelText('New password')).toBeInTheDocument();
  });
});

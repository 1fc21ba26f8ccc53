import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditEventView, StaffView } from '../../shared/contract';
import { setLocale } from '../../renderer/src/i18n';
import { STAFF_PAGE_SIZE } from '../../renderer/src/stores/staff';
import { createFakeApi, fail, ok, renderApp, ROLES, sessionFor, staffMember } from './helpers';

const sofia = staffMember({
  id: 5,
  username: 'sofia',
  displayName: 'Sofia Rossi',
  status: 'pending',
});
const kwame = staffMember({
  id: 6,
  username: 'kwame',
  displayName: 'Kwame Mensah',
  status: 'pending',
});
const liWei = staffMember({
  id: 3,
  username: 'li.wei',
  displayName: 'Li Wei',
  lockedUntil: '2099-01-01T00:00:00.000Z',
});
const jonas = staffMember({
  id: 2,
  username: 'jonas',
  displayName: 'Jonas Weber',
  role: 'manager',
});
const amira = staffMember({ id: 1, username: 'amira', displayName: 'Amira Haddad', role: 'admin' });
const everyone: StaffView[] = [amira, jonas, liWei, sofia, kwame];

/** An admin on the Staff screen, with staff:list answering from `members` by status. */
async function openStaff(role: 'admin' | 'manager' = 'admin', members: StaffView[] = everyone) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['roles:list'].mockResolvedValue(ok(ROLES));
  api['staff:list'].mockImplementation(async (input) => {
    const items = members.filter((m) => !input?.status || m.status === input.status);
    return ok({ items, total: items.length });
  });
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: /^Staff/ }));
  await screen.findByRole('table', { name: 'Staff members' });
  return { api, ...rendered };
}

const pendingSection = () => screen.getByRole('region', { name: 'Pending requests' });
const rowOf = (name: string) => {
  const cell = within(screen.getByRole('table', { name: 'Staff members' })).getByText(name);
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('staff screen', () => {
  it('loads roles, the pending requests and the first page', async () => {
    const { api } = await openStaff();
    expect(api['roles:list']).toHaveBeenCalled();
    expect(api['staff:list']).toHaveBeenCalledWith({ limit: STAFF_PAGE_SIZE, offset: 0 });
    expect(api['staff:list']).toHaveBeenCalledWith({ status: 'pending', limit: 200, offset: 0 });
    const pending = pendingSection();
    expect(within(pending).getByText('Sofia Rossi')).toBeInTheDocument();
    expect(within(pending).getByText('Kwame Mensah')).toBeInTheDocument();
    expect(within(pending).queryByText('Jonas Weber')).not.toBeInTheDocument();
    expect(within(rowOf('Li Wei')).getByText('Locked out')).toBeInTheDocument();
  });

  it('shows "Locked out" only while the lockout runs', async () => {
    const lapsed = { ...jonas, lockedUntil: new Date(Date.now() - 60_000).toISOString() };
    await openStaff('admin', [amira, lapsed, liWei]);
    expect(within(rowOf('Jonas Weber')).queryByText('Locked out')).not.toBeInTheDocument();
    expect(within(rowOf('Li Wei')).getByText('Locked out')).toBeInTheDocument();
  });

  it('filters call staff:list with the right input', async () => {
    const { api, user } = await openStaff();
    const lastList = () => api['staff:list'].mock.calls.at(-1)?.[0];

    await user.click(screen.getByRole('radio', { name: 'Disabled' }));
    await waitFor(() =>
      expect(lastList()).toEqual({ status: 'disabled', limit: STAFF_PAGE_SIZE, offset: 0 }),
    );

    await user.click(screen.getByLabelText('Role', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Manager' }));
    await waitFor(() =>
      expect(lastList()).toEqual({
        status: 'disabled',
        role: 'manager',
        limit: STAFF_PAGE_SIZE,
        offset: 0,
      }),
    );

    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'jon');
    await waitFor(() =>
      expect(lastList()).toEqual({
        status: 'disabled',
        role: 'manager',
        search: 'jon',
        limit: STAFF_PAGE_SIZE,
        offset: 0,
      }),
    );

    await user.click(screen.getByRole('radio', { name: 'All' }));
    await waitFor(() =>
      expect(lastList()).toEqual({
        role: 'manager',
        search: 'jon',
        limit: STAFF_PAGE_SIZE,
        offset: 0,
      }),
    );
  });

  it('approves with a chosen role (focus on the role), rejects, then reloads', async () => {
    const { api, user } = await openStaff();
    api['staff:approve'].mockResolvedValue(
      ok({ ...sofia, status: 'active', role: 'manager', roleName: 'Manager' }),
    );
    api['staff:reject'].mockResolvedValue(ok({ ...kwame, status: 'disabled', rejected: true }));
    const listCalls = api['staff:list'].mock.calls.length;

    const sofiaRow = within(pendingSection()).getByRole('listitem', { name: 'Sofia Rossi' });
    await user.click(within(sofiaRow).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve Sofia Rossi' });
    const role = within(dialog).getByLabelText('Role', { selector: 'input' });
    await waitFor(() => expect(role).toHaveFocus());
    expect(role).toHaveValue('Cashier');
    await user.click(role);
    await user.click(await screen.findByRole('option', { name: 'Manager' }));
    expect(within(dialog).getByText('Void a sale the same day')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(api['staff:approve']).toHaveBeenCalledWith({ id: 5, role: 'manager' }),
    );
    expect(await screen.findByText('Sofia Rossi can now sign in as Manager.')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Approve Sofia Rossi' })).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(api['staff:list'].mock.calls.length).toBeGreaterThan(listCalls));

    const kwameRow = within(pendingSection()).getByRole('listitem', { name: 'Kwame Mensah' });
    await user.click(within(kwameRow).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(api['staff:reject']).toHaveBeenCalledWith({ id: 6 }));
    expect(await screen.findByText("Kwame Mensah's request was declined.")).toBeInTheDocument();
  });

  it('an approver who may not manage staff approves with the role asked for, without a dialog', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(
      ok({ session: sessionFor('manager', { permissions: ['staff.view', 'staff.approve'] }) }),
    );
    api['roles:list'].mockResolvedValue(ok(ROLES));
    api['staff:list'].mockImplementation(async (input) => {
      const items = everyone.filter((m) => !input?.status || m.status === input.status);
      return ok({ items, total: items.length });
    });
    api['staff:approve'].mockResolvedValue(ok({ ...sofia, status: 'active' }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Staff/ }));
    const sofiaRow = within(
      await screen.findByRole('region', { name: 'Pending requests' }),
    ).getByRole('listitem', { name: 'Sofia Rossi' });
    await user.click(within(sofiaRow).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api['staff:approve']).toHaveBeenCalledWith({ id: 5 }));
    expect(screen.queryByRole('dialog', { name: 'Approve Sofia Rossi' })).not.toBeInTheDocument();
    expect(await screen.findByText('Sofia Rossi can now sign in.')).toBeInTheDocument();
  });

  it('shows the number of waiting requests on the Staff navigation item, on any screen', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['staff:list'].mockImplementation(async (input) => {
      const items = everyone.filter((m) => !input?.status || m.status === input.status);
      return ok({ items, total: items.length });
    });
    api['staff:pendingCount'].mockResolvedValue(ok({ count: 2 }));
    renderApp(api);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      await within(nav).findByRole('button', { name: 'Staff 2 access requests waiting' }),
    ).toBeInTheDocument();
    expect(within(nav).getByText('2')).toBeInTheDocument();
    // Read with the poll that does not count as activity, not the staff list.
    expect(api['staff:pendingCount']).toHaveBeenCalled();
    expect(api['staff:list']).not.toHaveBeenCalled();
  });

  it('shows no badge when nothing is waiting, nor to a member without staff.view', async () => {
    for (const role of ['admin', 'cashier'] as const) {
      const api = createFakeApi();
      api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
      api['staff:pendingCount'].mockResolvedValue(ok({ count: 0 }));
      const { unmount } = renderApp(api);
      const nav = await screen.findByRole('navigation', { name: 'Main' });
      if (role === 'admin')
        expect(await within(nav).findByRole('button', { name: 'Staff' })).toBeInTheDocument();
      else {
        expect(within(nav).queryByRole('button', { name: /Staff/ })).not.toBeInTheDocument();
        expect(api['staff:pendingCount']).not.toHaveBeenCalled();
      }
      unmount();
    }
  });

  it('says a member "had no open sessions" instead of "signed out of 0 sessions"', async () => {
    const { api, user } = await openStaff();
    for (const [ended, text] of [
      [
        0,
        'Jonas Weber had no open sessions on this till. Any on other tills end at their next action.',
      ],
      [1, 'Jonas Weber was signed out of 1 session on this till, and of any on other tills.'],
      [3, 'Jonas Weber was signed out of 3 sessions on this till, and of any on other tills.'],
    ] as const) {
      api['staff:endSessions'].mockResolvedValueOnce(ok({ ended }));
      await user.click(
        within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
      );
      await user.click(await screen.findByRole('menuitem', { name: 'End sessions' }));
      await user.click(
        within(
          await screen.findByRole('dialog', { name: 'Sign Jonas Weber out everywhere?' }),
        ).getByRole('button', { name: 'End sessions' }),
      );
      expect(await screen.findByText(text)).toBeInTheDocument();
    }
    expect(screen.queryByText(/out of 0 sessions/)).not.toBeInTheDocument();
  });

  it('hides Approve / Reject and Add member without the permissions', async () => {
    await openStaff('manager');
    expect(within(pendingSection()).getByText('Sofia Rossi')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add member' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
  });

  it('reset password asks for the password again, retries, and shows the temporary password once', async () => {
    const { api, user } = await openStaff();
    api['staff:resetPassword'].mockResolvedValueOnce(fail('REAUTH_REQUIRED')).mockResolvedValueOnce(
      ok({
        staff: liWei,
        temporaryPassword: 'Qm7-vT2k-9xPa',
        temporaryPasswordExpiresAt: '2099-01-01T10:10:00.000Z',
      }),
    );
    api['auth:reauthenticate']
      .mockResolvedValueOnce(fail('INVALID_CREDENTIALS'))
      .mockResolvedValueOnce(ok(sessionFor('admin')));

    await user.click(within(rowOf('Li Wei')).getByRole('button', { name: 'Actions for Li Wei' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset password' }));
    const confirm = await screen.findByRole('dialog', { name: "Reset Li Wei's password?" });
    await user.click(within(confirm).getByRole('button', { name: 'Reset password' }));

    const reauth = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await user.type(within(reauth).getByLabelText('Password'), 'wrong{Enter}');
    await waitFor(() =>
      expect(within(reauth).getByLabelText('Password')).toHaveAccessibleDescription(
        expect.stringContaining('That password is not right'),
      ),
    );
    expect(api['staff:resetPassword']).toHaveBeenCalledTimes(1);

    await user.type(within(reauth).getByLabelText('Password'), 'right password{Enter}');
    await waitFor(() =>
      expect(api['auth:reauthenticate']).toHaveBeenLastCalledWith({ password: 'right password' }),
    );
    await waitFor(() => expect(api['staff:resetPassword']).toHaveBeenCalledTimes(2));
    expect(api['staff:resetPassword']).toHaveBeenLastCalledWith({ id: 3 });

    const shown = await screen.findByRole('dialog', { name: 'Temporary password' });
    expect(within(shown).getByText('Qm7-vT2k-9xPa')).toBeInTheDocument();
    expect(within(shown).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(within(shown).getByText(/It works once, until/)).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText('Qm7-vT2k-9xPa')).not.toBeInTheDocument());
    expect(screen.queryByRole('dialog', { name: 'Temporary password' })).not.toBeInTheDocument();
  });

  it('does not retry when the password prompt is cancelled', async () => {
    const { api, user } = await openStaff();
    api['staff:disable'].mockResolvedValue(fail('REAUTH_REQUIRED'));

    await user.click(
      within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Disable' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Disable Jonas Weber?' })).getByRole(
        'button',
        { name: 'Disable' },
      ),
    );
    const reauth = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await user.click(within(reauth).getByRole('button', { name: 'Cancel' }));
    // Item 19: the member is told that nothing was done.
    expect(
      await screen.findByText(
        'The password was not confirmed, so the action was not done. Nothing was changed.',
      ),
    ).toBeInTheDocument();

    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Confirm it is you' })).not.toBeInTheDocument(),
    );
    expect(api['staff:disable']).toHaveBeenCalledTimes(1);
    expect(api['auth:reauthenticate']).not.toHaveBeenCalled();
  });

  it('shows the explanation when a delete disabled the member instead', async () => {
    const { api, user } = await openStaff();
    api['staff:delete'].mockResolvedValue(
      ok({
        outcome: 'disabled' as const,
        message: 'Jonas Weber has sales history, so the account was disabled instead.',
        staff: { ...jonas, status: 'disabled' as const },
      }),
    );

    await user.click(
      within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete Jonas Weber?' })).getByRole(
        'button',
        { name: 'Delete' },
      ),
    );

    await waitFor(() => expect(api['staff:delete']).toHaveBeenCalledWith({ id: 2 }));
    expect(
      await screen.findByText(
        'Jonas Weber has history on this till, so they were disabled instead of deleted.',
      ),
    ).toBeInTheDocument();
  });

  it('unlocks a locked-out member, and offers Unlock only to them', async () => {
    const { api, user } = await openStaff();
    api['staff:unlock'].mockResolvedValue(ok({ ...liWei, lockedUntil: null }));

    await user.click(
      within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
    );
    expect(await screen.findByRole('menuitem', { name: 'Reset password' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Unlock' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');

    await user.click(within(rowOf('Li Wei')).getByRole('button', { name: 'Actions for Li Wei' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Unlock' }));
    await waitFor(() => expect(api['staff:unlock']).toHaveBeenCalledWith({ id: 3 }));
    expect(await screen.findByText('Li Wei is unlocked and can sign in.')).toBeInTheDocument();
  });

  it('approves with the role as it was offered, but saves no role change that changes nothing', async () => {
    const { api, user } = await openStaff();
    api['staff:approve'].mockResolvedValue(ok({ ...sofia, status: 'active' }));

    // Approving with the preselected role still approves: the request is the change.
    const sofiaRow = within(pendingSection()).getByRole('listitem', { name: 'Sofia Rossi' });
    await user.click(within(sofiaRow).getByRole('button', { name: 'Approve' }));
    const approve = await screen.findByRole('dialog', { name: 'Approve Sofia Rossi' });
    await user.click(within(approve).getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(api['staff:approve']).toHaveBeenCalledWith({ id: 5, role: 'cashier' }),
    );
    expect(await screen.findByText('Sofia Rossi can now sign in as Cashier.')).toBeInTheDocument();

    // Changing a role to the one the member has closes the dialog and sends nothing.
    await user.click(
      within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Change role' }));
    const change = await screen.findByRole('dialog', { name: "Change Jonas Weber's role" });
    expect(within(change).queryByText(/asked for access/)).not.toBeInTheDocument();
    await user.click(within(change).getByRole('button', { name: 'Change role' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: "Change Jonas Weber's role" }),
      ).not.toBeInTheDocument(),
    );
    expect(api['staff:setRole']).not.toHaveBeenCalled();
  });

  it('changes a role after asking for the password again', async () => {
    const { api, user } = await openStaff();
    api['staff:setRole']
      .mockResolvedValueOnce(fail('REAUTH_REQUIRED'))
      .mockResolvedValueOnce(ok({ ...jonas, role: 'admin', roleName: 'Admin' }));
    api['auth:reauthenticate'].mockResolvedValue(ok(sessionFor('admin')));

    await user.click(
      within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Change role' }));
    const dialog = await screen.findByRole('dialog', { name: "Change Jonas Weber's role" });
    await user.click(within(dialog).getByLabelText('Role', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));

    const reauth = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await user.type(within(reauth).getByLabelText('Password'), 'right password{Enter}');
    await waitFor(() => expect(api['staff:setRole']).toHaveBeenCalledTimes(2));
    expect(api['staff:setRole']).toHaveBeenLastCalledWith({ id: 2, role: 'admin' });
    expect(await screen.findByText('Jonas Weber is now Admin.')).toBeInTheDocument();
  });

  it('edits only the fields that changed and shows a taken username next to the field', async () => {
    const { api, user } = await openStaff();
    api['staff:update']
      .mockResolvedValueOnce(fail('CONFLICT', 'username already taken'))
      .mockResolvedValueOnce(ok({ ...jonas, username: 'jonas.w' }));

    await user.click(
      within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Edit details' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit member details' });
    const username = within(dialog).getByLabelText('Username');
    await user.clear(username);
    await user.type(username, 'amira');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(api['staff:update']).toHaveBeenCalledWith({ id: 2, username: 'amira' }),
    );
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Username')).toHaveAccessibleDescription(
        expect.stringContaining('This username is already taken.'),
      ),
    );

    await user.clear(username);
    await user.type(username, 'jonas.w');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(api['staff:update']).toHaveBeenLastCalledWith({ id: 2, username: 'jonas.w' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Edit member details' })).not.toBeInTheDocument(),
    );
  });

  it('adds a member and shows the temporary password once', async () => {
    const { api, user } = await openStaff();
    const added = staffMember({
      id: 9,
      username: 'nadia',
      displayName: 'Nadia Costa',
      email: 'nadia@shop.example',
      role: 'manager',
      mustChangePassword: true,
    });
    api['staff:create'].mockResolvedValue(
      ok({
        staff: added,
        temporaryPassword: 'Temp-Nadia-42',
        temporaryPasswordExpiresAt: '2099-01-01T10:10:00.000Z',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a staff member' });
    await user.type(within(dialog).getByLabelText('Display name'), 'Nadia Costa');
    await user.type(within(dialog).getByLabelText('Username'), 'nadia');
    await user.type(within(dialog).getByLabelText('Email'), 'nadia@shop.example');
    await user.click(within(dialog).getByLabelText('Role', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Manager' }));
    await user.click(within(dialog).getByRole('switch', { name: /Approve now/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));

    await waitFor(() =>
      expect(api['staff:create']).toHaveBeenCalledWith({
        displayName: 'Nadia Costa',
        username: 'nadia',
        email: 'nadia@shop.example',
        role: 'manager',
        approve: false,
      }),
    );
    const shown = await screen.findByRole('dialog', { name: 'Temporary password' });
    expect(within(shown).getByText('Temp-Nadia-42')).toBeInTheDocument();
    expect(within(shown).getByText(/Nadia Costa has been added/)).toBeInTheDocument();
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText('Temp-Nadia-42')).not.toBeInTheDocument());
  });

  it('shows the audit log with labels and names, filters it in the core and exports CSV', async () => {
    const { api, user } = await openStaff();
    const event = (over: Partial<AuditEventView>): AuditEventView => ({
      id: 7,
      at: '2026-11-23T10:00:00.000Z',
      actorId: 1,
      actorName: 'Amira Haddad',
      action: 'staff.approve',
      targetType: 'staff',
      targetId: '5',
      targetName: 'Sofia Rossi',
      terminal: 'Till 1',
      outcome: 'success',
      detail: null,
      ...over,
    });
    api['audit:list'].mockResolvedValue(
      ok({
        items: [
          event({}),
          event({
            id: 6,
            action: 'sale.void',
            targetType: 'sale',
            targetId: '9',
            targetName: 'Till 1-12',
          }),
          event({ id: 5, action: 'staff.delete', targetId: '4', targetName: null }),
          event({
            id: 3,
            action: 'till.retire',
            targetType: 'till',
            targetId: 'Back till',
            targetName: null,
          }),
          event({
            id: 2,
            action: 'shift.close',
            targetType: 'shift',
            targetId: '12',
            targetName: null,
          }),
          event({
            id: 9,
            actorId: null,
            actorName: null,
            action: 'backup.run',
            targetType: 'backup',
            targetId: 'kassa-20261123-090000.kassa-backup',
            targetName: null,
          }),
          event({
            id: 8,
            actorId: null,
            actorName: null,
            action: 'ipc.forbidden_sender',
            targetType: null,
            targetId: null,
            targetName: null,
            outcome: 'denied',
          }),
          event({
            id: 4,
            action: 'some.future_code',
            targetType: null,
            targetId: null,
            targetName: null,
            outcome: 'denied',
          }),
        ],
      }),
    );
    api['audit:filterOptions'].mockResolvedValue(
      ok({
        actors: [
          { id: 1, name: 'Amira Haddad' },
          { id: 2, name: 'Jonas Weber' },
        ],
        terminals: ['Till 1', 'Till 2'],
      }),
    );
    api['audit:exportCsv'].mockResolvedValue(ok({ csv: 'id\r\n', rows: 12, truncated: false }));
    const createObjectURL = vi.fn(() => 'blob:kassa/1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });

    await user.click(screen.getByRole('tab', { name: 'Audit log' }));
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(api['audit:list']).toHaveBeenCalledWith({ limit: 50 });
    expect(within(table).getByText('Approved an access request')).toBeInTheDocument();
    expect(within(table).getByText('Sofia Rossi')).toBeInTheDocument();
    expect(within(table).getByText('Receipt Till 1-12')).toBeInTheDocument();
    expect(within(table).getByText('Staff member #4 (no longer exists)')).toBeInTheDocument();
    // A till is kept by its name, a shift by its number: neither is "no longer exists".
    expect(within(table).getByText('Retired a till')).toBeInTheDocument();
    expect(within(table).getByText('Till: Back till')).toBeInTheDocument();
    expect(within(table).getByText('Shift #12')).toBeInTheDocument();
    expect(within(table).getByText('some.future_code')).toBeInTheDocument();
    // A backup Kassa made by itself is Kassa's; a call from an unknown window is nobody's.
    const whoDid = (what: string) =>
      within(within(table).getByText(what).closest('tr')!).getAllByRole('cell')[1]!.textContent;
    expect(whoDid('Backup: kassa-20261123-090000.kassa-backup')).toBe('Kassa (automatic)');
    expect(whoDid('Refused: request from outside Kassa')).toBe('Nobody signed in');
    expect(within(table).queryByText('staff.approve')).not.toBeInTheDocument();
    expect(within(table).queryByText(/staff 5/)).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Outcome', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Denied' }));
    await waitFor(() =>
      expect(api['audit:list']).toHaveBeenLastCalledWith({ limit: 50, outcome: 'denied' }),
    );
    await user.click(screen.getByLabelText('Who', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Jonas Weber' }));
    await user.click(screen.getByLabelText('Till', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Till 2' }));
    await user.click(screen.getByLabelText('Action', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Voided a sale' }));
    await user.type(screen.getByLabelText('From'), '2026-11-01');
    await user.type(screen.getByLabelText('To'), '2026-11-30');
    const filters = {
      outcome: 'denied',
      actorId: 2,
      terminal: 'Till 2',
      action: 'sale.void',
      fromDay: '2026-11-01',
      toDay: '2026-11-30',
    };
    await waitFor(() =>
      expect(api['audit:list']).toHaveBeenLastCalledWith({ limit: 50, ...filters }),
    );

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(api['audit:exportCsv']).toHaveBeenCalledWith(filters));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Exported 12 events as CSV.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(api['audit:list']).toHaveBeenLastCalledWith({ limit: 50 }));
  });
});

describe('staff dialogs (item 14)', () => {
  it('open with focus on their first field', async () => {
    const { user } = await openStaff();
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const add = await screen.findByRole('dialog', { name: 'Add a staff member' });
    await waitFor(() => expect(within(add).getByLabelText('Display name')).toHaveFocus());
    await user.click(within(add).getByRole('button', { name: 'Cancel' }));

    await user.click(
      within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Edit details' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit member details' });
    await waitFor(() => expect(within(edit).getByLabelText('Display name')).toHaveFocus());
    await user.click(within(edit).getByRole('button', { name: 'Cancel' }));

    await user.click(
      within(rowOf('Jonas Weber')).getByRole('button', { name: 'Actions for Jonas Weber' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Change role' }));
    const role = await screen.findByRole('dialog', { name: "Change Jonas Weber's role" });
    await waitFor(() =>
      expect(within(role).getByLabelText('Role', { selector: 'input' })).toHaveFocus(),
    );
    // Every dialog's close button has a name.
    expect(within(role).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });
});

describe('staff screen in German (item 25)', () => {
  it('shows the staff list, the badge and the audit log in German, with no key missing', async () => {
    await setLocale('de-DE');
    try {
      const api = createFakeApi();
      api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
      api['roles:list'].mockResolvedValue(ok(ROLES));
      api['staff:list'].mockImplementation(async (input) => {
        const items = everyone.filter((m) => !input?.status || m.status === input.status);
        return ok({ items, total: items.length });
      });
      api['staff:pendingCount'].mockResolvedValue(ok({ count: 2 }));
      api['audit:list'].mockResolvedValue(ok({ items: [] }));
      api['audit:filterOptions'].mockResolvedValue(ok({ actors: [], terminals: [] }));
      const { user } = renderApp(api);
      const nav = await screen.findByRole('navigation', { name: 'Hauptmenü' });
      await user.click(
        await within(nav).findByRole('button', { name: /2 Zugangsanfragen warten/ }),
      );
      expect(await screen.findByRole('region', { name: 'Offene Anfragen' })).toBeInTheDocument();
      expect(screen.getByRole('table', { name: 'Mitarbeiter' })).toBeInTheDocument();
      expect(screen.getAllByText('Ausstehend').length).toBeGreaterThan(0);
      await user.click(screen.getByRole('tab', { name: 'Prüfprotokoll' }));
      expect(await screen.findByRole('button', { name: 'CSV exportieren' })).toBeInTheDocument();
    } finally {
      await setLocale('en-GB');
    }
  });
});

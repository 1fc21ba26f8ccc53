/**
 * Staff → Roles (issue 9, section 2): roles with member counts; create, edit, duplicate and delete
 * with "move members to…"; permissions as grouped checkboxes with their descriptions; Admin
 * read-only; a member's role chosen from every role the core lists, custom ones too.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RoleView } from '../../shared/contract';
import { createFakeApi, ok, renderApp, ROLES, sessionFor, staffMember } from './helpers';

const supervisor: RoleView = {
  id: 'r-5e1f00aa11bb',
  name: 'Supervisor',
  locked: false,
  permissions: ['sales.create', 'sales.refund'],
  memberCount: 2,
  createdAt: '2026-11-21T09:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
};
const roles = [...ROLES, supervisor];
const dana = staffMember({
  id: 7,
  displayName: 'Dana Berg',
  role: supervisor.id,
  roleName: 'Supervisor',
});

async function openRoles(role: 'admin' | 'manager' = 'admin') {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['roles:list'].mockResolvedValue(ok(roles));
  api['staff:list'].mockResolvedValue(ok({ items: [dana], total: 1 }));
  api['twoFactor:rolePolicies'].mockResolvedValue(
    ok(roles.map((r) => ({ roleId: r.id, required: r.id === 'admin' }))),
  );
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: /^Staff/ }));
  await screen.findByRole('table', { name: 'Staff members' });
  await rendered.user.click(screen.getByRole('tab', { name: 'Roles' }));
  const table = await screen.findByRole('table', { name: 'Roles' });
  return { api, table, ...rendered };
}

const rowOf = (table: HTMLElement, name: string) =>
  within(table).getByText(name).closest('tr') as HTMLElement;

describe('roles editor', () => {
  it('shows which roles require two-factor sign-in, and an admin switches it per role', async () => {
    const { api, table, user } = await openRoles();
    const adminSwitch = within(rowOf(table, 'Admin')).getByRole('switch', {
      name: 'Require two-factor sign-in for Admin',
    });
    expect(adminSwitch).toBeChecked();
    const supervisorSwitch = within(rowOf(table, 'Supervisor')).getByRole('switch');
    expect(supervisorSwitch).not.toBeChecked();
    api['twoFactor:setRolePolicy'].mockResolvedValue(ok({ roleId: supervisor.id, required: true }));
    api['twoFactor:rolePolicies'].mockResolvedValue(
      ok(roles.map((r) => ({ roleId: r.id, required: r.id !== 'cashier' && r.id !== 'manager' }))),
    );
    await user.click(supervisorSwitch);
    expect(api['twoFactor:setRolePolicy']).toHaveBeenCalledWith({
      roleId: supervisor.id,
      required: true,
    });
    await waitFor(() => expect(supervisorSwitch).toBeChecked());
  });

  it('lists every role with its member count; Admin is built in and read-only', async () => {
    const { table, user } = await openRoles();
    expect(within(rowOf(table, 'Supervisor')).getByText('2 members')).toBeInTheDocument();
    expect(within(rowOf(table, 'Supervisor')).getByText('2 permissions')).toBeInTheDocument();
    const admin = rowOf(table, 'Admin');
    expect(within(admin).getByText('Built in')).toBeInTheDocument();
    expect(within(admin).queryByRole('button', { name: 'Delete role Admin' })).toBeNull();
    expect(within(admin).queryByRole('button', { name: 'Edit role Admin' })).toBeNull();
    await user.click(within(admin).getByRole('button', { name: 'View role Admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Role Admin' });
    const refund = within(dialog).getByRole('checkbox', { name: 'Refund an earlier sale' });
    expect(refund).toBeChecked();
    expect(refund).toBeDisabled();
    expect(within(dialog).queryByRole('button', { name: 'Save changes' })).toBeNull();
  });

  it('creates a role from grouped checkboxes', async () => {
    const { api, user } = await openRoles();
    api['roles:create'].mockResolvedValue(
      ok({ ...supervisor, id: 'r-000000000001', name: 'Floor lead', memberCount: 0 }),
    );
    await user.click(screen.getByRole('button', { name: 'New role' }));
    const dialog = await screen.findByRole('dialog', { name: 'New role' });
    const sales = within(dialog).getByRole('group', { name: 'Sales' });
    expect(within(dialog).getByRole('group', { name: 'Staff' })).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Role name/), 'Floor lead');
    await user.click(within(sales).getByRole('checkbox', { name: 'Ring up sales' }));
    await user.click(within(sales).getByRole('checkbox', { name: 'Refund an earlier sale' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create role' }));
    await waitFor(() =>
      expect(api['roles:create']).toHaveBeenCalledWith({
        name: 'Floor lead',
        permissions: ['sales.create', 'sales.refund'],
      }),
    );
    expect(await screen.findByText('Role Floor lead saved.')).toBeInTheDocument();
  });

  it('edits, duplicates, and deletes a role with members after choosing where they move', async () => {
    const { api, table, user } = await openRoles();
    api['roles:update'].mockResolvedValue(ok({ ...supervisor, name: 'Senior' }));
    await user.click(within(rowOf(table, 'Supervisor')).getByRole('button', { name: /^Edit/ }));
    let dialog = await screen.findByRole('dialog', { name: 'Edit role Supervisor' });
    const name = within(dialog).getByLabelText(/Role name/);
    await user.clear(name);
    await user.type(name, 'Senior');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Void a sale the same day' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(api['roles:update']).toHaveBeenCalledWith({
        id: supervisor.id,
        name: 'Senior',
        permissions: ['sales.create', 'sales.refund', 'sales.void'],
      }),
    );

    api['roles:duplicate'].mockResolvedValue(ok({ ...supervisor, id: 'r-1', name: 'Copy' }));
    await user.click(within(rowOf(table, 'Supervisor')).getByRole('button', { name: /^Dupl/ }));
    dialog = await screen.findByRole('dialog', { name: 'Duplicate role Supervisor' });
    expect(within(dialog).getByLabelText(/Role name/)).toHaveValue('Copy of Supervisor');
    await user.click(within(dialog).getByRole('button', { name: 'Create copy' }));
    await waitFor(() =>
      expect(api['roles:duplicate']).toHaveBeenCalledWith({
        id: supervisor.id,
        name: 'Copy of Supervisor',
      }),
    );

    api['roles:delete'].mockResolvedValue(ok({ moved: 2 }));
    await user.click(within(rowOf(table, 'Supervisor')).getByRole('button', { name: /^Delete/ }));
    dialog = await screen.findByRole('dialog', { name: 'Delete role Supervisor' });
    expect(within(dialog).getByText(/2 members have this role/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete role' }));
    expect(
      await within(dialog).findByText('Choose the role the members move to.'),
    ).toBeInTheDocument();
    expect(api['roles:delete']).not.toHaveBeenCalled();
    await user.click(within(dialog).getByLabelText('Move members to', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Manager' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete role' }));
    await waitFor(() =>
      expect(api['roles:delete']).toHaveBeenCalledWith({
        id: supervisor.id,
        moveMembersTo: 'manager',
      }),
    );
  });

  it("lists custom roles in a member's Change role dialog", async () => {
    const { api, user } = await openRoles();
    api['staff:setRole'].mockResolvedValue(ok({ ...dana, role: 'manager', roleName: 'Manager' }));
    await user.click(screen.getByRole('tab', { name: 'Members' }));
    await screen.findByRole('table', { name: 'Staff members' });
    await user.click(screen.getByRole('button', { name: 'Actions for Dana Berg' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Change role' }));
    const dialog = await screen.findByRole('dialog', { name: "Change Dana Berg's role" });
    const role = within(dialog).getByLabelText('Role', { selector: 'input' });
    expect(role).toHaveValue('Supervisor');
    await user.click(role);
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Admin', 'Manager', 'Cashier', 'Supervisor']);
    await user.click(screen.getByRole('option', { name: 'Manager' }));
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    await waitFor(() =>
      expect(api['staff:setRole']).toHaveBeenCalledWith({ id: 7, role: 'manager' }),
    );
  });

  it('shows custom roles to managers, read-only', async () => {
    const { user } = await openRoles('manager');
    expect(screen.queryByRole('button', { name: 'New role' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit role/ })).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Members' }));
    const table = await screen.findByRole('table', { name: 'Staff members' });
    expect(within(table).getByText('Supervisor')).toBeInTheDocument();
  });
});

/** Issue 9, section 7: Staff → Import staff, through the shared CSV import dialog. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StaffImportReport } from '../../shared/contract';
import { createFakeApi, ok, renderApp, ROLES, sessionFor, staffMember } from './helpers';

const CSV =
  'username,email,display_name,role,password_hash\n' +
  'bea,bea@shop.test,Bea,cashier,$2b$10$VKVMWSy22yw7JO6bAz1uiuMkFlRgw0pmybcb4xsLMLM3Tq.FJjacW\n' +
  'hal,hal@shop.test,Hal,Manager,\n';

const report = (over: Partial<StaffImportReport> = {}): StaffImportReport => ({
  rows: 2,
  encoding: 'utf-8',
  accepted: 2,
  created: 0,
  rejected: [],
  rejectedCount: 0,
  temporaryPasswords: [],
  temporaryPasswordsExpireAt: null,
  withPasswordHash: 1,
  ...over,
});

async function openImport(role: 'admin' | 'manager' = 'admin') {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['roles:list'].mockResolvedValue(ok(ROLES));
  api['staff:list'].mockResolvedValue(ok({ items: [staffMember({ id: 1 })], total: 1 }));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: /^Staff/ }));
  await screen.findByRole('table', { name: 'Staff members' });
  return { api, ...rendered };
}

describe('staff import', () => {
  it('checks, then imports as pending, and shows the temporary passwords once', async () => {
    const { api, user } = await openImport();
    api['staff:import'].mockResolvedValueOnce(ok(report())).mockResolvedValueOnce(
      ok(
        report({
          created: 2,
          temporaryPasswords: [{ username: 'hal', temporaryPassword: 'ABCD-EFGH-JKMN' }],
          temporaryPasswordsExpireAt: '2026-11-23T09:10:00.000Z',
        }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Import staff' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import staff' });
    await user.click(within(dialog).getByRole('radio', { name: 'Pending: approve each one' }));
    await user.upload(
      within(dialog).getByLabelText('CSV file'),
      new File([CSV], 'staff.csv', { type: 'text/csv' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));
    await waitFor(() =>
      expect(api['staff:import']).toHaveBeenCalledWith(
        expect.objectContaining({ commit: false, activate: false }),
      ),
    );
    await user.click(await within(dialog).findByRole('button', { name: 'Import 2 rows' }));
    await waitFor(() =>
      expect(api['staff:import']).toHaveBeenLastCalledWith(
        expect.objectContaining({ commit: true, activate: false }),
      ),
    );
    const table = await within(dialog).findByRole('table', { name: 'Temporary passwords' });
    expect(within(table).getByText('ABCD-EFGH-JKMN')).toBeInTheDocument();
    expect(within(dialog).getByText(/1 member keeps the password/)).toBeInTheDocument();
    // Closing drops them: opening the dialog again shows no passwords (R1).
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1)!);
    await user.click(screen.getByRole('button', { name: 'Import staff' }));
    const again = await screen.findByRole('dialog', { name: 'Import staff' });
    expect(within(again).queryByText('ABCD-EFGH-JKMN')).not.toBeInTheDocument();
  });

  it('a file with a refused row cannot be imported at all', async () => {
    const { api, user } = await openImport();
    api['staff:import'].mockResolvedValueOnce(
      ok(
        report({
          accepted: 1,
          rejectedCount: 1,
          rejected: [{ line: 3, reason: 'password_hash: it looks like an unsalted MD5.' }],
        }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Import staff' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import staff' });
    await user.upload(
      within(dialog).getByLabelText('CSV file'),
      new File([CSV], 'staff.csv', { type: 'text/csv' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));
    expect(await within(dialog).findByText(/unsalted MD5/)).toBeInTheDocument();
    expect(within(dialog).getByText(/all or nothing/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Import 1 row' })).toBeDisabled();
  });

  it('is not offered without staff.manage', async () => {
    const { api } = await openImport('manager');
    expect(screen.queryByRole('button', { name: 'Import staff' })).not.toBeInTheDocument();
    expect(api['staff:import']).not.toHaveBeenCalled();
  });
});

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, ok, renderApp, ROLES, sessionFor, SOUND, TILL } from './helpers';

const BROKEN = {
  ...SOUND,
  auditChain: { state: 'broken' as const, detail: 'The audit log was altered at event 3.' },
  lastFullCheck: { at: '2026-11-23T10:00:00.000Z', ok: false, detail: null },
};

describe('the log screen: verify now (L2)', () => {
  it('runs the full check, shows a tampered row as broken, and the notice follows', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['roles:list'].mockResolvedValue(ok(ROLES));
    api['staff:list'].mockResolvedValue(ok({ items: [], total: 0 }));
    api['audit:list'].mockResolvedValue(ok({ items: [] }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Staff' }));
    await user.click(await screen.findByRole('tab', { name: 'Audit log' }));
    expect(await screen.findByText(/sealed and intact/)).toBeInTheDocument();

    api['audit:verifyChain'].mockResolvedValue(
      ok({
        ok: false,
        integrity: 'ok',
        auditChain: {
          state: 'broken',
          detail: 'The audit log was altered at event 3.',
          brokenAtId: 3,
          rowsChecked: 41,
        },
        checkedAt: '2026-11-23T10:00:00.000Z',
      }),
    );
    api['app:status'].mockResolvedValue(
      ok({
        setupRequired: false,
        terminalName: TILL,
        safeMode: false,
        integrity: BROKEN,
        storage: { ok: true },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Verify now' }));
    const verdict = await screen.findByRole('status');
    expect(verdict).toHaveTextContent(
      'Verified just now: BROKEN. The audit log was altered at event 3.',
    );
    await waitFor(() =>
      expect(screen.getAllByText('The audit log has been tampered with').length).toBeGreaterThan(0),
    );
    expect(api['audit:verifyChain']).toHaveBeenCalledTimes(1);
  });
});

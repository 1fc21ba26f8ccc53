import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract';
import { createFakeApi, ok, renderApp, ROLES, sessionFor, SOUND, TILL } from './helpers';

type Integrity = ChannelOutput<'app:status'>['integrity'];

function appWith(integrity: Integrity, role: 'admin' | 'cashier', safeMode = false) {
  const api = createFakeApi();
  api['app:status'].mockResolvedValue(
    ok({ setupRequired: false, terminalName: TILL, safeMode, integrity, storage: { ok: true } }),
  );
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['roles:list'].mockResolvedValue(ok(ROLES));
  api['staff:list'].mockResolvedValue(ok({ items: [], total: 0 }));
  api['audit:list'].mockResolvedValue(ok({ items: [] }));
  return api;
}

const BROKEN: Integrity = {
  ...SOUND,
  auditChain: { state: 'broken', detail: 'The audit log was altered at event 12.' },
};

describe('integrity on screen (D9, L2, D5)', () => {
  it('shows admins a persistent banner while the audit chain is broken', async () => {
    renderApp(appWith(BROKEN, 'admin'));
    const banner = await screen.findByRole('alert', { name: /audit log has been tampered with/ });
    expect(banner).toHaveTextContent('The audit log was altered at event 12.');
    expect(banner.querySelector('button')).toBeNull(); // not dismissible
  });

  it('shows no such banner to a cashier', async () => {
    renderApp(appWith(BROKEN, 'cashier'));
    await screen.findByText('Tom Baker');
    expect(screen.queryByText(/audit log has been tampered with/)).not.toBeInTheDocument();
  });

  it('shows no banner when the chain is sound', async () => {
    renderApp(appWith(SOUND, 'admin'));
    await screen.findByText('Amira Haddad');
    expect(screen.queryByText(/audit log has been tampered with/)).not.toBeInTheDocument();
  });

  it('says on the audit screen when no keychain seals the chain, and when the full check ran', async () => {
    const { user } = renderApp(
      appWith(
        {
          safeModeReason: null,
          auditChain: {
            state: 'unanchored',
            detail: 'The OS keychain is not available, so the audit log cannot be sealed.',
          },
          lastFullCheck: { at: '2026-11-23T10:00:00.000Z', ok: true, detail: null },
        },
        'admin',
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Staff' }));
    await user.click(await screen.findByRole('tab', { name: 'Audit log' }));
    expect(await screen.findByText('The audit log is not sealed on this till')).toBeInTheDocument();
    expect(screen.getByText(/keychain is not available/)).toHaveTextContent(
      /Last full check .*passed/,
    );
  });

  it('gives the safe-mode reason from app:status', async () => {
    renderApp(
      appWith(
        { ...SOUND, safeModeReason: 'The database is missing or empty. Restore it from a backup.' },
        'admin',
        true,
      ),
    );
    expect(await screen.findByText(/database is missing or empty/)).toBeInTheDocument();
  });

  it('offers the restore of a backup in safe mode (issue 10, section 5; D5)', async () => {
    renderApp(appWith(SOUND, 'admin', true));
    const banner = (await screen.findByText('Safe mode')).closest('.mantine-Alert-root')!;
    expect(banner).toHaveTextContent(/Restore a backup below, or call support/);
    expect(
      await within(banner as HTMLElement).findByRole('button', { name: 'Restore a backup…' }),
    ).toBeInTheDocument();
  });
});

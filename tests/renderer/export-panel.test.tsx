/**
 * Issue 10, section 6: Reports → "Export for the accountant". The dialog sends exports:run with
 * the range, format and datasets, shows exports:progress while it runs, cancels through
 * exports:cancel, and refuses a bad range before calling anything.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelInput, ExportResult } from '../../shared/contract';
import { useExportsStore } from '../../renderer/src/stores/exports';
import { useReportsStore } from '../../renderer/src/stores/reports';
import { createFakeApi, ok, renderApp, sessionFor } from './helpers';

beforeEach(() => {
  useReportsStore.getState().reset();
  useExportsStore.getState().reset();
});
afterEach(() => vi.restoreAllMocks());

/** Opens Reports and the export dialog; exports:run stays pending until `finish` is called. */
async function openExport() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['reports:today'].mockResolvedValue(ok({ date: '2026-11-23', timeZone: 'Europe/London' }));
  api['reports:daySummary'].mockResolvedValue({
    ok: false,
    error: { code: 'INTERNAL', message: '' },
  });
  let finish: (r: ExportResult) => void = () => {};
  api['exports:run'].mockImplementation(
    () => new Promise((resolve) => (finish = (r) => resolve(ok(r)))),
  );
  api['exports:progress'].mockResolvedValue(
    ok({ progress: { phase: 'writing', rowsDone: 1500, rowsTotal: 4000 } }),
  );
  api['exports:cancel'].mockResolvedValue(ok({ cancelled: true }));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Reports' }));
  await rendered.user.click(
    await screen.findByRole('button', { name: 'Export for the accountant' }),
  );
  const dialog = await screen.findByRole('dialog', { name: 'Export for the accountant' });
  return { api, dialog, finish: (r: ExportResult) => finish(r), ...rendered };
}

const sent = (api: ReturnType<typeof createFakeApi>) =>
  api['exports:run'].mock.calls[0]![0] as ChannelInput<'exports:run'>;

describe('reports: export for the accountant', () => {
  it('exports this month as XLSX with every dataset, showing progress, then the saved file', async () => {
    const { api, dialog, user, finish } = await openExport();
    expect(within(dialog).getByLabelText('First day')).toHaveValue('2026-11-01');
    expect(within(dialog).getByLabelText('Last day')).toHaveValue('2026-11-23');
    for (const name of [
      'Sales, refunds and voids',
      'Sale lines',
      'Payments',
      'Tax by rate',
      'Z reports (closed shifts)',
    ])
      expect(within(dialog).getByRole('checkbox', { name })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Sale lines' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    expect(sent(api)).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-23',
      format: 'xlsx',
      datasets: ['sales', 'tenders', 'taxRates', 'zReports'],
    });
    expect(sent(api).jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      await within(dialog).findByText('Writing rows: 1,500 of 4,000', {}, { timeout: 2000 }),
    ).toBeVisible();
    expect(api['exports:progress']).toHaveBeenCalledWith({ jobId: sent(api).jobId });
    finish({
      outcome: 'saved',
      fileName: 'kassa-accounts-2026-11-01_2026-11-23.xlsx',
      rows: [
        { dataset: 'sales', rows: 3000 },
        { dataset: 'tenders', rows: 999 },
        { dataset: 'taxRates', rows: 1 },
      ],
      bytes: 123,
    });
    expect(await within(dialog).findByText('Export saved')).toBeVisible();
    expect(
      within(dialog).getByText('kassa-accounts-2026-11-01_2026-11-23.xlsx: 4,000 rows.'),
    ).toBeVisible();
  });

  it('sends one dataset for CSV', async () => {
    const { api, dialog, user, finish } = await openExport();
    await user.click(within(dialog).getByText('CSV'));
    await user.click(within(dialog).getByRole('radio', { name: 'Payments' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    expect(sent(api)).toMatchObject({ format: 'csv', datasets: ['tenders'] });
    finish({ outcome: 'cancelled' });
    expect(await within(dialog).findByText(/export was cancelled/)).toBeVisible();
  });

  it('cancels the running export by its job id', async () => {
    const { api, dialog, user, finish } = await openExport();
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel export' }));
    expect(api['exports:cancel']).toHaveBeenCalledWith({ jobId: sent(api).jobId });
    finish({ outcome: 'cancelled' });
    expect(await within(dialog).findByText(/export was cancelled/)).toBeVisible();
  });

  it('refuses a backwards or over-long range before calling the core', async () => {
    const { api, dialog } = await openExport();
    const last = within(dialog).getByLabelText('Last day');
    fireEvent.change(last, { target: { value: '2026-10-31' } });
    expect(
      within(dialog).getByText('The last day must not be before the first day.'),
    ).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Export…' })).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('First day'), {
      target: { value: '2025-10-30' },
    });
    expect(within(dialog).getByText('Choose at most 366 days.')).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Export…' })).toBeDisabled();
    await waitFor(() => expect(api['exports:run']).not.toHaveBeenCalled());
  });
});

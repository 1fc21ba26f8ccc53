/**
 * Settings → Store server → the store's tills (issue 12; `storeServer:tills`), against a faked
 * core: each till's name, whether it runs or since when it is off, its open shift and whether it
 * holds the store's key; a note while a till that is off has a shift open, whose drawer a manager
 * counts and closes from here; a till that is off with no shift open retired after asking;
 * nothing asked on a till with its own file. The core's side is
 * tests/core/postgres-store-tills.test.ts.
 */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract';
import type { StoreTillSummary } from '../../shared/contract/store-server';
import { dateTime } from '../../renderer/src/format/locale';
import {
  createFakeApi,
  fail,
  ok,
  renderApp,
  sessionFor,
  SHIFT_FIGURES,
  SHIFT_SETTINGS,
  SHOP_SETTINGS,
  withStoreChanges,
  zReportFor,
} from './helpers';

const ON_SERVER = {
  kind: 'server' as const,
  host: '10.0.0.5',
  port: 5432,
  database: 'kassa',
  user: 'kassa_till',
  tls: 'verify-full' as const,
  tillName: 'Front',
};
const OPENED = '2026-12-05T08:02:00.000Z';
const OFF_SINCE = '2026-12-04T17:45:00.000Z';
const TILLS: StoreTillSummary[] = [
  {
    id: 1,
    name: 'Front',
    thisTill: true,
    running: true,
    lastSeenAt: '2026-12-05T10:00:00.000Z',
    retiredAt: null,
    storeKey: true,
    openShift: { id: 7, openedAt: OPENED, openedBy: 'Ada Admin' },
  },
  {
    id: 3,
    name: 'Back',
    thisTill: false,
    running: false,
    lastSeenAt: OFF_SINCE,
    retiredAt: null,
    storeKey: true,
    openShift: { id: 5, openedAt: '2026-12-04T08:00:00.000Z', openedBy: 'Carl Cashier' },
  },
  {
    id: 2,
    name: 'Kiosk',
    thisTill: false,
    running: false,
    lastSeenAt: null,
    retiredAt: null,
    storeKey: false,
    openShift: null,
  },
];

async function openSettings(
  connection: ChannelOutput<'storeServer:connection'>,
  tills = ok({ items: TILLS }),
) {
  const { api, change } = withStoreChanges(createFakeApi());
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
  api['settings:get'].mockResolvedValue(ok(SHOP_SETTINGS));
  api['storeServer:connection'].mockResolvedValue(ok(connection));
  api['storeServer:tills'].mockResolvedValue(tills);
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Store server' });
  return { api, change, ...rendered };
}

/** The table's rows as text, cell by cell. */
function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}

describe("Settings → Store server → the store's tills", () => {
  it('lists each till: running or off since when, its open shift, and the store key', async () => {
    await openSettings(ON_SERVER);
    const table = await screen.findByRole('table', { name: 'Tills of this store' });
    expect(rowsOf(table)).toEqual([
      ['FrontThis till', 'Running', `Open since ${dateTime(OPENED)}, by Ada Admin`, 'Held'],
      [
        'Back',
        `Off since ${dateTime(OFF_SINCE)}`,
        `Open since ${dateTime('2026-12-04T08:00:00.000Z')}, by Carl CashierClose shift of Back`,
        'Held',
      ],
      ['Kiosk', 'Not seen since the last updateRetire Kiosk', 'No open shift', 'Waiting'],
    ]);
    // Only the till that is off with no shift open may be retired.
    expect(screen.getAllByRole('button', { name: /^Retire / })).toHaveLength(1);
    // The back till is off with its shift open: it can be closed here; the running one cannot.
    expect(screen.getAllByRole('button', { name: /^Close shift of / })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Close shift of Back' })).toBeVisible();
    const note = screen.getByText(/A till that is off still has a shift open\./);
    expect(note.closest('[role="status"]')).not.toBeNull();
    const { violations } = await axe.run(table.closest('section')!, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
  });

  it('a manager counts the drawer of a till that is off and closes its shift; the list reads again', async () => {
    const { api, user } = await openSettings(ON_SERVER);
    api['shifts:settings'].mockResolvedValue(ok(SHIFT_SETTINGS));
    api['shifts:xReport'].mockResolvedValue(ok({ ...SHIFT_FIGURES, shiftId: 5, tillName: 'Back' }));
    api['shifts:close'].mockImplementation(async (input) =>
      ok(zReportFor(25000, input!.note ?? null)),
    );
    await user.click(await screen.findByRole('button', { name: 'Close shift of Back' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close the shift of Back' });
    await user.type(await within(dialog).findByLabelText('Quantity of £50.00'), '5');
    await user.click(within(dialog).getByRole('button', { name: 'Submit count' }));
    await waitFor(() => expect(api['shifts:xReport']).toHaveBeenCalledWith({ shiftId: 5 }));
    await user.click(await within(dialog).findByRole('button', { name: 'Next' }));
    await user.type(await within(dialog).findByLabelText('Card total (GBP)'), '84.00');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    api['storeServer:tills'].mockResolvedValue(
      ok({ items: [TILLS[0]!, { ...TILLS[1]!, openShift: null }, TILLS[2]!] }),
    );
    await user.click(await within(dialog).findByRole('button', { name: 'Close shift' }));
    await waitFor(() =>
      expect(api['shifts:close']).toHaveBeenCalledWith({
        shiftId: 5,
        countedCash: [{ value: 5000, quantity: 5 }],
        countedOther: [{ type: 'card', amount: 8400 }],
        note: null,
      }),
    );
    expect(await within(dialog).findByRole('heading', { name: 'Z report 7' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(api['storeServer:tills']).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('button', { name: 'Close shift of Back' })).toBeNull();
  });

  it('retires a till that is off with no shift open, after asking; the list reads again', async () => {
    const { api, user } = await openSettings(ON_SERVER);
    const RETIRED = '2026-12-05T11:00:00.000Z';
    api['storeServer:retireTill'].mockResolvedValue(ok({ name: 'Kiosk', retiredAt: RETIRED }));
    await user.click(await screen.findByRole('button', { name: 'Retire Kiosk' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retire Kiosk?' });
    expect(dialog).toHaveTextContent(/This cannot be undone/);
    const { violations } = await axe.run(dialog, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
    api['storeServer:tills'].mockResolvedValue(
      ok({ items: [TILLS[0]!, TILLS[1]!, { ...TILLS[2]!, retiredAt: RETIRED }] }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Retire till' }));
    expect(api['storeServer:retireTill']).toHaveBeenCalledWith({ tillId: 2 });
    expect(await screen.findByText('Kiosk was retired.')).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Retire Kiosk?' })).toBeNull());
    const table = screen.getByRole('table', { name: 'Tills of this store' });
    await waitFor(() =>
      expect(rowsOf(table)[2]).toEqual([
        'Kiosk',
        `Retired on ${dateTime(RETIRED)}`,
        'No open shift',
        'Removed',
      ]),
    );
    expect(screen.queryByRole('button', { name: /^Retire / })).toBeNull();
  });

  it('says so when the core refuses to retire, and reads the list again', async () => {
    const { api, user } = await openSettings(ON_SERVER);
    api['storeServer:retireTill'].mockResolvedValue(
      fail('CONFLICT', 'Kiosk is running: switch it off first, or wait until it shows as off.'),
    );
    await user.click(await screen.findByRole('button', { name: 'Retire Kiosk' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retire Kiosk?' });
    await user.click(within(dialog).getByRole('button', { name: 'Retire till' }));
    expect(await screen.findByText('Kiosk was not retired')).toBeVisible();
    await waitFor(() => expect(api['storeServer:tills']).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Retire Kiosk?' })).toBeNull());
  });

  it('offers no close to a member without reports.view', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(
      ok({ session: sessionFor('admin', { permissions: ['settings.manage', 'shifts.close'] }) }),
    );
    api['settings:get'].mockResolvedValue(ok(SHOP_SETTINGS));
    api['storeServer:connection'].mockResolvedValue(ok(ON_SERVER));
    api['storeServer:tills'].mockResolvedValue(ok({ items: TILLS }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await screen.findByRole('table', { name: 'Tills of this store' });
    expect(screen.queryByRole('button', { name: /^Close shift of / })).toBeNull();
  });

  it('reads the list again when another till opens a shift, joins or is retired', async () => {
    const { api, change } = await openSettings(ON_SERVER);
    const table = await screen.findByRole('table', { name: 'Tills of this store' });
    const kiosk = { ...TILLS[2]!, openShift: { id: 9, openedAt: OPENED, openedBy: 'Bo Baker' } };
    api['storeServer:tills'].mockResolvedValue(ok({ items: [TILLS[0]!, TILLS[1]!, kiosk] }));
    change('stock');
    change('tills');
    await waitFor(() =>
      expect(rowsOf(table)[2]).toEqual([
        'Kiosk',
        'Not seen since the last update',
        `Open since ${dateTime(OPENED)}, by Bo BakerClose shift of Kiosk`,
        'Waiting',
      ]),
    );
    expect(api['storeServer:tills']).toHaveBeenCalledTimes(2);
  });

  it('says nothing about shifts when every till with a shift open is running', async () => {
    await openSettings(ON_SERVER, ok({ items: [TILLS[0]!, TILLS[2]!] }));
    await screen.findByRole('table', { name: 'Tills of this store' });
    expect(screen.queryByText(/still has a shift open/)).toBeNull();
  });

  it('says so when the list cannot be read', async () => {
    await openSettings(ON_SERVER, fail('INTERNAL'));
    expect(await screen.findByText("The store's tills could not be read.")).toBeVisible();
    expect(screen.queryByRole('table', { name: 'Tills of this store' })).toBeNull();
  });

  it('asks nothing on a till that keeps its data on this computer', async () => {
    const { api } = await openSettings({ kind: 'local' });
    await screen.findByText('This till keeps its data in a database on this computer.');
    await waitFor(() => expect(api['storeServer:connection']).toHaveBeenCalled());
    expect(api['storeServer:tills']).not.toHaveBeenCalled();
    expect(screen.queryByRole('table', { name: 'Tills of this store' })).toBeNull();
  });
});

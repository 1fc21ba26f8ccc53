/**
 * Issue 8, item 23: one broken panel never blanks the till. A screen that throws while drawing
 * (here: the reports screen, given a malformed day summary by the main process) is replaced by a
 * notice in its own region; the header, the navigation and the other screens keep working, and
 * the panel draws again after "Try again" or a switch of screen once the cause is gone.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DaySummary } from '../../shared/contract';
import { useReportsStore } from '../../renderer/src/stores/reports';
import { createFakeApi, ok, renderApp, sessionFor } from './helpers';

const DAY = '2026-11-23';
/** What a main process with a bug might answer: a day summary without its tables. */
const MALFORMED = { date: DAY } as unknown as DaySummary;

function openBrokenReports() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['reports:today'].mockResolvedValue(ok({ date: DAY, timeZone: 'Europe/London' }));
  api['reports:daySummary'].mockResolvedValue(ok(MALFORMED));
  // React reports the caught error on the console; that is expected here.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return { api, consoleError, ...renderApp(api) };
}

const failedNotice = () => screen.findByRole('alert', { name: 'Reports could not be shown' });

describe('an error boundary around each region of the till', () => {
  it('a screen that throws shows a notice in its place; header and navigation still work', async () => {
    const { api, user, consoleError } = openBrokenReports();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Reports' }));

    const notice = await failedNotice();
    expect(notice).toHaveTextContent('The rest of the till still works');
    expect(consoleError).toHaveBeenCalled();
    // The rest of the till is still there and answers.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Jonas Weber')).toBeInTheDocument();
    api['auth:lock'].mockResolvedValue(ok(sessionFor('manager', { locked: true })));
    await user.click(within(banner).getByRole('button', { name: 'Lock' }));
    expect(api['auth:lock']).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('heading', { name: 'Till locked' })).toBeInTheDocument();
  });

  it('another screen opens normally, and the broken one draws again once the cause is gone', async () => {
    const { api, user } = openBrokenReports();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Reports' }));
    await failedNotice();

    // "Try again" while the cause remains: the notice comes back, nothing else breaks.
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await failedNotice();

    // Switching screens leaves the notice behind.
    await user.click(within(nav).getByRole('button', { name: 'Staff' }));
    await waitFor(() =>
      expect(screen.queryByRole('alert', { name: /could not be shown/ })).toBeNull(),
    );
    expect(within(nav).getByRole('button', { name: 'Staff' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    // Back on Reports, the same bad data is still held: the notice again, contained.
    await user.click(within(nav).getByRole('button', { name: 'Reports' }));
    await failedNotice();

    // Once the cause is gone (a sound answer, the bad one dropped), "Try again" draws the figures.
    api['reports:daySummary'].mockResolvedValue(ok(daySummary()));
    act(() => useReportsStore.getState().reset());
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'By tender' })).toBeInTheDocument();
    expect(screen.queryByRole('alert', { name: /could not be shown/ })).toBeNull();
  });
});

function daySummary(): DaySummary {
  return {
    date: DAY,
    timeZone: 'Europe/London',
    from: `${DAY}T00:00:00.000Z`,
    to: `${DAY}T23:59:59.000Z`,
    currency: 'GBP',
    salesCount: 1,
    gross: 450,
    refundsCount: 0,
    refunds: 0,
    voidsCount: 0,
    voids: 0,
    net: 450,
    discount: 0,
    tax: 75,
    byTender: [{ type: 'cash', count: 1, amount: 450 }],
    byStaff: [{ staffId: 2, name: 'Jonas Weber', salesCount: 1, gross: 450, refunds: 0, net: 450 }],
    byTill: [{ tillId: 1, name: 'Till 1', salesCount: 1, gross: 450, refunds: 0, net: 450 }],
  };
}

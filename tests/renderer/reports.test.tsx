import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DaySummary } from '../../shared/contract';
type RoleId = 'admin' | 'manager' | 'cashier';
import { setLocale } from '../../renderer/src/i18n';
import { useNavigationStore } from '../../renderer/src/stores/navigation';
import { useReportsStore } from '../../renderer/src/stores/reports';
import {
  createFakeApi,
  fail,
  ok,
  renderApp,
  sessionFor,
  TWO_TILLS,
  withStoreChanges,
  zReportFor,
} from './helpers';

// Issue 7 §10: this computer is in Auckland (already Tuesday the 24th); the store is in London,
// where it is Monday the 23rd. "Today" is the core's answer to reports:today.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Auckland';
});
afterAll(() => {
  process.env.TZ = savedTz;
});
const NOW = new Date('2026-11-23T15:00:00.000Z');

function daySummary(date: string, overrides: Partial<DaySummary> = {}): DaySummary {
  return {
    date,
    timeZone: 'Europe/London',
    from: `${date}T00:00:00.000Z`,
    to: `${date}T23:59:59.000Z`,
    currency: 'GBP',
    salesCount: 42,
    gross: 123456,
    refundsCount: 2,
    refunds: 2500,
    voidsCount: 1,
    voids: 990,
    net: 120956,
    discount: 1200,
    tax: 20159,
    byTender: [
      { type: 'cash', count: 30, amount: 45000 },
      { type: 'card', count: 14, amount: 75956 },
    ],
    byStaff: [
      { staffId: 3, name: 'Tom Baker', salesCount: 30, gross: 90000, refunds: 2500, net: 87500 },
      { staffId: 2, name: 'Jonas Weber', salesCount: 12, gross: 33456, refunds: 0, net: 33456 },
    ],
    byTill: [
      {
        tillId: 1,
        name: 'Front counter',
        salesCount: 42,
        gross: 123456,
        refunds: 2500,
        net: 120956,
      },
    ],
    ...overrides,
  };
}

async function openReports(role: RoleId = 'manager', today = '2026-11-23', api = createFakeApi()) {
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['reports:today'].mockResolvedValue(ok({ date: today, timeZone: 'Europe/London' }));
  api['reports:daySummary'].mockImplementation(async (input) => ok(daySummary(input?.date ?? '')));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Reports' }));
  await screen.findByRole('heading', { name: 'Day summary' });
  return { api, ...rendered };
}

const figure = (name: string) => screen.getByRole('group', { name });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  useReportsStore.getState().reset();
});
afterEach(() => vi.useRealTimers());

describe('reports: day summary', () => {
  it("shows today's figures, formatted, and the by-tender and by-staff tables", async () => {
    expect(new Date().getDate()).toBe(24); // this process really is in Auckland
    const { api } = await openReports();
    expect(api['reports:daySummary']).toHaveBeenCalledWith({ date: '2026-11-23' });
    expect(screen.getByLabelText('Day')).toHaveValue('2026-11-23');
    await waitFor(() => expect(figure('Net')).toHaveTextContent('£1,209.56'));
    expect(figure('Gross')).toHaveTextContent('£1,234.56');
    expect(figure('Sales count')).toHaveTextContent('42');
    expect(figure('Refunds')).toHaveTextContent('£25.00');
    expect(figure('Refunds')).toHaveTextContent('2 refunds');
    expect(figure('Voids')).toHaveTextContent('£9.90');
    expect(figure('Voids')).toHaveTextContent('1 voided sale');

    const tenders = screen.getByRole('table', { name: 'By tender' });
    const card = within(tenders).getByText('Card').closest('tr')!;
    expect(within(card).getByText('14')).toBeInTheDocument();
    expect(within(card).getByText('£759.56')).toBeInTheDocument();
    expect(within(tenders).getByText('£1,209.56')).toBeInTheDocument(); // the total row

    const staff = screen.getByRole('table', { name: 'By staff' });
    const tom = within(staff).getByText('Tom Baker').closest('tr')!;
    expect(within(tom).getByText('£900.00')).toBeInTheDocument();
    expect(within(tom).getByText('£25.00')).toBeInTheDocument();
    expect(within(tom).getByText('£875.00')).toBeInTheDocument();
  });

  it('previous day, next day and the date field change the request', async () => {
    const { api, user } = await openReports();
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-22' }),
    );
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-21' }),
    );
    await user.click(screen.getByRole('button', { name: 'Next day' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-22' }),
    );
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-02-28' } });
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-02-28' }),
    );
    await user.click(screen.getByRole('button', { name: 'Next day' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-03-01' }),
    );
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-23' }),
    );
  });

  it("steps over the DST change by calendar days from the core's today", async () => {
    const { api, user } = await openReports('manager', '2026-03-30');
    expect(api['reports:daySummary']).toHaveBeenCalledWith({ date: '2026-03-30' });
    expect(screen.getByText(/today, still open/)).toBeInTheDocument();
    for (const date of ['2026-03-29', '2026-03-28']) {
      await user.click(screen.getByRole('button', { name: 'Previous day' }));
      await waitFor(() => expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date }));
    }
    // Issue 8 item 21: a past day is never called a closed day or a Z report; Z reports belong to
    // shifts (issue 10), and the day lists its shifts (none here).
    expect(screen.getByText(/past day/)).toBeInTheDocument();
    expect(screen.queryByText(/closed day|Z report/i)).not.toBeInTheDocument();
    expect(screen.getByText('No shift was opened on this day.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-03-30' }),
    );
  });

  it("one till's day: the Till filter sends it, the heading names it, and the day moves with it", async () => {
    const api = createFakeApi();
    api['reports:tills'].mockResolvedValue(ok({ items: TWO_TILLS }));
    const { user } = await openReports('manager', '2026-11-23', api);
    await user.click(await screen.findByLabelText('Till', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Front till' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-23', tillId: 1 }),
    );
    // Printed, the day summary says whose it is (the filter itself does not print).
    expect(screen.getByText(/· Front till$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-22', tillId: 1 }),
    );
    await user.click(screen.getByLabelText('Till', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'All tills' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-22' }),
    );
    expect(screen.queryByText(/· Front till$/)).not.toBeInTheDocument();
  });

  it('Shifts: the Till filter lists one till’s Z reports, from the first page', async () => {
    const api = createFakeApi();
    api['reports:tills'].mockResolvedValue(ok({ items: TWO_TILLS }));
    // 60 Z reports: three pages.
    const z = zReportFor(25000, null);
    const { id, zNo, shiftId, tillName, currency, openedBy, openedAt, closedBy, closedAt } = z;
    const item = { id, zNo, shiftId, tillName, currency, openedBy, openedAt, closedBy, closedAt };
    api['shifts:list'].mockResolvedValue(
      ok({ items: [{ ...item, salesCount: 3, net: 2500, overShort: 0 }], total: 60 }),
    );
    const { user } = await openReports('manager', '2026-11-23', api);
    await user.click(screen.getByRole('tab', { name: 'Shifts' }));
    await waitFor(() =>
      expect(api['shifts:list']).toHaveBeenLastCalledWith({ limit: 25, offset: 0 }),
    );
    await user.click(await screen.findByRole('button', { name: '2' }));
    await waitFor(() =>
      expect(api['shifts:list']).toHaveBeenLastCalledWith({ limit: 25, offset: 25 }),
    );
    await user.click(await screen.findByLabelText('Till', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Back till' }));
    await waitFor(() =>
      expect(api['shifts:list']).toHaveBeenLastCalledWith({ limit: 25, offset: 0, tillId: 2 }),
    );
  });

  it('a till joining and a shift closing elsewhere show without opening Reports again', async () => {
    const { api, change } = withStoreChanges(createFakeApi());
    // One till at first: nothing to choose. Another till then joins the store server.
    api['reports:tills'].mockResolvedValueOnce(ok({ items: [TWO_TILLS[1]!] }));
    api['reports:tills'].mockResolvedValue(ok({ items: TWO_TILLS }));
    const { user } = await openReports('manager', '2026-11-23', api);
    await waitFor(() => expect(api['reports:tills']).toHaveBeenCalledOnce());
    expect(screen.queryByLabelText('Till', { selector: 'input' })).not.toBeInTheDocument();
    change('tills');
    await user.click(await screen.findByLabelText('Till', { selector: 'input' }));
    expect(await screen.findByRole('option', { name: 'Back till' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    // A shift closes on another till: its Z report joins the list on screen.
    await user.click(screen.getByRole('tab', { name: 'Shifts' }));
    await waitFor(() => expect(api['shifts:list']).toHaveBeenCalled());
    const reads = api['shifts:list'].mock.calls.length;
    change('catalogue');
    change('tills');
    await waitFor(() => expect(api['shifts:list']).toHaveBeenCalledTimes(reads + 1));
    expect(api['shifts:list']).toHaveBeenLastCalledWith({ limit: 25, offset: 0 });
  });

  it('keeps the till chosen from the day summary to Shifts and back', async () => {
    const api = createFakeApi();
    api['reports:tills'].mockResolvedValue(ok({ items: TWO_TILLS }));
    const { user } = await openReports('manager', '2026-11-23', api);
    await user.click(await screen.findByLabelText('Till', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Back till' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-23', tillId: 2 }),
    );
    await user.click(screen.getByRole('tab', { name: 'Shifts' }));
    await waitFor(() =>
      expect(api['shifts:list']).toHaveBeenLastCalledWith({ limit: 25, offset: 0, tillId: 2 }),
    );
    expect(api['shifts:list']).not.toHaveBeenCalledWith({ limit: 25, offset: 0 });
    expect(screen.getByLabelText('Till', { selector: 'input' })).toHaveValue('Back till');
    await user.click(screen.getByLabelText('Till', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'All tills' }));
    await waitFor(() =>
      expect(api['shifts:list']).toHaveBeenLastCalledWith({ limit: 25, offset: 0 }),
    );
    await user.click(screen.getByRole('tab', { name: 'Day summary' }));
    await waitFor(() =>
      expect(api['reports:daySummary']).toHaveBeenLastCalledWith({ date: '2026-11-23' }),
    );
    expect(screen.getByLabelText('Till', { selector: 'input' })).toHaveValue('All tills');
  });

  it('splits the day by till when more than one took money; one till shows no By till', async () => {
    const api = createFakeApi();
    const { user } = await openReports('manager', '2026-11-23', api);
    await screen.findByRole('table', { name: 'By staff' });
    expect(screen.queryByRole('table', { name: 'By till' })).not.toBeInTheDocument();
    api['reports:daySummary'].mockImplementation(async (input) =>
      ok(
        daySummary(input?.date ?? '', {
          byTill: [
            { tillId: 2, name: 'Back till', salesCount: 30, gross: 90000, refunds: 0, net: 90000 },
            {
              tillId: 1,
              name: 'Front till',
              salesCount: 12,
              gross: 33456,
              refunds: 2500,
              net: 30956,
            },
          ],
        }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    const table = await screen.findByRole('table', { name: 'By till' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['Back till', '30', '£900.00', '£0.00', '£900.00'],
      ['Front till', '12', '£334.56', '£25.00', '£309.56'],
    ]);
  });

  it('an empty day says so instead of empty tables', async () => {
    const { api, user } = await openReports();
    api['reports:daySummary'].mockResolvedValueOnce(
      ok(
        daySummary('2026-11-22', {
          salesCount: 0,
          gross: 0,
          refunds: 0,
          refundsCount: 0,
          voids: 0,
          voidsCount: 0,
          net: 0,
          discount: 0,
          tax: 0,
          byTender: [],
          byStaff: [],
        }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    expect(await screen.findByText('No payments on this day.')).toBeInTheDocument();
    expect(screen.getByText('Nobody made a sale on this day.')).toBeInTheDocument();
    expect(figure('Net')).toHaveTextContent('£0.00');
  });

  it('shows the core refusal', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['reports:today'].mockResolvedValue(ok({ date: '2026-11-23', timeZone: 'Europe/London' }));
    api['reports:daySummary'].mockResolvedValue(fail('INTERNAL'));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Reports' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Something went wrong/);
  });

  it('is not in the navigation without reports.view', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    api['sales:list'].mockResolvedValue(ok({ items: [], nextCursor: null }));
    renderApp(api);
    await screen.findByRole('button', { name: 'Checkout' });
    expect(screen.queryByRole('button', { name: 'Reports' })).not.toBeInTheDocument();
  });
});

describe('the day summary in German (issue 8, items 21 and 25)', () => {
  beforeEach(async () => {
    await setLocale('de-DE');
  });
  afterEach(async () => {
    await setLocale('en-GB');
  });

  /** Opens Reports through the navigation store (the shell's labels are not this screen's). */
  async function openGerman(summary: (date: string) => DaySummary = (d) => daySummary(d)) {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['reports:today'].mockResolvedValue(ok({ date: '2026-11-23', timeZone: 'Europe/London' }));
    api['reports:daySummary'].mockImplementation(async (input) => ok(summary(input?.date ?? '')));
    const rendered = renderApp(api);
    await waitFor(() => expect(api['auth:session']).toHaveBeenCalled());
    act(() => useNavigationStore.getState().go('reports'));
    await screen.findByRole('heading', { name: 'Tagesübersicht' });
    return { api, ...rendered };
  }

  it('German labels, money as "1.209,56 £", counts and the day written out in German', async () => {
    await openGerman((d) =>
      daySummary(d, {
        salesCount: 1234,
        byTender: [
          { type: 'cash', count: 1200, amount: 45000 },
          { type: 'card', count: 34, amount: 75956 },
        ],
      }),
    );
    expect(
      screen.getByText('Montag, 23. November 2026 · heute, noch offen (X-Bericht)'),
    ).toBeInTheDocument();
    await waitFor(() => expect(figure('Netto')).toHaveTextContent('1.209,56 £'));
    expect(figure('Netto')).toHaveTextContent('Brutto − Erstattungen');
    expect(figure('Brutto')).toHaveTextContent('1.234,56 £');
    expect(figure('Brutto')).toHaveTextContent('1.234 Verkäufe');
    expect(figure('Anzahl Verkäufe')).toHaveTextContent('1.234');
    expect(figure('Erstattungen')).toHaveTextContent('25,00 £');
    expect(figure('Erstattungen')).toHaveTextContent('2 Erstattungen');
    expect(figure('Stornos')).toHaveTextContent('1 stornierter Verkauf, nicht im Netto');
    expect(figure('Rabatt')).toHaveTextContent('12,00 £');
    expect(figure('MwSt.')).toHaveTextContent('201,59 £');

    const tenders = screen.getByRole('table', { name: 'Nach Zahlungsart' });
    for (const header of ['Zahlungsart', 'Anzahl', 'Betrag'])
      expect(within(tenders).getByRole('columnheader', { name: header })).toBeInTheDocument();
    const cash = within(tenders).getByText('Bar').closest('tr')!;
    expect(within(cash).getByText('1.200')).toBeInTheDocument();
    expect(within(cash).getByText('450,00 £')).toBeInTheDocument();
    expect(within(tenders).getByText('Karte')).toBeInTheDocument();
    expect(within(tenders).getByText('Summe')).toBeInTheDocument();
    expect(within(tenders).getByRole('progressbar', { name: 'Anteil Bar' })).toBeInTheDocument();
    const staff = screen.getByRole('table', { name: 'Nach Mitarbeiter' });
    const tom = within(staff).getByText('Tom Baker').closest('tr')!;
    expect(within(tom).getByText('875,00 £')).toBeInTheDocument();
    // The period, with the business day and the times in German form.
    expect(
      screen.getByText(/^23\.11\.2026 in Europe\/London: .* bis .*\. Beträge in GBP\.$/),
    ).toBeInTheDocument();
  });

  it('a past day is a "Tagesübersicht", never a Z-Bon or Tagesabschluss; empty days say so', async () => {
    const { user } = await openGerman((d) =>
      d === '2026-11-22'
        ? daySummary(d, {
            salesCount: 1,
            refundsCount: 0,
            voidsCount: 0,
            byTender: [],
            byStaff: [],
          })
        : daySummary(d),
    );
    await user.click(screen.getByRole('button', { name: 'Vorheriger Tag' }));
    expect(
      await screen.findByText('Sonntag, 22. November 2026 · vergangener Tag'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Tagesübersicht' })).toBeInTheDocument();
    expect(
      screen.queryByText(/Z-Bon|Z-Bericht|Tagesabschluss|(abgeschlossener|geschlossener) Tag/i),
    ).not.toBeInTheDocument();
    expect(await screen.findByText('Keine Zahlungen an diesem Tag.')).toBeInTheDocument();
    expect(screen.getByText('An diesem Tag hat niemand verkauft.')).toBeInTheDocument();
    expect(figure('Brutto')).toHaveTextContent('1 Verkauf');
    expect(figure('Erstattungen')).toHaveTextContent('0 Erstattungen');
    expect(screen.getByRole('button', { name: 'Nächster Tag' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Heute' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Drucken' })).toBeInTheDocument();
    expect(screen.getByLabelText('Tag')).toHaveValue('2026-11-22');
  });
});

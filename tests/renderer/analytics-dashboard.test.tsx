/**
 * Issue 11, section 4: the Reports dashboard against a fake core. Ranges are presets counted from
 * the core's business day (never this computer's clock), weeks run Monday to Sunday; every
 * figure shown is the core's; each chart has a table view; the key figures compare with the
 * previous period, the margin says how much of the net is costed; top categories name their path
 * and "No category"; the category filter limits both top lists. The Export menu saves the
 * dashboard or one report (`analytics:export`), and the print route draws a report's tables on A4
 * (`reportA4`).
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ChannelOutput,
  ReportPrintDocument,
  SalesFigures,
  SavedFile,
} from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { PrintRoute } from '../../renderer/src/features/receipt-pdf/PrintRoute';
import { setLocale } from '../../renderer/src/i18n';
import {
  presetRange,
  trendGrain,
  PRESETS,
} from '../../renderer/src/features/analytics/date-presets';
import { percentChange } from '../../renderer/src/features/analytics/change-text';
import { costedShare, marginPercent } from '../../renderer/src/features/analytics/margin-text';
import { createFakeApi, fail, ok, renderApp, sessionFor } from './helpers';

const TODAY = '2026-11-25'; // a Wednesday

function figures(net: number, salesCount: number): SalesFigures {
  return {
    salesCount,
    refundsCount: 1,
    voidsCount: 0,
    items: salesCount * 2,
    gross: net + 500,
    refunds: 500,
    voids: 0,
    net,
    discounts: 250,
    tax: Math.round(net / 6),
    averageBasket: salesCount ? Math.round(net / salesCount) : 0,
    itemsPerSale: 2,
  };
}

function fakeDashboard() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['reports:today'].mockResolvedValue(ok({ date: TODAY, timeZone: 'Europe/London' }));
  api['analytics:keyFigures'].mockImplementation(async (input) => {
    const r = input!;
    return ok({
      currency: 'GBP',
      range: r,
      previousRange: r,
      current: figures(12_500, 10),
      previous: figures(10_000, 8),
      margin: {
        current: { cost: 4000, costedNet: 8000, margin: 4000, netWithoutTax: 10_000 },
        previous: { cost: 3000, costedNet: 6000, margin: 3200, netWithoutTax: 8000 },
      },
      byTender: [],
    });
  });
  api['analytics:trend'].mockImplementation(async (input) => {
    const r = input!;
    return ok({
      currency: 'GBP',
      grain: r.grain,
      points: [
        {
          bucket: r.from,
          salesCount: 4,
          refundsCount: 0,
          items: 8,
          gross: 5000,
          refunds: 0,
          net: 5000,
        },
        {
          bucket: r.to,
          salesCount: 6,
          refundsCount: 1,
          items: 12,
          gross: 8000,
          refunds: 500,
          net: 7500,
        },
      ],
    });
  });
  api['analytics:heatmap'].mockResolvedValue(
    ok({ currency: 'GBP', cells: [{ weekday: 3, hour: 14, salesCount: 6, net: 7500 }] }),
  );
  api['analytics:topProducts'].mockImplementation(async (input) =>
    ok({
      currency: 'GBP',
      products: [
        {
          productId: 1,
          sku: 'MUG-01',
          name: 'Enamel Mug',
          quantity: input?.by === 'quantity' ? 9 : 3,
          gross: 1350,
          refunds: 0,
          net: 1350,
          discounts: 0,
          tax: 225,
          cost: 600,
          costedNet: 1125,
          margin: 525,
        },
      ],
    }),
  );
  const categoryFigures = {
    quantity: 3,
    gross: 1350,
    refunds: 0,
    net: 1350,
    discounts: 0,
    tax: 225,
    cost: 600,
    costedNet: 1125,
    margin: 525,
  };
  api['analytics:topCategories'].mockResolvedValue(
    ok({
      currency: 'GBP',
      categories: [
        { categoryId: 12, path: ['Kitchen', 'Mugs'], ...categoryFigures },
        { categoryId: null, path: [], ...categoryFigures, net: 900, margin: 0 },
      ],
    }),
  );
  api['categories:list'].mockResolvedValue(
    ok({
      items: [
        {
          id: 11,
          name: 'Kitchen',
          parentId: null,
          depth: 1,
          path: ['Kitchen'],
          productCount: 0,
          totalProductCount: 1,
          archived: false,
          createdAt: '2026-11-01T09:00:00.000Z',
          updatedAt: '2026-11-01T09:00:00.000Z',
        },
        {
          id: 12,
          name: 'Mugs',
          parentId: 11,
          depth: 2,
          path: ['Kitchen', 'Mugs'],
          productCount: 1,
          totalProductCount: 1,
          archived: false,
          createdAt: '2026-11-01T09:00:00.000Z',
          updatedAt: '2026-11-01T09:00:00.000Z',
        },
      ],
    }),
  );
  api['analytics:staffPerformance'].mockResolvedValue(
    ok({
      currency: 'GBP',
      staff: [
        { staffId: 3, name: 'Tom Baker', ...figures(12_500, 10), shiftsClosed: 1, overShort: -50 },
      ],
    }),
  );
  api['analytics:taxReport'].mockResolvedValue(
    ok({
      currency: 'GBP',
      rates: [{ taxRateBps: 2000, net: 10_417, tax: 2083, gross: 12_500 }],
      totals: { net: 10_417, tax: 2083, gross: 12_500 },
    }),
  );
  api['analytics:customers'].mockResolvedValue(
    ok({
      currency: 'GBP',
      newCustomers: 2,
      returningCustomers: 3,
      walkInSales: 5,
      top: [{ customerId: 7, name: 'Ada Lovelace', salesCount: 2, net: 4000 }],
      lapsedCount: 1,
      lapsed: [{ customerId: 9, name: 'Grace Hopper', lastSeen: '2026-07-01' }],
    } satisfies ChannelOutput<'analytics:customers'>),
  );
  return api;
}

async function openDashboard() {
  const api = fakeDashboard();
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Reports' }));
  await rendered.user.click(await screen.findByRole('tab', { name: 'Dashboard' }));
  await screen.findByRole('list', { name: 'Key figures' });
  return { api, ...rendered };
}

describe('dashboard ranges', () => {
  it('counts every preset from the core day, weeks Monday to Sunday', () => {
    expect(Object.fromEntries(PRESETS.map((p) => [p, presetRange(p, TODAY)]))).toEqual({
      today: { from: TODAY, to: TODAY },
      yesterday: { from: '2026-11-24', to: '2026-11-24' },
      thisWeek: { from: '2026-11-23', to: TODAY },
      lastWeek: { from: '2026-11-16', to: '2026-11-22' },
      thisMonth: { from: '2026-11-01', to: TODAY },
      lastMonth: { from: '2026-10-01', to: '2026-10-31' },
      thisYear: { from: '2026-01-01', to: TODAY },
    });
    // Across a year's end and a leap February.
    expect(presetRange('lastMonth', '2024-03-10')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(presetRange('lastWeek', '2027-01-01')).toEqual({ from: '2026-12-21', to: '2026-12-27' });
    expect(() => presetRange('today', '2026-02-30')).toThrow(RangeError);
  });

  it('picks the trend grain from the length of the range', () => {
    expect(trendGrain({ from: TODAY, to: TODAY })).toBe('hour');
    expect(trendGrain({ from: '2026-11-01', to: TODAY })).toBe('day');
    expect(trendGrain({ from: '2026-01-01', to: TODAY })).toBe('week');
    expect(trendGrain({ from: '2024-01-01', to: TODAY })).toBe('month');
  });

  it('compares with the previous period, and says so when there was nothing', () => {
    expect(percentChange(12_500, 10_000)).toBe(25);
    expect(percentChange(9_000, 10_000)).toBe(-10);
    expect(percentChange(1, 3)).toBe(-66.7);
    expect(percentChange(500, 0)).toBeNull();
  });

  it('margin as a percent of the costed net, and the share of the net that is costed', () => {
    const m = { cost: 4000, costedNet: 8000, margin: 4000, netWithoutTax: 10_000 };
    expect(marginPercent(m)).toBe(50);
    expect(costedShare(m)).toBe(80);
    expect(marginPercent({ ...m, margin: -1000 })).toBe(-12.5);
    // Nothing costed: no percent of zero.
    expect(marginPercent({ cost: 0, costedNet: 0, margin: 0, netWithoutTax: 10_000 })).toBeNull();
    expect(costedShare({ ...m, netWithoutTax: 0 })).toBeNull();
  });
});

describe('the dashboard', () => {
  it("opens on this week and shows the core's figures against the previous period", async () => {
    const { api } = await openDashboard();
    expect(api['analytics:keyFigures']).toHaveBeenCalledWith({ from: '2026-11-23', to: TODAY });
    expect(api['analytics:trend']).toHaveBeenCalledWith({
      from: '2026-11-23',
      to: TODAY,
      grain: 'day',
    });
    const cards = within(screen.getByRole('list', { name: 'Key figures' }));
    const net = cards.getAllByRole('listitem')[0]!;
    expect(net).toHaveTextContent('Net sales£125.00+25 % on the previous period (£100.00)');
    expect(cards.getAllByRole('listitem')[6]).toHaveTextContent(
      'Margin£40.0050 % margin · cost known for 80 % of net+25 % on the previous period (£32.00)',
    );
    expect(screen.getByRole('table', { name: 'Tax by rate' })).toHaveTextContent(
      '20%£104.17£20.83£125.00',
    );
    expect(screen.getByRole('table', { name: 'Staff performance' })).toHaveTextContent('Tom Baker');
    expect(screen.getByRole('table', { name: 'Top customers' })).toHaveTextContent('Ada Lovelace');
    expect(screen.getByText('1 customer not seen for 90 days')).toBeInTheDocument();
    const heat = screen.getByRole('table', { name: /When the shop sells/ });
    expect(within(heat).getByTitle('6 sales, £75.00')).toHaveTextContent('6');
  });

  it('a preset asks again for its range; the trend and top products read as tables', async () => {
    const { api, user } = await openDashboard();
    await user.click(screen.getByLabelText('Range', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Last month' }));
    await waitFor(() =>
      expect(api['analytics:keyFigures']).toHaveBeenLastCalledWith({
        from: '2026-10-01',
        to: '2026-10-31',
      }),
    );
    expect(api['analytics:trend']).toHaveBeenLastCalledWith({
      from: '2026-10-01',
      to: '2026-10-31',
      grain: 'day',
    });
    const trendCard = within(screen.getByRole('region', { name: 'Sales by day' }));
    await user.click(trendCard.getByRole('radio', { name: 'Table' }));
    const trend = await screen.findByRole('table', { name: 'Sales by day' });
    expect(within(trend).getAllByRole('row')).toHaveLength(3);
    expect(trend).toHaveTextContent('£75.00');

    const topCard = within(screen.getByRole('region', { name: 'Top products' }));
    await user.click(topCard.getByRole('radio', { name: 'By quantity' }));
    await waitFor(() =>
      expect(api['analytics:topProducts']).toHaveBeenLastCalledWith({
        from: '2026-10-01',
        to: '2026-10-31',
        by: 'quantity',
        limit: 10,
      }),
    );
  });

  it('top categories by path and "No category"; the category filter limits both top lists', async () => {
    const { api, user } = await openDashboard();
    expect(api['analytics:topCategories']).toHaveBeenCalledWith({
      from: '2026-11-23',
      to: TODAY,
      by: 'revenue',
      limit: 10,
    });
    const card = within(screen.getByRole('region', { name: 'Top categories' }));
    await user.click(card.getByRole('radio', { name: 'Table' }));
    const table = await screen.findByRole('table', { name: 'Top categories' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Kitchen > Mugs3£13.50£5.25');
    expect(rows[2]).toHaveTextContent('No category3£9.00£0.00');
    await user.click(card.getByRole('radio', { name: 'By margin' }));
    await waitFor(() =>
      expect(api['analytics:topCategories']).toHaveBeenLastCalledWith({
        from: '2026-11-23',
        to: TODAY,
        by: 'margin',
        limit: 10,
      }),
    );

    await user.click(screen.getByLabelText('Category', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Kitchen' }));
    await waitFor(() =>
      expect(api['analytics:topProducts']).toHaveBeenLastCalledWith({
        from: '2026-11-23',
        to: TODAY,
        by: 'revenue',
        limit: 10,
        categoryId: 11,
      }),
    );
    expect(api['analytics:topCategories']).toHaveBeenLastCalledWith({
      from: '2026-11-23',
      to: TODAY,
      by: 'margin',
      limit: 10,
      categoryId: 11,
    });
  });

  it('typed days make the range custom; days out of order are not sent', async () => {
    const { api } = await openDashboard();
    const calls = api['analytics:keyFigures'].mock.calls.length;
    // A date field's value changes whole (the browser's date picker), not key by key.
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    expect(api['analytics:keyFigures'].mock.calls.length).toBe(calls);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-02' } });
    await waitFor(() =>
      expect(api['analytics:keyFigures']).toHaveBeenLastCalledWith({
        from: '2026-11-02',
        to: TODAY,
      }),
    );
    expect(screen.getByLabelText('Range', { selector: 'input' })).toHaveValue('Custom days');
  });
});

describe('exporting from the dashboard', () => {
  it('saves one report for the range shown, busy until the core answers, then names the file', async () => {
    const { api, user } = await openDashboard();
    let answer!: (r: Result<SavedFile>) => void;
    api['analytics:export'].mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const button = screen.getByRole('button', { name: 'Export' });
    await user.click(button);
    const menu = await screen.findByRole('menu');
    for (const item of ['Whole dashboard (PDF)', 'Whole dashboard (CSV)', 'Tax by rate (PDF)'])
      expect(within(menu).getByRole('menuitem', { name: item })).toBeInTheDocument();
    await user.click(within(menu).getByRole('menuitem', { name: 'Top products (CSV)' }));
    expect(api['analytics:export']).toHaveBeenCalledWith({
      report: 'topProducts',
      format: 'csv',
      from: '2026-11-23',
      to: TODAY,
      grain: 'day',
      by: 'revenue',
      categoryBy: 'revenue',
      limit: 10,
    });
    await waitFor(() => expect(button).toHaveAttribute('data-loading', 'true'));
    answer(
      ok({ outcome: 'saved', fileName: 'kassa-top-products-2026-11-23_2026-11-25.csv', bytes: 9 }),
    );
    expect(
      await screen.findByText(
        'Top products saved as kassa-top-products-2026-11-23_2026-11-25.csv.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(button).not.toHaveAttribute('data-loading'));
  });

  it('works from the keyboard; a closed dialog says nothing; REPORT_PDF_FAILED is explained', async () => {
    const { api, user } = await openDashboard();
    api['analytics:export'].mockResolvedValueOnce(ok({ outcome: 'cancelled' }));
    screen.getByRole('button', { name: 'Export' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('menu');
    // Enter opens the menu on its first item (WAI-ARIA APG menu button); no placeholder first.
    await waitFor(() =>
      expect(screen.getByRole('menuitem', { name: 'Whole dashboard (PDF)' })).toHaveFocus(),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(api['analytics:export']).toHaveBeenCalledWith(
        expect.objectContaining({ report: 'dashboard', format: 'pdf' }),
      ),
    );
    expect(screen.queryByText(/saved as/)).not.toBeInTheDocument();
    api['analytics:export'].mockResolvedValueOnce(fail('REPORT_PDF_FAILED'));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Key figures (PDF)' }));
    expect(
      await screen.findByText(/The report PDF could not be made on this till/),
    ).toBeInTheDocument();
  });
});

describe('the print route draws a report on A4', () => {
  afterEach(async () => {
    delete document.documentElement.dataset.printReady;
    await setLocale('en-GB');
  });

  function printHash(locale: string): string {
    const doc: ReportPrintDocument = {
      layout: 'reportA4',
      report: 'taxReport',
      range: { from: '2026-11-01', to: '2026-11-30' },
      currency: 'GBP',
      tables: [
        {
          id: 'taxReport',
          columns: [
            { key: 'tax_rate_percent', kind: 'percent' },
            { key: 'net', kind: 'money' },
            { key: 'tax', kind: 'money' },
            { key: 'gross', kind: 'money' },
          ],
          rows: [[2000, 10_417, 2083, 12_500]],
          totals: [null, 10_417, 2083, 12_500],
        },
        {
          id: 'byTender',
          columns: [
            { key: 'tender', kind: 'label' },
            { key: 'sales_count', kind: 'count' },
            { key: 'amount', kind: 'money' },
          ],
          rows: [['cash', 1234, -250]],
        },
        { id: 'lapsedCustomers', columns: [{ key: 'customer', kind: 'text' }], rows: [] },
      ],
      store: {
        storeName: 'Corner Deli',
        storeAddress: '1 High Street\nLeeds LS1 1AA',
        taxNumber: 'GB123456789',
        locale,
        timeZone: 'Europe/London',
      },
      printedAt: '2026-12-01T09:30:00.000Z',
    };
    return `#print=${Buffer.from(JSON.stringify(doc), 'utf8').toString('base64url')}`;
  }

  it('in English: the store, the range and every table with Intl figures; then it is ready', async () => {
    render(<PrintRoute hash={printHash('en-GB')} />);
    const page = await screen.findByRole('article', { name: 'Tax by rate' });
    expect(document.documentElement.dataset.printLayout).toBe('reportA4');
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    for (const part of [
      'Corner Deli',
      'Leeds LS1 1AA',
      'VAT no. GB123456789',
      '1 Nov 2026 – 30 Nov 2026',
    ])
      expect(page).toHaveTextContent(part);
    const tax = within(page).getByRole('table', { name: 'Tax by rate' });
    expect(within(tax).getAllByRole('row')[1]).toHaveTextContent('20%£104.17£20.83£125.00');
    expect(within(tax).getByRole('row', { name: /Total/ })).toHaveTextContent(
      'Total£104.17£20.83£125.00',
    );
    const tenders = within(page).getByRole('table', { name: 'By tender' });
    expect(within(tenders).getAllByRole('row')[1]).toHaveTextContent('Cash1,234-£2.50');
    expect(
      within(page).getByRole('table', { name: 'Customers not seen for 90 days' }),
    ).toHaveTextContent('Nothing in this range.');
    expect(page).toHaveTextContent('Printed 1 Dec 2026, 09:30');
  });

  it('in German for a German store', async () => {
    render(<PrintRoute hash={printHash('de-DE')} />);
    const page = await screen.findByRole('article', { name: 'Steuer nach Satz' });
    const tenders = within(page).getByRole('table', { name: 'Nach Zahlungsart' });
    expect(within(tenders).getAllByRole('row')[1]).toHaveTextContent('Bar1.234-2,50 £');
    expect(page).toHaveTextContent('Summe');
  });
});

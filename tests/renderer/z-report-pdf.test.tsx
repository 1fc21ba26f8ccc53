/**
 * The Z report as a PDF (issue 10, section 1), renderer side:
 * - the print route draws an A4 Z report from its URL fragment, in the store's language, and
 *   marks the page ready for the PDF engine; a damaged fragment draws an error;
 * - Export PDF in Reports → Shifts asks the core (`shifts:exportPdf`), stays busy until it
 *   answers, then names the saved file; a closed save dialog says nothing; REPORT_PDF_FAILED is
 *   shown in words.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZReport, ZReportPdfResult, ZReportPrintDocument } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { PrintRoute } from '../../renderer/src/features/receipt-pdf/PrintRoute';
import { setLocale } from '../../renderer/src/i18n';
import { createFakeApi, fail, ok, renderApp, sessionFor, TILL, zReportFor } from './helpers';

/** Z report 7, £0.50 short, with a drawer opened for no sale. */
const Z: ZReport = {
  ...zReportFor(25000, 'Short 50p'),
  asOf: '2026-11-23T17:01:00.000Z',
  noSaleCount: 1,
};

function printHash(locale: string, report: ZReport = Z): string {
  const doc: ZReportPrintDocument = {
    layout: 'zReportA4',
    report,
    store: {
      storeName: 'Corner Deli',
      storeAddress: '1 High Street\nLeeds LS1 1AA',
      taxNumber: 'GB123456789',
      locale,
      timeZone: 'Europe/London',
    },
    printedAt: '2026-11-23T17:05:00.000Z',
  };
  return `#print=${Buffer.from(JSON.stringify(doc), 'utf8').toString('base64url')}`;
}

afterEach(async () => {
  delete document.documentElement.dataset.printReady;
  await setLocale('en-GB');
});

describe('the print route draws a Z report on A4', () => {
  it('in English: the store, the Z number, the figures and the count; then it is ready', async () => {
    render(<PrintRoute hash={printHash('en-GB')} />);
    const page = await screen.findByRole('article', { name: 'Z report 7' });
    expect(document.documentElement.dataset.printLayout).toBe('zReportA4');
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    const text = page.textContent ?? '';
    for (const part of ['Corner Deli', 'Leeds LS1 1AA', 'VAT no. GB123456789', TILL])
      expect(text).toContain(part);
    expect(text).toContain('23 Nov 2026, 17:01 by Jonas Weber');
    expect(text).toContain('#101 to #109');
    const sales = within(page).getByRole('table', { name: 'Sales' });
    expect(within(sales).getByRole('row', { name: /Net/ })).toHaveTextContent('£184.50');
    const rec = within(page).getByRole('table', { name: 'Expected and counted' });
    expect(within(rec).getByRole('row', { name: /Cash/ })).toHaveTextContent(
      '£250.50£250.00−£0.50',
    );
    expect(text).toContain('Note: Short 50p');
    expect(text).toContain('Grand total of this till (perpetual)£12,345.00');
  });

  it('counts refund tenders apart, and shows a Z report stored before that as it was', async () => {
    const counted: ZReport = {
      ...Z,
      byTender: [
        { type: 'cash', amount: 10050, count: 5, refundsCount: 1 },
        { type: 'card', amount: 8400, count: 4, refundsCount: 0 },
      ],
    };
    const { unmount } = render(<PrintRoute hash={printHash('en-GB', counted)} />);
    let tenders = await screen.findByRole('table', { name: 'By tender' });
    expect(within(tenders).getByRole('row', { name: /Cash/ })).toHaveTextContent(
      'Cash (5, 1 refund)£100.50',
    );
    expect(within(tenders).getByRole('row', { name: /Card/ })).toHaveTextContent('Card (4)£84.00');
    unmount();
    // Z (the fixture) has no refundsCount, as Z reports stored before it: one count, as printed.
    render(<PrintRoute hash={printHash('en-GB')} />);
    tenders = await screen.findByRole('table', { name: 'By tender' });
    expect(within(tenders).getByRole('row', { name: /Cash/ })).toHaveTextContent('Cash (5)£100.50');
  });

  it('in German for a German store', async () => {
    render(<PrintRoute hash={printHash('de-DE')} />);
    const page = await screen.findByRole('article', { name: 'Z-Bon 7' });
    expect(page).toHaveTextContent('Geschlossen23.11.2026, 17:01 von Jonas Weber');
    expect(within(page).getByRole('table', { name: 'Nach Zahlungsart' })).toBeInTheDocument();
  });

  it('a damaged fragment draws an error, never half a report', async () => {
    render(<PrintRoute hash={`${printHash('en-GB').slice(0, 60)}!`} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be read');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });
});

async function openZReport() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['reports:today'].mockResolvedValue(ok({ date: '2026-11-23', timeZone: 'Europe/London' }));
  api['reports:daySummary'].mockResolvedValue(fail('INTERNAL'));
  api['shifts:list'].mockResolvedValue(
    ok({
      items: [
        {
          id: Z.id,
          zNo: Z.zNo,
          shiftId: Z.shiftId,
          tillName: Z.tillName,
          currency: Z.currency,
          openedBy: Z.openedBy,
          openedAt: Z.openedAt,
          closedBy: Z.closedBy,
          closedAt: Z.closedAt,
          salesCount: Z.salesCount,
          net: Z.net,
          overShort: Z.overShort,
        },
      ],
      total: 1,
    }),
  );
  api['shifts:zReport'].mockResolvedValue(ok(Z));
  const { user } = renderApp(api);
  await user.click(await screen.findByRole('button', { name: 'Reports' }));
  await user.click(await screen.findByRole('tab', { name: 'Shifts' }));
  await user.click(await screen.findByRole('button', { name: 'View Z 7' }));
  await screen.findByRole('heading', { name: 'Z report 7' });
  return { api, user };
}

describe('Export PDF in Reports → Shifts', () => {
  it('asks the core, stays busy until it answers, then names the file', async () => {
    const { api, user } = await openZReport();
    let answer!: (r: Result<ZReportPdfResult>) => void;
    api['shifts:exportPdf'].mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const button = screen.getByRole('button', { name: 'Export PDF' });
    await user.click(button);
    expect(api['shifts:exportPdf']).toHaveBeenCalledWith({ zReportId: 7 });
    await waitFor(() => expect(button).toHaveAttribute('data-loading', 'true'));
    await user.click(button); // busy: a second click starts nothing
    expect(api['shifts:exportPdf']).toHaveBeenCalledTimes(1);
    answer(
      ok({ outcome: 'saved', fileName: 'kassa-z-Front-counter-0007-2026-11-23.pdf', bytes: 9 }),
    );
    expect(
      await screen.findByText('Z report 7 saved as kassa-z-Front-counter-0007-2026-11-23.pdf.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(button).not.toHaveAttribute('data-loading'));
  });

  it('says nothing when the save dialog is closed, and explains REPORT_PDF_FAILED', async () => {
    const { api, user } = await openZReport();
    api['shifts:exportPdf'].mockResolvedValueOnce(ok({ outcome: 'cancelled' }));
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    await waitFor(() => expect(api['shifts:exportPdf']).toHaveBeenCalledTimes(1));
    expect(screen.queryByText(/saved as/)).not.toBeInTheDocument();
    api['shifts:exportPdf'].mockResolvedValueOnce(fail('REPORT_PDF_FAILED'));
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect(
      await screen.findByText(/The report PDF could not be made on this till/),
    ).toBeInTheDocument();
  });
});

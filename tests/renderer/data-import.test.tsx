import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, OnlineRetailReport, TillSettings } from '../../shared/contract';
type RoleId = 'admin' | 'manager' | 'cashier';
import { setLocale } from '../../renderer/src/i18n';
import { useCustomersStore } from '../../renderer/src/stores/customers';
import { useProductsStore } from '../../renderer/src/stores/products';
import { createFakeApi, fail, ok, renderApp, sessionFor, TILL, STORE_DETAILS } from './helpers';

const SETTINGS: TillSettings = {
  terminalName: TILL,
  ...STORE_DETAILS,
  idleLockMinutes: 5,
  storeName: 'Corner Shop',
  currency: 'GBP',
  currencyExponent: 2,
  pricesIncludeTax: true,
  timeZone: 'Europe/London',
  maxDiscountBps: 5000,
};

const PRODUCTS_CSV =
  'sku,barcode,name,price,tax_rate,kind,active\nA1,,Apple,0.50,0,stock,true\nA1,,Again,1,0,stock,true\nB2,,Bread,1.20,0,stock,true\n';
const RETAIL_CSV =
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n';

const csvFile = (content: string | Uint8Array, name = 'file.csv') =>
  new File([content as BlobPart], name, { type: 'text/csv' });
/** What the dialog must send: the file's bytes, base64. */
const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
const sent = (content: string | Uint8Array, extra: Record<string, unknown> = {}) => ({
  csvBase64: base64(content),
  jobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  ...extra,
});

async function openScreen(
  button: string,
  heading: RegExp | string,
  role: RoleId = 'admin',
  settings: TillSettings = SETTINGS,
) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['customers:search'].mockResolvedValue(ok({ items: [], hasMore: false }));
  api['settings:get'].mockResolvedValue(ok(settings));
  api['products:list'].mockResolvedValue(ok({ items: [], total: 0 }));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: button }));
  await screen.findByRole('heading', { name: heading });
  return { api, ...rendered };
}

beforeEach(() => {
  useProductsStore.getState().reset();
  useCustomersStore.getState().reset();
});

describe('CSV import dialog', () => {
  it('checks the file first (commit: false), lists rejected rows, then imports (commit: true)', async () => {
    const { api, user } = await openScreen('Products', 'Products');
    api['products:import']
      .mockResolvedValueOnce(
        ok({
          rows: 3,
          encoding: 'utf-8',
          accepted: 2,
          created: 0,
          rejected: [{ line: 3, reason: 'sku: A1 appears twice in the file' }],
          rejectedCount: 1,
        }),
      )
      .mockResolvedValueOnce(
        ok({
          rows: 3,
          encoding: 'utf-8',
          accepted: 2,
          created: 2,
          rejected: [{ line: 3, reason: 'sku: A1 appears twice in the file' }],
          rejectedCount: 1,
        }),
      );

    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import products' });
    expect(within(dialog).getByText(/Existing records are never overwritten/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Check file' })).toBeDisabled();
    await user.upload(within(dialog).getByLabelText('CSV file'), csvFile(PRODUCTS_CSV));
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));

    await waitFor(() =>
      expect(api['products:import']).toHaveBeenCalledWith(sent(PRODUCTS_CSV, { commit: false })),
    );
    expect(await within(dialog).findByLabelText('Accepted: 2')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Rejected: 1')).toBeInTheDocument();
    const rejected = within(dialog).getByRole('table', { name: 'Rejected rows' });
    expect(within(rejected).getByText('sku: A1 appears twice in the file')).toBeInTheDocument();
    expect(within(rejected).getByText('3')).toBeInTheDocument();

    api['products:list'].mockClear();
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 rows' }));
    await waitFor(() =>
      expect(api['products:import']).toHaveBeenLastCalledWith(sent(PRODUCTS_CSV, { commit: true })),
    );
    expect(await within(dialog).findByLabelText('Imported: 2')).toBeInTheDocument();
    expect(await screen.findByText('2 products imported.')).toBeInTheDocument();
    // The list is loaded again so the new products show.
    expect(api['products:list']).toHaveBeenCalled();
    // The footer's Close (the header's × is named Close too).
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1)!);
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('shows why a file was refused and offers no import', async () => {
    const { api, user } = await openScreen('Customers', 'Customers');
    api['customers:search'].mockResolvedValue(ok({ items: [], hasMore: false }));
    api['customers:import'].mockResolvedValue(
      fail(
        'IMPORT_REJECTED',
        'The header line must name the columns name,email,phone,country,notes (missing name).',
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import customers' });
    await user.upload(within(dialog).getByLabelText('CSV file'), csvFile('who,what\n1,2\n'));
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The file could not be imported. Nothing was changed.');
    expect(alert).toHaveTextContent('(missing name)');
    expect(within(dialog).queryByRole('button', { name: /^Import \d/ })).not.toBeInTheDocument();
    expect(api['customers:import']).toHaveBeenCalledTimes(1);
    expect(api['customers:import']).toHaveBeenCalledWith(
      sent('who,what\n1,2\n', { commit: false }),
    );
  });
});

const REPORT: OnlineRetailReport = {
  rows: 3108,
  encoding: 'utf-8',
  invoices: 143,
  salesCreated: 130,
  refundsCreated: 13,
  alreadyImported: 0,
  customersCreated: 95,
  productsCreated: 1210,
  rejected: [],
  days: [
    {
      date: '2010-12-01',
      sales: 127,
      refunds: 16,
      gross: 5881965,
      refundTotal: -95871,
      net: 5786094,
    },
    {
      date: '2010-12-02',
      sales: 141,
      refunds: 26,
      gross: 4715613,
      refundTotal: -85410,
      net: 4630203,
    },
  ],
};

describe('import data screen', () => {
  it('imports the Online Retail file and shows the report with the per-day table', async () => {
    const { api, user } = await openScreen('Import data', 'Import data');
    api['import:onlineRetail'].mockResolvedValue(ok(REPORT));
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    await user.upload(
      screen.getByLabelText('Online Retail CSV file'),
      csvFile(RETAIL_CSV, 'online-retail.csv'),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));

    await waitFor(() => expect(api['import:onlineRetail']).toHaveBeenCalledWith(sent(RETAIL_CSV)));
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByLabelText('Invoices')).toHaveTextContent('143');
    expect(within(report).getByLabelText('Sales')).toHaveTextContent('130');
    expect(within(report).getByLabelText('Refunds')).toHaveTextContent('13');
    expect(within(report).getByLabelText('Customers created')).toHaveTextContent('95');
    expect(within(report).getByLabelText('Products created')).toHaveTextContent('1,210');

    const days = within(report).getByRole('table', { name: 'Per-day totals' });
    const rows = within(days).getAllByRole('row');
    expect(rows).toHaveLength(4); // header, two days, total
    expect(within(rows[1]!).getByText('£58,819.65')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('-£958.71')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('£57,860.94')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Total')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('£104,162.97')).toBeInTheDocument();
  });

  it('shows the refused rows when the import is rejected', async () => {
    const { api, user } = await openScreen('Import data', 'Import data');
    api['import:onlineRetail'].mockResolvedValue(
      ok({
        ...REPORT,
        salesCreated: 0,
        refundsCreated: 0,
        customersCreated: 0,
        productsCreated: 0,
        rejected: [{ line: 7, reason: 'UnitPrice: not an amount' }],
      }),
    );
    await user.upload(screen.getByLabelText('Online Retail CSV file'), csvFile(RETAIL_CSV));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByText('Nothing was imported')).toBeInTheDocument();
    const rejected = within(report).getByRole('table', { name: 'Rejected rows' });
    expect(within(rejected).getByText('UnitPrice: not an amount')).toBeInTheDocument();
  });

  it('says clearly when the core refuses the file', async () => {
    const { api, user } = await openScreen('Import data', 'Import data');
    api['import:onlineRetail'].mockResolvedValue(
      fail('IMPORT_REJECTED', 'The store currency is EUR; the Online Retail file is in GBP.'),
    );
    await user.upload(screen.getByLabelText('Online Retail CSV file'), csvFile(RETAIL_CSV));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file could not be imported. Nothing was changed.');
    expect(alert).toHaveTextContent('The store currency is EUR');
    expect(screen.queryByRole('region', { name: 'Import report' })).not.toBeInTheDocument();
  });
});

const CHECKED: ImportReport = {
  rows: 1,
  encoding: 'windows-1252',
  accepted: 1,
  created: 0,
  rejected: [],
  rejectedCount: 0,
};

describe('bulk import safety (F1, F3)', () => {
  it('shows the import entry points only to members with data.import', async () => {
    // A manager manages products and customers, a cashier customers: neither may bulk-import.
    const manager = await openScreen('Products', 'Products', 'manager');
    expect(screen.getByRole('button', { name: 'New product' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument();
    await manager.user.click(screen.getByRole('button', { name: 'Customers' }));
    await screen.findByRole('heading', { name: 'Customers' });
    expect(screen.getByRole('button', { name: 'New customer' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import data' })).not.toBeInTheDocument();
    manager.unmount();

    await openScreen('Customers', 'Customers', 'cashier');
    expect(screen.getByRole('button', { name: 'New customer' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument();
  });

  it('sends the file as bytes, so a Windows-1252 Café reaches the core unmangled', async () => {
    const { api, user } = await openScreen('Customers', 'Customers');
    api['customers:import'].mockResolvedValue(ok(CHECKED));
    const cp1252 = new Uint8Array([...Buffer.from('name\nCaf'), 0xe9, 0x0a]);
    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import customers' });
    await user.upload(within(dialog).getByLabelText('CSV file'), csvFile(cp1252));
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));
    await waitFor(() =>
      expect(api['customers:import']).toHaveBeenCalledWith(sent(cp1252, { commit: false })),
    );
    expect(
      await within(dialog).findByText(/it was read as Windows-1252 \(Western European\) text/),
    ).toBeInTheDocument();
  });

  it('shows a progress bar from import:progress while the import runs', async () => {
    const { api, user } = await openScreen('Customers', 'Customers');
    let finish!: (r: ReturnType<typeof ok<ImportReport>>) => void;
    api['customers:import'].mockReturnValue(new Promise((resolve) => (finish = resolve)));
    api['import:progress'].mockResolvedValue(
      ok({ progress: { phase: 'checking', rowsDone: 1200, rowsTotal: 3000 } }),
    );
    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import customers' });
    await user.upload(within(dialog).getByLabelText('CSV file'), csvFile('name\nA\n'));
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));

    const bar = await within(dialog).findByRole('progressbar', {
      name: 'Checking rows: 1,200 of 3,000',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    // It asks about this very import, by the job id the import call carries.
    const jobId = api['customers:import'].mock.calls[0]![0]!.jobId;
    expect(api['import:progress']).toHaveBeenCalledWith({ jobId });

    finish(ok({ ...CHECKED, encoding: 'utf-8' }));
    expect(await within(dialog).findByLabelText('Accepted: 1')).toBeInTheDocument();
    expect(within(dialog).queryByRole('progressbar')).not.toBeInTheDocument();
    const polls = api['import:progress'].mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(api['import:progress'].mock.calls.length).toBe(polls);
  });

  it('says plainly that a file is too big or has too many rows', async () => {
    const { api, user } = await openScreen('Import data', 'Import data');
    api['import:onlineRetail'].mockResolvedValue(
      fail('IMPORT_TOO_MANY_ROWS', 'The file has more than 200,000 rows.'),
    );
    await user.upload(screen.getByLabelText('Online Retail CSV file'), csvFile(RETAIL_CSV));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This file has more than 200,000 rows, the most Kassa imports at once.',
    );
  });
});

describe('issue 8: every problem of a row, and a store not in pounds', () => {
  it('lists every problem of a refused row, each on its own line', async () => {
    const { api, user } = await openScreen('Products', 'Products');
    const reason =
      'price: "2.555" is not an amount with at most 2 decimals; tax_rate: "abc" is not a percentage like 20 or 17.5; active: "perhaps" is not true or false; name: Required; kind: Invalid option';
    api['products:import'].mockResolvedValue(
      ok({
        rows: 1,
        encoding: 'utf-8',
        accepted: 0,
        created: 0,
        rejected: [{ line: 2, reason }],
        rejectedCount: 1,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import products' });
    await user.upload(within(dialog).getByLabelText('CSV file'), csvFile(PRODUCTS_CSV));
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));
    const rejected = await within(dialog).findByRole('table', { name: 'Rejected rows' });
    const problems = within(rejected)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems).toEqual(reason.split('; '));
  });

  it('tells a store in euros that the Online Retail file cannot be imported, before any file', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok({ ...SETTINGS, currency: 'EUR' }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Import data' }));
    await screen.findByRole('heading', { name: 'Import data' });
    expect(
      await screen.findByText(/currency is EUR, but the Online Retail file is in pounds sterling/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Online Retail CSV file')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(api['import:onlineRetail']).not.toHaveBeenCalled();
  });
});

describe('issue 8, item 25: the import screens in German', () => {
  // The settings store switches the app to the store's locale when the settings arrive.
  const GERMAN: TillSettings = { ...SETTINGS, locale: 'de-DE' };
  afterEach(async () => {
    await setLocale('en-GB');
  });

  it('shows the Online Retail report with German labels, counts, money and days', async () => {
    await setLocale('de-DE');
    const { api, user } = await openScreen(
      'Daten importieren',
      'Daten importieren',
      'admin',
      GERMAN,
    );
    api['import:onlineRetail'].mockResolvedValue(ok(REPORT));
    expect(screen.getByText('Online-Retail-Verlauf')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Online-Retail-CSV-Datei'), csvFile(RETAIL_CSV));
    await user.click(screen.getByRole('button', { name: 'Importieren' }));

    const report = await screen.findByRole('region', { name: 'Importbericht' });
    expect(within(report).getByLabelText('Rechnungen')).toHaveTextContent('143');
    expect(within(report).getByLabelText('Artikel angelegt')).toHaveTextContent('1.210');
    expect(
      await screen.findByText('143 Verkäufe und Erstattungen importiert.'),
    ).toBeInTheDocument();
    expect(screen.getByText('3.108 Zeilen')).toBeInTheDocument();
    const days = within(report).getByRole('table', { name: 'Summen pro Tag' });
    const rows = within(days).getAllByRole('row');
    expect(within(rows[0]!).getByText('Erstattungen gesamt')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Mi., 1. Dez. 2010')).toBeInTheDocument();
    expect(within(rows[1]!).getByText(/^58\.819,65\s£$/)).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Gesamt')).toBeInTheDocument();
    expect(within(rows[3]!).getByText(/^104\.162,97\s£$/)).toBeInTheDocument();
  });

  it('checks a CSV file in German, with German progress and problems', async () => {
    await setLocale('de-DE');
    const { api, user } = await openScreen('Kunden', 'Kunden', 'admin', GERMAN);
    let finish!: (r: ReturnType<typeof ok<ImportReport>>) => void;
    api['customers:import'].mockReturnValue(new Promise((resolve) => (finish = resolve)));
    api['import:progress'].mockResolvedValue(
      ok({ progress: { phase: 'checking', rowsDone: 1200, rowsTotal: 3000 } }),
    );
    await user.click(await screen.findByRole('button', { name: 'CSV importieren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kunden importieren' });
    expect(
      within(dialog).getByText(/Vorhandene Datensätze werden nie überschrieben/),
    ).toBeVisible();
    await user.upload(within(dialog).getByLabelText('CSV-Datei'), csvFile('name\nA\n'));
    await user.click(within(dialog).getByRole('button', { name: 'Datei prüfen' }));
    expect(
      await within(dialog).findByRole('progressbar', {
        name: 'Zeilen werden geprüft: 1.200 von 3.000',
      }),
    ).toBeInTheDocument();

    finish(
      ok({
        rows: 2345,
        encoding: 'windows-1252',
        accepted: 2344,
        created: 0,
        rejected: [{ line: 7, reason: 'email: not an email address' }],
        rejectedCount: 1,
      }),
    );
    expect(await within(dialog).findByLabelText('Angenommen: 2.344')).toBeInTheDocument();
    expect(within(dialog).getByText('2.344 angenommen, 1 abgelehnt')).toBeInTheDocument();
    expect(within(dialog).getByText(/als Windows-1252-Text \(westeuropäisch\)/)).toBeVisible();
    const rejected = within(dialog).getByRole('table', { name: 'Abgelehnte Zeilen' });
    expect(within(rejected).getByText('Grund')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: '2.344 Zeilen importieren' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toBeInTheDocument();
  });

  it('refuses a file over the size limit in German, before reading it', async () => {
    await setLocale('de-DE');
    const { api, user } = await openScreen(
      'Daten importieren',
      'Daten importieren',
      'admin',
      GERMAN,
    );
    const big = csvFile('x');
    Object.defineProperty(big, 'size', { value: 52_345_678 });
    await user.upload(screen.getByLabelText('Online-Retail-CSV-Datei'), big);
    await user.click(screen.getByRole('button', { name: 'Importieren' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Diese Datei ist zu groß für den Import.');
    expect(alert).toHaveTextContent('Sie ist 52,3 MB groß; die Grenze liegt bei 50 MB.');
    expect(api['import:onlineRetail']).not.toHaveBeenCalled();
  });
});

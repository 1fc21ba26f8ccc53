/**
 * Settings → Printers (issue 10, section 2): the printer form checks its fields before asking
 * the core, sends exactly the printer typed, and the list offers a test page; a picked logo is
 * scaled, dithered and packed as the PBM the contract reads.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  logoRaster,
  printerLogoSchema,
  type Printer,
  type TillSettings,
} from '../../shared/contract';
import {
  ditherRgba,
  logoSize,
  rasterToPbm,
} from '../../renderer/src/features/printers/logo-raster';
import { createFakeApi, ok, renderApp, sessionFor, STORE_DETAILS, TILL } from './helpers';

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

const SAVED: Printer = {
  id: 3,
  name: 'Front desk',
  connection: { type: 'network', host: '192.168.1.50', port: 9100 },
  paperWidth: '58mm',
  codepage: 'cp858',
  autoPrint: true,
  cashDrawer: true,
  isDefault: true,
  receiptHeader: '',
  receiptFooter: '',
  logo: null,
};

async function openPrinters(printers: Printer[] = []) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['printing:listPrinters'].mockResolvedValue(ok(printers));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Settings' }));
  const section = await screen.findByRole('region', { name: 'Printers' });
  return { api, section, ...rendered };
}

// The first test types a whole form: give it room on a loaded CI machine.
describe('printer settings', { timeout: 60_000 }, () => {
  it('checks the address before asking the core, then saves the printer as typed', async () => {
    const { api, section, user } = await openPrinters();
    expect(within(section).getByText(/No printer is set up/)).toBeInTheDocument();
    api['printing:savePrinter'].mockResolvedValue(ok(SAVED));
    await user.click(within(section).getByRole('button', { name: 'Add printer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a printer' });
    const form = within(dialog);
    await user.type(form.getByLabelText(/^Name/), 'Front desk');
    await user.type(form.getByLabelText(/IP address or host name/), 'bad host');
    await user.clear(form.getByLabelText(/^Port/));
    await user.type(form.getByLabelText(/^Port/), '70000');
    await user.click(form.getByRole('button', { name: 'Save printer' }));
    expect(
      await form.findByText('Enter an IP address like 192.168.1.50 or a host name'),
    ).toBeInTheDocument();
    expect(form.getByText('A port from 1 to 65535')).toBeInTheDocument();
    expect(api['printing:savePrinter']).not.toHaveBeenCalled();

    await user.clear(form.getByLabelText(/IP address or host name/));
    await user.type(form.getByLabelText(/IP address or host name/), '192.168.1.50');
    await user.clear(form.getByLabelText(/^Port/));
    await user.type(form.getByLabelText(/^Port/), '9100');
    await user.click(form.getByLabelText('Paper width', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: '58 mm (32 characters)' }));
    await user.click(form.getByLabelText('Character set', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'cp858' }));
    api['printing:listPrinters'].mockResolvedValue(ok([SAVED]));
    await user.click(form.getByRole('button', { name: 'Save printer' }));
    await waitFor(() => expect(api['printing:savePrinter']).toHaveBeenCalledTimes(1));
    expect(api['printing:savePrinter']).toHaveBeenCalledWith({
      name: 'Front desk',
      connection: { type: 'network', host: '192.168.1.50', port: 9100 },
      paperWidth: '58mm',
      codepage: 'cp858',
      autoPrint: true,
      cashDrawer: true,
      isDefault: true,
      receiptHeader: '',
      receiptFooter: '',
      logo: null,
    });
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(await within(section).findByText('Network 192.168.1.50:9100')).toBeInTheDocument();
    expect(within(section).getByText('58 mm (32 characters)')).toBeInTheDocument();
  });

  it('header and footer lines are limited by the paper; the layout is saved with the printer', async () => {
    const { api, section, user } = await openPrinters([SAVED]);
    api['printing:savePrinter'].mockResolvedValue(ok(SAVED));
    await user.click(await within(section).findByRole('button', { name: 'Edit Front desk' }));
    const form = within(await screen.findByRole('dialog', { name: 'Edit printer' }));
    // 58 mm paper: 32 characters a line, at most 4 lines.
    await user.click(form.getByLabelText('Header lines'));
    await user.paste(`Open Mon-Sat 9-18\n${'x'.repeat(33)}`);
    await user.click(form.getByLabelText('Footer lines'));
    await user.paste('1\n2\n3\n4\n5');
    await user.click(form.getByRole('button', { name: 'Save printer' }));
    expect(
      await form.findByText('At most 32 characters a line on 58 mm paper'),
    ).toBeInTheDocument();
    expect(form.getByText('At most 4 lines')).toBeInTheDocument();
    expect(api['printing:savePrinter']).not.toHaveBeenCalled();
    await user.clear(form.getByLabelText('Header lines'));
    await user.paste('Open Mon-Sat 9-18');
    await user.clear(form.getByLabelText('Footer lines'));
    await user.paste('Returns within 30 days');
    await user.click(form.getByRole('button', { name: 'Save printer' }));
    await waitFor(() =>
      expect(api['printing:savePrinter']).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 3,
          receiptHeader: 'Open Mon-Sat 9-18',
          receiptFooter: 'Returns within 30 days',
          logo: null,
        }),
      ),
    );
  });

  it('a system printer takes its name as the system lists it; a driver printer cannot have a drawer', async () => {
    const { api, section, user } = await openPrinters();
    api['printing:savePrinter'].mockResolvedValue(ok(SAVED));
    await user.click(within(section).getByRole('button', { name: 'Add printer' }));
    const form = within(await screen.findByRole('dialog', { name: 'Add a printer' }));
    await user.type(form.getByLabelText(/^Name/), 'Office');
    await user.click(form.getByText('Printer driver'));
    expect(form.getByLabelText('A cash drawer is connected to this printer')).toBeDisabled();
    await user.click(form.getByText('System queue'));
    // A leading "-" would be an option of lp; Windows names have spaces and are fine.
    await user.type(form.getByLabelText(/System printer name/), '-o raw');
    await user.click(form.getByRole('button', { name: 'Save printer' }));
    expect(
      await form.findByText(/Use the printer name as the system lists it/),
    ).toBeInTheDocument();
    expect(api['printing:savePrinter']).not.toHaveBeenCalled();
    await user.clear(form.getByLabelText(/System printer name/));
    await user.type(form.getByLabelText(/System printer name/), 'EPSON TM-T20III Receipt');
    await user.click(form.getByRole('button', { name: 'Save printer' }));
    await waitFor(() =>
      expect(api['printing:savePrinter']).toHaveBeenCalledWith(
        expect.objectContaining({
          name: 'Office',
          connection: { type: 'queue', queue: 'EPSON TM-T20III Receipt' },
        }),
      ),
    );
  });

  it('prints a test page on a listed printer', async () => {
    const { api, section, user } = await openPrinters([SAVED]);
    api['printing:testPage'].mockResolvedValue(
      ok({
        id: 1,
        printerId: 3,
        kind: 'test',
        saleId: null,
        label: 'Test page',
        status: 'queued',
        attempts: 0,
        error: null,
        createdAt: '2026-11-23T09:00:00.000Z',
        nextRetryAt: null,
      }),
    );
    await user.click(
      await within(section).findByRole('button', { name: 'Print test page on Front desk' }),
    );
    await waitFor(() => expect(api['printing:testPage']).toHaveBeenCalledWith({ id: 3 }));
    expect(await screen.findByText('Test page sent to the printer.')).toBeInTheDocument();
  });
});

describe('a picked logo made printable', () => {
  it('is scaled down to the paper and LOGO_MAX_HEIGHT, never up', () => {
    expect(logoSize(1200, 300, 576)).toEqual({ width: 576, height: 144 });
    expect(logoSize(300, 300, 576)).toEqual({ width: 255, height: 255 });
    expect(logoSize(800, 100, 384)).toEqual({ width: 384, height: 48 });
    expect(logoSize(40, 20, 384)).toEqual({ width: 40, height: 20 });
  });

  it('dithers black, white and grey to dots and packs them as a PBM the contract reads', () => {
    // 10 × 3: a black column, a white column, then mid grey; transparent-free RGBA.
    const width = 10;
    const height = 3;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const v = x === 0 ? 0 : x === 1 ? 255 : 128;
        rgba.set([v, v, v, 255], (y * width + x) * 4);
      }
    const raster = ditherRgba(rgba, width, height);
    expect(raster.bits).toHaveLength(2 * height);
    for (let y = 0; y < height; y++) {
      expect(raster.bits[y * 2]! & 0x80).toBe(0x80); // black stays black
      expect(raster.bits[y * 2]! & 0x40).toBe(0); // white stays white
    }
    // Grey becomes a pattern: some dots, not all.
    const dots = Array.from(raster.bits).reduce(
      (n, b) => n + b.toString(2).replace(/0/g, '').length,
      0,
    );
    expect(dots).toBeGreaterThan(height + 3);
    expect(dots).toBeLessThan(width * height - 3);
    const pbm = rasterToPbm(raster);
    expect(printerLogoSchema.safeParse(pbm).success).toBe(true);
    expect(logoRaster(pbm)).toEqual({ width, height, bits: raster.bits });
  });
});

/**
 * The printer form's values and their mapping to `printing:savePrinter` (issue 10, section 2).
 * All values are strings or booleans as the inputs hold them; the port is typed as text.
 */
import {
  logoRaster,
  PAPER_COLUMNS,
  PAPER_DOTS,
  queueNameSchema,
  RECEIPT_TEXT_LINES,
  type ChannelInput,
  type PaperWidth,
  type Printer,
  type PrinterCodepage,
} from '../../../../shared/contract';

export type ConnectionType = Printer['connection']['type'];

export interface PrinterValues {
  name: string;
  type: ConnectionType;
  host: string;
  port: string;
  queue: string;
  deviceName: string;
  paperWidth: PaperWidth;
  codepage: PrinterCodepage;
  autoPrint: boolean;
  cashDrawer: boolean;
  isDefault: boolean;
  /** Receipt header and footer lines as typed, one line per row. */
  receiptHeader: string;
  receiptFooter: string;
  /** The logo as a PBM in base64; null = none. */
  logo: string | null;
}

export const PRINTER_FIELDS = [
  'name',
  'host',
  'port',
  'queue',
  'deviceName',
  'receiptHeader',
  'receiptFooter',
  'logo',
] as const;

export const NEW_PRINTER: PrinterValues = {
  name: '',
  type: 'network',
  host: '',
  port: '9100',
  queue: '',
  deviceName: '',
  paperWidth: '80mm',
  codepage: 'auto',
  autoPrint: true,
  cashDrawer: true,
  isDefault: true,
  receiptHeader: '',
  receiptFooter: '',
  logo: null,
};

export function printerValues(p: Printer): PrinterValues {
  const c = p.connection;
  return {
    ...NEW_PRINTER,
    name: p.name,
    type: c.type,
    host: c.type === 'network' ? c.host : '',
    port: c.type === 'network' ? String(c.port) : '9100',
    queue: c.type === 'queue' ? c.queue : '',
    deviceName: c.type === 'driver' ? c.deviceName : '',
    paperWidth: p.paperWidth,
    codepage: p.codepage,
    autoPrint: p.autoPrint,
    cashDrawer: p.cashDrawer,
    isDefault: p.isDefault,
    receiptHeader: p.receiptHeader,
    receiptFooter: p.receiptFooter,
    logo: p.logo,
  };
}

export function printerInput(v: PrinterValues, id?: number): ChannelInput<'printing:savePrinter'> {
  const connection =
    v.type === 'network'
      ? { type: 'network' as const, host: v.host.trim(), port: Number(v.port) }
      : v.type === 'queue'
        ? { type: 'queue' as const, queue: v.queue.trim() }
        : { type: 'driver' as const, deviceName: v.deviceName.trim() };
  return {
    ...(id === undefined ? {} : { id }),
    name: v.name.trim(),
    connection,
    paperWidth: v.paperWidth,
    codepage: v.codepage,
    autoPrint: v.autoPrint,
    // A driver printer has no drawer port and takes no ESC p.
    cashDrawer: v.type === 'driver' ? false : v.cashDrawer,
    isDefault: v.isDefault,
    receiptHeader: v.receiptHeader,
    receiptFooter: v.receiptFooter,
    logo: v.logo,
  };
}

/** The typed lines of a header or footer, trimmed, as the core stores them. */
export function receiptLines(text: string): string[] {
  const t = text.replace(/\r\n?/g, '\n').trim();
  return t === '' ? [] : t.split('\n').map((l) => l.trim());
}

/** Client-side checks (the core checks again): the i18n keys of the messages, per field. */
export function validatePrinter(v: PrinterValues): Partial<Record<keyof PrinterValues, string>> {
  const e: Partial<Record<keyof PrinterValues, string>> = {};
  if (v.name.trim() === '') e.name = 'form.required';
  if (v.type === 'network') {
    if (!/^[A-Za-z0-9.:-]+$/.test(v.host.trim())) e.host = 'form.hostInvalid';
    const port = Number(v.port);
    if (!/^\d+$/.test(v.port.trim()) || port < 1 || port > 65_535) e.port = 'form.portInvalid';
  }
  if (v.type === 'queue' && !queueNameSchema.safeParse(v.queue).success)
    e.queue = 'form.queueInvalid';
  if (v.type === 'driver' && v.deviceName.trim() === '') e.deviceName = 'form.required';
  for (const field of ['receiptHeader', 'receiptFooter'] as const) {
    const lines = receiptLines(v[field]);
    if (lines.length > RECEIPT_TEXT_LINES) e[field] = 'layout.tooManyLines';
    else if (lines.some((l) => l.length > PAPER_COLUMNS[v.paperWidth]))
      e[field] = `layout.lineTooLong.${v.paperWidth}`;
  }
  if (v.logo && (logoRaster(v.logo)?.width ?? 0) > PAPER_DOTS[v.paperWidth])
    e.logo = 'logo.tooWide';
  return e;
}

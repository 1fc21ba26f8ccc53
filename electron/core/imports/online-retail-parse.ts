/**
 * Reading the Online Retail file (UCI "Online Retail", CC BY 4.0; data/README.md) into
 * checked invoices, without touching the database. Pure: the importer writes what this returns.
 *
 * Times: `InvoiceDate` is UK local time. The published file covers December, when UK time equals
 * UTC, so the file's times are read AS UTC (`2010-12-01 08:26` → `2010-12-01T08:26:00.000Z`).
 * A file from British Summer Time would be one hour off; this importer does not guess zones.
 *
 * Money: `UnitPrice` is pounds with at most 2 decimals, parsed exactly into pence (M1).
 */
import { parse } from 'csv-parse/sync';
import type { ProductKind } from '../../../shared/contract/products';
import { AppError } from '../../../shared/errors';
import { MAX_LINE_AMOUNT, MAX_QUANTITY, parseMoney } from '../../../shared/money';

/** The header the file must have, exactly and in this order. */
export const ONLINE_RETAIL_COLUMNS = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
] as const;

/** One checked row (one line item). */
export interface RetailRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  invoiceNo: string;
  /** StockCode upper-cased: the product SKU. */
  sku: string;
  /** Description exactly as in the file (not trimmed; may be empty). */
  description: string;
  /** Non-zero integer, |q| ≤ 9999; negative on a return. */
  quantity: number;
  /** UTC ISO-8601. */
  at: string;
  /** Minor units (pence), ≥ 0. */
  unitPrice: number;
  /** `17850.0` → `17850`; null for a walk-in. */
  customerRef: string | null;
  country: string | null;
}

/** One invoice: rows sharing an InvoiceNo, in file order. */
export interface RetailInvoice {
  invoiceNo: string;
  kind: 'sale' | 'refund';
  /** True for `C…` invoices (cancellations). */
  cancellation: boolean;
  /** The first row's time, UTC ISO-8601. */
  at: string;
  customerRef: string | null;
  rows: RetailRow[];
  /** Σ quantity × unit price, minor units (negative for a refund). */
  total: number;
}

export interface ParsedRetailFile {
  rows: RetailRow[];
  invoices: RetailInvoice[];
  rejected: { line: number; reason: string }[];
}

/** Non-stock codes of the file and the product kind they become; every other code is `stock`. */
export const SPECIAL_CODES: Readonly<Record<string, ProductKind>> = {
  POST: 'postage',
  DOT: 'postage',
  C2: 'postage',
  D: 'discount',
  M: 'manual',
  'BANK CHARGES': 'fee',
};

/** The product kind of an (upper-case) SKU. */
export function kindOfCode(sku: string): ProductKind {
  return SPECIAL_CODES[sku] ?? 'stock';
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `YYYY-MM-DD HH:MM[:SS]` read as UTC → ISO-8601, or null if it is not a real date and time. */
export function parseRetailDate(text: string): string | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  if (h! > 23 || mi! > 59 || s! > 59) return null;
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString();
}

/** `17850.0` or `17850` → `17850`; '' → null; anything else → undefined (refused). */
export function parseCustomerRef(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,32})(?:\.0*)?$/.exec(t);
  return m ? m[1]!.replace(/^0+(?=\d)/, '') : undefined;
}

/**
 * Checks the header: exactly ONLINE_RETAIL_COLUMNS, in order. Errors: IMPORT_REJECTED.
 */
export function checkRetailHeader(header: readonly string[]): void {
  if (
    header.length !== ONLINE_RETAIL_COLUMNS.length ||
    header.some((h, i) => h !== ONLINE_RETAIL_COLUMNS[i])
  ) {
    throw new AppError(
      'IMPORT_REJECTED',
      `The header must be exactly ${ONLINE_RETAIL_COLUMNS.join(',')}; found ${header.join(',').slice(0, 200) || 'nothing'}.`,
    );
  }
}

/** Checks one data record starting on `line`: the row, or the reason it is refused. */
export function checkRetailRecord(
  record: readonly string[],
  line: number,
): RetailRow | { line: number; reason: string } {
  const refuse = (reason: string) => ({ line, reason });
  if (record.length !== ONLINE_RETAIL_COLUMNS.length)
    return refuse(`expected ${ONLINE_RETAIL_COLUMNS.length} columns, found ${record.length}`);
  const [invoiceRaw, codeRaw, description, qtyRaw, dateRaw, priceRaw, customerRaw, countryRaw] =
    record as [string, string, string, string, string, string, string, string];
  const invoiceNo = invoiceRaw.trim();
  const sku = codeRaw.trim().toUpperCase();
  if (!/^[A-Za-z]?\d{1,31}$/.test(invoiceNo))
    return refuse(`InvoiceNo "${invoiceRaw.slice(0, 40)}" is not a number with an optional letter`);
  if (sku === '' || sku.length > 64) return refuse('StockCode must be 1 to 64 characters');
  if (description.length > 200) return refuse('Description is longer than 200 characters');
  const qtyText = qtyRaw.trim();
  const quantity = /^-?\d{1,6}$/.test(qtyText) ? Number(qtyText) : NaN;
  if (!Number.isInteger(quantity) || quantity === 0 || Math.abs(quantity) > MAX_QUANTITY)
    return refuse(
      `Quantity "${qtyRaw.slice(0, 20)}" must be a whole number from 1 to ${MAX_QUANTITY} (negative on a return)`,
    );
  const at = parseRetailDate(dateRaw.trim());
  if (at === null)
    return refuse(`InvoiceDate "${dateRaw.slice(0, 30)}" is not a date like 2010-12-01 08:26:00`);
  const unitPrice = parseMoney(priceRaw, 2);
  if (unitPrice === null || unitPrice < 0)
    return refuse(
      `UnitPrice "${priceRaw.slice(0, 20)}" must be an amount ≥ 0 with at most 2 decimals`,
    );
  if (Math.abs(quantity * unitPrice) > MAX_LINE_AMOUNT)
    return refuse(`the line total is more than ${MAX_LINE_AMOUNT} pence`);
  const customerRef = parseCustomerRef(customerRaw);
  if (customerRef === undefined)
    return refuse(
      `CustomerID "${customerRaw.slice(0, 40)}" must be a number like 17850 or 17850.0`,
    );
  const country = countryRaw.trim();
  if (country.length > 64) return refuse('Country is longer than 64 characters');
  return {
    line,
    invoiceNo,
    sku,
    description,
    quantity,
    at,
    unitPrice,
    customerRef,
    country: country || null,
  };
}

/**
 * Parses and checks a whole file held as text, in one go: for the seed scripts, which read the
 * bundled sample. The app reads files with `readOnlineRetail` (online-retail-read.ts), which
 * streams and yields. Throws AppError IMPORT_REJECTED when the file is not CSV or its header is
 * not exactly ONLINE_RETAIL_COLUMNS; row problems are listed in `rejected` (see `groupInvoices`).
 */
export function parseOnlineRetail(csv: string): ParsedRetailFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const where = (e as { lines?: number }).lines;
    throw new AppError(
      'IMPORT_REJECTED',
      `The file is not valid CSV${where ? ` (near line ${where})` : ''}: ${(e as Error).message.slice(0, 200)}`,
    );
  }
  checkRetailHeader(records[0]?.record ?? []);
  const rows: RetailRow[] = [];
  const rejected: { line: number; reason: string }[] = [];
  for (const { record, info } of records.slice(1)) {
    // info.lines is the line where the record ends; quoted fields may span lines.
    const newlines = record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    const checked = checkRetailRecord(record, info.lines - newlines);
    if ('reason' in checked) rejected.push(checked);
    else rows.push(checked);
  }
  return groupInvoices(rows, rejected);
}

/**
 * Groups checked rows into invoices (rows sharing an InvoiceNo, in file order). Invoices whose
 * lines mix sales and returns, `C` invoices with positive lines, and invoices naming two
 * customers are refused row by row, added to `rejected` (sorted by line in the result).
 */
export function groupInvoices(
  rows: RetailRow[],
  rejected: { line: number; reason: string }[],
): ParsedRetailFile {
  const groups = new Map<string, RetailRow[]>();
  for (const r of rows) {
    const g = groups.get(r.invoiceNo);
    if (g) g.push(r);
    else groups.set(r.invoiceNo, [r]);
  }
  const invoices: RetailInvoice[] = [];
  for (const [invoiceNo, group] of groups) {
    const first = group[0]!;
    const negatives = group.filter((r) => r.quantity < 0).length;
    const cancellation = /^C/i.test(invoiceNo);
    const refuseAll = (reason: string) => {
      for (const r of group) rejected.push({ line: r.line, reason });
    };
    if (negatives > 0 && negatives < group.length) {
      refuseAll(`invoice ${invoiceNo} mixes sold and returned lines`);
      continue;
    }
    if (cancellation && negatives === 0) {
      refuseAll(`cancellation ${invoiceNo} must have negative quantities`);
      continue;
    }
    if (group.some((r) => r.customerRef !== first.customerRef)) {
      refuseAll(`invoice ${invoiceNo} names more than one CustomerID`);
      continue;
    }
    invoices.push({
      invoiceNo,
      kind: negatives > 0 ? 'refund' : 'sale',
      cancellation,
      at: first.at,
      customerRef: first.customerRef,
      rows: group,
      total: group.reduce((sum, r) => sum + r.quantity * r.unitPrice, 0),
    });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, invoices, rejected };
}

/**
 * The receipt model (issue 10, section 2): what a sale's receipt says, in the order it says it,
 * without any layout or language. The screen (renderer/src/features/receipt/Receipt.tsx) renders
 * it as HTML and the core encodes it as ESC/POS bytes (electron/core/printing/encode-receipt.ts),
 * so the printed receipt and the screen's never differ. Amounts are the sale's recorded minor
 * units of `currency`; `createdAt` is UTC (ISO 8601). Pure TypeScript: no React, no Node.
 */
import type { SaleDetail, TillSettings } from '../contract';
import { taxBreakdown, type TaxRow } from './tax-breakdown';

/** The store's details a receipt prints; parts may be missing while the settings load. */
export type ReceiptStore = Pick<TillSettings, 'storeName'> &
  Partial<Pick<TillSettings, 'storeAddress' | 'taxNumber' | 'receiptFooter'>>;

export interface ReceiptLine {
  id: number;
  /** White space collapsed: one line of text. */
  description: string;
  quantity: number;
  unitPrice: number;
  /** The line's discount (minor units, positive), 0 for none. */
  discount: number;
  total: number;
}

export interface ReceiptTender {
  type: SaleDetail['tenders'][number]['type'];
  amount: number;
  /** Cash handed over, when recorded; null otherwise. */
  tendered: number | null;
}

export interface ReceiptModel {
  storeName: string;
  address: string[];
  taxNumber: string | null;
  kind: 'sale' | 'refund';
  receiptNo: number;
  tillName: string;
  createdAt: string;
  staffName: string;
  customerName: string | null;
  /** The receipt number of the sale a refund returns; null for a sale. */
  refundOfNo: number | null;
  voided: boolean;
  /** A reprint ("print a copy"): marked COPY so it is never taken for the original. */
  copy: boolean;
  currency: string;
  pricesIncludeTax: boolean;
  lines: ReceiptLine[];
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  taxRows: TaxRow[];
  tenders: ReceiptTender[];
  /** The change handed back (sum over the tenders); null on a refund, which gives none. */
  changeDue: number | null;
  note: string | null;
  /** The footer's lines; empty means the standard "Thank you". */
  footer: string[];
}

const textLines = (text: string | undefined | null): string[] => (text ? text.split('\n') : []);

/** Builds the receipt model of `sale` with the store's details; `copy` marks a reprint. */
export function receiptModel(
  sale: SaleDetail,
  store: ReceiptStore | null,
  options: { copy?: boolean } = {},
): ReceiptModel {
  const refund = sale.kind === 'refund';
  return {
    storeName: store?.storeName ?? '',
    address: textLines(store?.storeAddress),
    taxNumber: store?.taxNumber ? store.taxNumber : null,
    kind: sale.kind,
    receiptNo: sale.receiptNo,
    tillName: sale.tillName,
    createdAt: sale.createdAt,
    staffName: sale.staff.name,
    customerName: sale.customer?.name ?? null,
    refundOfNo: sale.refundOf?.receiptNo ?? null,
    voided: sale.status === 'voided',
    copy: options.copy ?? false,
    currency: sale.currency,
    pricesIncludeTax: sale.pricesIncludeTax,
    lines: sale.lines.map((l) => ({
      id: l.id,
      description: l.description.trim().replace(/\s+/g, ' '),
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      total: l.total,
    })),
    subtotal: sale.subtotal,
    discount: sale.discount,
    tax: sale.tax,
    total: sale.total,
    taxRows: taxBreakdown(sale.lines),
    tenders: sale.tenders.map((t) => ({ type: t.type, amount: t.amount, tendered: t.tendered })),
    changeDue: refund ? null : sale.tenders.reduce((sum, t) => sum + (t.change ?? 0), 0),
    note: sale.note ? sale.note : null,
    footer: textLines(store?.receiptFooter),
  };
}

/**
 * Whether the cash drawer opens for this receipt (issue 10, section 2): a sale with a cash tender
 * (cash was taken in or change given) or a refund paid in cash; never a card-only sale.
 */
export function opensDrawer(sale: Pick<SaleDetail, 'tenders'>): boolean {
  return sale.tenders.some((t) => t.type === 'cash');
}

/**
 * Receiving stock (issue 11, section 3): suppliers, receipts at cost with the moving average cost,
 * and purchase orders. Every receipt is a `receive` movement in the stock ledger (D6) written by
 * `recordMovements` in one transaction with the product's costs and its audit row (D2, L1).
 *
 * Costs are integer minor units per unit (M1). A product's `lastCost` is the unit cost of its
 * latest receipt; its `averageCost` the moving average: (onHand·avg + qty·cost) / (onHand + qty),
 * rounded half away from zero; when on-hand is ≤ 0 before the receipt (or there is no average
 * yet), the average restarts at the receipt's cost.
 *
 * Purchase orders: draft → ordered → partial → received, or cancelled (from draft or ordered).
 * Receiving against an order (ordered or partial) may pass the quantity ordered: as in Lightspeed
 * Retail, over-receipt is allowed (the line shows `overReceived`), since the goods are on the shelf.
 * Everything here needs `stock.manage`; goods, not money, so no password again (S3).
 */
import { z } from 'zod';
import { defineChannel } from './define';
import {
  byIdInput,
  displayText,
  idSchema,
  optionalEmail,
  optionalPhone,
  optionalText,
  pageInput,
  savedFileSchema,
  searchText,
  utcTimestamp,
} from './common';

/** The largest quantity one line receives or orders, and the largest unit cost (10^9 minor). */
export const MAX_RECEIVE_QUANTITY = 1_000_000;
export const MAX_UNIT_COST = 1_000_000_000;

const supplierFields = {
  name: displayText(80),
  contact: optionalText(80),
  /** Optional; stored lower-case (RFC 5321 length). */
  email: optionalEmail,
  /** Optional; stored as typed (4..15 digits, as customers' phones are checked). */
  phone: optionalPhone,
  notes: optionalText(500),
};

export const supplierViewSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  contact: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  archived: z.boolean(),
});
export type SupplierView = z.infer<typeof supplierViewSchema>;

const quantity = z.number().int().min(1).max(MAX_RECEIVE_QUANTITY);
const unitCost = z.number().int().min(0).max(MAX_UNIT_COST);
const costLine = z.strictObject({ productId: idSchema, quantity, unitCost });

/** A product's stock and costs after a receipt. */
export const receivedLevelSchema = z.strictObject({
  productId: idSchema,
  onHand: z.number().int(),
  lastCost: z.number().int().nullable(),
  averageCost: z.number().int().nullable(),
});
export type ReceivedLevel = z.infer<typeof receivedLevelSchema>;

export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'ordered',
  'partial',
  'received',
  'cancelled',
] as const;
/** The number a purchase order goes by on screen, in its files and to the supplier: "PO-00012". */
export function purchaseOrderNumber(id: number): string {
  return `PO-${String(id).padStart(5, '0')}`;
}

export const purchaseOrderStatusSchema = z.enum(PURCHASE_ORDER_STATUSES);
export type PurchaseOrderStatus = z.infer<typeof purchaseOrderStatusSchema>;

export const purchaseOrderSummarySchema = z.strictObject({
  id: idSchema,
  supplier: z.strictObject({ id: idSchema, name: z.string() }),
  status: purchaseOrderStatusSchema,
  note: z.string().nullable(),
  /** Σ quantity × unit cost of the lines ordered, minor units. */
  total: z.number().int(),
  createdAt: utcTimestamp,
  orderedAt: utcTimestamp.nullable(),
});
export type PurchaseOrderSummary = z.infer<typeof purchaseOrderSummarySchema>;

export const purchaseOrderViewSchema = purchaseOrderSummarySchema.extend({
  lines: z.array(
    z.strictObject({
      id: idSchema,
      productId: idSchema,
      sku: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      unitCost: z.number().int(),
      received: z.number().int(),
      /** More came than was ordered (allowed, shown as a warning). */
      overReceived: z.boolean(),
    }),
  ),
});
export type PurchaseOrderView = z.infer<typeof purchaseOrderViewSchema>;

/**
 * A stock product a purchase order may order, for the order form's product picker: its on-hand,
 * reorder level and last cost (the unit cost the form prefills; null before its first receipt).
 * `suggested` is the quantity "Add low stock items" orders for a product at or under its reorder
 * level: enough to reach twice the reorder level, 2 × reorder − on-hand, at least 1 (the rule
 * Square's "reorder to par" follows with par = 2 × reorder); null for a product that is not low.
 */
export const purchaseOrderCandidateSchema = z.strictObject({
  productId: idSchema,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  onHand: z.number().int(),
  reorderLevel: z.number().int().nullable(),
  lastCost: z.number().int().nullable(),
  suggested: z.number().int().positive().nullable(),
});
export type PurchaseOrderCandidate = z.infer<typeof purchaseOrderCandidateSchema>;

/** The line fields of a draft: 1..100 lines of stock product, quantity and unit cost. */
const draftFields = {
  supplierId: idSchema,
  note: optionalText(200),
  lines: z.array(costLine).min(1).max(100),
};

/**
 * What the print route draws for a purchase order on A4 (`purchaseOrderA4`): the order with its
 * lines, the supplier's details, the store (name, address, tax number, locale, time zone), the
 * store currency of the amounts and when the PDF was made.
 */
export const purchaseOrderPrintDocumentSchema = z.strictObject({
  layout: z.literal('purchaseOrderA4'),
  order: purchaseOrderViewSchema,
  supplier: z.strictObject({
    name: z.string(),
    contact: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  store: z.strictObject({
    storeName: z.string(),
    /** Lines separated by "\n"; may be empty. */
    storeAddress: z.string(),
    taxNumber: z.string(),
    /** BCP 47; the print route formats money and dates in it. */
    locale: z.string(),
    /** IANA zone of the store: the dates are written in it. */
    timeZone: z.string(),
  }),
  /** ISO 4217 code of the store currency the costs are in. */
  currency: z.string(),
  printedAt: utcTimestamp,
});
export type PurchaseOrderPrintDocument = z.infer<typeof purchaseOrderPrintDocumentSchema>;

export const receivingChannels = {
  'suppliers:list': defineChannel({
    summary: 'Suppliers by name; archived ones only when asked.',
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    output: z.strictObject({ items: z.array(supplierViewSchema) }),
    access: 'stock.manage',
  }),
  'suppliers:create': defineChannel({
    summary:
      'Add a supplier: name (1..80), contact, e-mail, phone, notes (optional). Audited (supplier.create).',
    input: z.strictObject(supplierFields),
    output: supplierViewSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'suppliers:update': defineChannel({
    summary:
      "Change a supplier's details (archived ones too). NOT_FOUND. Audited (supplier.update) when something changes.",
    input: z.strictObject({ id: idSchema, ...supplierFields }),
    output: supplierViewSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'suppliers:archive': defineChannel({
    summary:
      'Archive a supplier (suppliers are never deleted: orders and receipts name them). NOT_FOUND; CONFLICT while it has an open order (draft, ordered or partial). Audited (supplier.archive).',
    input: byIdInput,
    output: supplierViewSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'stock:receive': defineChannel({
    summary:
      "Receive goods without an order: 1..100 lines of stock product, quantity 1..10^6 and unit cost 0..10^9 minor units, from a supplier (optional, not archived). Writes one `receive` movement per line at its cost, the products' on-hand, last cost and moving average cost (see the contract's rule), in one transaction; audited (stock.receive). NOT_FOUND (product or supplier), VALIDATION_FAILED (a non-stock or archived product, an archived supplier).",
    input: z.strictObject({
      supplierId: idSchema.nullable().default(null),
      note: optionalText(200),
      lines: z.array(costLine).min(1).max(100),
    }),
    output: z.strictObject({ levels: z.array(receivedLevelSchema) }),
    access: 'stock.manage',
    writes: true,
  }),
  'purchaseOrders:list': defineChannel({
    summary: 'Purchase orders, newest first, paged; optionally of one status or one supplier.',
    input: z.strictObject({
      status: purchaseOrderStatusSchema.optional(),
      supplierId: idSchema.optional(),
      ...pageInput,
    }),
    output: z.strictObject({
      items: z.array(purchaseOrderSummarySchema),
      total: z.number().int().nonnegative(),
    }),
    access: 'stock.manage',
  }),
  'purchaseOrders:get': defineChannel({
    summary: 'One purchase order with its lines and what each has received. NOT_FOUND.',
    input: byIdInput,
    output: purchaseOrderViewSchema,
    access: 'stock.manage',
  }),
  'purchaseOrders:create': defineChannel({
    summary:
      'A draft purchase order to an active supplier: 1..100 lines of stock product, quantity 1..10^6, unit cost 0..10^9 minor units. NOT_FOUND (supplier, product), VALIDATION_FAILED (archived supplier, non-stock product). Audited (purchase_order.create).',
    input: z.strictObject(draftFields),
    output: purchaseOrderViewSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'purchaseOrders:update': defineChannel({
    summary:
      "Replace a draft's supplier, note and lines (same rules as purchaseOrders:create). CONFLICT once the order is no longer a draft; NOT_FOUND (order, supplier, product), VALIDATION_FAILED (archived supplier, non-stock product). Audited (purchase_order.update).",
    input: z.strictObject({ id: idSchema, ...draftFields }),
    output: purchaseOrderViewSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'purchaseOrders:candidates': defineChannel({
    summary:
      "Stock products an order may take, with on-hand, reorder level and last cost (see the contract's candidate rule): those whose barcode or SKU equals `search` first, then name/SKU prefix and the rest by name, at most 50; with `lowStock`, instead every active stock product at or under its reorder level (at most 100), each with its suggested quantity.",
    input: z.strictObject({
      search: searchText(100).default(''),
      lowStock: z.boolean().default(false),
    }),
    output: z.strictObject({ items: z.array(purchaseOrderCandidateSchema) }),
    access: 'stock.manage',
  }),
  'purchaseOrders:setStatus': defineChannel({
    summary:
      'Mark a draft as `ordered` (sent to the supplier), or cancel a draft or an ordered order that has received nothing. Other moves are CONFLICT (the state machine: draft → ordered → partial → received, or cancelled); NOT_FOUND. Audited (purchase_order.status).',
    input: z.strictObject({ id: idSchema, status: z.enum(['ordered', 'cancelled']) }),
    output: purchaseOrderViewSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'purchaseOrders:receive': defineChannel({
    summary:
      "Receive goods against an ordered or partly received order: 1..100 of its lines, quantity 1..10^6, optionally at another unit cost (the invoice's). Writes the same `receive` movements and costs as stock:receive, adds to each line's received quantity (over-receipt is allowed and flagged) and moves the order to partial or received, in one transaction; audited (stock.receive). NOT_FOUND; CONFLICT (draft, received or cancelled order); VALIDATION_FAILED (a line of another order, a line twice).",
    input: z.strictObject({
      id: idSchema,
      lines: z
        .array(z.strictObject({ lineId: idSchema, quantity, unitCost: unitCost.optional() }))
        .min(1)
        .max(100),
    }),
    output: purchaseOrderViewSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'purchaseOrders:export': defineChannel({
    summary:
      "Save a purchase order, to send to the supplier: `csv` (one row a line: PO number, supplier, SKU, product, quantity, unit cost, line total, currency; UTF-8, formula-neutralised) or `pdf` (A4, drawn by the browser engine from the renderer's print route: store, supplier, PO number and dates, lines, total, note), written where the person picks in the shell's save dialog (as exports:run). The file is made before the dialog opens: REPORT_PDF_FAILED (no browser engine, or it failed) opens no dialog and writes nothing. NOT_FOUND. A closed dialog answers `cancelled`. A saved file is audited (reports.export).",
    input: z.strictObject({ id: idSchema, format: z.enum(['csv', 'pdf']) }),
    output: savedFileSchema,
    access: 'stock.manage',
  }),
} as const;

/**
 * Sales: quote, checkout, void, refund, notes, park/resume and the transactions list.
 * The renderer sends product ids, quantities, discounts, the customer and tenders, never prices or
 * totals; the main process prices every line (M1-M3) and writes each sale in one transaction with
 * its audit row (D2). Completed sales are immutable (D6): voids and refunds are new linked rows.
 */
import { z } from 'zod';
import { MAX_LINE_AMOUNT } from '../money';
import { defineChannel } from './define';
import {
  byIdInput,
  discountSchema,
  displayText,
  emptyInput,
  emptyOutput,
  idSchema,
  localDateSchema,
  optionalText,
  positiveAmount,
  quantitySchema,
  utcTimestamp,
  uuidSchema,
} from './common';
import {
  saleDetailSchema,
  saleKindSchema,
  saleStatusSchema,
  saleSummarySchema,
  tenderTypeSchema,
} from './sales-views';

export * from './sales-views';

/**
 * One cart line. `unitPrice` (minor units, 1..10^9, M2) is given only for an open-price product,
 * whose price the cashier types; it needs permission sales.discountOverride (OVERRIDE_REQUIRED).
 * For any other product the core prices the line and refuses a unit price (VALIDATION_FAILED).
 */
export const cartLineSchema = z.strictObject({
  productId: idSchema,
  quantity: quantitySchema,
  discount: discountSchema.optional(),
  unitPrice: positiveAmount
    .pipe(z.number().min(1, 'Enter a price above zero').max(MAX_LINE_AMOUNT))
    .optional(),
});

/** A cart: what the renderer knows about a sale before it is completed. */
export const cartSchema = z.strictObject({
  lines: z.array(cartLineSchema).min(1, 'Add at least one item').max(200, 'At most 200 lines'),
  /** A discount on the whole sale, split across the lines by largest remainder (M3). */
  discount: discountSchema.optional(),
  customerId: idSchema.nullish().transform((c) => c ?? null),
});
export type Cart = z.input<typeof cartSchema>;

/**
 * A payment. `amount` is in minor units; for cash it is what the customer handed over (change is
 * worked out by the main process), for card and other it is what was charged.
 */
export const tenderInputSchema = z.strictObject({
  type: tenderTypeSchema,
  amount: positiveAmount,
});

export const quotedLineSchema = z.strictObject({
  productId: idSchema,
  sku: z.string(),
  description: z.string(),
  unitPrice: z.number().int(),
  quantity: z.number().int(),
  taxRateBps: z.number().int(),
  discount: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
  /**
   * The product's stock on hand before this sale (issue 11, section 2), for the cart's negative
   * stock warning; null for non-stock kinds (fee, postage, discount, manual).
   */
  onHand: z.number().int().nullable(),
});

export const quoteSchema = z.strictObject({
  lines: z.array(quotedLineSchema),
  subtotal: z.number().int(),
  discount: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
  currency: z.string(),
  pricesIncludeTax: z.boolean(),
});
export type Quote = z.infer<typeof quoteSchema>;

/** Keyset cursor for the transactions list: the last row of the previous page. */
export const saleCursorSchema = z.strictObject({ createdAt: utcTimestamp, id: idSchema });

/**
 * A parked cart: who parked it, how many lines, when (UTC), and on which till (`till`, its name;
 * `thisTill` when it is the till asking). On a store server every till sees them all.
 */
export const parkedSaleSchema = z.strictObject({
  id: idSchema,
  label: z.string(),
  staff: z.strictObject({ id: idSchema, name: z.string() }),
  lineCount: z.number().int().nonnegative(),
  createdAt: utcTimestamp,
  till: z.string(),
  thisTill: z.boolean(),
});
export type ParkedSale = z.infer<typeof parkedSaleSchema>;

export const salesChannels = {
  'sales:quote': defineChannel({
    summary:
      'Price a cart as checkout would (lines, discounts, tax, total) without recording anything, with the same rules: PRODUCT_UNAVAILABLE for an unknown or unsellable product (or a stock product priced 0), OVERRIDE_REQUIRED for a discount above the store limit or an open price without sales.discountOverride.',
    input: cartSchema,
    output: quoteSchema,
    access: 'sales.create',
  }),
  'sales:checkout': defineChannel({
    summary:
      'Complete a sale: prices it with the currency, tax mode and discount limit read inside its transaction, checks the tenders cover the total (TENDER_SHORT; change comes only from cash, else TENDER_INVALID), writes header, lines, tenders and audit row in one transaction, answers after the commit. A discount above the store limit or an open price needs sales.discountOverride (OVERRIDE_REQUIRED; audited as sale.override when used). Retrying the same id (in any letter case) returns the recorded sale; the same id with a different cart is CONFLICT.',
    input: cartSchema.extend({
      /** Client-generated; UNIQUE in the database (D2). */
      id: uuidSchema,
      tenders: z.array(tenderInputSchema).max(10, 'At most 10 tenders'),
      note: optionalText(500),
    }),
    output: saleDetailSchema,
    access: 'sales.create',
    writes: true,
    contended: true,
  }),
  'sales:get': defineChannel({
    summary:
      "One sale or refund with lines, tenders, void and refunds. NOT_FOUND if none, or if it is another member's sale and the caller lacks reports.view (A7).",
    input: byIdInput,
    output: saleDetailSchema,
    access: 'sales.create',
  }),
  'sales:list': defineChannel({
    summary:
      "The transactions list, newest first, 1..100 rows per page with keyset pagination (`cursor` = last row of the previous page). Filters: business days fromDay..toDay (YYYY-MM-DD in the store time zone, both included, matched on each sale's business date), staff, till (receipt numbers are per till), customer, status, kind, receipt number. Without reports.view a member sees only their own sales (A7).",
    input: z.strictObject({
      fromDay: localDateSchema.optional(),
      toDay: localDateSchema.optional(),
      staffId: idSchema.optional(),
      tillId: idSchema.optional(),
      customerId: idSchema.optional(),
      status: saleStatusSchema.optional(),
      kind: saleKindSchema.optional(),
      receiptNo: z.number().int().positive().max(2_147_483_647).optional(),
      limit: z.number().int().min(1).max(100).default(50),
      cursor: saleCursorSchema.optional(),
    }),
    output: z.strictObject({
      items: z.array(saleSummarySchema),
      nextCursor: saleCursorSchema.nullable(),
    }),
    access: 'sales.create',
  }),
  'sales:void': defineChannel({
    summary:
      'Void a completed sale on the day it was made, with a reason. VOID_NOT_ALLOWED if it is a refund, already voided, refunded, or from an earlier day. Audited.',
    input: z.strictObject({ id: idSchema, reason: displayText(200) }),
    output: saleDetailSchema,
    access: 'sales.void',
    reauth: true,
    writes: true,
  }),
  'sales:refund': defineChannel({
    summary:
      'Refund some or all of a sale as a new linked refund sale with negative lines, paid back with one tender; its stock goes back on the shelf (`restock`, default) or is written off, as a movement in the same transaction. REFUND_LIMIT if a quantity is more than is still refundable. `refundId` is client-generated so a retry is safe. Audited.',
    input: z.strictObject({
      saleId: idSchema,
      refundId: uuidSchema,
      lines: z
        .array(z.strictObject({ lineId: idSchema, quantity: quantitySchema }))
        .min(1, 'Choose at least one line')
        .max(200),
      tender: tenderTypeSchema,
      reason: displayText(200),
      /**
       * Issue 11, section 2: the returned stock goes back on the shelf (`true`, the default: a
       * `refund` movement, reason restock) or is written off (`false`: a movement of 0, reason
       * write_off). Only stock products get movements.
       */
      restock: z.boolean().default(true),
    }),
    output: saleDetailSchema,
    access: 'sales.refund',
    reauth: true,
    writes: true,
  }),
  'sales:annotate': defineChannel({
    summary:
      'Change the customer attached to a completed sale, or its note. Amounts never change. Needs sales.annotate (managers, admins). SALE_VOIDED for a voided sale. Audited with the before and after.',
    input: z.strictObject({
      id: idSchema,
      customerId: idSchema.nullable(),
      note: optionalText(500),
    }),
    output: saleDetailSchema,
    access: 'sales.annotate',
    writes: true,
  }),
  'sales:park': defineChannel({
    summary:
      'Put an unfinished cart aside on this till, to resume later, here or (on a store server) at another till.',
    input: z.strictObject({ label: optionalText(60), cart: cartSchema }),
    output: parkedSaleSchema,
    access: 'sales.create',
    writes: true,
  }),
  'sales:parkedList': defineChannel({
    summary:
      "The store's parked carts, oldest first: this till's, and on a store server those parked on the other tills too (a customer who comes back to another till; a till retired), each with its till's name.",
    input: emptyInput,
    output: z.array(parkedSaleSchema),
    access: 'sales.create',
  }),
  'sales:resume': defineChannel({
    summary:
      'Take a parked cart back, whichever till of the store parked it (it leaves the parked list). NOT_FOUND if someone already did, here or at another till: of two tills resuming one cart at once, exactly one gets it.',
    input: byIdInput,
    output: z.strictObject({ cart: cartSchema }),
    access: 'sales.create',
    writes: true,
  }),
  'sales:discardParked': defineChannel({
    summary:
      'Throw a parked cart away, whichever till of the store parked it. NOT_FOUND if it is gone (resumed or discarded, here or at another till).',
    input: byIdInput,
    output: emptyOutput,
    access: 'sales.create',
    writes: true,
  }),
} as const;

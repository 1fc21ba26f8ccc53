/**
 * How a sale looks to the renderer. Every amount is an integer in minor units of `currency`
 * (ISO 4217); refunds carry negative quantities and amounts. Times are UTC.
 */
import { z } from 'zod';
import { idSchema, utcTimestamp } from './common';

export const SALE_KINDS = ['sale', 'refund'] as const;
export const saleKindSchema = z.enum(SALE_KINDS);
export const SALE_STATUSES = ['completed', 'voided'] as const;
export const saleStatusSchema = z.enum(SALE_STATUSES);
export const TENDER_TYPES = ['cash', 'card', 'other'] as const;
export const tenderTypeSchema = z.enum(TENDER_TYPES);
export type TenderType = z.infer<typeof tenderTypeSchema>;

const personRef = z.strictObject({ id: idSchema, name: z.string() });

export const saleSummarySchema = z.strictObject({
  id: idSchema,
  uuid: z.string(),
  /** Gapless per till. */
  receiptNo: z.number().int().positive(),
  tillName: z.string(),
  kind: saleKindSchema,
  status: saleStatusSchema,
  staff: personRef,
  customer: personRef.nullable(),
  currency: z.string(),
  total: z.number().int(),
  createdAt: utcTimestamp,
});
export type SaleSummary = z.infer<typeof saleSummarySchema>;

export const saleLineViewSchema = z.strictObject({
  id: idSchema,
  lineNo: z.number().int().positive(),
  productId: idSchema,
  /** As they were at the time of sale. */
  sku: z.string(),
  description: z.string(),
  unitPrice: z.number().int(),
  /** Negative on a refund. */
  quantity: z.number().int(),
  taxRateBps: z.number().int(),
  discount: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
  /** On a sale line: units already refunded (by completed refunds). */
  refundedQuantity: z.number().int().nonnegative(),
  /** On a refund line: the sale line it returns. */
  refundOfLineId: idSchema.nullable(),
});
export type SaleLineView = z.infer<typeof saleLineViewSchema>;

export const tenderViewSchema = z.strictObject({
  type: tenderTypeSchema,
  /** What the tender paid towards the total (negative on a refund). */
  amount: z.number().int(),
  /** Cash only: what the customer handed over. */
  tendered: z.number().int().nullable(),
  /** Cash only: change due back. */
  change: z.number().int().nullable(),
});

export const saleDetailSchema = saleSummarySchema.extend({
  subtotal: z.number().int(),
  discount: z.number().int(),
  tax: z.number().int(),
  pricesIncludeTax: z.boolean(),
  note: z.string().nullable(),
  /** Where the sale came from: rung up at a till, imported, or generated demo data. */
  source: z.enum(['till', 'import', 'seed']),
  /** The id in the source system (e.g. the Online Retail invoice number). */
  externalRef: z.string().nullable(),

  refundOf: z
    .strictObject({ id: idSchema, receiptNo: z.number().int(), tillName: z.string() })
    .nullable(),
  lines: z.array(saleLineViewSchema),
  tenders: z.array(tenderViewSchema),
  void: z.strictObject({ reason: z.string(), staff: personRef, at: utcTimestamp }).nullable(),
  refunds: z.array(
    z.strictObject({
      id: idSchema,
      receiptNo: z.number().int(),
      total: z.number().int(),
      status: saleStatusSchema,
      createdAt: utcTimestamp,
    }),
  ),
  /** True when this sale may still be voided now (made on today's business day, completed, no refunds). */
  voidable: z.boolean(),
});
export type SaleDetail = z.infer<typeof saleDetailSchema>;

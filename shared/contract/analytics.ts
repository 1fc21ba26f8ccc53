/**
 * Analytics (issue 11, section 4): the figures behind the Reports dashboard, read from the daily
 * sales rollups (electron/core/analytics/rollup-sql.ts says what they hold). Read-only, permission
 * `reports.view`. Ranges are business days `from`..`to` (YYYY-MM-DD in the store's time zone, both
 * included), at most MAX_RANGE_DAYS long; a reversed, malformed or too long range is
 * VALIDATION_FAILED. Amounts are integers in minor units of the store currency.
 *
 * Definitions as in the day summary: gross = Σ completed sales; refunds = Σ completed refunds (a
 * positive amount); net = gross − refunds; voided sales count in neither (voids). Transactions =
 * completed sales (not refunds); average basket = net ÷ transactions and items per sale =
 * items sold ÷ transactions (0 when there are none), rounded half away from zero (money) and to
 * two decimals (items).
 *
 * Margin (issue 11, sections 3 and 4): each sale line keeps the unit cost of goods sold when it was
 * written (the product's moving average cost, else its last cost, else unknown; a refund line its
 * original line's). cost = Σ unit cost × quantity and costedNet = Σ line net without tax, both
 * over the lines of completed sales and refunds whose cost is known; margin = costedNet − cost.
 * Lines of unknown cost are in neither term, so margin is never inflated by them: compare
 * costedNet with the net without tax to see how much of the sales is costed. Products and
 * categories are those of today (a product moved to another category reports there).
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { idSchema, localDateSchema } from './common';
import { tenderTypeSchema } from './sales-views';

/** The longest range a report answers: three years (1,096 days with a leap day). */
export const MAX_RANGE_DAYS = 1_096;
/** The longest range the trend answers by hour (one point per hour). */
export const MAX_HOURLY_DAYS = 31;

/** Days from `from` to `to`, both included (1 for one day); NaN for unreadable days. */
export function rangeDays(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

const rangeShape = { from: localDateSchema, to: localDateSchema };

function checkRange(r: { from: string; to: string }, ctx: z.RefinementCtx, max = MAX_RANGE_DAYS) {
  const days = rangeDays(r.from, r.to);
  // An unreadable day is refused by its own field's check.
  if (Number.isNaN(days)) return;
  if (days < 1)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts' });
  else if (days > max)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${max} days` });
}

/** A range of business days, `from`..`to` inclusive. */
export const dayRangeSchema = z
  .strictObject(rangeShape)
  .superRefine((r, ctx) => checkRange(r, ctx));

const count = z.number().int().nonnegative();
const amount = z.number().int();
const range = z.strictObject(rangeShape);

export const salesFiguresSchema = z.strictObject({
  /** Completed sales (transactions). */
  salesCount: count,
  refundsCount: count,
  voidsCount: count,
  /** Units sold on completed sales. */
  items: z.number().int(),
  gross: amount,
  refunds: amount,
  voids: amount,
  net: amount,
  /** Discounts given on completed sales. */
  discounts: amount,
  /** Tax on completed sales net of refunds. */
  tax: amount,
  averageBasket: amount,
  itemsPerSale: z.number(),
});
export type SalesFigures = z.infer<typeof salesFiguresSchema>;

/** Cost and margin over a range; definitions in the module comment. */
export const marginFiguresSchema = z.strictObject({
  /** Cost of goods sold of the costed lines. */
  cost: amount,
  /** Net without tax of the costed lines. */
  costedNet: amount,
  /** costedNet − cost. */
  margin: amount,
  /** Net without tax of all lines (net − tax): costedNet ÷ this is the share that is costed. */
  netWithoutTax: amount,
});
export type MarginFigures = z.infer<typeof marginFiguresSchema>;

/** Cost and margin of a group of lines (a product, a category). */
const marginShape = { cost: amount, costedNet: amount, margin: amount };

export const keyFiguresSchema = z.strictObject({
  currency: z.string(),
  range,
  /** The same number of days just before `range`. */
  previousRange: range,
  current: salesFiguresSchema,
  previous: salesFiguresSchema,
  /** Cost and margin over `range` and over `previousRange`. */
  margin: z.strictObject({ current: marginFiguresSchema, previous: marginFiguresSchema }),
  /** Per tender type over `range`: completed sales' tenders and completed refunds' tenders. */
  byTender: z.array(
    z.strictObject({
      type: tenderTypeSchema,
      salesCount: count,
      amount,
      refundsCount: count,
      refunds: amount,
      net: amount,
    }),
  ),
});

export const trendGrainSchema = z.enum(['hour', 'day', 'week', 'month']);

export const trendSchema = z.strictObject({
  currency: z.string(),
  grain: trendGrainSchema,
  /**
   * One point per bucket in the range, empty buckets included, oldest first. `bucket`: hour
   * `YYYY-MM-DDTHH` (store-local), day `YYYY-MM-DD`, week the ISO week's Monday `YYYY-MM-DD`
   * (the first and last weeks may be cut by the range), month `YYYY-MM`.
   */
  points: z.array(
    z.strictObject({
      bucket: z.string(),
      salesCount: count,
      refundsCount: count,
      items: z.number().int(),
      gross: amount,
      refunds: amount,
      net: amount,
    }),
  ),
});

export const heatmapSchema = z.strictObject({
  currency: z.string(),
  /** All 7 × 24 cells, Monday 00:00 first; weekday 1 = Monday … 7 = Sunday (ISO 8601). */
  cells: z.array(
    z.strictObject({
      weekday: z.number().int().min(1).max(7),
      hour: z.number().int().min(0).max(23),
      salesCount: count,
      net: amount,
    }),
  ),
});

export const topProductsSchema = z.strictObject({
  currency: z.string(),
  products: z.array(
    z.strictObject({
      productId: idSchema,
      sku: z.string(),
      name: z.string(),
      /** Units sold minus units refunded. */
      quantity: z.number().int(),
      gross: amount,
      refunds: amount,
      net: amount,
      discounts: amount,
      tax: amount,
      ...marginShape,
    }),
  ),
});

export const topCategoriesSchema = z.strictObject({
  currency: z.string(),
  categories: z.array(
    z.strictObject({
      /** Null for the products in no category ("No category"). */
      categoryId: idSchema.nullable(),
      /** The category's names from the top ("Drinks", "Tea"); empty for no category. */
      path: z.array(z.string()),
      /** Units sold minus units refunded. */
      quantity: z.number().int(),
      gross: amount,
      refunds: amount,
      net: amount,
      discounts: amount,
      tax: amount,
      ...marginShape,
    }),
  ),
});

/** What a top list ranks by: net revenue, net quantity or margin, highest first. */
export const topBySchema = z.enum(['revenue', 'quantity', 'margin']);
export type TopBy = z.infer<typeof topBySchema>;

/** The input of the top lists: a range, a ranking, how many, and an optional category filter. */
const topInput = z
  .strictObject({
    ...rangeShape,
    by: topBySchema.default('revenue'),
    limit: z.number().int().min(1).max(100).default(10),
    /** Only products in this category or one below it; unknown: NOT_FOUND. */
    categoryId: idSchema.optional(),
  })
  .superRefine((r, ctx) => checkRange(r, ctx));

export const staffPerformanceSchema = z.strictObject({
  currency: z.string(),
  /** Members with sales or closed shifts in the range, by net, highest first. */
  staff: z.array(
    z.strictObject({
      staffId: idSchema,
      name: z.string(),
      ...salesFiguresSchema.shape,
      /** Shifts they opened whose Z report was closed in the range, and Σ their over/short. */
      shiftsClosed: count,
      overShort: amount,
    }),
  ),
});

export const taxReportSchema = z.strictObject({
  currency: z.string(),
  /** Per tax rate (basis points), lowest first: net (without tax), tax and gross (with tax). */
  rates: z.array(
    z.strictObject({ taxRateBps: z.number().int(), net: amount, tax: amount, gross: amount }),
  ),
  totals: z.strictObject({ net: amount, tax: amount, gross: amount }),
});

const customerFigures = z.strictObject({
  customerId: idSchema,
  name: z.string(),
  salesCount: count,
  net: amount,
});

export const customerReportSchema = z.strictObject({
  currency: z.string(),
  /** Customers who bought in the range: for the first time ever, or again. */
  newCustomers: count,
  returningCustomers: count,
  /** Completed sales in the range with no customer attached. */
  walkInSales: count,
  /** The 10 customers with the highest net in the range. */
  top: z.array(customerFigures),
  /**
   * Customers who bought before and not in the 90 days up to `to`: how many, and the 50 seen most
   * recently (last business day of a completed sale).
   */
  lapsedCount: count,
  lapsed: z.array(
    z.strictObject({ customerId: idSchema, name: z.string(), lastSeen: localDateSchema }),
  ),
});

const reports = 'reports.view' as const;

export const analyticsChannels = {
  'analytics:keyFigures': defineChannel({
    summary:
      'Net sales, transactions, average basket, items per sale, refunds, voids, discounts, tax, cost and margin for a range of business days and for the previous period of equal length, with totals by tender; from the daily rollups.',
    input: dayRangeSchema,
    output: keyFiguresSchema,
    access: reports,
  }),
  'analytics:trend': defineChannel({
    summary:
      'The sales trend over a range, one point per hour (ranges up to 31 days), day, ISO week or month, empty buckets included; from the daily rollups.',
    input: z
      .strictObject({ ...rangeShape, grain: trendGrainSchema })
      .superRefine((r, ctx) =>
        checkRange(r, ctx, r.grain === 'hour' ? MAX_HOURLY_DAYS : MAX_RANGE_DAYS),
      ),
    output: trendSchema,
    access: reports,
  }),
  'analytics:heatmap': defineChannel({
    summary:
      'Completed sales and net by weekday × store-local hour over a range (all 168 cells); from the hourly rollups.',
    input: dayRangeSchema,
    output: heatmapSchema,
    access: reports,
  }),
  'analytics:topProducts': defineChannel({
    summary:
      'The products with the highest net revenue, net quantity or margin over a range (1–100 of them, 10 by default), optionally within a category and its sub-categories, with gross, refunds, discounts, tax, cost and margin; from the product rollups. NOT_FOUND for an unknown category.',
    input: topInput,
    output: topProductsSchema,
    access: reports,
  }),
  'analytics:topCategories': defineChannel({
    summary:
      "The categories whose products have the highest net revenue, net quantity or margin over a range (1–100 of them, 10 by default), each with its path, and a row for the products in no category; optionally within a category and its sub-categories (each category's own products per row). From the product rollups. NOT_FOUND for an unknown category.",
    input: topInput,
    output: topCategoriesSchema,
    access: reports,
  }),
  'analytics:staffPerformance': defineChannel({
    summary:
      'Per staff member over a range: sales, net, average basket, items per sale, refunds, voids and discounts of the sales they rang up, and the over/short of their shifts closed in the range.',
    input: dayRangeSchema,
    output: staffPerformanceSchema,
    access: reports,
  }),
  'analytics:taxReport': defineChannel({
    summary:
      'Net, tax and gross per tax rate over a range, completed sales minus completed refunds; from the tax-rate rollups.',
    input: dayRangeSchema,
    output: taxReportSchema,
    access: reports,
  }),
  'analytics:customers': defineChannel({
    summary:
      'Customers over a range: new against returning buyers, walk-in sales, the top 10 by net, and those not seen in the 90 days up to the end of the range.',
    input: dayRangeSchema,
    output: customerReportSchema,
    access: reports,
  }),
} as const;

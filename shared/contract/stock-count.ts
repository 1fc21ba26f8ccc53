/**
 * The stock take (issue 11, section 2): count the shelf, see the variances, post them.
 *
 * - `stock:startCount` opens a count sheet for a category (with its sub-categories) or for every
 *   stock product, and snapshots each product's on-hand as its `expected` figure. One open count
 *   at a time per store (CONFLICT).
 * - `stock:setCount` enters a product's count, by a scan (`mode: 'add'`, +1 per scan or +n) or a
 *   typed figure (`mode: 'set'`, last wins). Each entry re-reads the product's on-hand into
 *   `expected`, so a sale rung up BEFORE the product was counted is not counted twice.
 * - `stock:postCount` writes one `count` movement per counted product whose variance is not 0,
 *   quantity = counted − expected, i.e. counted − the on-hand AT THE MOMENT IT WAS COUNTED. A sale
 *   rung up after the product was counted (while the count is still open) stays in the ledger:
 *   on-hand after posting = counted − what was sold since. (counted − on-hand at posting would
 *   give those sold goods back.) One transaction, through `recordMovements` (D2), audited
 *   (`stock.count_post`). Uncounted products are left as they are.
 * - `stock:cancelCount` closes it without a movement.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { idSchema, pageInput, utcTimestamp } from './common';
import { MAX_STOCK_QUANTITY } from './stock';

export const COUNT_STATUSES = ['open', 'posted', 'cancelled'] as const;
/** Which lines of a sheet to list. */
export const COUNT_LINE_FILTERS = ['all', 'counted', 'uncounted', 'variance'] as const;

const personRef = z.strictObject({ id: idSchema, name: z.string() });

export const stockCountSchema = z.strictObject({
  id: idSchema,
  /** The category counted (with its sub-categories); null: every stock product. */
  category: z.strictObject({ id: idSchema, name: z.string() }).nullable(),
  status: z.enum(COUNT_STATUSES),
  startedBy: personRef,
  startedAt: utcTimestamp,
  /** When it was posted or cancelled. */
  closedAt: utcTimestamp.nullable(),
  /** Products on the sheet, products counted, counted products with a variance. */
  lines: z.number().int().nonnegative(),
  counted: z.number().int().nonnegative(),
  variances: z.number().int().nonnegative(),
});
export type StockCount = z.infer<typeof stockCountSchema>;

export const stockCountLineSchema = z.strictObject({
  productId: idSchema,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  /** On-hand at the start, or when the product was last counted. */
  expected: z.number().int(),
  counted: z.number().int().nonnegative().nullable(),
  /** counted − expected; null while uncounted. */
  variance: z.number().int().nullable(),
});
export type StockCountLine = z.infer<typeof stockCountLineSchema>;

const countId = z.strictObject({ countId: idSchema });

export const stockCountChannels = {
  'stock:startCount': defineChannel({
    summary:
      "Open a stock take for a category and its sub-categories (`categoryId`) or for every stock product (null): snapshots each active stock product's on-hand as its expected figure. CONFLICT while another count is open; NOT_FOUND (no such live category); VALIDATION_FAILED (no stock product in scope). Audited (stock.count_start).",
    input: z.strictObject({ categoryId: idSchema.nullable() }),
    output: stockCountSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'stock:openCount': defineChannel({
    summary: 'The open stock take, if any (null).',
    input: z.strictObject({}),
    output: z.strictObject({ count: stockCountSchema.nullable() }),
    access: 'stock.manage',
  }),
  'stock:setCount': defineChannel({
    summary:
      "Enter a product's count on the open sheet: `set` (0..10^6, last wins) or `add` (1..10^6 more, a scan). Re-reads its on-hand as the expected figure. NOT_FOUND (no such count or product), CONFLICT (the count is posted or cancelled), VALIDATION_FAILED (not a stock product in the count's scope, add 0, or a total over 10^6).",
    input: z.strictObject({
      countId: idSchema,
      productId: idSchema,
      quantity: z.number().int().min(0).max(MAX_STOCK_QUANTITY),
      mode: z.enum(['set', 'add']),
    }),
    output: stockCountLineSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'stock:countSheet': defineChannel({
    summary:
      'A stock take and its lines (expected, counted, variance), by name, paged, optionally only the counted, uncounted or varying ones. NOT_FOUND.',
    input: z.strictObject({
      countId: idSchema,
      only: z.enum(COUNT_LINE_FILTERS).default('all'),
      ...pageInput,
    }),
    output: z.strictObject({
      count: stockCountSchema,
      items: z.array(stockCountLineSchema),
      total: z.number().int().nonnegative(),
    }),
    access: 'stock.manage',
  }),
  'stock:postCount': defineChannel({
    summary:
      'Post an open stock take: one `count` movement (counted − expected) per counted product with a variance, in one transaction with the on-hand and the audit row (stock.count_post); uncounted products stay as they are. NOT_FOUND, CONFLICT (already posted or cancelled).',
    input: countId,
    output: stockCountSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'stock:cancelCount': defineChannel({
    summary:
      'Cancel an open stock take: no movement. NOT_FOUND, CONFLICT (already posted or cancelled). Audited (stock.count_cancel).',
    input: countId,
    output: stockCountSchema,
    access: 'stock.manage',
    writes: true,
  }),
} as const;

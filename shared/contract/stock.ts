/**
 * Stock as a ledger (issue 11, section 2). A stock product's quantity on hand is the sum of its
 * movements, never a free counter: every change is an immutable `stock_movements` row (D6), and
 * `products.on_hand` is updated in the same transaction as the movement (D2). Non-stock kinds
 * (fee, postage, discount, manual) have no movements and no on-hand (`onHand: null`).
 *
 * Movement kinds and their signed quantity (+ in, − out):
 * - `opening`: the opening balance, ≥ 0; only while the product has no movements at all
 *   (`stock:adjust` with reason `opening`), else CONFLICT: use a correction;
 * - `sale`: − the quantity sold (one movement per sale line, in the sale's transaction); a void
 *   writes the same movement back (+, reason `void`) in the void's transaction;
 * - `refund`: reason `restock` (+ the quantity returned) or `write_off` (quantity 0: the goods
 *   came back but are not sellable; the refund sale's lines say how many);
 * - `adjust`: reason `damaged` or `lost` (< 0), `found` (> 0) or `correction` (either sign);
 * - `receive` and `count` (receiving and stock takes) are written by later work.
 *
 * Negative stock is a store setting (`stock:settings`): `warn` (default) lets the sale through
 * and the quote's line carries the on-hand for the cart's warning; `refuse` answers
 * INSUFFICIENT_STOCK and records nothing.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput, idSchema, optionalText, pageInput, utcTimestamp } from './common';

export const STOCK_MOVEMENT_KINDS = [
  'opening',
  'sale',
  'refund',
  'receive',
  'adjust',
  'count',
] as const;
export const stockMovementKindSchema = z.enum(STOCK_MOVEMENT_KINDS);
export type StockMovementKind = z.infer<typeof stockMovementKindSchema>;

/** Why a member adjusts stock; `opening` records the opening balance (see above). */
export const ADJUST_REASONS = ['opening', 'damaged', 'lost', 'found', 'correction'] as const;
export const adjustReasonSchema = z.enum(ADJUST_REASONS);
export type AdjustReason = z.infer<typeof adjustReasonSchema>;

/** Every reason a movement may carry (adjust, refund, and `void` on a voided sale's movement). */
export const MOVEMENT_REASONS = [
  'damaged',
  'lost',
  'found',
  'correction',
  'restock',
  'write_off',
  'void',
] as const;

/** What to do with the stock when a store's sale would take a product below zero. */
export const NEGATIVE_STOCK_MODES = ['warn', 'refuse'] as const;
export const negativeStockSchema = z.enum(NEGATIVE_STOCK_MODES);
export type NegativeStockMode = z.infer<typeof negativeStockSchema>;

/** The largest quantity one adjustment moves, either way (and the largest reorder level). */
export const MAX_STOCK_QUANTITY = 1_000_000;

const personRef = z.strictObject({ id: idSchema, name: z.string() });

export const stockMovementViewSchema = z.strictObject({
  id: idSchema,
  productId: idSchema,
  kind: stockMovementKindSchema,
  /** Signed: + in, − out. */
  quantity: z.number().int(),
  /** Minor units per unit, where known. */
  unitCost: z.number().int().nullable(),
  reason: z.enum(MOVEMENT_REASONS).nullable(),
  note: z.string().nullable(),
  staff: personRef,
  tillName: z.string(),
  /** The sale or refund that moved the stock. */
  saleId: idSchema.nullable(),
  /** On hand just after this movement (the running sum of the ledger up to it). */
  balance: z.number().int(),
  at: utcTimestamp,
});
export type StockMovementView = z.infer<typeof stockMovementViewSchema>;

/** A stock product's level. */
export const stockLevelSchema = z.strictObject({
  productId: idSchema,
  sku: z.string(),
  name: z.string(),
  onHand: z.number().int(),
  /** At or under it the product is low on stock; null: no alert. */
  reorderLevel: z.number().int().nullable(),
});
export type StockLevel = z.infer<typeof stockLevelSchema>;

export const stockSettingsSchema = z.strictObject({ negativeStock: negativeStockSchema });
export type StockSettings = z.infer<typeof stockSettingsSchema>;

export const stockChannels = {
  'stock:adjust': defineChannel({
    summary:
      "Adjust a stock product's on-hand by a signed quantity (±1..10^6; 0 is VALIDATION_FAILED) with a reason: damaged or lost (< 0), found (> 0), correction (either), or opening (≥ 0, only while the product has no movements, else CONFLICT). Writes one immutable movement and the new on-hand in one transaction; audited (stock.adjust). NOT_FOUND (no such product), VALIDATION_FAILED (a non-stock product, a sign the reason does not allow), INSUFFICIENT_STOCK (the store refuses negative stock and this would go below zero).",
    input: z.strictObject({
      productId: idSchema,
      quantity: z.number().int().min(-MAX_STOCK_QUANTITY).max(MAX_STOCK_QUANTITY),
      reason: adjustReasonSchema,
      note: optionalText(200),
    }),
    output: stockLevelSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'stock:movements': defineChannel({
    summary:
      "A product's stock ledger, newest first, paged (limit 1..100, offset), each movement with the balance after it. NOT_FOUND if there is no such product.",
    input: z.strictObject({ productId: idSchema, ...pageInput }),
    output: z.strictObject({
      level: stockLevelSchema,
      items: z.array(stockMovementViewSchema),
      total: z.number().int().nonnegative(),
    }),
    access: 'stock.manage',
  }),
  'stock:levels': defineChannel({
    summary:
      'On-hand and reorder level of the given products (1..200 ids), for the product list; non-stock and unknown ids are left out.',
    input: z.strictObject({ productIds: z.array(idSchema).min(1).max(200) }),
    output: z.array(stockLevelSchema),
    access: 'stock.manage',
  }),
  'stock:lowStock': defineChannel({
    summary:
      'Active stock products at or under their reorder level, lowest on-hand first, paged; `total` is the count the Products badge shows.',
    input: z.strictObject(pageInput),
    output: z.strictObject({
      items: z.array(stockLevelSchema),
      total: z.number().int().nonnegative(),
    }),
    access: 'stock.manage',
  }),
  'stock:setReorderLevel': defineChannel({
    summary:
      "Set a stock product's reorder level (0..10^6) or clear it (null). NOT_FOUND, VALIDATION_FAILED (a non-stock product). Audited (stock.reorder_level) when it changes.",
    input: z.strictObject({
      productId: idSchema,
      reorderLevel: z.number().int().min(0).max(MAX_STOCK_QUANTITY).nullable(),
    }),
    output: stockLevelSchema,
    access: 'stock.manage',
    writes: true,
  }),
  'stock:check': defineChannel({
    summary:
      "Recompute every product's on-hand from its ledger and report the products where the stored figure differs (drift). Reads only.",
    input: emptyInput,
    output: z.strictObject({
      checked: z.number().int().nonnegative(),
      drift: z.array(
        z.strictObject({
          productId: idSchema,
          sku: z.string(),
          onHand: z.number().int(),
          ledger: z.number().int(),
        }),
      ),
    }),
    access: 'stock.manage',
  }),
  'stock:settings': defineChannel({
    summary: "The store's stock settings: negative stock `warn` (default) or `refuse`.",
    input: emptyInput,
    output: stockSettingsSchema,
    access: 'authenticated',
  }),
  'stock:updateSettings': defineChannel({
    summary:
      'Change whether a sale may take stock below zero (`warn`, the default) or is refused (`refuse`: INSUFFICIENT_STOCK). Audited (settings.update).',
    input: z.strictObject({ negativeStock: negativeStockSchema }),
    output: stockSettingsSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
} as const;

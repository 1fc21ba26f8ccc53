/**
 * The till's cart in progress, kept in the database as it changes (issue 8, item 4), so a reload,
 * a crashed window or a restarted app shows the same cart, and a member who signs in at a till
 * with someone else's cart is asked to take it over or park it under that member's name.
 *
 * One cart per till. It holds what the sale channels take (product ids, quantities, discounts,
 * the customer), never prices or totals (M1: the core prices every line on quote and checkout).
 * `version` grows by one with every change, so two windows on one till cannot overwrite each
 * other silently: a save names the version it was based on and a stale one is CONFLICT.
 * Completing a sale empties the till's cart inside the sale's own transaction (D2).
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput, idSchema, optionalText, utcTimestamp } from './common';
import { cartLineSchema, cartSchema, parkedSaleSchema } from './sales';

/** A cart in progress: like the sale's cart, but it may be empty (nothing rung up yet). */
export const draftCartSchema = cartSchema.extend({
  lines: z.array(cartLineSchema).max(200, 'At most 200 lines'),
});
export type DraftCart = z.input<typeof draftCartSchema>;

/** The version a change is based on: 0 for a till that never had a cart. */
export const cartVersionSchema = z.number().int().min(0).max(2_147_483_647);

/** The till's cart as stored: the cart, who rang it up (null while it is empty), its version. */
export const tillCartSchema = z.strictObject({
  cart: draftCartSchema,
  owner: z.strictObject({ id: idSchema, name: z.string() }).nullable(),
  version: cartVersionSchema,
  /** UTC; null for a till that never had a cart. */
  updatedAt: utcTimestamp.nullable(),
});
export type TillCart = z.infer<typeof tillCartSchema>;

export const cartChannels = {
  'cart:get': defineChannel({
    summary:
      "This till's cart in progress: its lines, discounts and customer (never prices), the member who owns it (null while empty) and its version.",
    input: emptyInput,
    output: tillCartSchema,
    access: 'sales.create',
    activity: false,
  }),
  'cart:save': defineChannel({
    summary:
      "Replace this till's cart (0..200 lines; an empty cart has no owner). `version` is the version the change is based on: CONFLICT if the cart changed since (another window), or if it holds another member's lines (take it over or park it first). Saving what is stored already always succeeds.",
    input: z.strictObject({ cart: draftCartSchema, version: cartVersionSchema }),
    output: tillCartSchema,
    access: 'sales.create',
    writes: true,
  }),
  'cart:takeOver': defineChannel({
    summary:
      "Make the caller the owner of this till's cart (another member's sale in progress), as it is at `version` (CONFLICT if it changed since). Audited as cart.takeover when the owner changes.",
    input: z.strictObject({ version: cartVersionSchema }),
    output: tillCartSchema,
    access: 'sales.create',
    writes: true,
  }),
  'cart:park': defineChannel({
    summary:
      "Park this till's cart, as it is at `version`, under its owner's name (a parked sale, like sales:park) and empty the till's cart, in one transaction. NOT_FOUND if the cart is empty; CONFLICT if it changed since `version`.",
    input: z.strictObject({ version: cartVersionSchema, label: optionalText(60) }),
    output: z.strictObject({ parked: parkedSaleSchema, till: tillCartSchema }),
    access: 'sales.create',
    writes: true,
  }),
} as const;

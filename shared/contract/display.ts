/**
 * The customer display (issue 10, section 4): an optional second window, facing the customer,
 * that shows the till's cart as the cashier rings it up (lines, total), then the change due and
 * a thank-you. It is read-only: its own preload exposes ONE read channel (`display:cart`) and one
 * subscription ("the cart changed"), and the router answers that window's sender on no other
 * channel, and this channel to no other window (FORBIDDEN_SENDER). It needs no session: it shows
 * what the customer can see on the counter anyway, never who rang it up or any id.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput } from './common';

/** The channels a customer display window may call; it may call nothing else. */
export const DISPLAY_CHANNELS = ['display:cart'] as const;
export type DisplayChannel = (typeof DISPLAY_CHANNELS)[number];

/** The IPC event the shell sends the display window when the till's cart changed. */
export const DISPLAY_CHANGED_EVENT = 'display:changed';

export function isDisplayChannel(channel: string): channel is DisplayChannel {
  return (DISPLAY_CHANNELS as readonly string[]).includes(channel);
}

export const displayViewSchema = z.strictObject({
  /** `idle`: nothing rung up; `cart`: a sale in progress; `done`: a sale just completed. */
  state: z.enum(['idle', 'cart', 'done']),
  /** ISO 4217; every amount below is in its minor units. */
  currency: z.string(),
  /** The store's name, for the welcome. */
  storeName: z.string(),
  /** BCP 47 locale the display formats in. */
  locale: z.string(),
  /** The cart's lines as priced now (M1: the core prices them), in cart order. */
  lines: z.array(
    z.strictObject({
      description: z.string(),
      quantity: z.number().int(),
      unitPrice: z.number().int(),
      discount: z.number().int(),
      total: z.number().int(),
    }),
  ),
  /** The sale discount, and the total to pay (tax included or added as the store prices). */
  discount: z.number().int(),
  total: z.number().int(),
  /** Only in `done`: what was paid and the change due. */
  paid: z.number().int().nullable(),
  change: z.number().int().nullable(),
});
export type DisplayView = z.infer<typeof displayViewSchema>;

export const displayChannels = {
  'display:cart': defineChannel({
    summary:
      "The customer display's view of this till: the cart's lines priced now and the total, or the last sale's total, payment and change for a short while after it completed, or idle. Only the customer display window may call it (FORBIDDEN_SENDER elsewhere); no session.",
    input: emptyInput,
    output: displayViewSchema,
    access: 'public',
    activity: false,
  }),
} as const;

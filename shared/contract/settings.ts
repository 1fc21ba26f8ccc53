/** Till and store settings. */
import { z } from 'zod';
import { defineChannel } from './define';
import { displayText, emptyInput } from './common';

/** An ISO 4217 currency code the platform knows (GBP, EUR, USD, JPY, KWD …). */
export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code')
  .refine((c) => {
    try {
      return Intl.supportedValuesOf('currency').includes(c);
    } catch {
      return false;
    }
  }, 'Unknown currency');

/** An IANA time zone name (Europe/London, America/New_York …). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone');

export const tillSettingsSchema = z.strictObject({
  terminalName: z.string(),
  /** Idle lock after this many minutes without activity (S2); 1..15, default 5. */
  idleLockMinutes: z.number().int().min(1).max(15),
  /** Shown on receipts. */
  storeName: z.string(),
  /** ISO 4217; every amount is in its minor unit. Fixed once the first sale is recorded. */
  currency: z.string(),
  /** Minor-unit exponent of the currency (GBP 2, JPY 0, KWD 3). */
  currencyExponent: z.number().int().min(0).max(4),
  /** True: shelf prices include tax (UK/EU). False: tax is added at the till (US). */
  pricesIncludeTax: z.boolean(),
  /** IANA zone that defines "a day" for voids and the day summary. */
  timeZone: z.string(),
  /**
   * The largest line or sale discount, in basis points (5000 = 50 %), that a member without
   * sales.discountOverride may give; 0..10000, default 5000 (M2).
   */
  maxDiscountBps: z.number().int().min(0).max(10_000),
});
export type TillSettings = z.infer<typeof tillSettingsSchema>;

export const settingsChannels = {
  'settings:get': defineChannel({
    summary: 'Read the till and store settings.',
    input: emptyInput,
    output: tillSettingsSchema,
    access: 'authenticated',
  }),
  'settings:update': defineChannel({
    summary:
      'Change any of: idle-lock minutes (1..15), store name, currency (CONFLICT once a sale exists), prices-include-tax, time zone, the discount limit without an override (basis points 0..10000). Compared with and written to the stored values inside one transaction. Audited.',
    input: z
      .strictObject({
        idleLockMinutes: z.number().int().min(1).max(15).optional(),
        storeName: displayText(80).optional(),
        currency: currencyCodeSchema.optional(),
        pricesIncludeTax: z.boolean().optional(),
        timeZone: timeZoneSchema.optional(),
        maxDiscountBps: z.number().int().min(0).max(10_000).optional(),
      })
      .refine((o) => Object.keys(o).length > 0, 'Change at least one setting'),
    output: tillSettingsSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
} as const;

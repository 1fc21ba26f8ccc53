/** Till and store settings, and the store set-up that follows the first admin. */
import { z } from 'zod';
import { defineChannel } from './define';
import {
  displayText,
  emptyInput,
  isCleanText,
  receiptLinesSchema,
  taxRateBpsSchema,
} from './common';

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

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
})();

/**
 * Two-letter codes CLDR names that are not countries: ISO 3166-1's exceptionally reserved "UK"
 * and "EU"/"EZ", the United Nations, Outlying Oceania and "Unknown Region".
 */
const NOT_COUNTRIES = new Set(['UK', 'EU', 'EZ', 'UN', 'QO', 'ZZ']);

/**
 * An ISO 3166-1 alpha-2 country code (GB, DE, US …), upper-cased. A code counts when the
 * platform's CLDR region names know it (Intl.DisplayNames) and it names a country, so "XX", "UK"
 * (use GB) and "EU" are refused. No list is bundled: the sign-in screen stays small.
 */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 country code')
  .refine(
    // DisplayNames.of throws on a code of the wrong shape: the regex may not have stopped it.
    (c) => /^[A-Z]{2}$/.test(c) && !NOT_COUNTRIES.has(c) && regionNames?.of(c) !== undefined,
    'Unknown country',
  );

/** The languages Kassa ships complete screen catalogues for (renderer/src/i18n). */
export const SCREEN_LANGUAGES = ['en', 'de'] as const;

/** The locale a new store starts with. */
export const DEFAULT_STORE_LOCALE = 'en-GB';

/**
 * A BCP 47 locale (RFC 5646) whose language Kassa's screens speak: "en-GB", "en-US", "de-DE",
 * "de-AT" … Canonicalised with `Intl.getCanonicalLocales` ("de-de" → "de-DE"). Text comes from
 * the language's catalogue; dates, numbers and money are formatted in the full locale.
 */
export const localeSchema = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((tag, ctx) => {
    let canonical: string | undefined;
    try {
      canonical = Intl.getCanonicalLocales(tag)[0];
    } catch {
      canonical = undefined;
    }
    if (!canonical) {
      ctx.addIssue({ code: 'custom', message: 'Not a locale (use a tag like en-GB or de-DE)' });
      return z.NEVER;
    }
    const language = canonical.split('-')[0]!.toLowerCase();
    if (!(SCREEN_LANGUAGES as readonly string[]).includes(language)) {
      ctx.addIssue({ code: 'custom', message: 'Kassa speaks English and German so far' });
      return z.NEVER;
    }
    return canonical;
  });

/** The store's address and receipt footer: at most 6 lines, 300 characters (receiptLinesSchema). */
export const storeReceiptText = receiptLinesSchema(6, 300);

/** A VAT or sales-tax registration number as printed on receipts ("GB123456789"); may be empty. */
export const taxNumberSchema = z
  .string()
  .trim()
  .max(40, 'At most 40 characters')
  .refine(isCleanText, 'Contains characters that are not allowed');

export const tillSettingsSchema = z.strictObject({
  terminalName: z.string(),
  /** Idle lock after this many minutes without activity (S2); 1..15, default 5. */
  idleLockMinutes: z.number().int().min(1).max(15),
  /** Shown on receipts. */
  storeName: z.string(),
  /** Printed under the store name on receipts; lines separated by "\n"; may be empty. */
  storeAddress: z.string(),
  /** VAT / sales-tax registration number printed on receipts; may be empty. */
  taxNumber: z.string(),
  /** ISO 3166-1 alpha-2; the default country of phone numbers and addresses. */
  country: z.string(),
  /** ISO 4217; every amount is in its minor unit. Fixed once the first sale is recorded. */
  currency: z.string(),
  /** Minor-unit exponent of the currency (GBP 2, JPY 0, KWD 3). */
  currencyExponent: z.number().int().min(0).max(4),
  /** True: shelf prices include tax (UK/EU). False: tax is added at the till (US). */
  pricesIncludeTax: z.boolean(),
  /** Basis points (20 % = 2000); the rate a new product starts with. Products keep their own. */
  defaultTaxRateBps: z.number().int().min(0).max(10_000),
  /** IANA zone that defines "a day" for voids and the day summary. */
  timeZone: z.string(),
  /** Printed at the foot of every receipt; lines separated by "\n"; may be empty. */
  receiptFooter: z.string(),
  /** BCP 47 locale of the screens and of dates, numbers and money ("en-GB", "de-DE"). */
  locale: z.string(),
  /**
   * The largest line or sale discount, in basis points (5000 = 50 %), that a member without
   * sales.discountOverride may give; 0..10000, default 5000 (M2).
   */
  maxDiscountBps: z.number().int().min(0).max(10_000),
  /** False until the store set-up after the first admin (`settings:setUpStore`) is done. */
  storeSetUp: z.boolean(),
  /**
   * Open the customer display (issue 10, section 4) full screen on a second monitor when the
   * till has one; default true. Turning it off closes the window at once.
   */
  customerDisplay: z.boolean(),
});
export type TillSettings = z.infer<typeof tillSettingsSchema>;

/** The store details the first-run set-up asks for; `settings:update` takes any of them too. */
const storeFields = {
  storeName: displayText(80),
  storeAddress: storeReceiptText,
  taxNumber: taxNumberSchema,
  country: countryCodeSchema,
  currency: currencyCodeSchema,
  pricesIncludeTax: z.boolean(),
  defaultTaxRateBps: taxRateBpsSchema,
  timeZone: timeZoneSchema,
  receiptFooter: storeReceiptText,
  locale: localeSchema,
};

export const settingsChannels = {
  'settings:get': defineChannel({
    summary: 'Read the till and store settings.',
    input: emptyInput,
    output: tillSettingsSchema,
    access: 'authenticated',
  }),
  'settings:update': defineChannel({
    summary:
      'Change any of: idle-lock minutes (1..15), store name, address and VAT number (printed on receipts), country (ISO 3166-1 alpha-2), currency (ISO 4217; CONFLICT once a sale exists), prices-include-tax, the default tax rate of new products (basis points), time zone (IANA), receipt footer, locale (BCP 47, English or German screens), the discount limit without an override (basis points 0..10000), whether the customer display opens on a second monitor. Bad values are VALIDATION_FAILED and change nothing. Compared with and written to the stored values inside one transaction; each change audited (L1).',
    input: z
      .strictObject({
        idleLockMinutes: z.number().int().min(1).max(15).optional(),
        storeName: storeFields.storeName.optional(),
        storeAddress: storeFields.storeAddress.optional(),
        taxNumber: storeFields.taxNumber.optional(),
        country: storeFields.country.optional(),
        currency: storeFields.currency.optional(),
        pricesIncludeTax: storeFields.pricesIncludeTax.optional(),
        defaultTaxRateBps: storeFields.defaultTaxRateBps.optional(),
        timeZone: storeFields.timeZone.optional(),
        receiptFooter: storeFields.receiptFooter.optional(),
        locale: storeFields.locale.optional(),
        maxDiscountBps: z.number().int().min(0).max(10_000).optional(),
        customerDisplay: z.boolean().optional(),
      })
      .refine((o) => Object.keys(o).length > 0, 'Change at least one setting'),
    output: tillSettingsSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'settings:setUpStore': defineChannel({
    summary:
      'First run, after the first admin: the store details all at once (name, address, VAT number, country, currency, whether prices include tax, default tax rate in basis points, time zone, receipt footer, locale), then marks the store as set up (`storeSetUp`). Validated like settings:update; CONFLICT when the store is already set up (change it in Settings) or the currency would change after a sale. One transaction; each change audited, plus `settings.store_set_up` (L1).',
    input: z.strictObject(storeFields),
    output: tillSettingsSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
} as const;

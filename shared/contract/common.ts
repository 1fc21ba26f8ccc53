/** Field schemas shared by several channels. Lengths are capped everywhere (F1). */
import { z } from 'zod';

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for text with no control or bidi-override characters and no lone surrogates. */
export function isCleanText(s: string): boolean {
  return !CONTROL_CHARS.test(s) && !LONE_SURROGATE.test(s);
}

/** Free text shown to people: trimmed, 1..max characters, no control or bidi-override characters. */
export const displayText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine(isCleanText, 'Contains characters that are not allowed');

/**
 * Lines printed on receipts (the store's address and footer, a printer's header and footer): at
 * most `maxLines` lines and `maxChars` characters in all, "\n" between lines. Line ends are
 * normalised to "\n", each line and the whole text trimmed; no control or bidi-override characters
 * in a line. Text over twice `maxChars` is refused before it is normalised (F1).
 */
export const receiptLinesSchema = (maxLines: number, maxChars: number) =>
  z
    .string()
    .max(maxChars * 2, `At most ${maxChars} characters`)
    .transform((s) =>
      s
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.trim())
        .join('\n')
        .trim(),
    )
    .pipe(
      z
        .string()
        .max(maxChars, `At most ${maxChars} characters`)
        .refine((s) => s.split('\n').length <= maxLines, `At most ${maxLines} lines`)
        .refine(
          (s) => s.split('\n').every(isCleanText),
          'Contains characters that are not allowed',
        ),
    );

/** A search box: trimmed, 0..max characters, no control characters (a NUL would cut a LIKE pattern short). */
export const searchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(
      (s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s),
      'Contains characters that are not allowed',
    );

/** Usernames: 3..32 characters of a-z, 0-9, dot, dash, underscore; stored lower-case. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'At least 3 characters')
  .max(32, 'At most 32 characters')
  .regex(/^[a-z0-9._-]+$/, 'Use letters, digits, dot, dash or underscore');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'At most 254 characters')
  .pipe(z.email('Enter a valid email address'));

/**
 * A phone number as typed: digits with optional +, spaces, dots, dashes, brackets; 4..15 digits.
 * The core normalises a customer's or member's to E.164 (shared/phone.ts).
 */
export const phoneSchema = z
  .string()
  .trim()
  .max(32, 'At most 32 characters')
  .regex(/^\+?[0-9 ().-]+$/, 'Use digits, spaces, +, (, ), . or -')
  .refine((p) => {
    const d = p.replace(/\D/g, '').length;
    return d >= 4 && d <= 15;
  }, 'Enter 4 to 15 digits');

/** An optional e-mail address (customers, suppliers): empty or missing becomes null. */
export const optionalEmail = z
  .union([z.literal(''), emailSchema])
  .nullish()
  .transform((e) => e || null);

/** An optional phone number as typed (customers, suppliers): empty or missing becomes null. */
export const optionalPhone = z
  .union([z.literal(''), phoneSchema])
  .nullish()
  .transform((p) => p || null);

/**
 * A password as typed. Only capped here; the policy (8..128 characters after NFKC, not a common
 * password; ASVS 6.2.1/6.2.4/6.2.5) is enforced by the auth service with code WEAK_PASSWORD.
 */
export const passwordSchema = z.string().min(1, 'Required').max(1024, 'Too long');

/** Username or email, as typed on the login screen. */
export const identifierSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Required')
  .max(254, 'Too long');

export const idSchema = z.number().int().positive().max(2_147_483_647);
export const byIdInput = z.strictObject({ id: idSchema });
export const emptyInput = z.strictObject({});
export const emptyOutput = z.strictObject({});

/**
 * A role's id (a row of `roles`): the seeded 'admin', 'manager', 'cashier', or a generated id
 * such as `r-3f9a0c1b7e2d`. 1..32 characters of a-z, 0-9, dash, underscore.
 */
export const roleIdSchema = z
  .string()
  .min(1, 'Required')
  .max(32, 'At most 32 characters')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Not a role id');
export const STAFF_STATUSES = ['pending', 'active', 'disabled'] as const;
export const staffStatusSchema = z.enum(STAFF_STATUSES);
export type StaffStatus = z.infer<typeof staffStatusSchema>;

/** An ISO-8601 UTC timestamp string, e.g. 2026-11-23T10:00:00.000Z. */
export const utcTimestamp = z.iso.datetime();

/** An amount in minor units (M1): a safe integer, never a float, never −0 (M2). */
export const minorAmount = z
  .number()
  .int()
  .refine(Number.isSafeInteger, 'Must be a whole number of minor units')
  .refine((n) => !Object.is(n, -0), 'Must not be −0');
/** A non-negative amount in minor units, capped at 10^11 (a whole sale of 100 lines at the cap). */
export const positiveAmount = minorAmount.pipe(z.number().min(0).max(100_000_000_000));
/** A quantity on a sale line: an integer 1..9999 (M2). */
export const quantitySchema = z.number().int().min(1).max(9_999);
/** A tax rate in basis points: 20 % = 2000; 0..10000. */
export const taxRateBpsSchema = z.number().int().min(0).max(10_000);
/**
 * An RFC 4122 UUID, generated by the client so a retried write cannot happen twice (D2). Hex
 * digits are case-insensitive (RFC 4122 §3), so it is canonicalised to lower case: a retry in
 * upper case is the same key. The database refuses any other (trigger `sales_uuid_lower_case`).
 */
export const uuidSchema = z.uuid().toLowerCase();
/** A calendar day in the store's time zone, YYYY-MM-DD. */
export const localDateSchema = z.iso.date();
/** A discount as entered: a fixed amount in minor units, or a percentage in basis points. */
export const discountSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('amount'), value: positiveAmount }),
  z.strictObject({ type: z.literal('percent'), bps: z.number().int().min(0).max(10_000) }),
]);
/** Optional free text: empty or missing becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(isCleanText, 'Contains characters that are not allowed')
    .nullish()
    .transform((s) => (s ? s : null));
/** A page of at most 100 rows after an offset. */
export const pageInput = {
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(1_000_000).default(0),
};

/**
 * What saving a file the core made answers (a Z report PDF, a report or a purchase order export):
 * its name and size, or `cancelled` when the save dialog was closed and nothing was written.
 */
export const savedFileSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('saved'),
    fileName: z.string(),
    bytes: z.number().int().positive(),
  }),
  /** The save dialog was closed without a file: nothing was written. */
  z.strictObject({ outcome: z.literal('cancelled') }),
]);
export type SavedFile = z.infer<typeof savedFileSchema>;

/** Field schemas shared by several channels. Lengths are capped everywhere (F1). */
import { z } from 'zod';
import { ROLE_IDS } from '../permissions';

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

export const roleIdSchema = z.enum(ROLE_IDS);
export const STAFF_STATUSES = ['pending', 'active', 'disabled'] as const;
export const staffStatusSchema = z.enum(STAFF_STATUSES);
export type StaffStatus = z.infer<typeof staffStatusSchema>;

/** An ISO-8601 UTC timestamp string, e.g. 2026-11-23T10:00:00.000Z. */
export const utcTimestamp = z.iso.datetime();

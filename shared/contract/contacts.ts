/**
 * Verified contacts (issue 9, section 4): a member proves they read their e-mail with a 6-digit
 * code. Codes are single use, valid 10 minutes, 5 wrong tries, at most one a minute and five an
 * hour; they are stored hashed. A change of address clears its verified status.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emailSchema, emptyInput, utcTimestamp } from './common';

/** Six digits as typed or pasted: spaces and dashes are dropped first ("123 456"). */
export const sixDigitCodeSchema = z
  .string()
  .max(32, 'Enter the 6-digit code')
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code'));

export const contactStatusSchema = z.strictObject({
  email: z.string(),
  /** UTC; null while the address is not verified. */
  emailVerifiedAt: utcTimestamp.nullable(),
  /** UTC; when the open code for this address stops working; null when none is open. */
  emailCodeExpiresAt: utcTimestamp.nullable(),
  /** False while e-mail is not set up on this till: no code can be sent. */
  mailAvailable: z.boolean(),
});
export type ContactStatus = z.infer<typeof contactStatusSchema>;

export const contactChannels = {
  'contacts:status': defineChannel({
    summary:
      "The signed-in member's e-mail address, when it was verified (UTC, or null), whether a code is open, and whether e-mail is set up.",
    input: emptyInput,
    output: contactStatusSchema,
    access: 'authenticated',
  }),
  'contacts:sendEmailCode': defineChannel({
    summary:
      "E-mail a 6-digit code to the member's own address (valid 10 minutes; replaces an older code once sent). Errors: CONFLICT (already verified), RATE_LIMITED (once a minute, five an hour), MAIL_NOT_CONFIGURED, MAIL_SEND_FAILED (nothing changed). Audited.",
    input: emptyInput,
    output: z.strictObject({ sentTo: z.string(), expiresAt: utcTimestamp }),
    access: 'authenticated',
  }),
  'contacts:verifyEmail': defineChannel({
    summary:
      'Check the e-mailed code; on success the address is verified (time recorded, UTC). Errors: CODE_INVALID (a try counted; the fifth ends the code), CODE_EXPIRED (none open, older than 10 minutes, used, or out of tries). Audited.',
    input: z.strictObject({ code: sixDigitCodeSchema }),
    output: z.strictObject({ emailVerifiedAt: utcTimestamp }),
    access: 'authenticated',
    writes: true,
  }),
  'contacts:changeEmail': defineChannel({
    summary:
      "Change the member's own e-mail address (a sign-in identifier, so it asks for the password again, S3); it is unverified until a new code is entered, and open codes end. Errors: CONFLICT (taken). Audited.",
    input: z.strictObject({ email: emailSchema }),
    output: contactStatusSchema,
    access: 'authenticated',
    reauth: true,
    writes: true,
  }),
} as const;

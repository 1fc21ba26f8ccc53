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
  /** The member's phone in E.164 (set on the profile), or null. */
  phone: z.string().nullable(),
  /** UTC; null while the phone is not verified. */
  phoneVerifiedAt: utcTimestamp.nullable(),
  /** UTC; when the open SMS code for this phone stops working; null when none is open. */
  phoneCodeExpiresAt: utcTimestamp.nullable(),
  /** False while SMS is not set up on this till: no phone code can be sent. */
  smsAvailable: z.boolean(),
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
  'contacts:sendPhoneCode': defineChannel({
    summary:
      "Ask the SMS provider to send a 6-digit code to the member's own phone (E.164; valid 10 minutes; replaces an older code once sent). Errors: CONFLICT (already verified), VALIDATION_FAILED on `phone` (no phone on the profile, or the provider refused the number), RATE_LIMITED (once a minute, five an hour), SMS_NOT_CONFIGURED, SMS_RATE_LIMITED, SMS_UNAVAILABLE (nothing changed). Audited.",
    input: emptyInput,
    output: z.strictObject({ sentTo: z.string(), expiresAt: utcTimestamp }),
    access: 'authenticated',
  }),
  'contacts:verifyPhone': defineChannel({
    summary:
      'Check the SMS code with the provider; on success the phone is verified (time recorded, UTC). Errors: CODE_INVALID (a try counted; the fifth ends the code), CODE_EXPIRED (none open, older than 10 minutes, used, or out of tries), SMS_NOT_CONFIGURED, SMS_UNAVAILABLE (the try is not counted, nothing changed). Audited.',
    input: z.strictObject({ code: sixDigitCodeSchema }),
    output: z.strictObject({ phoneVerifiedAt: utcTimestamp }),
    access: 'authenticated',
    writes: true,
  }),
} as const;

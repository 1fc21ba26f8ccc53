/**
 * Verified contacts (issue 9, section 4): a member proves they read their e-mail with a 6-digit
 * code. Codes are single use, valid 10 minutes, 5 wrong tries, at most one a minute and five an
 * hour; they are stored hashed. A change of address clears its verified status.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emailSchema, emptyInput, identifierSchema, utcTimestamp } from './common';

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

/**
 * The store's "verified before access" policy (issue 9, section 4): which verified contact a
 * member needs before a session can do more than verify. 'either' = e-mail or phone.
 */
export const VERIFICATION_POLICIES = ['none', 'email', 'phone', 'either'] as const;
export const verificationPolicySchema = z.enum(VERIFICATION_POLICIES);
export type VerificationPolicy = z.infer<typeof verificationPolicySchema>;

export const verificationPolicyViewSchema = z.strictObject({
  /** As the admin set it. */
  policy: verificationPolicySchema,
  /**
   * What is asked for now: the policy narrowed to the channels that are set up on this till
   * ('either' with only e-mail set up asks for e-mail; nothing set up asks for nothing), so a
   * mail server or SMS provider that is removed never shuts every member out.
   */
  inForce: z.enum(['none', 'email', 'phone', 'either']),
  mailAvailable: z.boolean(),
  smsAvailable: z.boolean(),
});
export type VerificationPolicyView = z.infer<typeof verificationPolicyViewSchema>;

export const contactChannels = {
  'contacts:status': defineChannel({
    summary:
      "The signed-in member's e-mail address, when it was verified (UTC, or null), whether a code is open, and whether e-mail is set up.",
    input: emptyInput,
    output: contactStatusSchema,
    access: 'authenticated',
    allowWhenUnverified: true,
  }),
  'contacts:sendEmailCode': defineChannel({
    summary:
      "E-mail a 6-digit code to the member's own address (valid 10 minutes; replaces an older code once sent). Errors: CONFLICT (already verified), RATE_LIMITED (once a minute, five an hour), MAIL_NOT_CONFIGURED, MAIL_SEND_FAILED (nothing changed). Audited.",
    input: emptyInput,
    output: z.strictObject({ sentTo: z.string(), expiresAt: utcTimestamp }),
    access: 'authenticated',
    allowWhenUnverified: true,
  }),
  'contacts:verifyEmail': defineChannel({
    summary:
      'Check the e-mailed code; on success the address is verified (time recorded, UTC). Errors: CODE_INVALID (a try counted; the fifth ends the code), CODE_EXPIRED (none open, older than 10 minutes, used, or out of tries). Audited.',
    input: z.strictObject({ code: sixDigitCodeSchema }),
    output: z.strictObject({ emailVerifiedAt: utcTimestamp }),
    access: 'authenticated',
    writes: true,
    allowWhenUnverified: true,
  }),
  'contacts:changeEmail': defineChannel({
    summary:
      "Change the member's own e-mail address (a sign-in identifier, so it asks for the password again, S3); it is unverified until a new code is entered, and open codes end. Errors: CONFLICT (taken). Audited.",
    input: z.strictObject({ email: emailSchema }),
    output: contactStatusSchema,
    access: 'authenticated',
    reauth: true,
    writes: true,
    allowWhenUnverified: true,
  }),
  'contacts:sendPhoneCode': defineChannel({
    summary:
      "Ask the SMS provider to send a 6-digit code to the member's own phone (E.164; valid 10 minutes; replaces an older code once sent). Errors: CONFLICT (already verified), VALIDATION_FAILED on `phone` (no phone on the profile, or the provider refused the number), RATE_LIMITED (once a minute, five an hour), SMS_NOT_CONFIGURED, SMS_RATE_LIMITED, SMS_UNAVAILABLE (nothing changed). Audited.",
    input: emptyInput,
    output: z.strictObject({ sentTo: z.string(), expiresAt: utcTimestamp }),
    access: 'authenticated',
    allowWhenUnverified: true,
  }),
  'contacts:verifyPhone': defineChannel({
    summary:
      'Check the SMS code with the provider; on success the phone is verified (time recorded, UTC). Errors: CODE_INVALID (a try counted; the fifth ends the code), CODE_EXPIRED (none open, older than 10 minutes, used, or out of tries), SMS_NOT_CONFIGURED, SMS_UNAVAILABLE (the try is not counted, nothing changed). Audited.',
    input: z.strictObject({ code: sixDigitCodeSchema }),
    output: z.strictObject({ phoneVerifiedAt: utcTimestamp }),
    access: 'authenticated',
    writes: true,
    allowWhenUnverified: true,
  }),
  'contacts:policy': defineChannel({
    summary:
      'The "verified before access" policy as set, and what it asks for now given which of e-mail and SMS are set up.',
    input: emptyInput,
    output: verificationPolicyViewSchema,
    access: 'staff.manage',
  }),
  'contacts:setPolicy': defineChannel({
    summary:
      "Set the \"verified before access\" policy (none / email / phone / either). Refused, changing nothing: MAIL_NOT_CONFIGURED for 'email' without e-mail set up, SMS_NOT_CONFIGURED for 'phone' without SMS, either code for 'either' with neither; VERIFICATION_REQUIRED when the admin's own contact does not meet the new policy (so no admin shuts themselves out). Members who do not meet it can, at their next call, only verify. Needs the password within 5 minutes (S3: it changes staff access). Audited with before and after (L1).",
    input: z.strictObject({ policy: verificationPolicySchema }),
    output: verificationPolicyViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'contacts:verifyRequest': defineChannel({
    summary:
      "Before sign-in: the 6-digit code sent for a request for access (`auth:requestAccess` answered `status: 'verify'`), with the request's username or e-mail. On success the request reaches the admins' pending list. Errors: CODE_INVALID (a try counted; the fifth ends the code), CODE_EXPIRED (no such request awaiting verification, none open, older than 10 minutes, used, or out of tries: one answer, so it does not tell who asked), SMS_UNAVAILABLE (phone codes; the try is not counted). Audited.",
    input: z.strictObject({ identifier: identifierSchema, code: sixDigitCodeSchema }),
    output: z.strictObject({ status: z.literal('pending') }),
    access: 'public',
    // No `writes`: the service checks in its own transactions (an SMS code asks the provider
    // between them, never under the write lock).
  }),
  'contacts:resendRequestCode': defineChannel({
    summary:
      'Before sign-in: send a new code for a request for access awaiting verification (once a minute, five an hour). Always answers the same `{ sent: true }` whether or not such a request exists (it does not tell who asked); RATE_LIMITED only for a request that exists. Audited.',
    input: z.strictObject({ identifier: identifierSchema }),
    output: z.strictObject({ sent: z.literal(true) }),
    access: 'public',
  }),
} as const;

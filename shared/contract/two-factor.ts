/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238; T1-T3 in
 * docs/security-requirements.md). Sign-in is two steps: `auth:login` checks the password and, for
 * an enrolled member, answers a pending second-factor state instead of a session; then
 * `twoFactor:signIn` takes the 6-digit code (or a recovery code) and starts the session.
 */
import { z } from 'zod';
import { sessionInfoSchema } from './auth';
import {
  emptyInput,
  emptyOutput,
  idSchema,
  passwordSchema,
  roleIdSchema,
  utcTimestamp,
} from './common';
import { defineChannel } from './define';

/**
 * A code as typed: 6 digits (spaces allowed, e.g. "123 456") or a recovery code
 * ("ABCD-EFGH-JKLM-NPQR", case and dashes ignored). The core decides which it is.
 */
export const twoFactorCodeSchema = z
  .string()
  .trim()
  .min(6, 'Enter the code')
  .max(40, 'Too long')
  .regex(/^[A-Za-z0-9 -]+$/, 'Letters, digits, spaces and dashes only');

/** The member's own two-factor state. */
export const twoFactorStatusSchema = z.strictObject({
  /** 2FA is on: sign-in asks for a code. */
  enrolled: z.boolean(),
  /** UTC; when 2FA was turned on; null when off. */
  enrolledAt: utcTimestamp.nullable(),
  /** Recovery codes not yet used (0..10). */
  recoveryCodesLeft: z.number().int().min(0).max(10),
  /** The member's role requires 2FA (policy per role). */
  requiredByRole: z.boolean(),
});

export const twoFactorChannels = {
  'twoFactor:status': defineChannel({
    summary:
      'Your own two-factor state: on or off, since when, recovery codes left, whether your role requires it.',
    input: emptyInput,
    output: twoFactorStatusSchema,
    access: 'authenticated',
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
  'twoFactor:startEnrolment': defineChannel({
    summary:
      'Start turning on 2FA: a new 160-bit seed (T3), stored encrypted with the data-protection key, not yet active. Answers the otpauth URI, a QR code (data: PNG) and the secret in groups of 4. CONFLICT when 2FA is already on; KEYCHAIN_UNAVAILABLE without an OS keychain.',
    input: emptyInput,
    output: z.strictObject({
      uri: z.string().max(500),
      qrDataUrl: z.string().startsWith('data:image/png;base64,').max(20_000),
      secretGroups: z.array(z.string().length(4)).length(8),
    }),
    access: 'authenticated',
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
    writes: true,
  }),
  'twoFactor:confirmEnrolment': defineChannel({
    summary:
      'Turn 2FA on with a current code from the app (T1). Answers the 10 single-use recovery codes, ONCE (stored hashed, T3). INVALID_CREDENTIALS on `code` for a wrong code; NOT_FOUND when no enrolment was started.',
    input: z.strictObject({ code: twoFactorCodeSchema }),
    output: z.strictObject({ recoveryCodes: z.array(z.string().max(24)).length(10) }),
    access: 'authenticated',
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
    writes: true,
  }),
  'twoFactor:remove': defineChannel({
    summary:
      'Turn your own 2FA off: needs your password and a current code (or a recovery code). Failures count towards the lockout (A4).',
    input: z.strictObject({ password: passwordSchema, code: twoFactorCodeSchema }),
    output: emptyOutput,
    access: 'authenticated',
    takesPassword: true,
    writes: true,
  }),
  'twoFactor:signIn': defineChannel({
    summary:
      'The second sign-in step after `auth:login` answered `secondFactor`: a current code (T1, T2: a used or earlier step is refused and audited as auth.totp_replay) or an unused recovery code. Failures count towards the lockout (A4). NOT_FOUND when no sign-in is waiting on this window (or it timed out after 5 minutes).',
    input: z.strictObject({ code: twoFactorCodeSchema }),
    output: sessionInfoSchema,
    access: 'public',
    takesPassword: true,
    allowWhenLocked: true,
    allowWhenPasswordChangeRequired: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
    writes: true,
  }),
  'twoFactor:reset': defineChannel({
    summary:
      "Admin: turn a member's 2FA off (lost phone), with re-authentication (S3). Ends the member's sessions; audited. NOT_FOUND for an unknown member.",
    input: z.strictObject({ staffId: idSchema }),
    output: emptyOutput,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'twoFactor:setRolePolicy': defineChannel({
    summary:
      'Admin: require 2FA for every member of a role (or not). A member of such a role who has not enrolled can only enrol after the password. Audited.',
    input: z.strictObject({ roleId: roleIdSchema, required: z.boolean() }),
    output: z.strictObject({ roleId: roleIdSchema, required: z.boolean() }),
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'twoFactor:rolePolicies': defineChannel({
    summary: 'Which roles require 2FA.',
    input: emptyInput,
    output: z.array(z.strictObject({ roleId: roleIdSchema, required: z.boolean() })),
    access: 'staff.view',
  }),
} as const;

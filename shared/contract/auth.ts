/** Set-up, sign-in, sessions and passwords. The few `public` channels are the ones used before sign-in. */
import { z } from 'zod';
import { ALL_PERMISSIONS, type Permission } from '../permissions';
import { integrityStatusSchema } from './audit';
import { defineChannel } from './define';
import {
  displayText,
  emailSchema,
  emptyInput,
  emptyOutput,
  idSchema,
  identifierSchema,
  passwordSchema,
  phoneSchema,
  roleIdSchema,
  usernameSchema,
  utcTimestamp,
} from './common';

/** What the renderer knows about the signed-in member. The session id itself never leaves the main process (S1). */
export const sessionInfoSchema = z.strictObject({
  staff: z.strictObject({
    id: idSchema,
    username: z.string(),
    displayName: z.string(),
    role: roleIdSchema,
    roleName: z.string(),
  }),
  permissions: z.array(z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]])),
  /** Idle-locked: only unlock, logout and session may be called (S2). */
  locked: z.boolean(),
  /** A temporary password is in use: only changePassword, logout and session may be called (R1). */
  mustChangePassword: z.boolean(),
  /**
   * The member's role requires 2FA and they have not enrolled: only the `twoFactor:` enrolment
   * channels, logout and session may be called (TWO_FACTOR_ENROLMENT_REQUIRED). Absent when false.
   */
  twoFactorEnrolmentRequired: z.literal(true).optional(),
  /**
   * The store's "verified before access" policy asks for a contact this member has not verified
   * (issue 9, section 4): which one ('either' = e-mail or phone). Until then only the channels
   * flagged `allowWhenUnverified` answer (VERIFICATION_REQUIRED). Absent when nothing is asked.
   */
  verificationRequired: z.enum(['email', 'phone', 'either']).optional(),
  /**
   * UTC; present only in a forced-change session that began less than 10 minutes ago: until then
   * `auth:changePassword` accepts the new password without the current one (R1).
   */
  changeWithoutCurrentUntil: utcTimestamp.optional(),
  /** Idle lock after this many minutes without activity (1..15). */
  idleLockMinutes: z.number().int().min(1).max(15),
  /** UTC; absolute end of the session, 12 hours after sign-in (S2). */
  expiresAt: utcTimestamp,
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

const newMemberInput = z.strictObject({
  username: usernameSchema,
  email: emailSchema,
  displayName: displayText(80),
  password: passwordSchema,
});

export const authChannels = {
  'app:status': defineChannel({
    summary:
      'Whether first-run set-up is needed, the till name, the store locale (BCP 47), whether the database is in safe mode, and the integrity state (D5, D9): why safe mode, the audit chain, the last full check.',
    input: emptyInput,
    output: z.strictObject({
      setupRequired: z.boolean(),
      terminalName: z.string(),
      /**
       * Where this till's data is: its own file (`local`) or a store server (`server`, issue 12).
       * First run offers joining a server only on a local till.
       */
      database: z.enum(['local', 'server']).optional(),
      safeMode: z.boolean(),
      /**
       * D7: whether the last write could be stored. After a failed write (disk full, I/O error)
       * `ok` is false, with the message to show and when it started (UTC), until a write
       * commits again.
       */
      storage: z.strictObject({
        ok: z.boolean(),
        /**
         * Why writes fail: the till's own disk (D7), or its store server cannot be reached
         * (issue 12, section 3: sales are paused until it answers again), or its store server
         * holds this till's sale for a synchronous standby that does not confirm it (`replica`:
         * the sale completes once the standby, or the admin, releases it; `since` is when its
         * COMMIT was sent).
         */
        reason: z.enum(['disk', 'server', 'replica']).optional(),
        message: z.string().max(300).optional(),
        since: utcTimestamp.optional(),
      }),
      integrity: integrityStatusSchema,
      /**
       * The store's BCP 47 locale, so the sign-in screen already speaks the store's language
       * (the core always sends it; a renderer without it uses en-GB).
       */
      locale: z.string().optional(),
      /**
       * Issue 12: an admin retired this till from its store server (`storeServer:retireTill`):
       * when (UTC) and by whom. Every other call answers TILL_RETIRED.
       */
      retired: z.strictObject({ at: utcTimestamp, by: z.string() }).optional(),
    }),
    access: 'public',
    activity: false,
    allowWhenLocked: true,
    allowWhenPasswordChangeRequired: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
  'setup:createAdmin': defineChannel({
    summary:
      'First run only: create the first admin and sign them in (A6). Refused once any staff exist.',
    input: newMemberInput,
    output: sessionInfoSchema,
    access: 'public',
    writes: true,
  }),
  'auth:session': defineChannel({
    summary: 'The current session of this window, or null.',
    input: emptyInput,
    output: z.strictObject({ session: sessionInfoSchema.nullable() }),
    access: 'public',
    activity: false,
    allowWhenLocked: true,
    allowWhenPasswordChangeRequired: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
  'auth:login': defineChannel({
    summary:
      'Sign in by username or email and password (A1-A5). Replaces any session of this window. For a member with 2FA on, answers `secondFactor` instead of a session: no session exists until `twoFactor:signIn` takes a code (T1).',
    input: z.strictObject({ identifier: identifierSchema, password: passwordSchema }),
    output: z.union([
      sessionInfoSchema,
      z.strictObject({
        /** 2FA is on: send the code with `twoFactor:signIn`. */
        secondFactor: z.literal('totp'),
        /** UTC; the code step must be finished before this (5 minutes). */
        until: utcTimestamp,
      }),
    ]),
    access: 'public',
    takesPassword: true,
    allowWhenLocked: true,
    allowWhenPasswordChangeRequired: true,
    writes: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
  'auth:requestAccess': defineChannel({
    summary:
      "Ask for access: creates a pending Cashier that an admin must approve (A7: role and status cannot be chosen). When the store's \"verified before access\" policy is in force (issue 9, section 4), the request first verifies: it answers `status: 'verify'` and a 6-digit code goes to the e-mail (or, when only the phone counts, to `phone`, then required: VALIDATION_FAILED on `phone` without it); the request reaches the admins' pending list only after `contacts:verifyRequest`. A code that could not be sent answers `sent: false` (ask again with `contacts:resendRequestCode`).",
    input: newMemberInput.extend({ phone: phoneSchema.optional() }),
    output: z.union([
      z.strictObject({ status: z.literal('pending') }),
      z.strictObject({
        status: z.literal('verify'),
        /** Where the code went. */
        channel: z.enum(['email', 'phone']),
        /** The address or number, partly masked ("a•••@shop.example", "+44 •••• ••• 123"). */
        sentTo: z.string(),
        /** False when the mail server or SMS provider could not take the code. */
        sent: z.boolean(),
        /** UTC; when the code stops working; null when none was sent. */
        expiresAt: utcTimestamp.nullable(),
      }),
    ]),
    access: 'public',
    // No `writes`: the service commits the request, then sends the code outside any transaction.
  }),
  'auth:logout': defineChannel({
    summary: "End this window's session (S3).",
    input: emptyInput,
    output: emptyOutput,
    access: 'authenticated',
    allowWhenLocked: true,
    allowWhenPasswordChangeRequired: true,
    writes: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
  'auth:lock': defineChannel({
    summary: 'Lock the till now; unlock with the password.',
    input: emptyInput,
    output: sessionInfoSchema,
    access: 'authenticated',
    allowWhenPasswordChangeRequired: true,
    writes: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
  'auth:unlock': defineChannel({
    summary:
      "Unlock an idle-locked session with the member's password; failures count towards lockout (A4).",
    input: z.strictObject({ password: passwordSchema }),
    output: sessionInfoSchema,
    access: 'authenticated',
    takesPassword: true,
    allowWhenLocked: true,
    writes: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
  'auth:activity': defineChannel({
    summary: 'Report user activity so the idle lock restarts its count (S2).',
    input: emptyInput,
    output: z.strictObject({ idleLocksAt: utcTimestamp }),
    access: 'authenticated',
    allowWhenPasswordChangeRequired: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
  'auth:reauthenticate': defineChannel({
    summary:
      'Enter the password again before a sensitive action (S3); replaces the session id (S1).',
    input: z.strictObject({ password: passwordSchema }),
    output: sessionInfoSchema,
    access: 'authenticated',
    takesPassword: true,
    writes: true,
    allowWhenUnverified: true,
  }),
  'auth:changePassword': defineChannel({
    summary:
      'Change your own password (re-authenticates); ends your other sessions (S3). `currentPassword` may be left out only in a forced-change session that began less than 10 minutes ago (R1; VALIDATION_FAILED on `currentPassword` otherwise).',
    input: z.strictObject({
      currentPassword: passwordSchema.optional(),
      newPassword: passwordSchema,
    }),
    output: sessionInfoSchema,
    access: 'authenticated',
    allowWhenPasswordChangeRequired: true,
    writes: true,
    allowWhenTwoFactorEnrolmentRequired: true,
    allowWhenUnverified: true,
  }),
} as const;

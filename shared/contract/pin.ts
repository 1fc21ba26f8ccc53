/**
 * Till PIN and quick switch (issue 9, section 5). A PIN is 4 to 8 digits, stored hashed (bcrypt,
 * its own salt). It only RESUMES: it unlocks the locked session of the member who locked it, or
 * lets a member who signed in with the full password on this till in the last 12 hours take the
 * till back. A new shift needs the password; a PIN never counts as re-authentication (S3): after a
 * PIN, a sensitive action asks for the password. 5 wrong PINs in a row disable the member's PIN
 * until their next password sign-in. Everything is audited (L1).
 */
import { z } from 'zod';
import { sessionInfoSchema } from './auth';
import { defineChannel } from './define';
import { emptyInput, idSchema, passwordSchema, utcTimestamp } from './common';

/** 4 to 8 digits (ASCII 0-9 only: a till keypad, the same on every keyboard layout). */
export const pinSchema = z.string().regex(/^[0-9]{4,8}$/, 'Use 4 to 8 digits');

/** Wrong PINs in a row that disable a member's PIN until their next password sign-in. */
export const MAX_PIN_FAILURES = 5;

export const pinStatusSchema = z.strictObject({
  /** The member has a PIN. */
  set: z.boolean(),
  /** UTC; set while the PIN is disabled after 5 wrong entries (sign in with the password). */
  disabledAt: utcTimestamp.nullable(),
  /** UTC; when the PIN was set, or null. */
  updatedAt: utcTimestamp.nullable(),
});
export type PinStatus = z.infer<typeof pinStatusSchema>;

/** A member who may take this till with their PIN now. */
export const switchMemberSchema = z.strictObject({
  id: idSchema,
  displayName: z.string(),
  username: z.string(),
  /** The member whose session this window holds now. */
  current: z.boolean(),
});
export type SwitchMember = z.infer<typeof switchMemberSchema>;

export const pinChannels = {
  'pin:status': defineChannel({
    summary: 'Whether you have a till PIN, and whether it is disabled (5 wrong entries).',
    input: emptyInput,
    output: pinStatusSchema,
    access: 'authenticated',
  }),
  'pin:set': defineChannel({
    summary:
      'Set or replace your till PIN (4-8 digits; not one digit repeated, not a straight run) with your password (a wrong password counts towards lockout, A4). Re-enables a disabled PIN. Errors: INVALID_CREDENTIALS (on `password`), ACCOUNT_LOCKED, VALIDATION_FAILED (on `pin`).',
    input: z.strictObject({ password: passwordSchema, pin: pinSchema }),
    output: pinStatusSchema,
    access: 'authenticated',
    takesPassword: true,
    writes: true,
  }),
  'pin:clear': defineChannel({
    summary: 'Remove your till PIN: from then on only the password unlocks the till.',
    input: emptyInput,
    output: pinStatusSchema,
    access: 'authenticated',
    writes: true,
  }),
  'pin:unlock': defineChannel({
    summary:
      "Unlock this window's locked session with the PIN of the member who locked it. Does not count as re-authentication (S3). Errors: PIN_INVALID (a wrong PIN; 5 in a row disable it), PIN_DISABLED, PIN_UNAVAILABLE (no PIN set), ACCOUNT_LOCKED.",
    input: z.strictObject({ pin: pinSchema }),
    output: sessionInfoSchema,
    access: 'authenticated',
    allowWhenLocked: true,
    takesPassword: true,
    writes: true,
  }),
  'pin:members': defineChannel({
    summary:
      'The members who may take this till with their PIN now: signed in with the full password on THIS till within the last 12 hours, still active, sessions not ended since, with a PIN that is not disabled. Reads memory and the staff rows.',
    input: emptyInput,
    output: z.array(switchMemberSchema),
    access: 'authenticated',
    allowWhenLocked: true,
    activity: false,
  }),
  'pin:switch': defineChannel({
    summary:
      "Quick switch: member `staffId` (one of pin:members) takes this window with their PIN; the current member's session ends on this window (they can come back the same way). The new session keeps the end time of the member's password sign-in (12 hours, S2) and is not re-authenticated (S3). Errors: PIN_INVALID, PIN_DISABLED, PIN_UNAVAILABLE (not signed in with the password on this till in the last 12 hours, sessions ended since, must change password, or no PIN), ACCOUNT_LOCKED.",
    input: z.strictObject({ staffId: idSchema, pin: pinSchema }),
    output: sessionInfoSchema,
    access: 'authenticated',
    allowWhenLocked: true,
    allowWhenPasswordChangeRequired: true,
    takesPassword: true,
    writes: true,
  }),
} as const;

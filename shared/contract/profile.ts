/**
 * The signed-in member's own profile (issue 9, section 3): their details, recent sign-ins and open
 * sessions. Every channel acts on the caller's own record only: none takes a member id.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import {
  displayText,
  emailSchema,
  emptyInput,
  idSchema,
  phoneSchema,
  utcTimestamp,
} from './common';

export const profileViewSchema = z.strictObject({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  /** E.164 ("+447700900123") when it parses in the store's country, else as typed; or null. */
  phone: z.string().nullable(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

/** How many recent sign-ins `profile:signIns` lists. */
export const PROFILE_SIGN_INS = 20;

export const signInViewSchema = z.strictObject({
  /** UTC. */
  at: utcTimestamp,
  /** The till's name. */
  terminal: z.string(),
  /** `success`; `failure` (wrong password); `denied` (locked, pending, disabled …). */
  outcome: z.enum(['success', 'failure', 'denied']),
  /** `auth.login`, or `auth.lockout` when the failures locked the account. */
  action: z.string(),
});
export type SignInView = z.infer<typeof signInViewSchema>;

export const openSessionViewSchema = z.strictObject({
  /** True for the session making this call. */
  current: z.boolean(),
  terminal: z.string(),
  /** UTC. */
  startedAt: utcTimestamp,
  /** UTC. */
  lastActivityAt: utcTimestamp,
  locked: z.boolean(),
});
export type OpenSessionView = z.infer<typeof openSessionViewSchema>;

export const profileChannels = {
  'profile:get': defineChannel({
    summary: "The caller's own username, display name, e-mail and phone.",
    input: emptyInput,
    output: profileViewSchema,
    access: 'authenticated',
    allowWhenUnverified: true,
  }),
  'profile:update': defineChannel({
    summary:
      "Change the caller's own display name, e-mail or phone ('' removes the phone; stored in E.164, read in the store's country). CONFLICT (issue on `email`) when another member has the e-mail. A changed e-mail or phone must be verified again (issue 9, section 4). Needs the password within 5 minutes (S3: the e-mail is a sign-in identifier). Audited as profile.update with before and after (L1).",
    input: z
      .strictObject({
        displayName: displayText(80).optional(),
        email: emailSchema.optional(),
        phone: z.union([z.literal(''), phoneSchema]).optional(),
      })
      .refine((o) => Object.keys(o).length > 0, 'Change at least one detail'),
    output: profileViewSchema,
    access: 'authenticated',
    reauth: true,
    writes: true,
    allowWhenUnverified: true,
  }),
  'profile:signIns': defineChannel({
    summary: `The caller's own ${PROFILE_SIGN_INS} most recent sign-in attempts from the audit log (time, till, outcome), newest first.`,
    input: emptyInput,
    output: z.strictObject({ items: z.array(signInViewSchema) }),
    access: 'authenticated',
  }),
  'profile:sessions': defineChannel({
    summary:
      "The caller's own open sessions on this till (the core's session registry), the current one first.",
    input: emptyInput,
    output: z.strictObject({ items: z.array(openSessionViewSchema) }),
    access: 'authenticated',
  }),
  'profile:endOtherSessions': defineChannel({
    summary:
      "End every session of the caller except this one, on every till sharing the database (A8: the member's session epoch moves on; this session keeps the new one). Audited as profile.end_other_sessions.",
    input: emptyInput,
    output: z.strictObject({ endedHere: z.number().int().min(0) }),
    access: 'authenticated',
    writes: true,
  }),
} as const;

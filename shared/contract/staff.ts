/** Staff administration channels. Admin-only by permission; see docs/ipc.md for the generated table. */
import { z } from 'zod';
import { defineChannel } from './define';
import {
  byIdInput,
  displayText,
  emailSchema,
  emptyInput,
  idSchema,
  roleIdSchema,
  searchText,
  staffStatusSchema,
  usernameSchema,
  utcTimestamp,
} from './common';

/**
 * A staff member as the renderer sees it. Never carries the password hash or any secret: the
 * strict output schema makes the router refuse to send extra keys.
 */
export const staffViewSchema = z.strictObject({
  id: idSchema,
  username: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: staffStatusSchema,
  /** True when an admin declined the access request (status is then `disabled`). */
  rejected: z.boolean(),
  role: roleIdSchema,
  roleName: z.string(),
  mustChangePassword: z.boolean(),
  failedLoginCount: z.number().int().nonnegative(),
  /** UTC; set while the account is locked out (A4). */
  lockedUntil: utcTimestamp.nullable(),
  lastLoginAt: utcTimestamp.nullable(),
  createdAt: utcTimestamp,
  updatedAt: utcTimestamp,
  /** UTC; when the member verified this e-mail address; null while unverified (issue 9). */
  emailVerifiedAt: utcTimestamp.nullable(),
  /** UTC; when the member verified their phone number; null while unverified (issue 9). */
  phoneVerifiedAt: utcTimestamp.nullable(),
});
export type StaffView = z.infer<typeof staffViewSchema>;

const temporaryPasswordOutput = z.strictObject({
  staff: staffViewSchema,
  /** Shown once to the admin; stored only as a hash; single use (R1). */
  temporaryPassword: z.string(),
  /** UTC; the temporary password stops working after this (at most 10 minutes). */
  temporaryPasswordExpiresAt: utcTimestamp,
});

export const staffChannels = {
  'staff:list': defineChannel({
    summary:
      'List staff, filtered by status and role, searched by name, username or email; newest first.',
    input: z.strictObject({
      status: staffStatusSchema.optional(),
      role: roleIdSchema.optional(),
      search: searchText(100).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: z.strictObject({
      items: z.array(staffViewSchema),
      total: z.number().int().nonnegative(),
    }),
    access: 'staff.view',
  }),
  'staff:pendingCount': defineChannel({
    summary:
      'How many access requests wait for a decision, for the Staff navigation badge. Polled, so it does not count as activity: it never keeps an unattended till from idle-locking (S2).',
    input: emptyInput,
    output: z.strictObject({ count: z.number().int().nonnegative() }),
    access: 'staff.view',
    activity: false,
  }),
  'staff:create': defineChannel({
    summary: 'Create a staff member with a temporary password; pending unless `approve` is true.',
    input: z.strictObject({
      username: usernameSchema,
      email: emailSchema,
      displayName: displayText(80),
      role: roleIdSchema,
      approve: z.boolean(),
    }),
    output: temporaryPasswordOutput,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'staff:update': defineChannel({
    summary: "Edit a member's username, email or display name.",
    input: z.strictObject({
      id: idSchema,
      username: usernameSchema.optional(),
      email: emailSchema.optional(),
      displayName: displayText(80).optional(),
    }),
    output: staffViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'staff:setRole': defineChannel({
    summary:
      "Change a member's role. LAST_ADMIN when no other active member would hold staff.manage and staff.approve; NOT_FOUND for an unknown role.",
    input: z.strictObject({ id: idSchema, role: roleIdSchema }),
    output: staffViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'staff:approve': defineChannel({
    summary:
      'Approve a pending member: they can sign in, with `role` if given (default: the role they have, Cashier for a request). Giving a different role also needs staff.manage (FORBIDDEN otherwise, A7); CONFLICT when not pending.',
    input: z.strictObject({ id: idSchema, role: roleIdSchema.optional() }),
    output: staffViewSchema,
    access: 'staff.approve',
    reauth: true,
    writes: true,
  }),
  'staff:reject': defineChannel({
    summary: 'Decline a pending access request: the member cannot sign in.',
    input: byIdInput,
    output: staffViewSchema,
    access: 'staff.approve',
    reauth: true,
    writes: true,
  }),
  'staff:disable': defineChannel({
    summary:
      'Disable a member and end their sessions. LAST_ADMIN when no other active member would hold staff.manage and staff.approve.',
    input: byIdInput,
    output: staffViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'staff:enable': defineChannel({
    summary: 'Re-enable a disabled or rejected member.',
    input: byIdInput,
    output: staffViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'staff:unlock': defineChannel({
    summary: 'Clear a lockout after too many failed sign-ins.',
    input: byIdInput,
    output: staffViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'staff:delete': defineChannel({
    summary: 'Delete a member with no history; one with history is disabled instead.',
    input: byIdInput,
    output: z.strictObject({
      outcome: z.enum(['deleted', 'disabled']),
      message: z.string(),
      staff: staffViewSchema.nullable(),
    }),
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'staff:resetPassword': defineChannel({
    summary:
      'Reset a password to a temporary one that must be changed at next sign-in; ends their sessions.',
    input: byIdInput,
    output: temporaryPasswordOutput,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'staff:endSessions': defineChannel({
    summary: "End all of a member's sessions on this till.",
    input: byIdInput,
    output: z.strictObject({ ended: z.number().int().nonnegative() }),
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
} as const;

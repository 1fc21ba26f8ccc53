/**
 * Roles you can edit (issue 9, section 2). Roles are rows; permissions stay in code
 * (shared/permissions.ts), since they are what the code checks (OWASP ASVS 8.2.1). Every change
 * needs staff.manage and the password again (S3: it changes staff rights), is audited with the
 * role before and after (L1), and takes effect on every session of the role's members at their
 * next call (A8). The built-in Admin role (`locked`) holds every permission and can be neither
 * edited nor deleted (ROLE_LOCKED). No change may leave the till without an active member holding
 * staff.manage and staff.approve (LAST_ADMIN), decided inside the write transaction.
 */
import { z } from 'zod';
import { ALL_PERMISSIONS, type Permission } from '../permissions';
import { defineChannel } from './define';
import { displayText, emptyInput, roleIdSchema, utcTimestamp } from './common';

const permissionSchema = z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]]);

/** A role's name: 1..40 characters of clean text, unique whatever its case (CONFLICT). */
export const roleNameSchema = displayText(40);

/** The permissions a role grants, in any order; a permission listed twice counts once (a set). */
const permissionList = z
  .array(permissionSchema)
  .max(ALL_PERMISSIONS.length)
  .transform((list) => [...new Set(list)]);

export const roleViewSchema = z.strictObject({
  id: roleIdSchema,
  name: z.string(),
  /** The built-in Admin role: every permission, read-only. */
  locked: z.boolean(),
  permissions: z.array(permissionSchema),
  /** Members with this role, in any status (the "Imported" pseudo-member is not counted). */
  memberCount: z.number().int().nonnegative(),
  createdAt: utcTimestamp,
  updatedAt: utcTimestamp,
});
export type RoleView = z.infer<typeof roleViewSchema>;

export const roleChannels = {
  'roles:list': defineChannel({
    summary:
      'List the roles with their permissions and member counts: locked (Admin) first, then by name.',
    input: emptyInput,
    output: z.array(roleViewSchema),
    access: 'staff.view',
  }),
  'roles:create': defineChannel({
    summary:
      'Create a role with a name and the permissions it grants. CONFLICT when the name is taken (any case).',
    input: z.strictObject({ name: roleNameSchema, permissions: permissionList }),
    output: roleViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'roles:update': defineChannel({
    summary:
      "Rename a role and/or replace its permissions; members' sessions follow at their next call. ROLE_LOCKED for Admin, NOT_FOUND, CONFLICT (name taken), LAST_ADMIN.",
    input: z.strictObject({
      id: roleIdSchema,
      name: roleNameSchema.optional(),
      permissions: permissionList.optional(),
    }),
    output: roleViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'roles:duplicate': defineChannel({
    summary:
      'Create a new role named `name` with the permissions of role `id` (Admin too: the copy is an ordinary role). NOT_FOUND, CONFLICT.',
    input: z.strictObject({ id: roleIdSchema, name: roleNameSchema }),
    output: roleViewSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
  'roles:delete': defineChannel({
    summary:
      'Delete a role. ROLE_IN_USE while it has members, unless `moveMembersTo` names another role: they are moved in the same transaction. ROLE_LOCKED for Admin, NOT_FOUND, LAST_ADMIN.',
    input: z.strictObject({ id: roleIdSchema, moveMembersTo: roleIdSchema.optional() }),
    output: z.strictObject({ moved: z.number().int().nonnegative() }),
    access: 'staff.manage',
    reauth: true,
    writes: true,
  }),
} as const;

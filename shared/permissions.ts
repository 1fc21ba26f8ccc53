/**
 * Permissions and built-in roles. Access checks look at permissions, never at role names
 * (OWASP ASVS 8.2.1). The seed migration writes these to `roles`, `permissions` and
 * `role_permissions`; a test checks the two stay the same.
 */

export const PERMISSIONS = {
  'staff.view': 'See the staff list',
  'staff.manage': 'Create, edit, disable, delete staff and reset their passwords',
  'staff.approve': 'Approve or reject access requests',
  'settings.manage': 'Change till settings such as the idle lock',
  'audit.view': 'Read the audit log',
  'sales.create': 'Ring up sales',
  'sales.void': 'Void a sale the same day',
  'sales.refund': 'Refund an earlier sale',
  'sales.annotate': "Change a completed sale's customer or note",
  'products.manage': 'Create and edit products',
  'customers.manage': 'Create and edit customers',
  'reports.view': 'See reports',
  'data.import': 'Import products, customers and sales history from files',
  'sales.discountOverride':
    'Give a discount above the store limit, or type the price of an open-price product',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_IDS = ['admin', 'manager', 'cashier'] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** True for one of {@link ROLE_IDS} (a select's value, which may be null). */
export const isRole = (value: string | null): value is RoleId =>
  (ROLE_IDS as readonly (string | null)[]).includes(value);

export interface RoleDefinition {
  id: RoleId;
  name: string;
  permissions: readonly Permission[];
}

/** Built-in roles. The role id is stable; the display name may be renamed later. */
export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  { id: 'admin', name: 'Admin', permissions: ALL_PERMISSIONS },
  {
    id: 'manager',
    name: 'Manager',
    permissions: [
      'staff.view',
      'audit.view',
      'sales.create',
      'sales.void',
      'sales.refund',
      'sales.annotate',
      'sales.discountOverride',
      'products.manage',
      'customers.manage',
      'reports.view',
    ],
  },
  { id: 'cashier', name: 'Cashier', permissions: ['sales.create', 'customers.manage'] },
];

/** The permission that makes a member count as an admin for the last-admin rule. */
export const ADMIN_PERMISSION: Permission = 'staff.manage';

export function permissionsOf(role: RoleId): readonly Permission[] {
  return BUILT_IN_ROLES.find((r) => r.id === role)?.permissions ?? [];
}

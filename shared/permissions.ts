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
  'cash.manage': 'Pay cash into or out of the drawer during a shift',
  'cash.noSale': 'Open the cash drawer without a sale',
  'shifts.close': 'Close a shift with a counted drawer and produce its Z report',
  'backups.manage': 'Make backups, change where they go, and restore the database from one',
  'stock.manage': 'Adjust stock, read the stock ledger and set reorder levels',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/**
 * A role's id: the key of a row in `roles`. The seeded roles keep 'admin', 'manager' and
 * 'cashier'; roles an admin creates get a generated id (core/roles). Never checked by name.
 */
export type RoleId = string;

/** The built-in Admin role: every permission, never edited or deleted (issue 9, section 2). */
export const ADMIN_ROLE_ID: RoleId = 'admin';

/** How the roles editor groups permissions (issue 9, section 2); every permission has one group. */
export const PERMISSION_GROUPS = {
  sales: ['sales.create', 'sales.void', 'sales.refund', 'sales.annotate', 'sales.discountOverride'],
  catalogue: ['products.manage', 'customers.manage', 'data.import', 'stock.manage'],
  reports: ['reports.view', 'audit.view'],
  staff: ['staff.view', 'staff.manage', 'staff.approve'],
  cash: ['shifts.close', 'cash.manage', 'cash.noSale'],
  settings: ['settings.manage', 'backups.manage'],
} as const satisfies Record<string, readonly Permission[]>;
export type PermissionGroup = keyof typeof PERMISSION_GROUPS;

export interface RoleDefinition {
  id: RoleId;
  name: string;
  permissions: readonly Permission[];
}

/**
 * The seeded roles, as the first migrations wrote them. Admin is locked; Manager and Cashier are
 * ordinary rows an admin may rename, edit or delete, so code never relies on them existing.
 */
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
      'cash.manage',
      'cash.noSale',
      'shifts.close',
      'stock.manage',
    ],
  },
  {
    id: 'cashier',
    name: 'Cashier',
    permissions: ['sales.create', 'customers.manage', 'shifts.close'],
  },
];

/**
 * The permissions that make a member count as an admin for the last-admin rule: at least one
 * active member always holds both, whatever their role is called (issue 9, section 2).
 */
export const ADMIN_PERMISSIONS: readonly Permission[] = ['staff.manage', 'staff.approve'];

/** The seeded permissions of a built-in role (what a fresh database holds); [] for any other id. */
export function permissionsOf(role: RoleId): readonly Permission[] {
  return BUILT_IN_ROLES.find((r) => r.id === role)?.permissions ?? [];
}

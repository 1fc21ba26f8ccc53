/**
 * The app's screens and the permissions that show them. Navigation lists only the screens the
 * member's permissions allow (access is by permission, never by role name); the main process
 * still checks every call.
 */
import type { Permission } from '../../../../shared/permissions';
import type { ScreenId } from '../../stores/navigation';

export interface NavItem {
  id: ScreenId;
  label: string;
  /** Shown when the member holds at least one of these. */
  anyOf: readonly Permission[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'checkout', label: 'Checkout', anyOf: ['sales.create'] },
  {
    id: 'transactions',
    label: 'Transactions',
    anyOf: ['sales.create', 'sales.void', 'sales.refund'],
  },
  { id: 'customers', label: 'Customers', anyOf: ['customers.manage'] },
  { id: 'products', label: 'Products', anyOf: ['products.manage'] },
  { id: 'reports', label: 'Reports', anyOf: ['reports.view'] },
  { id: 'data', label: 'Import data', anyOf: ['data.import'] },
  { id: 'staff', label: 'Staff', anyOf: ['staff.view'] },
  { id: 'settings', label: 'Settings', anyOf: ['settings.manage'] },
];

/** The navigation items `permissions` allow, in menu order. */
export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.anyOf.some((p) => permissions.includes(p)));
}

/** The screen to show: the chosen one if allowed, else the first allowed, else none. */
export function resolveScreen(
  chosen: ScreenId | null,
  allowed: readonly NavItem[],
): NavItem | null {
  return allowed.find((item) => item.id === chosen) ?? allowed[0] ?? null;
}

/**
 * The app's screens and the permissions that show them. Navigation lists only the screens the
 * member's permissions allow (access is by permission, never by role name); the main process
 * still checks every call.
 */
import type { Permission } from '../../../../shared/permissions';
import type { ScreenId } from '../../stores/navigation';

export interface NavItem {
  id: ScreenId;
  /** Catalogue key of the item's name, in the `shell` namespace (`t(item.label)`). */
  label: string;
  /** Shown when the member holds at least one of these. */
  anyOf: readonly Permission[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'checkout', label: 'nav.checkout', anyOf: ['sales.create'] },
  {
    id: 'transactions',
    label: 'nav.transactions',
    anyOf: ['sales.create', 'sales.void', 'sales.refund'],
  },
  { id: 'customers', label: 'nav.customers', anyOf: ['customers.manage'] },
  { id: 'products', label: 'nav.products', anyOf: ['products.manage'] },
  { id: 'reports', label: 'nav.reports', anyOf: ['reports.view'] },
  { id: 'data', label: 'nav.data', anyOf: ['data.import'] },
  { id: 'staff', label: 'nav.staff', anyOf: ['staff.view'] },
  { id: 'settings', label: 'nav.settings', anyOf: ['settings.manage'] },
];

/** The member's own profile (issue 9, item 3): every signed-in member has one, last in the menu. */
export const PROFILE_ITEM: NavItem = { id: 'profile', label: 'nav.profile', anyOf: [] };

/** The navigation items `permissions` allow, in menu order, then the profile. */
export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return [
    ...NAV_ITEMS.filter((item) => item.anyOf.some((p) => permissions.includes(p))),
    PROFILE_ITEM,
  ];
}

/**
 * The screen to show: the chosen one if allowed, else the first allowed work screen, else none
 * (the profile is opened only on purpose, so a member without screens is told so).
 */
export function resolveScreen(
  chosen: ScreenId | null,
  allowed: readonly NavItem[],
): NavItem | null {
  return (
    allowed.find((item) => item.id === chosen) ??
    allowed.find((item) => item !== PROFILE_ITEM) ??
    null
  );
}

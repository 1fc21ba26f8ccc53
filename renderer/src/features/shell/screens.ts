/**
 * The app's screens, each loaded on demand as its own chunk (issue 8, item 23). The shell
 * preloads the ones the member may open right after sign-in, so the till never waits for code
 * mid-sale; the sign-in screen does not carry them.
 */
import { lazyScreen, type LazyScreen } from '../../components/lazy-screen';
import type { ScreenId } from '../../stores/navigation';

/** Every screen of the shell, by id. */
export const SCREENS: Record<ScreenId, LazyScreen<object>> = {
  checkout: lazyScreen(() => import('../checkout/CheckoutScreen').then((m) => m.CheckoutScreen)),
  transactions: lazyScreen(() =>
    import('../transactions/TransactionsScreen').then((m) => m.TransactionsScreen),
  ),
  customers: lazyScreen(() =>
    import('../customers/CustomersScreen').then((m) => m.CustomersScreen),
  ),
  products: lazyScreen(() => import('../products/ProductsScreen').then((m) => m.ProductsScreen)),
  reports: lazyScreen(() => import('../reports/ReportsScreen').then((m) => m.ReportsScreen)),
  data: lazyScreen(() => import('../data-import/DataImportScreen').then((m) => m.DataImportScreen)),
  staff: lazyScreen(() => import('../staff/StaffScreen').then((m) => m.StaffScreen)),
  settings: lazyScreen(() => import('../settings/SettingsScreen').then((m) => m.SettingsScreen)),
  profile: lazyScreen(() => import('../profile/ProfileScreen').then((m) => m.ProfileScreen)),
};

/** Fetches the code of `ids` (default: every screen) ahead of time. */
export function preloadScreens(ids: readonly ScreenId[] = Object.keys(SCREENS) as ScreenId[]) {
  return Promise.all(ids.map((id) => SCREENS[id].preload()));
}

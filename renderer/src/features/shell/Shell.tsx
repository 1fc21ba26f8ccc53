import { useState } from 'react';
import { IntegrityBanner } from '../../components/IntegrityBanner';
import { SafeModeBanner } from '../../components/SafeModeBanner';
import { StorageBanner } from '../../components/StorageBanner';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { ChangePasswordModal } from '../change-password/ChangePasswordModal';
import { CheckoutScreen } from '../checkout/CheckoutScreen';
import { CustomersScreen } from '../customers/CustomersScreen';
import { DataImportScreen } from '../data-import/DataImportScreen';
import { ProductsScreen } from '../products/ProductsScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { TransactionsScreen } from '../transactions/TransactionsScreen';
import { NothingToShow } from '../placeholders/NothingToShow';
import { ReauthDialog } from '../reauth/ReauthDialog';
import { SettingsScreen } from '../settings/SettingsScreen';
import { StoreSetupBanner } from '../setup/StoreSetupBanner';
import { StaffScreen } from '../staff/StaffScreen';
import { type NavItem, resolveScreen, visibleNavItems } from './navigation';
import { ShellHeader } from './ShellHeader';
import { ShellNav } from './ShellNav';

/** The signed-in app: header, navigation by permission, the current screen, and shared dialogs. */
export function Shell() {
  const permissions = useSessionStore((s) => s.session?.permissions);
  const chosen = useNavigationStore((s) => s.screen);
  const go = useNavigationStore((s) => s.go);
  const [changingPassword, setChangingPassword] = useState(false);
  const items = visibleNavItems(permissions ?? []);
  const current = resolveScreen(chosen, items);

  return (
    <div className="k-shell">
      <ShellHeader onChangePassword={() => setChangingPassword(true)} />
      {items.length > 0 && <ShellNav items={items} current={current?.id ?? null} onSelect={go} />}
      <main className="k-shell-main">
        <SafeModeBanner />
        <StorageBanner />
        <IntegrityBanner />
        <StoreSetupBanner />
        <ScreenOutlet item={current} />
      </main>
      <ChangePasswordModal opened={changingPassword} onClose={() => setChangingPassword(false)} />
      <ReauthDialog />
    </div>
  );
}

function ScreenOutlet({ item }: { item: NavItem | null }) {
  if (!item) return <NothingToShow />;
  switch (item.id) {
    case 'checkout':
      return <CheckoutScreen />;
    case 'transactions':
      return <TransactionsScreen />;
    case 'customers':
      return <CustomersScreen />;
    case 'products':
      return <ProductsScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'data':
      return <DataImportScreen />;
    case 'staff':
      return <StaffScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

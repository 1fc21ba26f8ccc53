import { NavLink } from '@mantine/core';
import {
  IconChartBar,
  IconDatabaseImport,
  IconPackage,
  IconReceipt,
  IconSettings,
  IconShoppingCart,
  IconUsers,
  IconUserCircle,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ScreenId } from '../../stores/navigation';
import { StaffNavBadge } from '../staff/StaffNavBadge';
import { StockNavBadge } from '../stock/StockNavBadge';
import type { NavItem } from './navigation';

const ICONS: Record<ScreenId, Icon> = {
  checkout: IconShoppingCart,
  customers: IconUsers,
  products: IconPackage,
  transactions: IconReceipt,
  reports: IconChartBar,
  staff: IconUsersGroup,
  data: IconDatabaseImport,
  settings: IconSettings,
  profile: IconUserCircle,
};

export interface ShellNavProps {
  items: readonly NavItem[];
  current: ScreenId | null;
  onSelect: (screen: ScreenId) => void;
}

/**
 * The side navigation: one large button per allowed screen. On a narrow screen it becomes a rail
 * of icons (app.css); each label stays in the accessibility tree and shows as a native tooltip.
 */
export function ShellNav({ items, current, onSelect }: ShellNavProps) {
  const { t } = useTranslation('shell');
  return (
    <nav className="k-shell-nav" aria-label={t('nav.label')}>
      {items.map((item) => {
        const ItemIcon = ICONS[item.id];
        const label = t(item.label);
        return (
          <NavLink
            key={item.id}
            component="button"
            type="button"
            label={label}
            title={label}
            leftSection={<ItemIcon size={22} stroke={1.7} />}
            rightSection={
              item.id === 'staff' ? (
                <StaffNavBadge />
              ) : item.id === 'products' ? (
                <StockNavBadge />
              ) : undefined
            }
            active={item.id === current}
            aria-current={item.id === current ? 'page' : undefined}
            onClick={() => onSelect(item.id)}
            className="k-nav-link"
          />
        );
      })}
    </nav>
  );
}

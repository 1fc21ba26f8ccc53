import { Badge, VisuallyHidden } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../../stores/navigation';
import { can, useSessionStore } from '../../stores/session';
import { useStockStore } from './stock-store';

/**
 * The count of products at or under their reorder level, on the Products navigation item
 * (issue 11, section 2), for members with stock.manage. Read on mount and whenever the member
 * moves to another screen (after ringing up sales, say), never on a timer, so the badge cannot
 * keep an unattended till from idle-locking (S2); adjustments refresh it through the stock store.
 * Renders nothing at 0; the
 * number is read as words ("3 products low on stock") as part of the button's name.
 */
export function StockNavBadge() {
  const { t } = useTranslation('stock');
  const allowed = useSessionStore((s) => can(s.session, 'stock.manage'));
  const count = useStockStore((s) => s.lowCount);
  const loadLow = useStockStore((s) => s.loadLow);
  const screen = useNavigationStore((s) => s.screen);
  useEffect(() => {
    if (allowed) void loadLow();
  }, [allowed, loadLow, screen]);
  if (!allowed || count === 0) return null;
  return (
    <>
      <Badge color="orange" variant="filled" autoContrast circle size="lg" aria-hidden>
        {count}
      </Badge>
      <VisuallyHidden>{t('nav.low', { count })}</VisuallyHidden>
    </>
  );
}

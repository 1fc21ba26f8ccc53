import { useEffect, useState } from 'react';
import type { ProductView } from '../../../../shared/contract';
import { can, useSessionStore } from '../../stores/session';
import type { StockTarget } from './AdjustStockModal';
import { useStockStore } from './stock-store';

/**
 * What the Products screen shows of stock (issue 11, section 2), for members with stock.manage:
 * loads the on-hand of the rows on screen; `target` is the product whose Stock dialog the table
 * (or the low-stock list) asked for, shown by the Stock menu (StockMenu.tsx).
 */
export function useProductStock(items: readonly ProductView[]) {
  const allowed = useSessionStore((s) => can(s.session, 'stock.manage'));
  const loadLevels = useStockStore((s) => s.loadLevels);
  const [target, setTarget] = useState<StockTarget | null>(null);
  useEffect(() => {
    if (allowed) void loadLevels(items.filter((p) => p.kind === 'stock').map((p) => p.id));
  }, [allowed, items, loadLevels]);
  return { allowed, target, open: (p: StockTarget) => setTarget(p), close: () => setTarget(null) };
}

import { Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { can, useSessionStore } from '../../stores/session';
import { AdjustStockModal, type StockTarget } from './AdjustStockModal';
import { LowStockModal } from './LowStockModal';
import { useStockStore } from './stock-store';
import { StockTakeButton } from './StockTakeButton';

/**
 * What the Products screen shows of stock (issue 11, section 2), for members with stock.manage:
 * loads the on-hand of the rows on screen, and offers the "Low stock" button with its list and
 * the Stock dialog. `opened` is the product whose Stock dialog the table asked for.
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

/** The "Low stock (n)" button and the two dialogs; nothing without stock.manage. */
export function ProductStockControls({ stock }: { stock: ReturnType<typeof useProductStock> }) {
  const { t } = useTranslation('stock');
  const lowCount = useStockStore((s) => s.lowCount);
  const [listOpen, setListOpen] = useState(false);
  if (!stock.allowed) return null;
  return (
    <>
      <StockTakeButton />
      <Button
        variant={lowCount > 0 ? 'light' : 'default'}
        color={lowCount > 0 ? 'orange.9' : undefined}
        leftSection={<IconAlertTriangle size={20} />}
        onClick={() => setListOpen(true)}
      >
        {t('low.button', { count: lowCount })}
      </Button>
      <LowStockModal
        opened={listOpen}
        onClose={() => setListOpen(false)}
        onOpen={(p) => {
          setListOpen(false);
          stock.open(p);
        }}
      />
      <AdjustStockModal product={stock.target} onClose={stock.close} />
    </>
  );
}

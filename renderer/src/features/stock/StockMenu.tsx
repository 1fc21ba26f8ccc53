import { Badge, Button, Menu, VisuallyHidden } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBuildingWarehouse,
  IconChevronDown,
  IconClipboardList,
  IconFileInvoice,
  IconTruck,
  IconTruckDelivery,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { PurchaseOrdersDialog } from '../receiving/PurchaseOrdersDialog';
import { ReceiveStockDialog } from '../receiving/ReceiveStockDialog';
import { SuppliersDialog } from '../receiving/SuppliersDialog';
import { AdjustStockModal } from './AdjustStockModal';
import { LowStockModal } from './LowStockModal';
import type { useProductStock } from './ProductStock';
import { useStockStore } from './stock-store';
import { StockTakeModal } from './StockTakeModal';

type Dialog = 'receive' | 'take' | 'orders' | 'suppliers' | 'low';

/**
 * The Products screen's one "Stock" menu (issue 11, sections 2 and 3; stock.manage), so the header
 * fits at 1024 px in every language: Receive stock, Stock take, Purchase orders, Suppliers and
 * Low stock (n), each opening its dialog, and the Stock dialog of one product. The button shows
 * the low-stock count as a badge. Nothing without stock.manage.
 */
export function StockMenu({
  stock,
  products,
}: {
  stock: ReturnType<typeof useProductStock>;
  products: readonly ProductView[];
}) {
  const { t } = useTranslation('stock');
  const lowCount = useStockStore((s) => s.lowCount);
  const [open, setOpen] = useState<Dialog | null>(null);
  if (!stock.allowed) return null;
  const close = () => setOpen(null);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBuildingWarehouse size={20} />}
            rightSection={
              <>
                {lowCount > 0 && (
                  <Badge color="orange" c="orange.9" variant="light" mr={4} aria-hidden>
                    {lowCount}
                  </Badge>
                )}
                <IconChevronDown size={16} />
              </>
            }
          >
            {t('menu.button')}
            {lowCount > 0 && (
              <VisuallyHidden component="span">
                , {t('nav.low', { count: lowCount })}
              </VisuallyHidden>
            )}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconTruckDelivery size={18} />}
            onClick={() => setOpen('receive')}
          >
            {t('receiving:receive.button')}
          </Menu.Item>
          <Menu.Item leftSection={<IconClipboardList size={18} />} onClick={() => setOpen('take')}>
            {t('take.button')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileInvoice size={18} />} onClick={() => setOpen('orders')}>
            {t('receiving:po.title')}
          </Menu.Item>
          <Menu.Item leftSection={<IconTruck size={18} />} onClick={() => setOpen('suppliers')}>
            {t('receiving:suppliers.button')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconAlertTriangle size={18} />}
            color={lowCount > 0 ? 'orange.9' : undefined}
            onClick={() => setOpen('low')}
          >
            {t('low.button', { count: lowCount })}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ReceiveStockDialog opened={open === 'receive'} onClose={close} products={products} />
      <StockTakeModal opened={open === 'take'} onClose={close} />
      <PurchaseOrdersDialog opened={open === 'orders'} onClose={close} />
      <SuppliersDialog opened={open === 'suppliers'} onClose={close} />
      <LowStockModal
        opened={open === 'low'}
        onClose={close}
        onOpen={(p) => {
          close();
          stock.open(p);
        }}
      />
      <AdjustStockModal product={stock.target} onClose={stock.close} />
    </>
  );
}

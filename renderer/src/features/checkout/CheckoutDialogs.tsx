import type { ProductView } from '../../../../shared/contract';
import { notifySuccess } from '../../components/notify';
import { t } from '../../i18n';
import { useCartStore } from '../../stores/cart';
import { useParkedStore } from '../../stores/parked';
import { can, useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { lineName } from './CartTable';
import { DiscountModal, type DiscountTarget } from './DiscountModal';
import { NewCustomerModal } from './NewCustomerModal';
import { ParkedSalesModal, ParkSaleModal } from './ParkModals';
import { PriceModal } from './PriceModal';
import { ShortcutsModal } from './ShortcutsModal';
import { TenderDialog } from './TenderDialog';
import type { HeldKey } from './useHeldKeys';
import type { CheckoutDialog } from './useSaleDialog';

/** The discount dialog's target: line `index`, or the sale when null. */
function discountTarget(index: number | null): DiscountTarget | null {
  const cart = useCartStore.getState();
  if (index === null)
    return {
      title: t('checkout:discount.saleTitle'),
      current: cart.discount,
      apply: (d) => useCartStore.getState().setDiscount(d),
    };
  const line = cart.lines[index];
  if (!line) return null;
  return {
    title: t('checkout:discount.lineTitle', { name: lineName(line) }),
    current: line.discount,
    apply: (d) => useCartStore.getState().setLineDiscount(index, d),
  };
}

/** Every checkout dialog; `current` (from useSaleDialog) says which one is open. */
export function CheckoutDialogs({
  current,
  close,
  currency,
  exponent,
  openPriced,
  lineDiscount,
  onScan,
  takeTypedAhead,
}: {
  current: CheckoutDialog | null;
  close: () => void;
  currency: string;
  exponent: number;
  openPriced: ProductView | null;
  lineDiscount: number | null;
  onScan: (code: string) => void;
  /** The keys typed after the pay key, for the payment dialog (usePayTypeAhead.ts). */
  takeTypedAhead: () => HeldKey[];
}) {
  const session = useSessionStore((s) => s.session);
  const settings = useSettingsStore((s) => s.settings);
  const quote = useCartStore((s) => s.quote);
  const lines = useCartStore((s) => s.lines.length);
  const parked = useParkedStore();
  const paying = (current === 'pay' || current === 'payCard') && quote !== null;
  return (
    <>
      <TenderDialog
        opened={paying}
        total={quote?.total ?? 0}
        currency={currency}
        exponent={exponent}
        startWithCard={current === 'payCard'}
        onClose={close}
        onScan={onScan}
        takeTypedAhead={takeTypedAhead}
      />
      <ParkSaleModal
        opened={current === 'park'}
        onClose={close}
        onPark={async (label) => {
          const failed = await parked.park(label);
          if (!failed) {
            notifySuccess(
              label.trim()
                ? t('checkout:park.doneLabelled', { label: label.trim() })
                : t('checkout:park.done'),
            );
            close();
          }
          return failed;
        }}
      />
      <ParkedSalesModal
        opened={current === 'parked'}
        parked={parked.items}
        error={parked.error}
        currentItems={lines}
        onClose={close}
        onResume={async (p, parkCurrent) => {
          if (!(await parked.resume(p, parkCurrent))) close();
        }}
        onDiscard={async (p) => {
          await parked.discard(p);
        }}
      />
      <NewCustomerModal
        opened={current === 'customer'}
        onClose={close}
        onCreated={(c) => {
          useCartStore.getState().setCustomer({ id: c.id, name: c.name });
          notifySuccess(t('checkout:customer.created', { name: c.name }));
          close();
        }}
      />
      <DiscountModal
        target={current === 'discount' ? discountTarget(lineDiscount) : null}
        currency={currency}
        exponent={exponent}
        limitBps={
          can(session, 'sales.discountOverride') ? null : (settings?.maxDiscountBps ?? null)
        }
        onClose={close}
      />
      <PriceModal
        product={current === 'price' ? openPriced : null}
        currency={currency}
        exponent={exponent}
        onPrice={(price) => {
          if (openPriced) useCartStore.getState().addProduct(openPriced, price);
          close();
        }}
        onClose={close}
      />
      <ShortcutsModal opened={current === 'shortcuts'} onClose={close} />
    </>
  );
}

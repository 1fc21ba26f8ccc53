import { Alert, Stack } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { currencyExponent } from '../../../../shared/money';
import { notifyError } from '../../components/notify';
import { useCartStore } from '../../stores/cart';
import { useParkedStore } from '../../stores/parked';
import { can, useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { CartArea } from './CartArea';
import { CheckoutHeader } from './CheckoutHeader';
import { CheckoutDialogs } from './CheckoutDialogs';
import { CheckoutSide } from './CheckoutSide';
import { CompletedSale } from './CompletedSale';
import { PrintStatusBanner } from '../printers/PrintStatusBanner';
import { ScanField } from './ScanField';
import { ShiftBar } from '../shifts/ShiftBar';
import { useCheckoutShortcuts } from './useCheckoutShortcuts';
import { usePayRequest } from './usePayRequest';
import { useDialogTypeAhead } from './useDialogTypeAhead';
import { usePayTypeAhead } from './usePayTypeAhead';
import { useSaleDialog } from './useSaleDialog';
import { useScanQueue } from './useScanQueue';
import { useStrayScanKeys } from './useStrayScanKeys';
import './checkout.css';

/** The quantity box of the selected line (or the last one), for F3 and *. */
function focusQuantity() {
  const { selected, lines } = useCartStore.getState();
  const index = selected ?? lines.length - 1;
  if (index < 0) return;
  const input = document.querySelector<HTMLInputElement>(`.k-co-cart input[data-line="${index}"]`);
  input?.focus();
  input?.select();
}

/** Keys the scan field passes on when it is empty and shows no results (↑ ↓ + − * Delete). */
function onCartKey(key: string): boolean {
  const s = useCartStore.getState();
  const sel = s.selected ?? s.lines.length - 1;
  if (s.lines.length === 0) return false;
  const actions: Record<string, () => void> = {
    ArrowUp: () => s.select(sel - 1),
    ArrowDown: () => s.select(sel + 1),
    '+': () => s.setQuantity(sel, s.lines[sel]!.quantity + 1),
    '-': () => s.setQuantity(sel, s.lines[sel]!.quantity - 1),
    '*': focusQuantity,
    Delete: () => s.removeLine(sel),
  };
  const action = actions[key];
  action?.();
  return action !== undefined;
}

/**
 * Checkout, keyboard-first: scan or search to add products (a queue takes every scan in order,
 * and keys typed off the scan field go to it: useStrayScanKeys; keys typed after the pay key go
 * to the payment: usePayTypeAhead), adjust quantities and discounts, attach a customer, see the
 * core's quote (the renderer never prices anything), take payment in one or more tenders, and
 * print the receipt. Sales can be parked and resumed. Dialogs belong to
 * the sale they were opened for (useSaleDialog).
 */
export function CheckoutScreen() {
  const { t } = useTranslation('checkout');
  const cart = useCartStore();
  const settings = useSettingsStore((s) => s.settings);
  const ensureSettings = useSettingsStore((s) => s.ensureLoaded);
  const session = useSessionStore((s) => s.session);
  const dialogs = useSaleDialog();
  const [openPriced, setOpenPriced] = useState<ProductView | null>(null);
  const [lineDiscount, setLineDiscount] = useState<number | null>(null);
  const [scanNotice, setScanNotice] = useState<string | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  const currency = cart.quote?.currency ?? settings?.currency ?? 'GBP';
  const exponent = settings?.currencyExponent ?? currencyExponent(currency);

  const focusScan = useCallback(() => {
    setTimeout(() => scanRef.current?.focus(), 0);
  }, []);

  const addScanned = (p: ProductView) => {
    if (!p.openPrice) useCartStore.getState().addProduct(p);
    else if (can(session, 'sales.discountOverride')) {
      setOpenPriced(p);
      dialogs.open('price');
    } else
      notifyError(
        new AppError('OVERRIDE_REQUIRED', 'open price'),
        t('scan.openPrice', { name: p.name }),
      );
  };
  const queue = useScanQueue(addScanned);
  useStrayScanKeys(scanRef, queue);
  const typeAhead = usePayTypeAhead();
  const pay = usePayRequest(queue, dialogs, typeAhead);
  const dialogKeys = useDialogTypeAhead();

  useEffect(() => {
    void ensureSettings();
    void useParkedStore.getState().load();
    scanRef.current?.focus();
  }, [ensureSettings]);

  // A new sale starts with nothing left over from the last one: notices, and the focus on scan.
  useEffect(() => {
    setScanNotice(null);
    focusScan();
  }, [cart.sale, focusScan]);

  const closeDialog = useCallback(() => {
    dialogs.close();
    focusScan();
  }, [dialogs, focusScan]);

  /** Opens the discount dialog for `line` (null: the sale); false when the cart is empty. */
  const openDiscount = (line: number | null) => {
    if (useCartStore.getState().lines.length === 0) return false;
    setLineDiscount(line);
    dialogs.open('discount');
    return true;
  };

  /** The parked sales dialog, over the list read again (another cashier may have parked one). */
  const openParked = () => {
    void useParkedStore.getState().load();
    dialogs.open('parked');
  };

  useCheckoutShortcuts({
    focusScan: () => scanRef.current?.focus(),
    focusQuantity,
    focusCustomer: () => document.querySelector<HTMLInputElement>('.k-co-customer input')?.focus(),
    // Keys typed before the discount or park dialog has the focus are its field's.
    saleDiscount: () => {
      if (openDiscount(null)) dialogKeys.hold();
    },
    lineDiscount: () => {
      const { selected, lines } = useCartStore.getState();
      if (openDiscount(selected ?? lines.length - 1)) dialogKeys.hold();
    },
    parked: openParked,
    park: () => {
      if (useCartStore.getState().lines.length === 0) return;
      dialogs.open('park');
      dialogKeys.hold();
    },
    pay: pay.request,
    help: () => dialogs.open('shortcuts'),
    removeSelected: () => {
      const s = useCartStore.getState();
      if (s.selected === null) return;
      s.removeLine(s.selected);
      focusScan();
    },
    newSale: () => useCartStore.getState().reset(),
  });

  if (cart.completed) {
    return (
      <>
        <CompletedSale
          sale={cart.completed}
          settings={settings}
          onNewSale={() => useCartStore.getState().reset()}
        />
        <CheckoutDialogs
          current={dialogs.current}
          close={closeDialog}
          currency={currency}
          exponent={exponent}
          openPriced={null}
          lineDiscount={null}
          onScan={() => undefined}
          takeTypedAhead={typeAhead.take}
        />
      </>
    );
  }

  return (
    <Stack gap="sm" className="k-co">
      <PrintStatusBanner />
      <CheckoutHeader onShortcuts={() => dialogs.open('shortcuts')} onParked={openParked} />
      <ShiftBar />

      <div className="k-co-layout">
        <div className="k-co-scan-area">
          <ScanField
            ref={scanRef}
            currency={currency}
            queue={queue}
            onPick={addScanned}
            onCartKey={onCartKey}
          />
          {scanNotice && (
            <Alert
              color="yellow"
              variant="light"
              role="alert"
              mt="xs"
              withCloseButton
              closeButtonLabel={t('scan.dismiss')}
              onClose={() => setScanNotice(null)}
            >
              {scanNotice}
            </Alert>
          )}
        </div>

        <CheckoutSide
          currency={currency}
          payNotice={pay.notice}
          onNewCustomer={() => dialogs.open('customer')}
          onSaleDiscount={() => openDiscount(null)}
          onPay={() => pay.request(false)}
          onPark={() => dialogs.open('park')}
        />

        <CartArea currency={currency} onDiscount={openDiscount} onDone={focusScan} />
      </div>

      <CheckoutDialogs
        current={dialogs.current}
        close={closeDialog}
        currency={currency}
        exponent={exponent}
        openPriced={openPriced}
        lineDiscount={lineDiscount}
        onScan={(code) => {
          dialogs.close();
          setScanNotice(t('scan.fromAmount', { code }));
          queue.submit(code);
          focusScan();
        }}
        takeTypedAhead={typeAhead.take}
      />
    </Stack>
  );
}

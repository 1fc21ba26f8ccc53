/**
 * "Pay" (F12, F9 for card, or the button) asked for while scans are still being looked up or the
 * cart is being priced waits for both, then opens the payment dialog, or says why it cannot
 * (issue 8, item 6): an empty cart, or a cart the core could not price. A cashier who scans and
 * presses F12 at once is never ignored, and the keys typed while it waits are the payment's
 * (`typeAhead`, usePayTypeAhead.ts): held for the dialog, and dropped when it does not open.
 * A dialog that opened meanwhile comes first and the request lapses: the last scan was an open
 * price, whose prompt would otherwise be replaced, and its product never rung up.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCartStore } from '../../stores/cart';
import type { PayTypeAhead } from './usePayTypeAhead';
import type { SaleDialog } from './useSaleDialog';
import type { ScanQueue } from './useScanQueue';

export interface PayRequest {
  /** Asks for the payment dialog; `card`: with what is due added as a card payment. */
  request: (card: boolean) => void;
  /** Why the last request could not open the dialog. */
  notice: string | null;
}

export function usePayRequest(
  queue: ScanQueue,
  dialogs: SaleDialog,
  typeAhead: Pick<PayTypeAhead, 'hold' | 'drop'>,
): PayRequest {
  const { t } = useTranslation('checkout');
  const [wanted, setWanted] = useState<{ card: boolean; sale: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const quoting = useCartStore((s) => s.quoting);
  const lines = useCartStore((s) => s.lines.length);
  const sale = useCartStore((s) => s.sale);

  useEffect(() => setNotice(null), [lines, sale]);

  useEffect(() => {
    if (!wanted || queue.pending > 0 || quoting) return;
    setWanted(null);
    const cart = useCartStore.getState();
    const priced = cart.lines.length > 0 && cart.quoteError === null && cart.quote !== null;
    if (wanted.sale === cart.sale && priced && dialogs.current === null) {
      dialogs.open(wanted.card ? 'payCard' : 'pay');
      return;
    }
    // No dialog: the keys typed for it belong nowhere else either.
    typeAhead.drop();
    if (wanted.sale !== cart.sale || dialogs.current !== null) return;
    setNotice(cart.lines.length === 0 ? t('pay.why.empty') : t('pay.why.notPriced'));
  }, [wanted, queue.pending, quoting, dialogs, t, typeAhead]);

  return {
    request: (card) => {
      typeAhead.hold();
      setNotice(null);
      setWanted({ card, sale: useCartStore.getState().sale });
    },
    notice,
  };
}

/**
 * "Pay" (F12, F9 for card, or the button) asked for while scans are still being looked up or the
 * cart is being priced waits for both, then opens the payment dialog, or says why it cannot
 * (issue 8, item 6): an empty cart, or a cart the core could not price. A cashier who scans and
 * presses F12 at once is never ignored.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCartStore } from '../../stores/cart';
import type { ScanQueue } from './useScanQueue';

export interface PayRequest {
  /** Asks for the payment dialog; `card`: with what is due added as a card payment. */
  request: (card: boolean) => void;
  /** Why the last request could not open the dialog. */
  notice: string | null;
}

export function usePayRequest(queue: ScanQueue, open: (card: boolean) => void): PayRequest {
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
    if (wanted.sale !== cart.sale) return;
    if (cart.lines.length === 0) setNotice(t('pay.why.empty'));
    else if (cart.quoteError !== null || cart.quote === null) setNotice(t('pay.why.notPriced'));
    else open(wanted.card);
  }, [wanted, queue.pending, quoting, open, t]);

  return {
    request: (card) => {
      setNotice(null);
      setWanted({ card, sale: useCartStore.getState().sale });
    },
    notice,
  };
}

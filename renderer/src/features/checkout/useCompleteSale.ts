/**
 * "Complete sale" in the payment dialog: sends `sales:checkout` with the cart, the tenders and
 * the attempt's UUID (the cart store's `attemptId`, kept for a retry, so a sale whose answer was
 * lost is never recorded twice), then shows the completed sale. A refusal is said in the
 * cashier's words; one that means the quote is out of date (TENDER_SHORT, PRODUCT_UNAVAILABLE,
 * VALIDATION_FAILED) also prices the cart again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { useFormat } from '../../format/locale';
import { useCartStore } from '../../stores/cart';
import { summarizeTenders, type DraftTender } from './tenders';

/** Refusals with a checkout-specific message (checkout:pay.failed.*). */
const CHECKOUT_CODES = [
  'TENDER_SHORT',
  'PRODUCT_UNAVAILABLE',
  'CONFLICT',
  'INTERNAL',
  'SERVER_UNREACHABLE',
];
/** Refusals after which the cart is priced again: the quote the dialog was opened on is stale. */
const REQUOTE_CODES = ['TENDER_SHORT', 'PRODUCT_UNAVAILABLE', 'VALIDATION_FAILED'];

export interface CompleteSale {
  /** `sales:checkout` is on its way. */
  busy: boolean;
  /** Why the sale was not completed, or null. */
  error: string | null;
  setError: (error: string | null) => void;
  /** Completes the sale with `tenders` (amounts in minor units), unless something is still due. */
  complete: (tenders: DraftTender[]) => Promise<void>;
}

/** "Complete sale" for a sale of `total` (minor units, the quoted total). */
export function useCompleteSale(total: number, currency: string): CompleteSale {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const complete = async (tenders: DraftTender[]) => {
    if (busy) return;
    const left = summarizeTenders(total, tenders).remaining;
    if (left > 0) {
      setError(t('pay.stillDue', { amount: money(left, currency) }));
      return;
    }
    const store = useCartStore.getState();
    const input = { ...store.cartInput(), id: store.attemptId(), tenders };
    setBusy(true);
    setError(null);
    try {
      const sale = await call('sales:checkout', input);
      useCartStore.getState().complete(sale);
    } catch (e) {
      // What the cashier is told: a checkout-specific message, or the code's own.
      setError(
        e instanceof AppError && CHECKOUT_CODES.includes(e.code)
          ? t(`pay.failed.${e.code}`)
          : messageFor(e),
      );
      if (e instanceof AppError && REQUOTE_CODES.includes(e.code))
        useCartStore.getState().requote();
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, complete };
}

/**
 * Which checkout dialog is open, tied to the sale it was opened for (the cart store's `sale`
 * number). When that sale completes, is parked, resumed over or discarded, the number moves on and
 * the dialog is closed without anyone having to remember to close it: the payment dialog can never
 * reopen by itself on the next sale (issue 8, item 1).
 */
import { useCallback, useState } from 'react';
import { useCartStore } from '../../stores/cart';

export type CheckoutDialog =
  'pay' | 'payCard' | 'park' | 'parked' | 'customer' | 'discount' | 'price' | 'shortcuts';

export interface SaleDialog {
  /** The open dialog, or null (also when it was opened for an earlier sale). */
  current: CheckoutDialog | null;
  open: (dialog: CheckoutDialog) => void;
  close: () => void;
}

export function useSaleDialog(): SaleDialog {
  const sale = useCartStore((s) => s.sale);
  const [state, setState] = useState<{ dialog: CheckoutDialog; sale: number } | null>(null);
  const open = useCallback(
    (dialog: CheckoutDialog) => setState({ dialog, sale: useCartStore.getState().sale }),
    [],
  );
  const close = useCallback(() => setState(null), []);
  return { current: state && state.sale === sale ? state.dialog : null, open, close };
}

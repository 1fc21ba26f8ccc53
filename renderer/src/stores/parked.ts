/**
 * The parked sales: carts put aside (`sales:park`) to serve the next customer, listed oldest first
 * (`sales:parkedList`: this till's, and on a store server the other tills' too), resumed into the
 * cart (`useCartStore.resume`) or thrown away (`sales:discardParked`). Parking or resuming ends the sale on screen, so the cart store's `sale`
 * number moves on and every checkout dialog of that sale closes (issue 8, item 1).
 *
 * Actions resolve to null when done, or to the message to show (the dialog that started them
 * shows it); the list is reloaded after each one, since another window may have changed it.
 */
import { create } from 'zustand';
import type { ParkedSale } from '../../../shared/contract';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { useCartStore } from './cart';
import { useSessionStore } from './session';

export interface ParkedState {
  items: ParkedSale[];
  /** Why the list could not be loaded, or why the last resume/discard failed. */
  error: string | null;
  /** Loads the list (`sales:parkedList`). */
  load: () => Promise<void>;
  /** Parks the cart on screen under `label` (trimmed; blank = none) and starts a new sale. */
  park: (label: string) => Promise<string | null>;
  /** Resumes `sale`; with `parkCurrent`, parks the cart on screen first (unlabelled). */
  resume: (sale: ParkedSale, parkCurrent: boolean) => Promise<string | null>;
  /** Throws a parked sale away. */
  discard: (sale: ParkedSale) => Promise<string | null>;
  reset: () => void;
}

/** The parked-sales store; see the module comment. */
export const useParkedStore = create<ParkedState>()((set, get) => {
  /** Runs `action`, reloads the list, and gives the failure message (also kept in `error`). */
  const attempt = async (action: () => Promise<void>): Promise<string | null> => {
    let failed: string | null = null;
    try {
      await action();
    } catch (e) {
      failed = messageFor(e);
    }
    await get().load();
    if (failed) set({ error: failed });
    return failed;
  };

  return {
    items: [],
    error: null,
    load: async () => {
      try {
        set({ items: await call('sales:parkedList'), error: null });
      } catch (e) {
        set({ error: messageFor(e) });
      }
    },
    park: (label) =>
      attempt(async () => {
        const cart = useCartStore.getState();
        await call('sales:park', { label: label.trim() || null, cart: cart.cartInput() });
        useCartStore.getState().reset();
      }),
    resume: async (sale, parkCurrent) => {
      if (parkCurrent) {
        const failed = await get().park('');
        if (failed) return failed;
      }
      return attempt(() => useCartStore.getState().resume(sale.id));
    },
    discard: (sale) =>
      attempt(async () => {
        await call('sales:discardParked', { id: sale.id });
      }),
    reset: () => set({ items: [], error: null }),
  };
});

// The list is per member's view of the till: forget it when someone else signs in or all sign out.
useSessionStore.subscribe((state, previous) => {
  if (state.session?.staff.id !== previous.session?.staff.id) useParkedStore.getState().reset();
});

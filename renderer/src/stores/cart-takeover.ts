/**
 * Who the till's cart in progress belongs to, after each sign-in (issue 8, item 4).
 *
 * When a member's session becomes ready (sign-in, unlock after a restart, a reload), `check`
 * reads the till's cart (`cart:get`):
 * - empty, ownerless or the member's own: it is shown (a reload or restart carries on where it
 *   was) and the cart sync is attached;
 * - another member's: it is offered (`offer`), and the cart-takeover dialog asks to take it over
 *   (`cart:takeOver`) or park it under the owner's name (`cart:park`). Until then nothing is
 *   saved, so it is never dropped silently.
 * A CONFLICT from the sync (another window changed the cart) runs `check` again.
 */
import { create } from 'zustand';
import type { TillCart } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { call } from '../api/client';
import { messageFor } from '../api/messages';
import { useCartStore, type CartCustomer } from './cart';
import { cartSync } from './cart-sync';
import { can, useSessionStore } from './session';

/** What the dialog tells the member once it is done, as a toast. */
export type CartNotice =
  | { kind: 'takenOver'; name: string }
  | { kind: 'parked'; name: string }
  | { kind: 'changedElsewhere' };

export interface CartTakeoverState {
  /** Another member's cart found on this till, waiting for "take over" or "park". */
  offer: TillCart | null;
  busy: boolean;
  /** Why the last choice failed (already translated). */
  error: string | null;
  notice: CartNotice | null;
  /** The member the till's cart was last read for; null before the first read. */
  checkedFor: number | null;

  /**
   * Reads the till's cart for the signed-in member; shows it, or offers it (see above).
   * `changedElsewhere`: after a CONFLICT, the stored cart replaces the one on screen.
   */
  check: (changedElsewhere?: boolean) => Promise<void>;
  takeOver: () => Promise<void>;
  park: () => Promise<void>;
  clearNotice: () => void;
  /** Forgets everything (signed out, another member signed in). */
  reset: () => void;
}

/** The customer's name for a restored cart (the core stores only the id). */
async function customerOf(id: number | null | undefined): Promise<CartCustomer | null> {
  if (!id) return null;
  try {
    const found = await call('customers:get', { id });
    return { id: found.customer.id, name: found.customer.name };
  } catch {
    return { id, name: `#${id}` };
  }
}

/**
 * Shows `till`'s cart on screen and saves from here on. What is on screen was rung up while the
 * read was on its way (a cashier scans the moment the checkout appears): it is kept, after the
 * stored lines, and saved. Only when the database must win (`replace`: another window changed
 * it) does the stored cart replace the screen's.
 */
async function restore(staffId: number, till: TillCart, replace = false): Promise<void> {
  if (till.cart.lines.length > 0) {
    const customer = await customerOf(till.cart.customerId);
    if (useSessionStore.getState().session?.staff.id !== staffId) return;
    const scanned = replace ? [] : useCartStore.getState().lines;
    useCartStore.getState().load(till.cart, customer);
    useCartStore.getState().append(scanned);
  } else if (replace && useCartStore.getState().lines.length > 0) useCartStore.getState().reset();
  cartSync.attach(staffId, till.version, till.cart);
}

const initial = { offer: null, busy: false, error: null, notice: null, checkedFor: null };

export const useCartTakeoverStore = create<CartTakeoverState>()((set, get) => {
  const staffId = () => useSessionStore.getState().session?.staff.id ?? null;

  /** Runs a choice on the offer; CONFLICT (it changed meanwhile) reads the cart again. */
  const choose = async (act: (offer: TillCart, me: number) => Promise<CartNotice>) => {
    const { offer } = get();
    const me = staffId();
    if (!offer || me === null || get().busy) return;
    set({ busy: true, error: null });
    try {
      const notice = await act(offer, me);
      set({ offer: null, busy: false, notice });
    } catch (error) {
      set({ busy: false, error: messageFor(error) });
      if (error instanceof AppError && error.code === 'CONFLICT') await get().check(true);
    }
  };

  return {
    ...initial,

    check: async (changedElsewhere = false) => {
      const me = staffId();
      const session = useSessionStore.getState().session;
      if (me === null || !can(session, 'sales.create')) return;
      set({ checkedFor: me });
      cartSync.detach();
      await cartSync.settled();
      let till: TillCart;
      try {
        till = await call('cart:get');
      } catch {
        set({ checkedFor: null }); // Read again at the next session change.
        return;
      }
      if (staffId() !== me) return;
      if (till.owner !== null && till.owner.id !== me && till.cart.lines.length > 0) {
        // After a conflict the dialog keeps saying why it changed.
        set({ offer: till, ...(changedElsewhere ? {} : { error: null }) });
        return;
      }
      set({ offer: null, ...(changedElsewhere ? { notice: { kind: 'changedElsewhere' } } : {}) });
      await restore(me, till, changedElsewhere);
    },

    takeOver: () =>
      choose(async (offer, me) => {
        const till = await call('cart:takeOver', { version: offer.version });
        await restore(me, till);
        return { kind: 'takenOver', name: offer.owner?.name ?? '' };
      }),

    park: () =>
      choose(async (offer, me) => {
        const { parked, till } = await call('cart:park', { version: offer.version });
        await restore(me, till);
        return { kind: 'parked', name: parked.staff.name };
      }),

    clearNotice: () => set({ notice: null }),
    reset: () => {
      cartSync.detach();
      set({ ...initial });
    },
  };
});

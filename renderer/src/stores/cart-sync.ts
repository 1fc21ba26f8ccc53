/**
 * Keeps the till's cart in the database as it changes (issue 8, item 4), so a reload, a crashed
 * window or a restart shows the same cart. It watches the cart store and sends `cart:save` with
 * what the sale channels take (ids, quantities, discounts, customer; never prices, M1).
 *
 * - It saves only once attached: after sign-in the cart-takeover store reads the till's cart and
 *   attaches the sync for that member at the version it read (`attach`). Until then (signed out,
 *   another member's cart waiting for a choice) nothing is saved, so a local reset never empties
 *   the stored cart.
 * - Saves go one at a time, in order, each based on the version the previous one answered; while
 *   one is on its way, later changes wait and only the latest is sent (latest wins).
 * - A CONFLICT (another window changed the cart, or it is another member's) detaches the sync and
 *   asks the owner of `onConflict` (the cart-takeover store) to read the cart again.
 * - Any other failure (e.g. STORAGE_FAILED, shown by the storage banner) is retried with the next
 *   change; the cart on screen is never touched by a failed save.
 */
import type { DraftCart } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { call } from '../api/client';
import { useCartStore } from './cart';
import { useSessionStore } from './session';

interface Attachment {
  staffId: number;
  /** The version the next save is based on. */
  version: number;
  /** The key of the cart as last stored. */
  saved: string;
}

let attached: Attachment | null = null;
let inFlight: Promise<void> | null = null;
let waiting: DraftCart | null = null;
let onConflict: () => void = () => undefined;
let unsubscribe: (() => void) | null = null;

/** A cart's identity for "did it change": the fields the core stores, in one fixed order. */
export function cartKey(cart: DraftCart): string {
  return JSON.stringify({
    lines: cart.lines.map((l) => [
      l.productId,
      l.quantity,
      l.discount ?? null,
      l.unitPrice ?? null,
    ]),
    discount: cart.discount ?? null,
    customerId: cart.customerId ?? null,
  });
}

/** True while the signed-in, unlocked member is the one the sync is attached for. */
function mayWrite(a: Attachment): boolean {
  const session = useSessionStore.getState().session;
  return session !== null && !session.locked && session.staff.id === a.staffId;
}

async function drain(): Promise<void> {
  while (waiting && attached) {
    const a = attached;
    const cart = waiting;
    waiting = null;
    try {
      const stored = await call('cart:save', { cart, version: a.version });
      if (attached !== a) return;
      a.version = stored.version;
      a.saved = cartKey(cart);
    } catch (error) {
      if (attached !== a) return;
      if (error instanceof AppError && error.code === 'CONFLICT') {
        cartSync.detach();
        onConflict();
        return;
      }
      // Kept as unsaved: the next change sends the latest cart again.
    }
  }
}

/** Queues the current cart if it differs from what is stored; sends it when none is in flight. */
function changed(): void {
  const a = attached;
  if (!a || !mayWrite(a)) return;
  const cart = useCartStore.getState().cartInput();
  if (cartKey(cart) === a.saved && !inFlight) return;
  waiting = cart;
  if (inFlight) return;
  inFlight = drain().finally(() => {
    inFlight = null;
    // A change that arrived after the last save started and matched nothing yet.
    if (waiting && attached) changed();
  });
}

export const cartSync = {
  /**
   * Starts watching the cart store (once), with `conflict` called after a CONFLICT. Called by
   * connectStores.
   */
  start(conflict: () => void): void {
    onConflict = conflict;
    unsubscribe ??= useCartStore.subscribe((s, prev) => {
      if (s.lines !== prev.lines || s.discount !== prev.discount || s.customer !== prev.customer)
        changed();
    });
  },

  /**
   * Saves from now on for member `staffId`, based on `version`; `stored` is the cart as the
   * database holds it. If the cart on screen differs (rung up while the read was on its way), it
   * is saved at once.
   */
  attach(staffId: number, version: number, stored: DraftCart): void {
    attached = { staffId, version, saved: cartKey(stored) };
    waiting = null;
    changed();
  },

  /** Stops saving (signed out, another member signed in, or a conflict being resolved). */
  detach(): void {
    attached = null;
    waiting = null;
  },

  /** Resolves once no save is on its way (tests, and before reading the cart again). */
  async settled(): Promise<void> {
    while (inFlight) await inFlight;
  },
};

/** For tests: forgets the attachment and stops watching. */
export function resetCartSync(): void {
  cartSync.detach();
  unsubscribe?.();
  unsubscribe = null;
}

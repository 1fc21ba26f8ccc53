/**
 * Keys typed between the pay key and the payment dialog belong to the payment (type-ahead). A
 * cashier presses F12 and types what the customer handed over at once; the dialog opens a frame
 * later, or once the last scan is looked up and the cart priced (usePayRequest). Those keys used
 * to land in the scan field: "20" then Enter rang up the product whose code is 20 (a PLU), and
 * the £20 was never tendered, so the change due was wrong.
 *
 * From `hold` (the pay request) until the dialog takes the keys (`take`, as it opens) or the
 * request ends without a dialog (`drop`), the keys the dialog acts on are held back from
 * everything else (useHeldKeys.ts):
 * - characters and Backspace, which make the Amount text;
 * - Delete, the arrows, Home and End ({@link CARET_KEYS}), which in Amount only move the cursor,
 *   and are dropped: on the checkout they would change the cart being paid;
 * - one key that acts ({@link ACTION_KEYS}: Enter, Escape, F9, F12); holding stops after it, so
 *   the dialog does the one thing its keys say, in order, and later keys go where they would.
 * Keys held longer than HOLD_MS (useHeldKeys.ts) are dropped: by then the cashier looks at the
 * screen, and old keys must never turn up in a later dialog.
 */
import { useMemo } from 'react';
import type { BurstTracker } from './scanner-burst';
import { type HeldKey, newHolding, useHeldKeys } from './useHeldKeys';

/** The dialog's keys that do something (TenderDialog); the first one ends the holding. */
export const ACTION_KEYS: ReadonlySet<string> = new Set(['Enter', 'Escape', 'F9', 'F12']);
/** Keys that only move the cursor in Amount: held, so they reach nothing else, then dropped. */
export const CARET_KEYS: ReadonlySet<string> = new Set([
  'Delete',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
]);

export interface PayTypeAhead {
  /** Starts holding keys (a pay request); keeps those held so far if already holding. */
  hold: () => void;
  /** Stops holding and forgets the keys (the request ended without a dialog). */
  drop: () => void;
  /** Stops holding and hands over the keys held, in the order typed (the dialog opened). */
  take: () => HeldKey[];
}

/** What the held keys say to the payment dialog. */
export interface TypedAhead {
  /** The Amount text: the characters, with Backspace applied. */
  text: string;
  /** The key that acted (Enter, Escape, F9 or F12), or null. */
  action: HeldKey | null;
}

/**
 * Holds the keys typed for a payment dialog that is still on its way; see the module comment.
 * Active while the calling screen is mounted.
 */
export function usePayTypeAhead(): PayTypeAhead {
  const holdingRef = useHeldKeys(ACTION_KEYS, CARET_KEYS);

  return useMemo(() => {
    const fresh = () => {
      const h = holdingRef.current;
      return h && performance.now() <= h.until ? h : null;
    };
    return {
      hold: () => {
        holdingRef.current = fresh() ?? newHolding();
      },
      drop: () => {
        holdingRef.current = null;
      },
      take: () => {
        const keys = fresh()?.keys ?? [];
        holdingRef.current = null;
        return keys;
      },
    };
  }, [holdingRef]);
}

/**
 * Plays `keys` (from `take`) as the Amount field would have, the cursor at the end: the text they
 * make, each character's time given to `burst` so that a scanner's code typed ahead is still
 * told from a person's (scanner-burst.ts), and the key that acted.
 */
export function typedAhead(keys: readonly HeldKey[], burst: BurstTracker): TypedAhead {
  let text = '';
  for (const k of keys) {
    if (ACTION_KEYS.has(k.key)) return { text, action: k };
    if (k.key === 'Backspace') {
      text = text.slice(0, -1);
      if (text === '') burst.reset();
    } else if (!CARET_KEYS.has(k.key)) {
      text += k.key;
      burst.key(k.timeStamp);
    }
  }
  return { text, action: null };
}

/**
 * Keys typed between the pay key and the payment dialog belong to the payment (type-ahead). A
 * cashier presses F12 and types what the customer handed over at once; the dialog opens a frame
 * later, or once the last scan is looked up and the cart priced (usePayRequest). Those keys used
 * to land in the scan field: "20" then Enter rang up the product whose code is 20 (a PLU), and
 * the £20 was never tendered, so the change due was wrong.
 *
 * From `hold` (the pay request) until the dialog takes the keys (`take`, as it opens) or the
 * request ends without a dialog (`drop`), a capturing keydown listener on the window, ahead of
 * every other, keeps the keys the dialog acts on from reaching anything else:
 * - characters and Backspace, which make the Amount text;
 * - Delete, the arrows, Home and End ({@link CARET_KEYS}), which in Amount only move the cursor,
 *   and are dropped: on the checkout they would change the cart being paid;
 * - one key that acts ({@link ACTION_KEYS}: Enter, Escape, F9, F12); holding stops after it, so
 *   the dialog does the one thing its keys say, in order, and later keys go where they would.
 * Keys held longer than {@link HOLD_MS} are dropped: by then the cashier looks at the screen, and
 * old keys must never turn up in a later dialog.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { BurstTracker } from './scanner-burst';

/** How long keys are held for a dialog that has not opened yet, ms. */
export const HOLD_MS = 3_000;
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

/** A key held for the payment dialog, with its `KeyboardEvent.timeStamp` (ms). */
export interface HeldKey {
  key: string;
  timeStamp: number;
}

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

interface Holding {
  keys: HeldKey[];
  /** `performance.now()` after which the keys are stale. */
  until: number;
}

/** True for a key the dialog would take while holding (see the module comment). */
function isHeld(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  return (
    e.key.length === 1 || e.key === 'Backspace' || ACTION_KEYS.has(e.key) || CARET_KEYS.has(e.key)
  );
}

/**
 * Holds the keys typed for a payment dialog that is still on its way; see the module comment.
 * Active while the calling screen is mounted.
 */
export function usePayTypeAhead(): PayTypeAhead {
  const holding = useRef<Holding | null>(null);

  useLayoutEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const h = holding.current;
      // Holding stops after a key that acts: it is the last one held.
      if (!h || ACTION_KEYS.has(h.keys.at(-1)?.key ?? '') || !isHeld(e)) return;
      if (e.timeStamp > h.until) {
        holding.current = null;
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
      h.keys.push({ key: e.key, timeStamp: e.timeStamp });
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return useMemo(() => {
    const fresh = () => {
      const h = holding.current;
      return h && performance.now() <= h.until ? h : null;
    };
    return {
      hold: () => {
        holding.current = fresh() ?? {
          keys: [],
          until: performance.now() + HOLD_MS,
        };
      },
      drop: () => {
        holding.current = null;
      },
      take: () => {
        const keys = fresh()?.keys ?? [];
        holding.current = null;
        return keys;
      },
    };
  }, []);
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

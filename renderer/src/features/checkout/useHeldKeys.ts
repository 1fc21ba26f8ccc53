/**
 * Keys held back for a checkout dialog that a key has asked for and that does not have the focus
 * yet: the part the payment's type-ahead (usePayTypeAhead.ts) and the discount and park dialogs'
 * (useDialogTypeAhead.ts) share.
 *
 * While `holding.current` is a Holding (set by {@link newHolding}), a capturing keydown listener on
 * the window, ahead of every other, keeps each key the dialog would take from reaching anything
 * else, and adds it to the holding: characters, Backspace, the `actions` and the `also` keys,
 * typed without Ctrl, Meta or Alt and outside an IME composition. Holding stops after the first
 * key of `actions`, so the dialog does the one thing its keys say and later keys go where they
 * would. A key typed past `until` ends the holding instead: keys held longer than
 * {@link HOLD_MS} are dropped, as by then the cashier looks at the screen, and old keys must
 * never turn up in a later dialog.
 */
import { type RefObject, useLayoutEffect, useRef } from 'react';

/** How long keys are held for a dialog that has not opened yet, ms. */
export const HOLD_MS = 3_000;

/** A held key, with its `KeyboardEvent.timeStamp` (ms). */
export interface HeldKey {
  key: string;
  timeStamp: number;
}

/** The keys held so far, in the order typed. */
export interface Holding {
  keys: HeldKey[];
  /** `performance.now()` after which the keys are stale. */
  until: number;
}

const NONE: ReadonlySet<string> = new Set();

/** A holding that starts now, with no keys yet. */
export function newHolding(): Holding {
  return { keys: [], until: performance.now() + HOLD_MS };
}

/**
 * The holding of the calling screen's dialogs (null: not holding), and its keydown listener for
 * as long as the screen is mounted; see the module comment. `actions` and `also` are constants.
 */
export function useHeldKeys(
  actions: ReadonlySet<string>,
  also: ReadonlySet<string> = NONE,
): RefObject<Holding | null> {
  const holding = useRef<Holding | null>(null);

  useLayoutEffect(() => {
    const takes = (e: KeyboardEvent) =>
      !(e.ctrlKey || e.metaKey || e.altKey || e.isComposing) &&
      (e.key.length === 1 || e.key === 'Backspace' || actions.has(e.key) || also.has(e.key));
    const onKeyDown = (e: KeyboardEvent) => {
      const h = holding.current;
      if (!h || actions.has(h.keys.at(-1)?.key ?? '') || !takes(e)) return;
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
  }, [actions, also]);

  return holding;
}

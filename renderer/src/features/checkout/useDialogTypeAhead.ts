/**
 * Keys typed between a checkout shortcut and the focus reaching its dialog belong to that dialog's
 * field: F6 and Shift+F6 (the discount), F8 (the park label). Mantine moves the focus into a
 * dialog a frame or more after it opens, and until then keys went to the scan field: "10" then
 * Enter typed the instant F6 was pressed rang up the product whose code is 10 (a PLU) instead of
 * taking 10 % off. The payment dialog has its own, richer type-ahead (usePayTypeAhead.ts).
 *
 * From `hold` until the focus enters a text field in a dialog, characters, Backspace, Enter and
 * Escape are held back from everything else (useHeldKeys.ts). When the focus arrives they are played into that field in the order typed:
 * characters and Backspace edit its text at the cursor (the input event React listens to), then
 * Enter submits the field's form, or Escape is sent to the field (the dialog closes). Holding
 * stops after Enter or Escape, as the dialog has then done what its keys say; later keys go where
 * they would. Keys held longer than HOLD_MS are dropped.
 */
import { useLayoutEffect, useMemo } from 'react';
import { newHolding, useHeldKeys } from './useHeldKeys';

/** The keys that end holding: the dialog acts on them. */
const ACTIONS: ReadonlySet<string> = new Set(['Enter', 'Escape']);

export interface DialogTypeAhead {
  /** Starts holding keys for the dialog a shortcut is opening. */
  hold: () => void;
}

/** A text field inside a dialog (one with a cursor to type at), or null. */
function dialogField(target: EventTarget | null): HTMLInputElement | null {
  if (!(target instanceof HTMLInputElement) || !target.closest('[role="dialog"]')) return null;
  return ['text', 'search', 'tel'].includes(target.type) ? target : null;
}

/** Edits `field`'s text as typing `keys` there would, and tells React (an input event). */
function typeInto(field: HTMLInputElement, keys: readonly string[]): void {
  let { value } = field;
  let start = field.selectionStart ?? value.length;
  let end = field.selectionEnd ?? value.length;
  for (const key of keys) {
    if (key === 'Backspace' && start === end) start = Math.max(0, start - 1);
    value = value.slice(0, start) + (key === 'Backspace' ? '' : key) + value.slice(end);
    start = end = start + (key === 'Backspace' ? 0 : key.length);
  }
  if (value === field.value) return;
  // React tracks the value it last set: the prototype's setter, then the event, make it see a change.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, value);
  field.setSelectionRange(start, end);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Plays the held `keys` into `field`: the text, then the key that acted, once React has it. */
function play(field: HTMLInputElement, keys: readonly string[]): void {
  const action = keys.find((k) => ACTIONS.has(k));
  typeInto(
    field,
    keys.filter((k) => !ACTIONS.has(k)),
  );
  if (!action) return;
  setTimeout(() => {
    if (!field.isConnected) return;
    if (action === 'Enter') field.form?.requestSubmit();
    else field.dispatchEvent(new KeyboardEvent('keydown', { key: action, bubbles: true }));
  }, 0);
}

/**
 * Holds the keys typed for a dialog that a shortcut opens, until its field has the focus; see
 * the module comment. Active while the calling screen is mounted.
 */
export function useDialogTypeAhead(): DialogTypeAhead {
  const holdingRef = useHeldKeys(ACTIONS);

  useLayoutEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const h = holdingRef.current;
      const field = dialogField(e.target);
      if (!h || !field) return;
      holdingRef.current = null;
      if (h.keys.length > 0 && performance.now() <= h.until)
        play(
          field,
          h.keys.map((k) => k.key),
        );
    };
    document.addEventListener('focusin', onFocusIn, true);
    return () => document.removeEventListener('focusin', onFocusIn, true);
  }, [holdingRef]);

  return useMemo(
    () => ({
      hold: () => {
        holdingRef.current = newHolding();
      },
    }),
    [holdingRef],
  );
}

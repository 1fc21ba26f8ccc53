/**
 * Keys typed on checkout while the scan field does not have the focus are scan keys, not lost
 * keys. A cashier scans the moment the screen is there: right after signing in, right after
 * "New sale", or on the receipt of the sale just completed. The field takes the focus a moment
 * after it appears (an effect, after the frame), and on the receipt it is not there at all, so a
 * scanner's first keys used to land on the page itself and vanish: the code that reached the
 * field was cut short, and the scan was lost (the CI failure of customer-display.test.ts).
 *
 * A capturing keydown listener on the document takes every printable key (what a scanner sends,
 * `CODE_PATTERN`) aimed at no text field and no dialog:
 * - while the scan field is there, the key is written into it and the field takes the focus, so
 *   the rest of the code (and its Enter) goes to the field as usual;
 * - while it is not (the receipt), the keys are held; an Enter that ends a scanner burst
 *   (scanner-burst.ts) queues the code, which starts the next sale with it (Square, Lightspeed
 *   and Odoo ring up a scan on the receipt screen). A person's keys then Enter are dropped, and
 *   Enter does what it did: "New sale". When the field comes back in the middle of a code (the
 *   first code's product arrived), the next key takes the keys held so far into it, whether it
 *   comes before the field takes the focus (an effect, a moment later) or after.
 * The screen's one-character shortcuts (/ * ? + −) keep their meaning as a first key.
 */
import { type RefObject, useLayoutEffect, useRef } from 'react';
import { createBurstTracker, SCAN_PAUSE_MS } from './scanner-burst';
import type { ScanQueue } from './useScanQueue';

/** One printable ASCII character: what a scanner types (the contract's barcode characters). */
const SCAN_KEY = /^[\x21-\x7e]$/;
/** Keys that are checkout shortcuts outside a text field (useCheckoutShortcuts, onCartKey). */
const SHORTCUT_KEYS = new Set(['/', '*', '?', '+', '-']);

/** True for elements that take typed text themselves. */
function takesText(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/** Writes `value` into a React-controlled input the way typing does (React sees an input event). */
function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Sends stray keys to the scan field `field` (or, with no field, to `queue`); see the module
 * comment. Active while the calling screen is mounted.
 */
export function useStrayScanKeys(
  field: RefObject<HTMLInputElement | null>,
  queue: Pick<ScanQueue, 'submit'>,
): void {
  const submit = useRef(queue.submit);
  submit.current = queue.submit;

  useLayoutEffect(() => {
    const burst = createBurstTracker();
    let held = '';
    let last = -Infinity;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      const input = field.current;
      // The field came back and took the focus in the middle of a code: the keys held on the
      // receipt go into it ahead of this one.
      if (target === input && input && held !== '' && SCAN_KEY.test(e.key)) {
        if (e.timeStamp - last <= SCAN_PAUSE_MS) {
          e.preventDefault();
          typeInto(input, input.value + held + e.key);
        }
        held = '';
        return;
      }
      if (takesText(target) || document.querySelector('[role="dialog"]')) return;
      if (target?.closest('[role="menu"], [role="listbox"]')) return;
      if (SCAN_KEY.test(e.key)) {
        // Keys held long ago (a person's, left without Enter) are not part of this code.
        if (e.timeStamp - last > SCAN_PAUSE_MS) held = '';
        last = e.timeStamp;
        if (held === '' && SHORTCUT_KEYS.has(e.key)) return;
        e.preventDefault();
        e.stopPropagation();
        if (input) {
          typeInto(input, input.value + held + e.key);
          held = '';
          input.focus();
        } else {
          held += e.key;
          burst.key(e.timeStamp);
        }
        return;
      }
      if (e.key !== 'Enter' || held === '') return;
      const code = held;
      held = '';
      if (burst.enter(e.timeStamp) === 0) return;
      e.preventDefault();
      e.stopPropagation();
      submit.current(code);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [field]);
}

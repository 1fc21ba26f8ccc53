import type { CSSProperties } from 'react';

/**
 * The style of a figure that shrinks to fit its box rather than spill out of it or break between
 * its digits (app.css: `.k-fit` inside a `.k-fit-box`, at most `--fit-max`): the figure's length
 * in characters, from which the CSS works out the largest size at which it still fits. A store
 * whose currency runs to large figures (IDR, VND, KRW: "IDR 109,670,000" is an everyday total)
 * sees them whole on a 1024 px till: the checkout's total, the payment dialog's figures, the day
 * summary's and the dashboard's figures. (The change to give, after a sale, has a box that grows
 * with its figure instead.)
 */
export function fitStyle(text: string): CSSProperties {
  return charsStyle(text.length);
}

/**
 * The style that gives the CSS a width in characters (`--k-chars`) for something that is not one
 * text: the receipt's tax table gives its widest row (receipt.css).
 */
export function charsStyle(chars: number): CSSProperties {
  return { '--k-chars': chars } as CSSProperties;
}

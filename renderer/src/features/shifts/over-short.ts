/**
 * Over/short as every shift screen shows it: with its sign ("+£0.20", "−£0.50", "£0.00", the
 * minus a real minus sign) and its colour class (over green, short red).
 */

/** `minor` formatted by `money`, with + when over and − when short. */
export function signedMoney(money: (minor: number) => string, minor: number): string {
  return minor > 0 ? `+${money(minor)}` : minor < 0 ? `−${money(-minor)}` : money(0);
}

/** The colour class of an over (green), short (red) or exact figure. */
export function overShortClass(minor: number): string {
  return minor > 0 ? 'k-shift-over' : minor < 0 ? 'k-shift-short' : '';
}

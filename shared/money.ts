/**
 * Money math (M1-M3). Every amount is an integer in the currency's minor unit (pence, cents, fils);
 * nothing here ever holds a fraction of a minor unit. The rules, from ../shared/docs/pos-domain.md:
 *
 * - rounding is half-up per line, symmetric for negatives (half away from zero), so a refund line
 *   is the exact mirror of the sale line it returns;
 * - tax-inclusive prices: `tax = gross − round(gross / (1 + rate))` (M3);
 * - tax-exclusive prices: `tax = round(net × rate)`, added on top;
 * - a cart discount is split across the lines by the largest-remainder method, so the parts add up
 *   exactly to the whole (M3);
 * - every amount passes `Number.isSafeInteger`, and a line is capped at 10^9 minor units (M2).
 *
 * The main process is the only place that prices a sale (the renderer never sends prices or totals),
 * but the functions are pure and shared so the renderer can show the same arithmetic for a preview.
 */
import { numberFormat } from './intl-formats';

/** The largest absolute amount of one line, in minor units (M2). */
export const MAX_LINE_AMOUNT = 1_000_000_000;
/** Quantities on a sale are integers from 1 to this (M2). Refund lines use the negative. */
export const MAX_QUANTITY = 9_999;
/** Tax rates are basis points: 20 % = 2000. At most 100 %. */
export const MAX_TAX_RATE_BPS = 10_000;

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

function assertInt(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new MoneyError(`${what} must be a safe integer, got ${n}`);
}

/**
 * Integer division `a / b` rounded half away from zero ("half-up", mirrored for negatives).
 * `a` any safe integer, `b` a positive safe integer. Exact: no floating-point result is returned.
 */
export function divRound(a: number, b: number): number {
  assertInt(a, 'dividend');
  assertInt(b, 'divisor');
  if (b <= 0) throw new MoneyError('divisor must be positive');
  const sign = a < 0 ? -1 : 1;
  const abs = Math.abs(a);
  // abs / b in floating point is within 1 ulp; correct the quotient with exact integer steps.
  let q = Math.floor(abs / b);
  while (q * b > abs) q -= 1;
  while ((q + 1) * b <= abs) q += 1;
  const r = abs - q * b;
  const rounded = 2 * r >= b ? q + 1 : q;
  return rounded === 0 ? 0 : sign * rounded;
}

/** `amount × bps / 10000`, rounded half-up (a percentage of an amount; 20 % = 2000 bps). */
export function percentOf(amount: number, bps: number): number {
  assertInt(amount, 'amount');
  assertInt(bps, 'bps');
  return divRound(amount * bps, 10_000);
}

/**
 * Tax in an amount whose price already includes it (M3): `gross − round(gross / (1 + rate))`,
 * computed in integers as `gross − round(gross × 10000 / (10000 + bps))`.
 */
export function inclusiveTax(gross: number, bps: number): number {
  assertInt(gross, 'gross');
  assertInt(bps, 'bps');
  if (bps === 0) return 0;
  return gross - divRound(gross * 10_000, 10_000 + bps);
}

/** Tax added on top of a tax-exclusive amount: `round(net × rate)`. */
export function exclusiveTax(net: number, bps: number): number {
  return percentOf(net, bps);
}

/**
 * Splits `total` into parts proportional to `weights` by the largest-remainder method (M3).
 * The parts always sum to exactly `total`. Ties go to the earlier index. Weights must be
 * non-negative safe integers; if they are all zero the split is even. `total` may be negative
 * (then every part is ≤ 0). Returns one part per weight; an empty list for no weights only if
 * `total` is 0.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertInt(total, 'total');
  if (weights.length === 0) {
    if (total !== 0) throw new MoneyError('cannot allocate a non-zero amount to no parts');
    return [];
  }
  for (const w of weights) {
    assertInt(w, 'weight');
    if (w < 0) throw new MoneyError('weights must not be negative');
  }
  // BigInt inside, so `total × weight` can never lose precision.
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  const effective = sum === 0n ? weights.map(() => 1n) : weights.map((w) => BigInt(w));
  const denominator = sum === 0n ? BigInt(weights.length) : sum;
  const sign = total < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(total));
  const parts = effective.map((w) => (abs * w) / denominator);
  const remainders = effective.map((w, i) => abs * w - parts[i]! * denominator);
  let left = Number(abs - parts.reduce((a, b) => a + b, 0n));
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (y.r !== x.r ? (y.r > x.r ? 1 : -1) : x.i - y.i));
  for (let k = 0; left > 0; k += 1) {
    parts[order[k]!.i]! += 1n;
    left -= 1;
  }
  return parts.map((p) => (p === 0n ? 0 : sign * Number(p)));
}

/** A discount as entered: a fixed amount in minor units, or a percentage in basis points. */
export type DiscountInput = { type: 'amount'; value: number } | { type: 'percent'; bps: number };

/** The discount in minor units that `d` takes off `gross` (never more than `gross`). */
export function discountAmount(gross: number, d: DiscountInput | undefined): number {
  if (!d) return 0;
  const raw = d.type === 'amount' ? d.value : percentOf(gross, d.bps);
  assertInt(raw, 'discount');
  if (raw < 0) throw new MoneyError('a discount cannot be negative');
  return Math.min(raw, gross);
}

export interface PricedLineInput {
  /** Unit price in minor units as stored on the product (tax-inclusive or not per the store). */
  unitPrice: number;
  /** 1..9999 on a sale. */
  quantity: number;
  taxRateBps: number;
  /** Line discount in minor units, already resolved (0..gross). */
  lineDiscount: number;
}

export interface PricedLine {
  unitPrice: number;
  quantity: number;
  taxRateBps: number;
  /** unitPrice × quantity. */
  gross: number;
  /** Line discount plus this line's share of the cart discount. */
  discount: number;
  tax: number;
  /** What the customer pays for the line: inclusive `gross − discount`, exclusive `+ tax`. */
  total: number;
}

export interface PricedSale {
  lines: PricedLine[];
  /** Σ gross. */
  subtotal: number;
  /** Σ line discounts (including the allocated cart discount). */
  discount: number;
  /** Σ line tax. */
  tax: number;
  /** Σ line totals: the amount due. */
  total: number;
}

/**
 * Prices a sale (M1-M3): each line's gross, the line discount plus its largest-remainder share of
 * the cart discount (weighted by the line's amount after its own discount), tax half-up per line,
 * and totals that are exact sums of the lines. Throws MoneyError for a line over 10^9 minor units
 * or a non-integer anywhere; the caller turns that into VALIDATION_FAILED.
 */
export function priceSale(
  lines: readonly PricedLineInput[],
  cartDiscount: DiscountInput | undefined,
  pricesIncludeTax: boolean,
): PricedSale {
  const grosses = lines.map((l) => {
    assertInt(l.unitPrice, 'unit price');
    assertInt(l.quantity, 'quantity');
    const gross = l.unitPrice * l.quantity;
    if (!Number.isSafeInteger(gross) || Math.abs(gross) > MAX_LINE_AMOUNT) {
      throw new MoneyError(`a line may be at most ${MAX_LINE_AMOUNT} minor units`);
    }
    if (l.lineDiscount < 0 || l.lineDiscount > Math.abs(gross)) {
      throw new MoneyError('a line discount must be between 0 and the line amount');
    }
    return gross;
  });
  const afterLine = grosses.map((g, i) => g - lines[i]!.lineDiscount);
  const cartBase = afterLine.reduce((a, b) => a + b, 0);
  const cart = discountAmount(Math.max(cartBase, 0), cartDiscount);
  const shares = allocate(
    cart,
    afterLine.map((a) => Math.max(a, 0)),
  );
  const priced = lines.map((l, i): PricedLine => {
    const discount = l.lineDiscount + shares[i]!;
    const net = grosses[i]! - discount;
    const tax = pricesIncludeTax
      ? inclusiveTax(net, l.taxRateBps)
      : exclusiveTax(net, l.taxRateBps);
    return {
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      taxRateBps: l.taxRateBps,
      gross: grosses[i]!,
      discount,
      tax,
      total: pricesIncludeTax ? net : net + tax,
    };
  });
  const sum = (f: (l: PricedLine) => number) => priced.reduce((a, l) => a + f(l), 0);
  return {
    lines: priced,
    subtotal: sum((l) => l.gross),
    discount: sum((l) => l.discount),
    tax: sum((l) => l.tax),
    total: sum((l) => l.total),
  };
}

/**
 * The share of an amount that `taken` of `of` units carry, so that taking all units in any number
 * of steps gives back exactly `amount`: `round(amount × (before + taken) / of) − round(amount ×
 * before / of)`. Used for partial refunds: refunding 1 of 3 and then 2 of 3 returns the line total
 * to the minor unit.
 */
export function proportionalShare(
  amount: number,
  of: number,
  before: number,
  taken: number,
): number {
  assertInt(amount, 'amount');
  if (!(of > 0) || before < 0 || taken < 0 || before + taken > of) {
    throw new MoneyError('share out of range');
  }
  return divRound(amount * (before + taken), of) - divRound(amount * before, of);
}

/** ISO 4217 minor-unit exponent (JPY 0, GBP 2, KWD 3), from the platform's Intl data. */
export function currencyExponent(currency: string): number {
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits as number;
}

/**
 * Formats minor units for people, at the edge only: `formatMoney(1234, 'GBP', 'en-GB')` → "£12.34".
 */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const exp = currencyExponent(currency);
  return numberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** exp);
}

/**
 * Parses an amount as typed or as written in a file ("12.34", "-0.5", "3") into minor units,
 * exactly (no floating point). Returns null for anything that is not a plain decimal with at most
 * `exponent` decimals.
 */
export function parseMoney(text: string, exponent: number): number | null {
  const m = /^(-?)(\d{1,13})(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > exponent && !/^0*$/.test(frac.slice(exponent))) return null;
  const digits = m[2]! + frac.slice(0, exponent).padEnd(exponent, '0');
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return null;
  return m[1] === '-' && n !== 0 ? -n : n;
}

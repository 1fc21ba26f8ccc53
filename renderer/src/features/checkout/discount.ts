/** Discounts as the cashier types them: an amount in the store currency, or a percentage. */
import { type DiscountInput, parseMoney } from '../../../../shared/money';
import { count, money } from '../../format/locale';

/** "10 %" or "£1.50" ("12,5 %" and "1,50 £" in German), in the current locale. */
export function discountLabel(d: DiscountInput, currency: string): string {
  return d.type === 'percent' ? `${count(d.bps / 100)} %` : money(d.value, currency);
}

/** Basis points as a percentage with no trailing zeros: 1250 → "12.5". */
export function formatPercent(bps: number): string {
  return (bps / 100).toFixed(2).replace(/\.?0+$/, '');
}

/**
 * Parses what was typed into a discount: a percentage 0..100 with up to two decimals (in basis
 * points), or an amount with at most the currency's decimals (in minor units). Null if invalid.
 */
export function parseDiscount(
  type: DiscountInput['type'],
  text: string,
  exponent: number,
): DiscountInput | null {
  if (type === 'percent') {
    const bps = parseMoney(text, 2);
    return bps !== null && bps > 0 && bps <= 10_000 ? { type, bps } : null;
  }
  const value = parseMoney(text, exponent);
  return value !== null && value > 0 ? { type, value } : null;
}

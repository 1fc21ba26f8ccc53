/**
 * A cash count as the cashier types it: a quantity per denomination (minor units of the store
 * currency), or one typed total. Pure helpers, so the dialogs and the tests share the arithmetic;
 * the core sums the count again and is the authority.
 */
import {
  type DenominationCount,
  MAX_DENOMINATION_QUANTITY,
} from '../../../../shared/denominations';
import { parseMoney } from '../../../../shared/money';

/** What the count dialog holds while the cashier types. Quantities are the text as typed. */
export interface CountDraft {
  mode: 'count' | 'total';
  /** Quantity text per denomination value (minor units), e.g. { 2000: '3', 50: '' }. */
  quantities: Record<number, string>;
  /** The typed total ("125.50"), used in mode 'total'. */
  total: string;
}

export const emptyDraft = (): CountDraft => ({ mode: 'count', quantities: {}, total: '' });

/** A typed quantity as a whole number of pieces, or null when it is not one (blank is 0). */
export function pieces(text: string | undefined): number | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= MAX_DENOMINATION_QUANTITY ? n : null;
}

/** The draft's total in minor units, or null while any field holds something that is not a number. */
export function draftTotal(draft: CountDraft, exponent: number): number | null {
  if (draft.mode === 'total') {
    const amount = parseMoney(draft.total, exponent);
    return amount !== null && amount >= 0 ? amount : null;
  }
  let sum = 0;
  for (const [value, text] of Object.entries(draft.quantities)) {
    const n = pieces(text);
    if (n === null) return null;
    sum += Number(value) * n;
  }
  return sum;
}

/**
 * The count for the core: the pieces per denomination counted (only those above 0). A typed
 * total is made up from the table largest first (the core takes counts by denomination only);
 * null when the draft is not a valid amount or a typed total cannot be made of the table's notes
 * and coins (e.g. CHF 0.03 where 5 rappen is the smallest coin).
 */
export function draftCount(
  draft: CountDraft,
  denominations: readonly number[],
  exponent: number,
): DenominationCount[] | null {
  const total = draftTotal(draft, exponent);
  if (total === null) return null;
  if (draft.mode === 'total') {
    let left = total;
    const count: DenominationCount[] = [];
    for (const value of [...denominations].sort((a, b) => b - a)) {
      const quantity = Math.floor(left / value);
      if (quantity > 0) count.push({ value, quantity });
      left -= quantity * value;
    }
    return left === 0 ? count : null;
  }
  return Object.entries(draft.quantities)
    .map(([value, text]) => ({ value: Number(value), quantity: pieces(text) ?? 0 }))
    .filter((line) => line.quantity > 0)
    .sort((a, b) => b.value - a.value);
}

/**
 * The close wizard's arithmetic: the counted other tenders (card batch total, other) as typed,
 * and the comparison rows against an X report taken after the blind count was submitted.
 * Amounts are minor units; the core computes the Z report's figures again and is the authority.
 */
import type { ShiftFigures, TenderType } from '../../../../shared/contract';
import { overShort } from '../../../../shared/denominations';
import { parseMoney } from '../../../../shared/money';

export type OtherTender = 'card' | 'other';
export const OTHER_TENDERS: readonly OtherTender[] = ['card', 'other'];

/** Typed totals of the other tenders, as text. */
export type OtherDraft = Record<OtherTender, string>;

/** One row of expected against counted; overShort = counted − expected. */
export interface CompareRow {
  type: TenderType;
  expected: number;
  counted: number;
  overShort: number;
}

/** The typed amount of `type` in minor units: blank is 0; null when it is not an amount ≥ 0. */
export function otherAmount(draft: OtherDraft, type: OtherTender, exponent: number): number | null {
  const text = draft[type].trim();
  if (text === '') return 0;
  const minor = parseMoney(text, exponent);
  return minor !== null && minor >= 0 ? minor : null;
}

/** The counted other tenders for `shifts:close` (those above 0), or null while one is invalid. */
export function countedOther(
  draft: OtherDraft,
  exponent: number,
): Array<{ type: OtherTender; amount: number }> | null {
  const out: Array<{ type: OtherTender; amount: number }> = [];
  for (const type of OTHER_TENDERS) {
    const amount = otherAmount(draft, type, exponent);
    if (amount === null) return null;
    if (amount > 0) out.push({ type, amount });
  }
  return out;
}

/** What the X report expects for `type`: the expected cash, or the tender's total so far. */
export function expectedFor(figures: ShiftFigures, type: TenderType): number {
  if (type === 'cash') return figures.expectedCash;
  return figures.byTender.find((row) => row.type === type)?.amount ?? 0;
}

/** A comparison row for `type` counted as `counted`. */
export function compare(figures: ShiftFigures, type: TenderType, counted: number): CompareRow {
  const expected = expectedFor(figures, type);
  return { type, expected, counted, overShort: overShort(expected, counted) };
}

/**
 * The tender arithmetic the payment dialog shows, following the rule the core enforces
 * (electron/core/sales/tenders.ts): card and other payments count at face value and may not come
 * to more than the amount due; cash covers the rest and is the only tender that gives change.
 * The core settles the sale again on "Complete sale"; this is only what the cashier sees first.
 * Every amount is in minor units.
 */
import type { TenderType } from '../../../../shared/contract';
import { t } from '../../i18n';

/**
 * A cash tender more than this many times what is left to pay is asked about first (issue 8,
 * item 1: a scanned barcode once became "Cash £22,784.00" on a £7 sale).
 */
export const CONFIRM_FACTOR = 100;

export interface DraftTender {
  type: TenderType;
  /** Minor units; for cash, what the customer handed over. */
  amount: number;
}

export interface TenderSummary {
  /** Σ card and other. */
  nonCash: number;
  /** Σ cash handed over. */
  cash: number;
  /** What is still to pay (never negative). */
  remaining: number;
  /** Cash to give back (never negative). */
  change: number;
}

/** Remaining due and change for `tenders` against `total`. */
export function summarizeTenders(total: number, tenders: readonly DraftTender[]): TenderSummary {
  const nonCash = tenders.filter((t) => t.type !== 'cash').reduce((a, t) => a + t.amount, 0);
  const cash = tenders.filter((t) => t.type === 'cash').reduce((a, t) => a + t.amount, 0);
  const dueInCash = Math.max(0, total - nonCash);
  return {
    nonCash,
    cash,
    remaining: Math.max(0, dueInCash - cash),
    change: Math.max(0, cash - dueInCash),
  };
}

/**
 * Why `tender` may not be added to `tenders` (the core's TENDER_INVALID rule), or null if it may.
 */
export function tenderRefusal(
  total: number,
  tenders: readonly DraftTender[],
  tender: DraftTender,
): string | null {
  if (!Number.isSafeInteger(tender.amount) || tender.amount <= 0)
    return t('checkout:tender.refuse.zero');
  const { nonCash, remaining } = summarizeTenders(total, tenders);
  if (tender.type !== 'cash' && nonCash + tender.amount > total)
    return t('checkout:tender.refuse.overCard');
  if (tender.type === 'cash' && remaining === 0) return t('checkout:tender.refuse.nothingLeft');
  if (tenders.length >= 10) return t('checkout:tender.refuse.tooMany', { count: 10 });
  return null;
}

/** True when `tender` is over {@link CONFIRM_FACTOR} × what is left to pay, so the cashier confirms it. */
export function needsConfirmation(
  total: number,
  tenders: readonly DraftTender[],
  tender: DraftTender,
): boolean {
  const { remaining } = summarizeTenders(total, tenders);
  return remaining > 0 && tender.amount > CONFIRM_FACTOR * remaining;
}

/** How many cash amounts the payment dialog offers at most. */
const SUGGESTIONS = 4;

/**
 * The cash a customer is likely to hand over for `remaining` (minor units, > 0), offered as quick
 * buttons: `remaining` rounded up to a whole number of each of the store's notes (`notes`, minor
 * units, from its denomination table), above `remaining` and at most {@link CONFIRM_FACTOR} ×
 * it (a button never asks), smallest first, at most four. Without notes (a currency Kassa has no
 * table for, and the store has not entered one) a 1-2-5 series of whole major units stands in.
 *
 * £7.50 with £5 … £50 notes: £10, £20, £50. IDR 109,670,000 with Rp1,000 … Rp100,000 notes:
 * 109,680,000 and 109,700,000. As Square and Shopify POS offer the next round amounts of cash
 * (docs/sales.md, "Large figures and cash suggestions").
 */
export function cashSuggestions(
  remaining: number,
  notes: readonly number[],
  exponent: number,
): number[] {
  if (remaining <= 0) return [];
  const steps = notes.length > 0 ? notes : series(remaining, 10 ** exponent);
  const amounts = new Set<number>();
  for (const step of steps) {
    const amount = Math.ceil(remaining / step) * step;
    if (amount > remaining && amount <= CONFIRM_FACTOR * remaining) amounts.add(amount);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, SUGGESTIONS);
}

/**
 * 1, 2, 5, 10, 20, 50 … whole major units (`unit` minor units each), from the decade a thousandth
 * of `remaining` reaches (no one rounds a 109,670,001 total up to the next unit) to 10 × it.
 */
function series(remaining: number, unit: number): number[] {
  let decade = unit;
  while (decade * 1000 < remaining) decade *= 10;
  const steps: number[] = [];
  for (; decade <= remaining * 10; decade *= 10) steps.push(decade, 2 * decade, 5 * decade);
  return steps;
}

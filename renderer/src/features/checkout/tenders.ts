/**
 * The tender arithmetic the payment dialog shows, following the rule the core enforces
 * (electron/core/sales/tenders.ts): card and other payments count at face value and may not come
 * to more than the amount due; cash covers the rest and is the only tender that gives change.
 * The core settles the sale again on "Complete sale"; this is only what the cashier sees first.
 * Every amount is in minor units.
 */
import type { TenderType } from '../../../../shared/contract';

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
    return 'Enter an amount more than zero.';
  const { nonCash, remaining } = summarizeTenders(total, tenders);
  if (tender.type !== 'cash' && nonCash + tender.amount > total)
    return 'Card and other payments cannot be more than the amount due; change is given only in cash.';
  if (tender.type === 'cash' && remaining === 0) return 'Nothing is left to pay.';
  if (tenders.length >= 10) return 'At most 10 payments on one sale.';
  return null;
}

/**
 * Cash notes offered as quick buttons, in minor units, from the currency's minor-unit exponent:
 * 5, 10, 20 and 50 major units for two-decimal currencies (£5 … £50), 1 000 … 10 000 for
 * currencies without minor units (¥), and 1, 5, 10, 20 for three-decimal ones (KWD).
 */
export function cashNotes(exponent: number): number[] {
  const unit = 10 ** exponent;
  if (exponent === 0) return [1000, 2000, 5000, 10000];
  if (exponent >= 3) return [1, 5, 10, 20].map((n) => n * unit);
  return [5, 10, 20, 50].map((n) => n * unit);
}

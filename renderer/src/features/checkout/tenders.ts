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

/** Small display rules shared by the transactions list, the sale detail and its dialogs. */
import type { SaleDetail, SaleLineView, TenderType } from '../../../../shared/contract';
import { divRound } from '../../../../shared/money';
import { t } from '../../i18n';

/** The tender types in the order they are offered. */
export const TENDER_TYPES: readonly TenderType[] = ['cash', 'card', 'other'];

/** "Cash" / "Bar": a tender type's name in the current language. */
export function tenderLabel(type: TenderType): string {
  return t(`transactions:tender.${type}`);
}

/** A line's description for display: imported data often carries padding and doubled spaces. */
export function displayDescription(description: string): string {
  return description.trim().replace(/\s+/g, ' ');
}

/** "#12" (English) / "Nr. 12" (German). */
export function receiptLabel(receiptNo: number): string {
  return t('transactions:receiptLabel', { receiptNo });
}

/** Units of a sale line that may still be refunded. */
export function refundableQuantity(line: SaleLineView): number {
  return Math.max(0, line.quantity - line.refundedQuantity);
}

/** The tender that paid most of the sale: the default for a refund. */
export function mainTender(sale: SaleDetail): TenderType {
  let best: SaleDetail['tenders'][number] | null = null;
  for (const t of sale.tenders) if (!best || Math.abs(t.amount) > Math.abs(best.amount)) best = t;
  return best?.type ?? 'cash';
}

/**
 * An estimate of a refund, in minor units: Σ line.total × quantity / line.quantity. The core works
 * out the exact amount (it shares discounts and tax out by largest remainder).
 */
export function refundEstimate(
  lines: readonly SaleLineView[],
  quantities: Readonly<Record<number, number>>,
): number {
  let sum = 0;
  for (const line of lines) {
    const qty = quantities[line.id] ?? 0;
    if (qty > 0 && line.quantity > 0) sum += divRound(line.total * qty, line.quantity);
  }
  return sum;
}

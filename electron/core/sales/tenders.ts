/**
 * Settling a sale's tenders: card and other payments count at face value and may not exceed the
 * amount due; cash covers the rest and is the only tender that gives change. The settled tenders
 * always sum to the total exactly.
 */
import { AppError } from '../../../shared/errors';
import type { TenderType } from '../../../shared/contract';
import type { NewTender } from './sale-writer';

export interface TenderInput {
  type: TenderType;
  /** Minor units; for cash, what the customer handed over. */
  amount: number;
}

/**
 * Errors: TENDER_INVALID (a zero payment, non-cash over the total, or cash when nothing is left to
 * pay), TENDER_SHORT (the payments do not cover the total).
 */
export function settleTenders(total: number, tenders: readonly TenderInput[]): NewTender[] {
  if (tenders.some((t) => t.amount <= 0))
    throw new AppError('TENDER_INVALID', 'Each payment must be more than zero.');
  const nonCash = tenders.filter((t) => t.type !== 'cash');
  const nonCashTotal = nonCash.reduce((a, t) => a + t.amount, 0);
  const cashTendered = tenders.filter((t) => t.type === 'cash').reduce((a, t) => a + t.amount, 0);
  if (nonCashTotal > total)
    throw new AppError(
      'TENDER_INVALID',
      'Card and other payments cannot come to more than the amount due: change is given only in cash.',
    );
  const dueInCash = total - nonCashTotal;
  if (cashTendered < dueInCash)
    throw new AppError('TENDER_SHORT', 'The payments do not cover the amount due.', [
      { path: 'tenders', message: `${dueInCash - cashTendered} minor units still due` },
    ]);
  if (dueInCash === 0 && cashTendered > 0)
    throw new AppError('TENDER_INVALID', 'Nothing is left to pay in cash.');
  const settled: NewTender[] = nonCash.map((t) => ({
    type: t.type,
    amount: t.amount,
    tendered: null,
    changeDue: null,
  }));
  if (cashTendered > 0)
    settled.push({
      type: 'cash',
      amount: dueInCash,
      tendered: cashTendered,
      changeDue: cashTendered - dueInCash,
    });
  return settled;
}

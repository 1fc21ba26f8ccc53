/**
 * The purchase order screens' small rules (issue 11, section 3): the colour of each status, the
 * quantity still to come on a line, and a draft line as typed against the contract's limits.
 */
import type {
  PurchaseOrderCandidate,
  PurchaseOrderStatus,
  PurchaseOrderView,
} from '../../../../shared/contract';
import { MAX_RECEIVE_QUANTITY, MAX_UNIT_COST } from '../../../../shared/contract/receiving';
import { parseMoney } from '../../../../shared/money';
import { minorToText } from '../products/product-form';

/** Badge colours: a light background of the colour with its shade-9 text (WCAG 1.4.3). */
export const STATUS_COLOR: Record<PurchaseOrderStatus, string> = {
  draft: 'gray',
  ordered: 'blue',
  partial: 'orange',
  received: 'teal',
  cancelled: 'red',
};

/** What is still to come on `line`: ordered − received, never below 0. */
export function outstanding(line: PurchaseOrderView['lines'][number]): number {
  return Math.max(0, line.quantity - line.received);
}

/** One line of a draft as typed: the product, a quantity and the unit cost as decimal text. */
export interface DraftLine {
  productId: number;
  sku: string;
  name: string;
  quantity: number | string;
  cost: string;
}

/** A candidate as a new draft line: its suggested quantity (or 1) at its last cost (or blank). */
export function draftLineOf(c: PurchaseOrderCandidate, exponent: number): DraftLine {
  return {
    productId: c.productId,
    sku: c.sku,
    name: c.name,
    quantity: c.suggested ?? 1,
    cost: c.lastCost === null ? '' : minorToText(c.lastCost, exponent),
  };
}

/** An order's line as a draft line, for editing a draft. */
export function draftLineOfView(l: PurchaseOrderView['lines'][number], exponent: number) {
  return {
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    cost: minorToText(l.unitCost, exponent),
  } satisfies DraftLine;
}

/** The typed quantity when it is a whole 1..10^6, else null. */
export function quantityOf(value: number | string): number | null {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_RECEIVE_QUANTITY ? n : null;
}

/** The typed cost ("1.20" or "1,20") in minor units when it is 0..10^9, else null. */
export function costOf(text: string, exponent: number): number | null {
  const minor = parseMoney(text.replace(',', '.'), exponent);
  return minor !== null && minor >= 0 && minor <= MAX_UNIT_COST ? minor : null;
}

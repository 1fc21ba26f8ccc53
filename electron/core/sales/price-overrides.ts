/**
 * What a member needs permission `sales.discountOverride` for (M2): a line or sale discount above
 * the store's limit (setting `maxDiscountBps`, default 50 %), and a price typed at the till for an
 * open-price product. Without the permission the cart is refused with OVERRIDE_REQUIRED, at quote
 * time as at checkout; with it, checkout records one `sale.override` audit row naming each one.
 *
 * A percentage is compared as entered; an amount with the limit's share of what it applies to,
 * rounded as a percentage discount is (half-up, `percentOf`), so a discount of exactly the limit
 * is allowed either way. The sale limit covers line and sale discounts together, so two
 * discounts under the limit cannot stack above it.
 */
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import {
  discountAmount,
  percentOf,
  type DiscountInput,
  type PricedSale,
} from '../../../shared/money';
import type { Permission } from '../../../shared/permissions';
import { run } from '../db/sql';

/** The permission that allows every override. */
export const OVERRIDE_PERMISSION: Permission = 'sales.discountOverride';

export interface Override {
  /** The cart field: `lines.<i>.discount`, `lines.<i>.unitPrice` or `discount`. */
  path: string;
  /** For the cashier. */
  message: string;
  /** For the audit row. */
  detail: string;
}

/** 5000 → "50 %", 1250 → "12.5 %". */
export function percentText(bps: number): string {
  return `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')} %`;
}

/**
 * The discounts in `priced` above `maxBps`: a percentage above it, or an amount above that share
 * of what it applies to. `lineDiscounts[i]` is line i's own discount as entered and `names[i]` its
 * description; `saleDiscount` the cart's discount as entered.
 */
export function discountOverrides(
  priced: PricedSale,
  lineDiscounts: readonly (DiscountInput | undefined)[],
  names: readonly string[],
  saleDiscount: DiscountInput | undefined,
  maxBps: number,
): Override[] {
  const limit = percentText(maxBps);
  const out: Override[] = [];
  let ownTotal = 0;
  priced.lines.forEach((l, i) => {
    const own = discountAmount(l.gross, lineDiscounts[i]);
    ownTotal += own;
    if (above(lineDiscounts[i], own, l.gross, maxBps))
      out.push({
        path: `lines.${i}.discount`,
        message: `A discount above ${limit} needs a manager.`,
        detail: `line ${i + 1} ${names[i]}: discount ${own} of ${l.gross} (limit ${limit})`,
      });
  });
  // The sale discount is judged with the line discounts: two under the limit may not stack above
  // it. Rounded per line or as a whole, whichever allows more, so lines at the limit always pass.
  const allowed = Math.max(
    percentOf(priced.subtotal, maxBps),
    priced.lines.reduce((a, l) => a + percentOf(l.gross, maxBps), 0),
  );
  if (
    saleDiscount &&
    (above(saleDiscount, priced.discount - ownTotal, priced.subtotal - ownTotal, maxBps) ||
      priced.discount > allowed)
  )
    out.push({
      path: 'discount',
      message: `Discounts on this sale come to more than ${limit}: that needs a manager.`,
      detail: `sale: discounts ${priced.discount} of ${priced.subtotal} (limit ${limit})`,
    });
  return out;
}

/** A percentage above `maxBps`, or an amount (`taken` of `base`) above `maxBps` of its base. */
function above(d: DiscountInput | undefined, taken: number, base: number, maxBps: number): boolean {
  if (!d) return false;
  return d.type === 'percent' ? d.bps > maxBps : taken > percentOf(base, maxBps);
}

/** An open-price line: the price was typed at the till. */
export function openPriceOverride(index: number, name: string, unitPrice: number): Override {
  return {
    path: `lines.${index}.unitPrice`,
    message: `${name} has an open price: a manager must enter it.`,
    detail: `line ${index + 1} ${name}: open price ${unitPrice}`,
  };
}

/** OVERRIDE_REQUIRED naming each override, for a member without the permission. */
export function overrideRequired(overrides: readonly Override[]): AppError {
  return new AppError(
    'OVERRIDE_REQUIRED',
    overrides.length === 1
      ? overrides[0]!.message
      : 'This sale needs a manager: see the marked lines.',
    overrides.map((o) => ({ path: o.path, message: o.message })),
  );
}

/**
 * Whether `staffId` holds the override permission now, read through `em` (the sale's write
 * transaction at checkout), from `role_permissions` rather than the session copy (A8).
 */
export async function mayOverride(em: EntityManager, staffId: number): Promise<boolean> {
  const rows = await run(
    em,
    `SELECT 1 AS x FROM staff s JOIN role_permissions rp ON rp.role_id = s.role_id
      WHERE s.id = ? AND s.status = 'active' AND rp.permission_id = ?`,
    [staffId, OVERRIDE_PERMISSION],
  );
  return rows.length > 0;
}

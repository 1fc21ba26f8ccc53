/**
 * Prices a cart from the database (the renderer never sends prices, except the one it types for
 * an open-price product): loads each product, refuses unknown, inactive, archived or
 * discount-kind products and stock products priced 0 that are not open price
 * (PRODUCT_UNAVAILABLE), resolves line and cart discounts, and applies shared/money.ts priceSale
 * (M1-M3). A MoneyError (a line over 10^9 minor units) and an amount discount larger than its
 * line (or than the cart) are VALIDATION_FAILED. Discounts above the store's limit and open prices
 * are overrides (price-overrides.ts): OVERRIDE_REQUIRED unless `rules.mayOverride()`.
 */
import type { EntityManager } from 'typeorm';
import type { Cart, Quote } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { MoneyError, discountAmount, priceSale, type DiscountInput } from '../../../shared/money';
import { run } from '../db/sql';
import type { MoneyRules } from '../settings/settings-service';
import {
  discountOverrides,
  openPriceOverride,
  overrideRequired,
  type Override,
} from './price-overrides';

export interface CartInput {
  lines: Array<{
    productId: number;
    quantity: number;
    discount?: DiscountInput | undefined;
    /** Minor units; only for an open-price product. */
    unitPrice?: number | undefined;
  }>;
  discount?: DiscountInput | undefined;
}

/** The store settings a cart is priced with, and whether the member may override the limits. */
export interface PricingRules extends MoneyRules {
  /** Asked only when the cart uses an override, so an ordinary sale costs no extra query. */
  mayOverride: () => Promise<boolean>;
}

export interface PricedCart {
  quote: Quote;
  /** The overrides the cart uses (empty unless `mayOverride`): for the audit row. */
  overrides: Override[];
}

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  price: number;
  tax_rate_bps: number;
  kind: string;
  active: boolean | number;
  open_price: boolean | number;
  archived_at: string | null;
  /** Issue 11, section 2: the stock on hand (0 for non-stock kinds). */
  on_hand: number;
}

/**
 * Prices `cart`; the quote's lines are in cart order.
 * Errors: PRODUCT_UNAVAILABLE, VALIDATION_FAILED, OVERRIDE_REQUIRED.
 */
export async function priceCart(
  em: EntityManager,
  cart: CartInput,
  rules: PricingRules,
): Promise<PricedCart> {
  const ids = [...new Set(cart.lines.map((l) => l.productId))];
  const rows = await run<ProductRow>(
    em,
    `SELECT id, sku, name, price, tax_rate_bps, kind, active, open_price, archived_at,
      on_hand FROM products
      WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
    { reusePlan: true },
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const overrides: Override[] = [];
  const products = cart.lines.map((l, i) => {
    const p = byId.get(l.productId);
    if (!p) throw unavailable(i, 'That product does not exist.');
    if (!p.active || p.archived_at !== null)
      throw unavailable(i, `${p.name} is not for sale at the moment.`);
    if (p.kind === 'discount')
      throw unavailable(i, `${p.name} is a discount item; use a discount on the sale instead.`);
    if (p.open_price) {
      if (l.unitPrice === undefined)
        throw invalid(`lines.${i}.unitPrice`, `Enter the price of ${p.name}.`);
      overrides.push(openPriceOverride(i, p.name, l.unitPrice));
    } else if (l.unitPrice !== undefined) {
      throw invalid(`lines.${i}.unitPrice`, `The price of ${p.name} comes from the product list.`);
    } else if (Number(p.price) === 0 && p.kind === 'stock') {
      throw unavailable(i, `${p.name} has no price. Set one in Products, or mark it open price.`);
    }
    // Not `{ ...p, unitPrice }`: spreading a row and adding a field is a V8 runtime call each.
    return { row: p, unitPrice: l.unitPrice ?? Number(p.price) };
  });
  try {
    const lines = cart.lines.map((l, i) => {
      const unitPrice = products[i]!.unitPrice;
      const gross = unitPrice * l.quantity;
      // An amount discount larger than what it applies to is a typing error, not "make it free" (M2).
      if (l.discount?.type === 'amount' && l.discount.value > gross)
        throw tooLarge(`lines.${i}.discount`, gross);
      return {
        unitPrice,
        quantity: l.quantity,
        taxRateBps: Number(products[i]!.row.tax_rate_bps),
        lineDiscount: discountAmount(gross, l.discount),
      };
    });
    const afterLines = lines.reduce((a, l) => a + l.unitPrice * l.quantity - l.lineDiscount, 0);
    if (cart.discount?.type === 'amount' && cart.discount.value > afterLines)
      throw tooLarge('discount', afterLines);
    const priced = priceSale(lines, cart.discount, rules.pricesIncludeTax);
    overrides.push(
      ...discountOverrides(
        priced,
        cart.lines.map((l) => l.discount),
        products.map((p) => p.row.name),
        cart.discount,
        rules.maxDiscountBps,
      ),
    );
    if (overrides.length > 0 && !(await rules.mayOverride())) throw overrideRequired(overrides);
    const quote: Quote = {
      lines: priced.lines.map((l, i) => ({
        productId: Number(products[i]!.row.id),
        sku: products[i]!.row.sku,
        description: products[i]!.row.name,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        taxRateBps: l.taxRateBps,
        discount: l.discount,
        tax: l.tax,
        total: l.total,
        onHand: products[i]!.row.kind === 'stock' ? Number(products[i]!.row.on_hand) : null,
      })),
      subtotal: priced.subtotal,
      discount: priced.discount,
      tax: priced.tax,
      total: priced.total,
      currency: rules.currency,
      pricesIncludeTax: rules.pricesIncludeTax,
    };
    return { quote, overrides };
  } catch (e) {
    if (e instanceof MoneyError)
      throw new AppError('VALIDATION_FAILED', 'The sale is not valid.', [
        { path: 'lines', message: e.message },
      ]);
    throw e;
  }
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path, message }]);
}

function tooLarge(path: string, max: number): AppError {
  return new AppError('VALIDATION_FAILED', 'The sale is not valid.', [
    { path, message: `A discount cannot be more than ${max} minor units` },
  ]);
}

function unavailable(index: number, message: string): AppError {
  return new AppError('PRODUCT_UNAVAILABLE', message, [
    { path: `lines.${index}.productId`, message },
  ]);
}

export type { Cart };

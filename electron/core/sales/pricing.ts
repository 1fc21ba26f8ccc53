/**
 * Prices a cart from the database (the renderer never sends prices): loads each product, refuses
 * unknown, inactive, archived or discount-kind products (PRODUCT_UNAVAILABLE), resolves line and
 * cart discounts, and applies shared/money.ts priceSale (M1-M3). A MoneyError (a line over 10^9
 * minor units) and an amount discount larger than its line (or than the cart) are
 * VALIDATION_FAILED.
 */
import type { EntityManager } from 'typeorm';
import type { Cart, Quote } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { MoneyError, discountAmount, priceSale, type DiscountInput } from '../../../shared/money';
import { run } from '../db/sql';

export interface CartInput {
  lines: Array<{ productId: number; quantity: number; discount?: DiscountInput | undefined }>;
  discount?: DiscountInput | undefined;
}

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  price: number;
  tax_rate_bps: number;
  kind: string;
  active: boolean | number;
  archived_at: string | null;
}

/** Prices `cart`; the quote's lines are in cart order. Errors: PRODUCT_UNAVAILABLE, VALIDATION_FAILED. */
export async function priceCart(
  em: EntityManager,
  cart: CartInput,
  pricesIncludeTax: boolean,
  currency: string,
): Promise<Quote> {
  const ids = [...new Set(cart.lines.map((l) => l.productId))];
  const rows = await run<ProductRow>(
    em,
    `SELECT id, sku, name, price, tax_rate_bps, kind, active, archived_at FROM products
      WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const products = cart.lines.map((l, i) => {
    const p = byId.get(l.productId);
    if (!p) throw unavailable(i, 'That product does not exist.');
    if (!p.active || p.archived_at !== null)
      throw unavailable(i, `${p.name} is not for sale at the moment.`);
    if (p.kind === 'discount')
      throw unavailable(i, `${p.name} is a discount item; use a discount on the sale instead.`);
    return p;
  });
  try {
    const lines = cart.lines.map((l, i) => {
      const unitPrice = Number(products[i]!.price);
      const gross = unitPrice * l.quantity;
      // An amount discount larger than what it applies to is a typing error, not "make it free" (M2).
      if (l.discount?.type === 'amount' && l.discount.value > gross)
        throw tooLarge(`lines.${i}.discount`, gross);
      return {
        unitPrice,
        quantity: l.quantity,
        taxRateBps: Number(products[i]!.tax_rate_bps),
        lineDiscount: discountAmount(gross, l.discount),
      };
    });
    const afterLines = lines.reduce((a, l) => a + l.unitPrice * l.quantity - l.lineDiscount, 0);
    if (cart.discount?.type === 'amount' && cart.discount.value > afterLines)
      throw tooLarge('discount', afterLines);
    const priced = priceSale(lines, cart.discount, pricesIncludeTax);
    return {
      lines: priced.lines.map((l, i) => ({
        productId: Number(products[i]!.id),
        sku: products[i]!.sku,
        description: products[i]!.name,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        taxRateBps: l.taxRateBps,
        discount: l.discount,
        tax: l.tax,
        total: l.total,
      })),
      subtotal: priced.subtotal,
      discount: priced.discount,
      tax: priced.tax,
      total: priced.total,
      currency,
      pricesIncludeTax,
    };
  } catch (e) {
    if (e instanceof MoneyError)
      throw new AppError('VALIDATION_FAILED', 'The sale is not valid.', [
        { path: 'lines', message: e.message },
      ]);
    throw e;
  }
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

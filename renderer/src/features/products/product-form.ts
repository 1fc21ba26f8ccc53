/**
 * The product form's values as typed (price as a decimal, tax rate as a percent) and their
 * conversion to and from the channel's minor units and basis points.
 */
import {
  PRODUCT_KINDS,
  type ChannelInput,
  type ProductKind,
  type ProductView,
} from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { MAX_TAX_RATE_BPS, parseMoney } from '../../../../shared/money';

export interface ProductFormValues {
  sku: string;
  barcode: string;
  name: string;
  /** As typed, e.g. "2.55". */
  price: string;
  /** A percent as typed, e.g. "20" or "17.5". */
  taxRate: string;
  kind: ProductKind;
  active: boolean;
  /** The cashier types the price at the till. */
  openPrice: boolean;
}

export const PRODUCT_FORM_FIELDS = [
  'sku',
  'barcode',
  'name',
  'price',
  'taxRate',
  'kind',
  'active',
  'openPrice',
] as const;

export const KIND_LABELS: Record<ProductKind, string> = {
  stock: 'Stock item',
  fee: 'Fee',
  postage: 'Postage',
  discount: 'Discount',
  manual: 'Manual item',
};

export const KIND_OPTIONS = PRODUCT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

/** Minor units as a plain decimal for an input: 255, 2 → "2.55"; 1000, 0 → "1000". */
export function minorToText(minor: number, exponent: number): string {
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = exponent > 0 ? digits.slice(0, -exponent) : digits;
  const frac = exponent > 0 ? `.${digits.slice(-exponent)}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${frac}`;
}

/** Basis points as a percent without trailing zeros: 2000 → "20", 1750 → "17.5", 550 → "5.5". */
export function bpsToPercent(bps: number): string {
  return minorToText(bps, 2).replace(/\.?0+$/, '') || '0';
}

/** A typed percent as basis points: "20" → 2000, "17.5" → 1750; null when not 0..100 with ≤ 2 decimals. */
export function percentToBps(text: string): number | null {
  const bps = parseMoney(text.replace('%', '').trim(), 2);
  return bps === null || bps < 0 || bps > MAX_TAX_RATE_BPS ? null : bps;
}

/**
 * The form for a new product (its tax rate the store's default, a setting, when known) or for
 * `product`.
 */
export function initialValues(
  product: ProductView | null,
  exponent: number,
  defaultTaxRateBps: number | null = null,
): ProductFormValues {
  if (!product)
    return {
      sku: '',
      barcode: '',
      name: '',
      price: '',
      taxRate: defaultTaxRateBps === null ? '' : bpsToPercent(defaultTaxRateBps),
      kind: 'stock',
      active: true,
      openPrice: false,
    };
  return {
    sku: product.sku,
    barcode: product.barcode ?? '',
    name: product.name,
    price: minorToText(product.price, exponent),
    taxRate: bpsToPercent(product.taxRateBps),
    kind: product.kind,
    active: product.active,
    openPrice: product.openPrice,
  };
}

/** Checks what only the renderer can check (the amounts as typed); the rest is the contract's. */
export function validateAmounts(
  values: ProductFormValues,
  exponent: number,
): Partial<Record<keyof ProductFormValues, string>> {
  const errors: Partial<Record<keyof ProductFormValues, string>> = {};
  const price = parseMoney(values.price, exponent);
  if (values.price.trim() === '') errors.price = 'Required';
  else if (price === null || price < 0)
    errors.price =
      exponent === 0
        ? 'Enter a whole amount, e.g. 250'
        : `Enter an amount with at most ${exponent} decimals, e.g. 2.55`;
  if (values.taxRate.trim() === '') errors.taxRate = 'Required (0 if no tax)';
  else if (percentToBps(values.taxRate) === null)
    errors.taxRate = 'Enter a percent from 0 to 100, e.g. 20 or 5.5';
  return errors;
}

/** The channel input for valid form values (call `validateAmounts` first). */
export function toProductInput(
  values: ProductFormValues,
  exponent: number,
): ChannelInput<'products:create'> {
  return {
    sku: values.sku.trim(),
    barcode: values.barcode.trim() || null,
    name: values.name.trim(),
    price: parseMoney(values.price, exponent) ?? 0,
    taxRateBps: percentToBps(values.taxRate) ?? 0,
    kind: values.kind,
    active: values.active,
    openPrice: values.openPrice,
  };
}

/**
 * Points the core's field problems at this form's fields: `taxRateBps` is typed here as `taxRate`,
 * and a CONFLICT that names the SKU or barcode in its text but has no issues gets one, so the
 * message shows under the field either way.
 */
export function productFormError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const rename = (path: string) => (path.split('.')[0] === 'taxRateBps' ? 'taxRate' : path);
  if (error.issues?.length)
    return new AppError(
      error.code,
      error.message,
      error.issues.map((i) => ({ ...i, path: rename(i.path) })),
    );
  if (error.code === 'CONFLICT') {
    const text = error.message.toLowerCase();
    const issues = [
      ...(text.includes('sku') ? [{ path: 'sku', message: 'This SKU is already used.' }] : []),
      ...(text.includes('barcode')
        ? [{ path: 'barcode', message: 'This barcode is already used.' }]
        : []),
    ];
    if (issues.length) return new AppError('CONFLICT', error.message, issues);
  }
  return error;
}

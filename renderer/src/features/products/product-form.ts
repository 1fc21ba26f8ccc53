/**
 * The product form's values as typed (price as a decimal, tax rate as a percent) and their
 * conversion to and from the channel's minor units and basis points.
 */
import {
  barcodeSchema,
  displayText,
  PRODUCT_KINDS,
  skuSchema,
  type ChannelInput,
  type ProductKind,
  type ProductView,
} from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { MAX_LINE_AMOUNT, MAX_TAX_RATE_BPS, parseMoney } from '../../../../shared/money';
import { money } from '../../format/locale';
import { t } from '../../i18n';

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
  /** The category's id as the select holds it; '' for none. */
  categoryId: string;
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
  'categoryId',
] as const;

/** The kind's label in the current language. */
export function kindLabel(kind: ProductKind): string {
  return t(`products:kinds.${kind}`);
}

/** The kinds for the form's select, labelled in the current language. */
export function kindOptions() {
  return PRODUCT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
}

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
      categoryId: '',
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
    categoryId: product.categoryId === null ? '' : String(product.categoryId),
  };
}

type FormErrors = Partial<Record<keyof ProductFormValues, string>>;

/** A currency sign anywhere, or a comma (thousands separator or decimal comma). */
const CURRENCY_OR_GROUPING = /[\p{Sc},\u00a0\u202f']/u;
/** A plain decimal: digits with an optional point and digits. */
const PLAIN_DECIMAL = /^\d+(?:\.\d*)?$/;

/**
 * What is wrong with a typed price, named precisely (issue 8, item 12): blank, a currency sign
 * or thousands separator ("£1,250.00"), negative, too many decimals, or over the largest price
 * (MAX_LINE_AMOUNT minor units: "99999999999999999"). Null when it is a valid price.
 */
export function priceProblem(text: string, exponent: number, currency: string): string | null {
  const typed = text.trim();
  if (typed === '') return t('products:form.errors.required');
  const example = minorToText(1250 * 10 ** exponent, exponent);
  if (CURRENCY_OR_GROUPING.test(typed)) return t('products:form.errors.priceSymbols', { example });
  if (typed.startsWith('-')) return t('products:form.errors.priceNegative');
  if (!PLAIN_DECIMAL.test(typed))
    return exponent === 0
      ? t('products:form.errors.priceWhole')
      : t('products:form.errors.priceDecimals', { count: exponent });
  const [whole = '', frac = ''] = typed.split('.');
  const max = minorToText(MAX_LINE_AMOUNT, exponent);
  const tooBig = () =>
    t('products:form.errors.priceTooLarge', { max: money(MAX_LINE_AMOUNT, currency) });
  if (whole.replace(/^0+/, '').length > max.split('.')[0]!.length) return tooBig();
  if (frac.replace(/0+$/, '').length > exponent)
    return exponent === 0
      ? t('products:form.errors.priceWhole')
      : t('products:form.errors.priceDecimals', { count: exponent });
  const minor = parseMoney(typed, exponent);
  if (minor === null || minor > MAX_LINE_AMOUNT) return tooBig();
  return null;
}

/** What is wrong with a typed tax rate (blank, not a number, over 100 %), or null. */
export function taxRateProblem(text: string): string | null {
  const typed = text.replace('%', '').trim();
  if (typed === '') return t('products:form.errors.taxRequired');
  if (PLAIN_DECIMAL.test(typed) && Number(typed) > MAX_TAX_RATE_BPS / 100)
    return t('products:form.errors.taxTooLarge');
  return percentToBps(typed) === null ? t('products:form.errors.taxInvalid') : null;
}

/**
 * What is wrong with a typed SKU, or null. Blank is fine for a new product (the core generates
 * one) and refused when editing. Any printable letters of any script are allowed (the contract's
 * `skuSchema`: "ÆØÅ-1").
 */
export function skuProblem(text: string, isNew: boolean): string | null {
  if (text.trim() === '') return isNew ? null : t('products:form.errors.required');
  const parsed = skuSchema.safeParse(text);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue?.code === 'too_big'
    ? t('products:form.errors.tooLong', { count: 64 })
    : t('products:form.errors.skuCharacters');
}

/** What is wrong with a typed barcode (blank means none), or null. */
export function barcodeProblem(text: string): string | null {
  if (text.trim() === '') return null;
  const parsed = barcodeSchema.safeParse(text);
  if (parsed.success) return null;
  return parsed.error.issues[0]?.code === 'too_big'
    ? t('products:form.errors.tooLong', { count: 64 })
    : t('products:form.errors.barcodeCharacters');
}

/** What is wrong with a typed name, or null (1..200 characters, the contract's `displayText`). */
export function nameProblem(text: string): string | null {
  const parsed = displayText(200).safeParse(text);
  if (parsed.success) return null;
  return text.trim() === ''
    ? t('products:form.errors.required')
    : parsed.error.issues[0]?.code === 'too_big'
      ? t('products:form.errors.tooLong', { count: 200 })
      : t('products:form.errors.nameCharacters');
}

/** Every field's problem, in the current language; an empty object when the form is valid. */
export function validateProductForm(
  values: ProductFormValues,
  money: { exponent: number; currency: string; isNew: boolean },
): FormErrors {
  const problems: FormErrors = {
    sku: skuProblem(values.sku, money.isNew) ?? undefined,
    barcode: barcodeProblem(values.barcode) ?? undefined,
    name: nameProblem(values.name) ?? undefined,
    price: priceProblem(values.price, money.exponent, money.currency) ?? undefined,
    taxRate: taxRateProblem(values.taxRate) ?? undefined,
  };
  return Object.fromEntries(
    Object.entries(problems).filter(([, v]) => v !== undefined),
  ) as FormErrors;
}

/** The channel input for valid form values (call `validateAmounts` first). */
export function toProductInput(
  values: ProductFormValues,
  exponent: number,
): Omit<ChannelInput<'products:update'>, 'id'> {
  return {
    sku: values.sku.trim(),
    barcode: values.barcode.trim() || null,
    name: values.name.trim(),
    price: parseMoney(values.price, exponent) ?? 0,
    taxRateBps: percentToBps(values.taxRate) ?? 0,
    kind: values.kind,
    active: values.active,
    openPrice: values.openPrice,
    categoryId: values.categoryId ? Number(values.categoryId) : null,
  };
}

/**
 * Points the core's field problems at this form's fields: `taxRateBps` is typed here as `taxRate`,
 * a taken SKU or barcode is said in the current language, and a CONFLICT that names the SKU or
 * barcode in its text but has no issues gets one, so the message shows under the field either way.
 */
export function productFormError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const rename = (path: string) => (path.split('.')[0] === 'taxRateBps' ? 'taxRate' : path);
  const taken: Record<string, string> = {
    sku: t('products:form.errors.skuTaken'),
    barcode: t('products:form.errors.barcodeTaken'),
  };
  if (error.issues?.length)
    return new AppError(
      error.code,
      error.message,
      error.issues.map((i) => ({
        path: rename(i.path),
        message: (error.code === 'CONFLICT' && taken[i.path]) || i.message,
      })),
    );
  if (error.code === 'CONFLICT') {
    const text = error.message.toLowerCase();
    const issues = (['sku', 'barcode'] as const)
      .filter((k) => text.includes(k))
      .map((k) => ({ path: k, message: taken[k]! }));
    if (issues.length) return new AppError('CONFLICT', error.message, issues);
  }
  return error;
}

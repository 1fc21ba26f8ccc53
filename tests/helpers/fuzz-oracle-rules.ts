/**
 * The vocabulary of the fuzz oracle (F4): how a field of a channel's input is checked, written
 * without looking at zod. `tests/helpers/fuzz-oracle.ts` describes every channel with these rules,
 * and `fuzz-oracle-gen.ts` turns a rule into payloads that must pass and payloads that must fail.
 *
 * Lengths are in UTF-16 code units (JavaScript's `length`), counted after trimming where the rule
 * says `trim`. Every object is strict: a key the rule does not name must be refused (F1).
 */
import type fc from 'fast-check';

/**
 * Which rows an id must point at for a valid call to reach a handler's business logic; resolved
 * against the throwaway core's file just before the call (tests/helpers/fuzz-effects.ts).
 */
export type Ref =
  | 'product'
  | 'customer'
  | 'staff'
  | 'sale'
  | 'saleLine'
  | 'parked'
  | 'audit'
  | 'till'
  | 'printer'
  | 'category'
  | 'stockCount'
  | 'supplier'
  | 'purchaseOrder'
  | 'purchaseOrderLine';

interface Presence {
  /** May be left out (`undefined` too). */
  optional?: boolean;
  /** `null` is accepted (and means "none"). */
  nullable?: boolean;
  /**
   * Realistic valid values that the handler stream draws half of the time (a CSV with the right
   * header, a cash tender that covers the sale), so that valid calls also get past the business
   * rules. Never used to judge validity.
   */
  sample?: fc.Arbitrary<unknown>;
}

/** An integer from `min` to `max`. `money`: minor units (M1), so −0 is refused too (M2). */
export interface IntRule extends Presence {
  kind: 'int';
  min: number;
  max: number;
  money?: boolean;
  ref?: Ref;
}

/**
 * Which characters text refuses: `display` = C0/C1 controls, bidi overrides and lone surrogates
 * (L3: what people read must not be forged); `search` = C0/C1 controls (a NUL would cut a LIKE
 * pattern short); `any` = nothing beyond the length.
 */
export type Charset = 'display' | 'search' | 'any';

/** Characters each charset refuses (placed inside the text, where trimming cannot remove them). */
export const FORBIDDEN: Readonly<Record<Charset, readonly string[]>> = {
  display: ['\u0000', '\n', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\ud800', '\udfff'],
  search: ['\u0000', '\n', '\u001b', '\u007f', '\u009f'],
  any: [],
};

/** Free text of `min`..`max` code units after trimming (when `trim`). */
export interface TextRule extends Presence {
  kind: 'text';
  min: number;
  max: number;
  trim: boolean;
  chars: Charset;
  /** The empty string is accepted and means "none" (optional form fields). */
  emptyIsNone?: boolean;
}

/** Strings with a shape: each format knows its own valid and invalid samples (fuzz-oracle-formats.ts). */
export type Format =
  | 'username'
  | 'email'
  | 'password'
  | 'sku'
  | 'barcode'
  | 'phone'
  | 'uuid'
  | 'date'
  | 'timestamp'
  | 'currency'
  | 'timeZone'
  | 'csv'
  | 'country'
  | 'locale'
  | 'receiptText'
  | 'roleId'
  | 'otpCode'
  | 'pin'
  | 'mailHost'
  | 'caPem'
  | 'sixDigits'
  | 'resetCode'
  | 'providerUrl'
  | 'printerQueue'
  | 'backupFolder'
  | 'backupPassphrase'
  | 'backupFileName'
  | 'printerLines'
  | 'pbmLogo';

export interface FormatRule extends Presence {
  kind: 'format';
  format: Format;
  /**
   * Code units: the shortest and longest value allowed, checked at both ends. Absent for formats
   * whose shape fixes the length (a UUID, a date) or has no meaningful length cap of its own.
   */
  min?: number;
  max?: number;
  /** `''` is accepted and means "none". */
  emptyIsNone?: boolean;
}

export interface BoolRule extends Presence {
  kind: 'bool';
}

export interface EnumRule extends Presence {
  kind: 'enum';
  values: readonly string[];
}

/** Keys no channel has: every object must refuse them (F1 strictness, A7 mass assignment). */
const EXTRA_KEYS = [
  'role',
  'status',
  'isAdmin',
  'passwordHash',
  'extra',
  'constructor',
  '__proto__',
];

/** The extra keys to try on an object with these fields (some channels have a real `role`). */
export function extraKeys(fields: Readonly<Record<string, Rule>>): string[] {
  return EXTRA_KEYS.filter((k) => !Object.prototype.hasOwnProperty.call(fields, k));
}

/** A dotted field path as VALIDATION_FAILED names it (`lines.0.quantity`); '' parts are skipped. */
export function joinPath(...parts: Array<string | number>): string {
  return parts
    .map(String)
    .filter((p) => p !== '')
    .join('.');
}

export interface ObjectRule extends Presence {
  kind: 'object';
  fields: Readonly<Record<string, Rule>>;
  /** At least one field must be given (a "change something" payload). */
  atLeastOne?: boolean;
  /**
   * A rule across fields (a range in order and not too long): maps a payload that is valid field
   * by field to one that also meets it. Payloads that do not meet it are invalid; the channel's
   * own tests check those refusals.
   */
  across?: (o: Record<string, unknown>) => Record<string, unknown>;
}

export interface ArrayRule extends Presence {
  kind: 'array';
  of: Rule;
  min: number;
  max: number;
}

/** One of several strict objects, told apart by the string in `tag`. */
export interface VariantsRule extends Presence {
  kind: 'variants';
  tag: string;
  variants: Readonly<Record<string, Readonly<Record<string, Rule>>>>;
}

export type Rule =
  IntRule | TextRule | FormatRule | BoolRule | EnumRule | ObjectRule | ArrayRule | VariantsRule;

export const int = (min: number, max: number, more: Partial<IntRule> = {}): IntRule => ({
  kind: 'int',
  min,
  max,
  ...more,
});
/** Minor units (M1, M2): a safe integer, never −0. */
export const money = (min: number, max: number, more: Partial<IntRule> = {}): IntRule =>
  int(min, max, { money: true, ...more });
export const text = (
  min: number,
  max: number,
  chars: Charset,
  more: Partial<TextRule> = {},
): TextRule => ({ kind: 'text', min, max, trim: true, chars, ...more });
/** A shaped string; its length is only checked where `more` gives `min`/`max`. */
export const format = (f: Format, more: Partial<FormatRule> = {}): FormatRule => ({
  kind: 'format',
  format: f,
  ...more,
});
/** A shaped string of `min`..`max` code units. */
export const capped = (
  f: Format,
  min: number,
  max: number,
  more: Partial<FormatRule> = {},
): FormatRule => format(f, { min, max, ...more });
export const bool = (more: Partial<BoolRule> = {}): BoolRule => ({ kind: 'bool', ...more });
export const oneOf = (values: readonly string[], more: Partial<EnumRule> = {}): EnumRule => ({
  kind: 'enum',
  values,
  ...more,
});
export const object = (
  fields: Record<string, Rule>,
  more: Partial<ObjectRule> = {},
): ObjectRule => ({ kind: 'object', fields, ...more });
export const array = (
  of: Rule,
  min: number,
  max: number,
  more: Partial<ArrayRule> = {},
): ArrayRule => ({ kind: 'array', of, min, max, ...more });
export const variants = (
  tag: string,
  vs: Record<string, Record<string, Rule>>,
  more: Partial<VariantsRule> = {},
): VariantsRule => ({ kind: 'variants', tag, variants: vs, ...more });
export const optional = <R extends Rule>(r: R): R => ({ ...r, optional: true });
export const nullable = <R extends Rule>(r: R): R => ({ ...r, nullable: true });

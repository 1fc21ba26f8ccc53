/**
 * Payloads from the fuzz oracle (F4), each with the verdict the oracle gives it:
 * - `boundaryCases`: every bound of every field, just inside (must pass the schema) and just
 *   outside (must be refused with VALIDATION_FAILED), plus a missing required field and an extra
 *   key on every object;
 * - `oracleCase`: random payloads, half valid by construction and half broken in one or more
 *   places, for comparing the schema's verdict with the oracle's many times per channel;
 * - `validPayload`: random valid payloads for the handler stream, whose ids are `RefPick`s that
 *   tests/helpers/fuzz-effects.ts resolves to real rows just before the call.
 * Nothing here reads the zod schemas.
 */
import fc from 'fast-check';
import { FORMATS, repeat } from './fuzz-oracle-formats';
import type {
  ArrayRule,
  Charset,
  FormatRule,
  IntRule,
  ObjectRule,
  Ref,
  Rule,
  TextRule,
  VariantsRule,
} from './fuzz-oracle-rules';

/** An id to be replaced by a real row's id (the n-th newest of its kind; none when n < 0). */
export class RefPick {
  constructor(
    readonly ref: Ref,
    readonly n: number,
  ) {}
}

export interface Verdict {
  payload: unknown;
  valid: boolean;
  /** Where the payload is broken (or which bound it sits on), e.g. `lines.0.quantity: max + 1`. */
  why: string;
  /** The dotted path of the field the schema must name when it refuses the payload. */
  path: string;
}

/** Keys no channel has: an extra one must be refused (F1, A7 mass assignment). */
const EXTRA_KEYS = [
  'role',
  'status',
  'isAdmin',
  'passwordHash',
  'extra',
  'constructor',
  '__proto__',
];
/** Characters each charset refuses, placed inside the text (trimming must not remove them). */
const FORBIDDEN: Record<Charset, readonly string[]> = {
  display: ['\u0000', '\n', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\ud800', '\udfff'],
  search: ['\u0000', '\n', '\u001b', '\u007f', '\u009f'],
  any: [],
};
/** Text that is fine for every charset: letters from several scripts, quotes, LIKE wildcards. */
const TEXT_CHARS = ['a', 'Z', '9', ' ', 'é', 'ß', '€', '中', "'", '"', '%', '_', '-', 'Ω'];

function withOwnKey(base: object, key: string, value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = { ...base };
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
  return o;
}
/** The extra keys to try on an object with these fields (a channel may have a real `role`). */
const extraKeys = (fields: Readonly<Record<string, Rule>>) =>
  EXTRA_KEYS.filter((k) => !Object.prototype.hasOwnProperty.call(fields, k));
const join = (...parts: Array<string | number>) =>
  parts
    .map(String)
    .filter((p) => p !== '')
    .join('.');

// ---------- one typical valid value per rule ----------

/** A plain valid value: the smallest sensible one, every required field present. */
export function typical(rule: Rule): unknown {
  switch (rule.kind) {
    case 'int':
      return Math.max(rule.min, Math.min(rule.max, 1));
    case 'text':
      return repeat('a', Math.min(rule.max, Math.max(rule.min, 3)));
    case 'format':
      return formatTypical(rule);
    case 'bool':
      return true;
    case 'enum':
      return rule.values[0];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(rule.fields)) if (!f.optional) out[k] = typical(f);
      const first = Object.keys(rule.fields)[0];
      if (rule.atLeastOne && Object.keys(out).length === 0 && first)
        out[first] = typical(rule.fields[first]!);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(rule.min, 1) }, () => typical(rule.of));
    case 'variants': {
      const [tag, fields] = Object.entries(rule.variants)[0]!;
      return { [rule.tag]: tag, ...(typical({ kind: 'object', fields }) as object) };
    }
  }
}

function formatTypical(rule: FormatRule): string {
  const samples: Record<string, string> = {
    username: 'fuzz.member',
    email: 'fuzz@shop.test',
    password: 'amber kettle under 9 stars',
    sku: 'FUZZ-1',
    barcode: '4006381333931',
    phone: '+44 20 7946 0001',
    uuid: '5b0c8a4e-2c7e-4f6a-9d2b-1e3f4a5b6c7d',
    date: '2026-11-23',
    timestamp: '2026-11-23T10:00:00.000Z',
    currency: 'GBP',
    timeZone: 'Europe/London',
    csv: 'a',
  };
  return samples[rule.format]!;
}

// ---------- boundaries: every bound, just inside and just outside ----------

interface FieldCase {
  value: unknown;
  valid: boolean;
  why: string;
  /** Relative path of the defect below this field ('' = the field itself). */
  at: string;
}
const ok = (value: unknown, why: string): FieldCase => ({ value, valid: true, why, at: '' });
const bad = (value: unknown, why: string, at = ''): FieldCase => ({ value, valid: false, why, at });

function intCases(r: IntRule): FieldCase[] {
  const cases = [
    ok(r.min, 'min'),
    ok(r.max, 'max'),
    bad(r.min - 1, 'min - 1'),
    bad(r.max + 1, 'max + 1'),
    bad(r.min + 0.5, 'not an integer'),
    bad(String(r.min), 'a numeric string'),
    bad(Number.NaN, 'NaN'),
    bad(Number.POSITIVE_INFINITY, 'Infinity'),
  ];
  if (r.money && r.min <= 0 && r.max >= 0) cases.push(bad(-0, '−0 (M2)'));
  if (r.money) cases.push(bad(2 ** 53 + 1, '2^53 + 1 (M2)'));
  return cases;
}

function textCases(r: TextRule): FieldCase[] {
  const cases = [
    ok(repeat('a', r.max), 'max length'),
    bad(repeat('a', r.max + 1), 'max length + 1'),
    bad(42, 'a number'),
  ];
  if (r.min > 0) {
    cases.push(ok(repeat('a', r.min), 'min length'), bad(repeat('a', r.min - 1), 'min length - 1'));
    if (r.trim) cases.push(bad('   ', 'only spaces'));
  } else cases.push(ok('', 'empty'));
  if (r.trim) cases.push(ok(`  ${repeat('a', r.max)}  `, 'max length between spaces (trimmed)'));
  else cases.push(bad(` ${repeat('a', r.max)}`, 'max length + a space'));
  for (const ch of FORBIDDEN[r.chars])
    cases.push(bad(`a${ch}b`, `contains U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
  if (r.chars === 'any') cases.push(ok('a\u0000\u202eb', 'control characters (allowed here)'));
  return cases;
}

function formatCases(r: FormatRule): FieldCase[] {
  const f = FORMATS[r.format];
  const cases = [ok(formatTypical(r), 'a typical value'), bad(42, 'a number')];
  if (r.max !== undefined)
    cases.push(ok(f.atLength(r.max), 'max length'), bad(f.atLength(r.max + 1), 'max length + 1'));
  if (r.min !== undefined) {
    cases.push(ok(f.atLength(r.min), 'min length'));
    if (r.min > 0) cases.push(bad(f.atLength(r.min - 1), 'min length - 1'));
  }
  for (const w of f.wrong)
    if (!(r.emptyIsNone && w === '')) cases.push(bad(w, `wrong shape ${JSON.stringify(w)}`));
  if (r.emptyIsNone) cases.push(ok('', 'empty (none)'));
  return cases;
}

function objectCases(fields: Readonly<Record<string, Rule>>, r: ObjectRule): FieldCase[] {
  const base = typical({ kind: 'object', fields, atLeastOne: r.atLeastOne }) as Record<
    string,
    unknown
  >;
  const cases: FieldCase[] = [];
  for (const [k, f] of Object.entries(fields)) {
    for (const c of fieldCases(f))
      cases.push({ ...c, value: withOwnKey(base, k, c.value), at: join(k, c.at) });
    const { [k]: _dropped, ...without } = base;
    if (f.optional) {
      if (!r.atLeastOne || Object.keys(without).length > 0) {
        cases.push(ok(without, `${k} left out`));
        cases.push(ok(withOwnKey(base, k, undefined), `${k} undefined`));
      }
    } else cases.push(bad(without, `required ${k} left out`, k));
  }
  for (const key of extraKeys(fields))
    cases.push(bad(withOwnKey(base, key, 'admin'), `extra key ${JSON.stringify(key)}`));
  if (r.atLeastOne) cases.push(bad({}, 'nothing to change'));
  cases.push(bad([base], 'an array'), bad('x', 'a string'));
  return cases;
}

function arrayCases(r: ArrayRule): FieldCase[] {
  const item = typical(r.of);
  const cases = [
    ok(
      Array.from({ length: r.max }, () => item),
      'max items',
    ),
    bad(
      Array.from({ length: r.max + 1 }, () => item),
      'max items + 1',
    ),
    ok(
      Array.from({ length: r.min }, () => item),
      'min items',
    ),
    bad(item, 'one item, not in an array'),
  ];
  if (r.min > 0)
    cases.push(
      bad(
        Array.from({ length: r.min - 1 }, () => item),
        'min items - 1',
      ),
    );
  const n = Math.max(r.min, 1);
  for (const c of fieldCases(r.of))
    cases.push({
      ...c,
      value: [c.value, ...Array.from({ length: n - 1 }, () => item)],
      at: join('0', c.at),
    });
  return cases;
}

function variantCases(r: VariantsRule): FieldCase[] {
  const cases: FieldCase[] = [];
  const tags = Object.keys(r.variants);
  for (const [tag, fields] of Object.entries(r.variants)) {
    for (const c of objectCases(fields, { kind: 'object', fields })) {
      if (typeof c.value !== 'object' || c.value === null || Array.isArray(c.value)) continue;
      cases.push({ ...c, value: { [r.tag]: tag, ...c.value }, why: `${tag}: ${c.why}` });
    }
    const other = tags.find((t) => t !== tag);
    const otherKey = other ? Object.keys(r.variants[other]!)[0] : undefined;
    if (otherKey)
      cases.push(
        bad(
          { ...(typical(r) as object), [r.tag]: tag, [otherKey]: 1 },
          `${tag} with ${other}'s ${otherKey}`,
        ),
      );
  }
  const base = typical(r) as Record<string, unknown>;
  cases.push(bad({ ...base, [r.tag]: 'bogus' }, `unknown ${r.tag}`));
  const { [r.tag]: _tag, ...untagged } = base;
  cases.push(bad(untagged, `no ${r.tag}`));
  return cases;
}

/** Every boundary case of one field's value (its presence is judged by the enclosing object). */
function fieldCases(rule: Rule): FieldCase[] {
  let cases: FieldCase[];
  switch (rule.kind) {
    case 'int':
      cases = intCases(rule);
      break;
    case 'text':
      cases = textCases(rule);
      break;
    case 'format':
      cases = formatCases(rule);
      break;
    case 'bool':
      cases = [ok(true, 'true'), ok(false, 'false'), bad('true', '"true"'), bad(1, '1')];
      break;
    case 'enum':
      cases = [
        ...rule.values.map((v) => ok(v, JSON.stringify(v))),
        bad(`${rule.values[0]}x`, 'not in the list'),
        bad(rule.values[0]!.toUpperCase(), 'upper-case'),
      ];
      break;
    case 'object':
      cases = objectCases(rule.fields, rule);
      break;
    case 'array':
      cases = arrayCases(rule);
      break;
    case 'variants':
      cases = variantCases(rule);
      break;
  }
  cases.push(rule.nullable ? ok(null, 'null') : bad(null, 'null'));
  return cases;
}

/** The boundary cases of a channel's whole payload. */
export function boundaryCases(rule: ObjectRule): Verdict[] {
  return objectCases(rule.fields, rule).map((c) => ({
    payload: c.value,
    valid: c.valid,
    why: c.at ? `${c.at}: ${c.why}` : c.why,
    path: c.at,
  }));
}

// ---------- random valid values ----------

/** Integers anywhere in [min, max], often at or next to an end. */
function intIn(min: number, max: number): fc.Arbitrary<number> {
  const small = fc.integer({
    min: Math.max(min, -1000),
    max: Math.min(max, Math.max(min, 0) + 1000),
  });
  return fc.oneof(
    fc.constantFrom(min, max, Math.min(min + 1, max), Math.max(max - 1, min)),
    fc.integer({ min, max: Math.min(max, min + 10) }),
    small,
    fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number),
  );
}

function textOf(min: number, max: number): fc.Arbitrary<string> {
  const hi = Math.min(max, min + 40);
  const len = fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max: hi }));
  return len.chain((n) =>
    fc.array(fc.constantFrom(...TEXT_CHARS), { minLength: n, maxLength: n }).map((cs) => {
      if (cs.length > 0 && cs[0] === ' ') cs[0] = 'a';
      if (cs.length > 0 && cs[cs.length - 1] === ' ') cs[cs.length - 1] = 'z';
      return cs.join('');
    }),
  );
}

function formatValid(r: FormatRule, forHandler: boolean): fc.Arbitrary<string> {
  const f = FORMATS[r.format];
  const arbs: fc.Arbitrary<string>[] = [f.valid];
  if (r.max !== undefined && r.format !== 'csv') arbs.push(fc.constant(f.atLength(r.max)));
  if (r.min !== undefined && r.min > 0) arbs.push(fc.constant(f.atLength(r.min)));
  if (forHandler && r.sample) return fc.oneof({ arbitrary: r.sample, weight: 4 }, ...arbs);
  return fc.oneof(...arbs);
}

function present(rule: Rule, arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return rule.nullable ? fc.oneof({ arbitrary: arb, weight: 4 }, fc.constant(null)) : arb;
}

/** A random valid value. With `forHandler`, ids with a `ref` are RefPicks and CSVs realistic. */
export function validValue(rule: Rule, forHandler = false): fc.Arbitrary<unknown> {
  switch (rule.kind) {
    case 'int':
      if (forHandler && rule.ref) {
        const ref = rule.ref;
        // Mostly one of the newest rows, sometimes any row, sometimes none at all.
        const n = fc.oneof(
          { arbitrary: fc.nat(2), weight: 5 },
          { arbitrary: fc.nat(1000), weight: 4 },
          { arbitrary: fc.constant(-1), weight: 1 },
        );
        return present(
          rule,
          n.map((i) => new RefPick(ref, i)),
        );
      }
      return present(rule, intIn(rule.min, rule.max));
    case 'text': {
      const arbs: fc.Arbitrary<string>[] = [textOf(rule.min, rule.max)];
      if (rule.trim) arbs.push(textOf(rule.min, rule.max).map((s) => `  ${s} `));
      if (rule.emptyIsNone) arbs.push(fc.constant(''));
      return present(rule, fc.oneof(...arbs));
    }
    case 'format':
      return present(
        rule,
        rule.emptyIsNone
          ? fc.oneof({ arbitrary: formatValid(rule, forHandler), weight: 4 }, fc.constant(''))
          : formatValid(rule, forHandler),
      );
    case 'bool':
      return present(rule, fc.boolean());
    case 'enum':
      return present(rule, fc.constantFrom(...rule.values));
    case 'object':
      return present(rule, validObject(rule.fields, rule.atLeastOne ?? false, forHandler));
    case 'array': {
      const hi = Math.min(rule.max, rule.min + 3);
      const item = validValue(rule.of, forHandler);
      return present(
        rule,
        fc.oneof(
          // The handler stream rarely needs the longest arrays (they only grow its file).
          {
            arbitrary: fc.array(item, { minLength: rule.min, maxLength: hi }),
            weight: forHandler ? 24 : 6,
          },
          fc.array(item, { minLength: rule.max, maxLength: rule.max }),
        ),
      );
    }
    case 'variants':
      return present(
        rule,
        fc.constantFrom(...Object.keys(rule.variants)).chain((tag) =>
          validObject(rule.variants[tag]!, false, forHandler).map((o) => ({
            [rule.tag]: tag,
            ...(o as object),
          })),
        ),
      );
  }
}

function validObject(
  fields: Readonly<Record<string, Rule>>,
  atLeastOne: boolean,
  forHandler: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([k, f]) => {
    const v = validValue(f, forHandler);
    const arb: fc.Arbitrary<[string, unknown] | null> = f.optional
      ? fc.oneof(
          v.map((x): [string, unknown] => [k, x]),
          fc.constant(null),
          fc.constant<[string, unknown]>([k, undefined]),
        )
      : v.map((x): [string, unknown] => [k, x]);
    return arb;
  });
  return fc
    .tuple(...entries)
    .map((kvs) => Object.fromEntries(kvs.filter((kv): kv is [string, unknown] => kv !== null)))
    .filter((o) => !atLeastOne || Object.values(o).some((v) => v !== undefined));
}

// ---------- random invalid values ----------

function wrongType(rule: Rule): fc.Arbitrary<unknown> {
  const others: unknown[] = [[], {}, true, 'x', 7, Number.NaN];
  if (!rule.nullable) others.push(null);
  const notThis = others.filter((v) => {
    if (rule.kind === 'int') return typeof v !== 'number' || Number.isNaN(v);
    if (rule.kind === 'text' || rule.kind === 'format') return typeof v !== 'string';
    if (rule.kind === 'bool') return typeof v !== 'boolean';
    if (rule.kind === 'enum') return !rule.values.includes(v as string);
    if (rule.kind === 'array') return !Array.isArray(v);
    return typeof v !== 'object' || v === null || Array.isArray(v);
  });
  return fc.constantFrom(...notThis);
}

/** A random value this field must refuse, with where it is broken below the field. */
function invalidValue(rule: Rule): fc.Arbitrary<[unknown, string, string]> {
  const at =
    (why: string, path = '') =>
    (v: unknown): [unknown, string, string] => [v, why, path];
  const arbs: fc.Arbitrary<[unknown, string, string]>[] = [wrongType(rule).map(at('wrong type'))];
  switch (rule.kind) {
    case 'int': {
      const beyond = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2 ** 30 }));
      arbs.push(
        beyond.map((k) => rule.min - k).map(at('below min')),
        beyond.map((k) => rule.max + k).map(at('above max')),
        intIn(rule.min, Math.max(rule.min, rule.max - 1))
          .map((n) => n + 0.25)
          .map(at('fraction')),
        fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY).map(at('infinite')),
      );
      if (rule.money && rule.min <= 0) arbs.push(fc.constant(-0).map(at('−0')));
      break;
    }
    case 'text': {
      arbs.push(textOf(rule.max + 1, rule.max + 20).map(at('too long')));
      if (rule.min > 0) arbs.push(fc.constantFrom('', ' ', '   ').map(at('blank')));
      const forbidden = FORBIDDEN[rule.chars];
      if (forbidden.length > 0 && rule.max >= 3)
        arbs.push(
          fc
            .tuple(textOf(1, Math.min(rule.max - 2, 20)), fc.constantFrom(...forbidden))
            .map(([s, ch]) => `a${ch}${s}`)
            .map(at('forbidden character')),
        );
      break;
    }
    case 'format': {
      const f = FORMATS[rule.format];
      const wrong = f.wrong.filter((w) => !(rule.emptyIsNone && w === ''));
      if (wrong.length > 0) arbs.push(fc.constantFrom(...wrong).map(at('wrong shape')));
      if (rule.max !== undefined && rule.format !== 'csv')
        arbs.push(
          fc
            .integer({ min: 1, max: 10 })
            .map((k) => f.atLength(rule.max! + k))
            .map(at('too long')),
        );
      if (rule.min !== undefined && rule.min > 0)
        arbs.push(fc.constant(f.atLength(rule.min - 1)).map(at('too short')));
      break;
    }
    case 'bool':
      arbs.push(fc.constantFrom('true', 'false', 0, 1).map(at('not a boolean')));
      break;
    case 'enum':
      arbs.push(
        fc
          .constantFrom(...rule.values)
          .chain((v) => fc.constantFrom(`${v}_`, v.toUpperCase(), ` ${v}`))
          .map(at('not in the list')),
      );
      break;
    case 'object':
      arbs.push(invalidObject(rule.fields, rule.atLeastOne ?? false));
      break;
    case 'array': {
      const item = validValue(rule.of);
      arbs.push(
        fc.array(item, { minLength: rule.max + 1, maxLength: rule.max + 2 }).map(at('too many')),
        fc
          .tuple(fc.array(item, { maxLength: 2 }), invalidValue(rule.of))
          .map(([rest, [v, why, p]]): [unknown, string, string] => [
            [v, ...rest],
            why,
            join('0', p),
          ]),
      );
      if (rule.min > 0) arbs.push(fc.constant([]).map(at('too few')));
      break;
    }
    case 'variants':
      arbs.push(
        fc
          .constantFrom(...Object.keys(rule.variants))
          .chain((tag) =>
            invalidObject(rule.variants[tag]!, false).map(
              ([o, why, p]): [unknown, string, string] => [
                typeof o === 'object' && o !== null && !Array.isArray(o)
                  ? { [rule.tag]: tag, ...o }
                  : o,
                why,
                p,
              ],
            ),
          ),
        validValue(rule)
          .map((o) => ({ ...(o as object), [rule.tag]: 'bogus' }))
          .map(at('unknown variant')),
      );
      break;
  }
  return fc.oneof(...arbs);
}

/** An object broken in one place: a field, a missing required field, an extra key, or nothing given. */
function invalidObject(
  fields: Readonly<Record<string, Rule>>,
  atLeastOne: boolean,
): fc.Arbitrary<[unknown, string, string]> {
  const base = validObject(fields, atLeastOne, false);
  const keys = Object.keys(fields);
  const required = keys.filter((k) => !fields[k]!.optional);
  const arbs: fc.Arbitrary<[unknown, string, string]>[] = [
    fc
      .tuple(
        base,
        fc.constantFrom(...extraKeys(fields)),
        fc.constantFrom<unknown>('admin', 1, true, {}),
      )
      .map(([o, k, v]): [unknown, string, string] => [
        withOwnKey(o, k, v),
        `extra key ${JSON.stringify(k)}`,
        '',
      ]),
  ];
  if (keys.length > 0)
    arbs.push(
      fc
        .constantFrom(...keys)
        .chain((k) =>
          fc
            .tuple(base, invalidValue(fields[k]!))
            .map(([o, [v, why, p]]): [unknown, string, string] => [
              withOwnKey(o, k, v),
              `${join(k, p)}: ${why}`,
              join(k, p),
            ]),
        ),
    );
  if (required.length > 0)
    arbs.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([o, k]): [unknown, string, string] => {
        const { [k]: _gone, ...rest } = o;
        return [rest, `required ${k} left out`, k];
      }),
    );
  if (atLeastOne) arbs.push(fc.constant<[unknown, string, string]>([{}, 'nothing to change', '']));
  return fc.oneof(...arbs);
}

/** Half valid payloads, half broken ones, each with the oracle's verdict. */
export function oracleCase(rule: ObjectRule): fc.Arbitrary<Verdict> {
  return fc.oneof(
    validValue(rule).map((payload) => ({ payload, valid: true, why: 'valid', path: '' })),
    invalidValue({ ...rule, nullable: false }).map(([payload, why, path]) => ({
      payload,
      valid: false,
      why,
      path,
    })),
  );
}

/** Random valid payloads for the handler stream (ids still to be resolved). */
export function validPayload(rule: ObjectRule): fc.Arbitrary<Record<string, unknown>> {
  return validValue(rule, true) as fc.Arbitrary<Record<string, unknown>>;
}

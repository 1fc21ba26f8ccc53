/**
 * Random payloads from the fuzz oracle (F4):
 * - `oracleCase`: half valid by construction and half broken in one place (or, inside arrays and
 *   nested objects, more), each with the oracle's verdict, for comparing it with the schema's;
 * - `validPayload`: valid payloads for the handler stream, whose ids are `RefPick`s that
 *   tests/helpers/fuzz-stream.ts resolves to real rows just before the call, and whose CSV files
 *   are realistic. Nothing here reads the zod schemas.
 */
import fc from 'fast-check';
import type { Verdict } from './fuzz-oracle-bounds';
import { FORMATS } from './fuzz-oracle-formats';
import {
  extraKeys,
  FORBIDDEN,
  joinPath as join,
  type FormatRule,
  type ObjectRule,
  type Ref,
  type Rule,
} from './fuzz-oracle-rules';
import { withOwnKey } from './fuzz-values';

/** An id to be replaced by a real row's id (the n-th newest of its kind; none when n < 0). */
export class RefPick {
  constructor(
    readonly ref: Ref,
    readonly n: number,
  ) {}
}

/** Text that is fine for every charset: letters from several scripts, quotes, LIKE wildcards. */
const TEXT_CHARS = ['a', 'Z', '9', ' ', 'é', 'ß', '€', '中', "'", '"', '%', '_', '-', 'Ω'];

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

function formatValid(r: FormatRule): fc.Arbitrary<string> {
  const f = FORMATS[r.format];
  const arbs: fc.Arbitrary<string>[] = [f.valid];
  if (r.max !== undefined && r.format !== 'csv') arbs.push(fc.constant(f.atLength(r.max)));
  if (r.min !== undefined && r.min > 0) arbs.push(fc.constant(f.atLength(r.min)));
  return fc.oneof(...arbs);
}

function present(rule: Rule, arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return rule.nullable ? fc.oneof({ arbitrary: arb, weight: 4 }, fc.constant(null)) : arb;
}

/**
 * A random valid value. With `forHandler`, ids with a `ref` are RefPicks, and a rule's `sample`
 * (realistic values) is drawn half of the time.
 */
function validValue(rule: Rule, forHandler = false): fc.Arbitrary<unknown> {
  const generic = anyValidValue(rule, forHandler);
  return forHandler && rule.sample ? fc.oneof(rule.sample, generic) : generic;
}

function anyValidValue(rule: Rule, forHandler: boolean): fc.Arbitrary<unknown> {
  switch (rule.kind) {
    case 'int':
      if (forHandler && rule.ref) {
        const ref = rule.ref;
        // Mostly one of the newest rows, sometimes any row, sometimes none at all.
        const n = fc.oneof(
          { arbitrary: fc.constant(0), weight: 4 },
          { arbitrary: fc.nat(2), weight: 3 },
          { arbitrary: fc.nat(1000), weight: 2 },
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
          ? fc.oneof({ arbitrary: formatValid(rule), weight: 4 }, fc.constant(''))
          : formatValid(rule),
      );
    case 'bool':
      return present(rule, fc.boolean());
    case 'enum':
      return present(rule, fc.constantFrom(...rule.values));
    case 'object':
      return present(
        rule,
        validObject(rule.fields, rule.atLeastOne ?? false, forHandler).map(
          rule.across ?? ((o) => o),
        ),
      );
    case 'array': {
      const hi = Math.min(rule.max, rule.min + 3);
      const item = validValue(rule.of, forHandler);
      const lengths = (min: number, max: number) =>
        fc.array(item, { minLength: min, maxLength: max });
      const arbs: Array<fc.WeightedArbitrary<unknown[]>> = [
        { arbitrary: lengths(rule.min, hi), weight: 6 },
        { arbitrary: lengths(rule.max, rule.max), weight: 1 },
      ];
      // The handler stream rarely needs the longest arrays (they only grow its file), and often
      // the shortest (a refund of one line is likelier to fit what is left to refund).
      if (forHandler)
        arbs.push({ arbitrary: lengths(Math.max(rule.min, 1), Math.max(rule.min, 1)), weight: 18 });
      return present(rule, fc.oneof(...arbs));
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
  // Weighted so that a defect deep inside (lines.0.quantity) is drawn about as often as one on
  // top: each level prefers breaking a field to breaking its own type.
  type Broken = fc.WeightedArbitrary<[unknown, string, string]>;
  const w = (arbitrary: fc.Arbitrary<[unknown, string, string]>, weight = 1): Broken => ({
    arbitrary,
    weight,
  });
  const arbs: Broken[] = [w(wrongType(rule).map(at('wrong type')))];
  switch (rule.kind) {
    case 'int': {
      const beyond = fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 3 },
        fc.integer({ min: 1, max: 2 ** 30 }),
      );
      arbs.push(
        w(beyond.map((k) => rule.min - k).map(at('below min')), 2),
        w(beyond.map((k) => rule.max + k).map(at('above max')), 2),
        w(
          intIn(rule.min, Math.max(rule.min, rule.max - 1))
            .map((n) => n + 0.25)
            .map(at('fraction')),
        ),
        w(fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY).map(at('infinite'))),
      );
      if (rule.money && rule.min <= 0) arbs.push(w(fc.constant(-0).map(at('−0'))));
      break;
    }
    case 'text': {
      arbs.push(w(textOf(rule.max + 1, rule.max + 20).map(at('too long')), 2));
      if (rule.min > 0) arbs.push(w(fc.constantFrom('', ' ', '   ').map(at('blank'))));
      const forbidden = FORBIDDEN[rule.chars];
      if (forbidden.length > 0 && rule.max >= 3)
        arbs.push(
          w(
            fc
              .tuple(textOf(1, Math.min(rule.max - 2, 20)), fc.constantFrom(...forbidden))
              .map(([s, ch]) => `a${ch}${s}`)
              .map(at('forbidden character')),
          ),
        );
      break;
    }
    case 'format': {
      const f = FORMATS[rule.format];
      const wrong = f.wrong.filter((w) => !(rule.emptyIsNone && w === ''));
      if (wrong.length > 0) arbs.push(w(fc.constantFrom(...wrong).map(at('wrong shape')), 2));
      if (rule.max !== undefined && rule.format !== 'csv')
        arbs.push(
          w(
            fc
              .integer({ min: 1, max: 10 })
              .map((k) => f.atLength(rule.max! + k))
              .map(at('too long')),
            2,
          ),
        );
      // One under the minimum is '' for a 1-character minimum: "none" when emptyIsNone.
      if (rule.min !== undefined && rule.min > 0 && !(rule.emptyIsNone && rule.min === 1))
        arbs.push(w(fc.constant(f.atLength(rule.min - 1)).map(at('too short'))));
      break;
    }
    case 'bool':
      arbs.push(w(fc.constantFrom('true', 'false', 0, 1).map(at('not a boolean'))));
      break;
    case 'enum':
      arbs.push(
        w(
          fc
            .constantFrom(...rule.values)
            .chain((v) => fc.constantFrom(`${v}_`, v.toUpperCase(), ` ${v}`))
            .map(at('not in the list')),
          2,
        ),
      );
      break;
    case 'object':
      arbs.push(w(invalidObject(rule.fields, rule.atLeastOne ?? false), 6));
      break;
    case 'array': {
      const item = validValue(rule.of);
      arbs.push(
        w(fc.array(item, { minLength: rule.max + 1, maxLength: rule.max + 2 }).map(at('too many'))),
        w(
          fc
            .tuple(fc.array(item, { maxLength: 2 }), invalidValue(rule.of))
            .map(([rest, [v, why, p]]): [unknown, string, string] => [
              [v, ...rest],
              why,
              join('0', p),
            ]),
          4,
        ),
      );
      if (rule.min > 0) arbs.push(w(fc.constant([]).map(at('too few'))));
      break;
    }
    case 'variants':
      arbs.push(
        w(
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
          4,
        ),
        w(
          validValue(rule)
            .map((o) => ({ ...(o as object), [rule.tag]: 'bogus' }))
            .map(at('unknown variant')),
        ),
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
  const arbs: Array<fc.WeightedArbitrary<[unknown, string, string]>> = [
    {
      weight: 1,
      arbitrary: fc
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
    },
  ];
  // A broken field is the likeliest defect, in proportion to how many fields there are.
  if (keys.length > 0)
    arbs.push({
      weight: 3 * keys.length,
      arbitrary: fc
        .constantFrom(...keys)
        .chain((k) =>
          fc
            .tuple(base, invalidValue(fields[k]!))
            .map(([o, [v, why, p]]): [unknown, string, string] => [
              withOwnKey(o, k, v),
              why,
              join(k, p),
            ]),
        ),
    });
  if (required.length > 0)
    arbs.push({
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...required))
        .map(([o, k]): [unknown, string, string] => {
          const { [k]: _gone, ...rest } = o;
          return [rest, `required ${k} left out`, k];
        }),
    });
  if (atLeastOne)
    arbs.push({
      weight: 1,
      arbitrary: fc.constant<[unknown, string, string]>([{}, 'nothing to change', '']),
    });
  return fc.oneof(...arbs);
}

/** Half valid payloads, half broken ones, each with the oracle's verdict. */
export function oracleCase(rule: ObjectRule): fc.Arbitrary<Verdict> {
  return fc.oneof(
    validValue(rule).map((payload) => ({ payload, valid: true, why: 'valid', path: '' })),
    invalidValue({ ...rule, nullable: false }).map(([payload, why, path]) => ({
      payload,
      valid: false,
      why: path ? `${path}: ${why}` : why,
      path,
    })),
  );
}

/** Random valid payloads for the handler stream (ids still to be resolved). */
export function validPayload(rule: ObjectRule): fc.Arbitrary<Record<string, unknown>> {
  return validValue(rule, true) as fc.Arbitrary<Record<string, unknown>>;
}

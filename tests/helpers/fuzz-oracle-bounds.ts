/**
 * The boundary cases of the fuzz oracle (F4): for every field of a channel's input, each bound
 * just inside (must pass the schema) and just outside (must be refused with VALIDATION_FAILED
 * naming the field), plus a missing required field and an extra key on every object, each with
 * the oracle's verdict. Nothing here reads the zod schemas.
 */
import { FORMATS, pbm, repeat } from './fuzz-oracle-formats';
import {
  extraKeys,
  FORBIDDEN,
  joinPath as join,
  type ArrayRule,
  type FormatRule,
  type IntRule,
  type ObjectRule,
  type Rule,
  type TextRule,
  type VariantsRule,
} from './fuzz-oracle-rules';
import { withOwnKey } from './fuzz-values';

export interface Verdict {
  payload: unknown;
  valid: boolean;
  /** Where the payload is broken (or which bound it sits on), e.g. `lines.0.quantity: max + 1`. */
  why: string;
  /** The dotted path of the field the schema must name when it refuses the payload. */
  path: string;
}

// ---------- one typical valid value per rule ----------

/** A plain valid value: the smallest sensible one, every required field present. */
function typical(rule: Rule): unknown {
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
    country: 'GB',
    locale: 'de-DE',
    providerUrl: 'http://127.0.0.1:9',
    backupFolder: '/tmp/kassa-fuzz-backups/typical',
    backupPassphrase: 'amber kettle under 9 stars',
    backupFileName: 'kassa-20260101-000000.kassa-backup',
    receiptText: '1 High Street\nLeeds',
    roleId: 'manager',
    otpCode: '123 456',
    pin: '4096',
    mailHost: 'smtp.shop.test',
    caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    sixDigits: '123456',
    resetCode: '0123-4567-89AB-CDEF',
    printerQueue: 'EPSON_TM_T20',
    printerLines: 'Open Mon-Sat 9-18\nwww.shop.test',
    pbmLogo: pbm(16, 8),
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
    // One under a 1-character minimum is '': "none" when emptyIsNone (checked below).
    if (r.min > 0 && !(r.emptyIsNone && r.min === 1))
      cases.push(bad(f.atLength(r.min - 1), 'min length - 1'));
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

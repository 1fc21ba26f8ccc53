/**
 * Adversarial inputs for the IPC fuzz (F1), the arbitraries built from them, and the checks that
 * an answer is a typed, generic error (no stack trace, no SQL, no driver text).
 */
import fc from 'fast-check';
import { ERROR_CODES } from '../../shared/errors';

/** 10 MB, built once and reused (F1). */
export const TEN_MB = 'A'.repeat(10 * 1024 * 1024);

/** Sets an OWN enumerable key, even `__proto__` (plain assignment would change the prototype instead). */
export function withOwnKey(base: object, key: string, value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = { ...base };
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
  return o;
}

function cyclicObject(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
}

function cyclicArray(): unknown[] {
  const a: unknown[] = [1];
  a.push(a);
  return a;
}

export const SQL_STRINGS = [
  "' OR 1=1--",
  "'); DROP TABLE staff;--",
  '" OR ""="',
  '1; DELETE FROM audit_events',
  "admin'--",
  '%',
  '_',
  '\\',
] as const;

/** The values listed in F1, plus a few neighbours. */
export const ADVERSARIAL_VALUES: readonly unknown[] = [
  // wrong types and empties
  null,
  undefined,
  true,
  false,
  0,
  1,
  -1,
  1.5,
  '',
  '   ',
  'x',
  'admin',
  'active',
  [],
  [1, 2, 3],
  [null],
  {},
  // numbers
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  2 ** 53 + 1,
  2 ** 31,
  -(2 ** 31),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  // BigInt
  10n,
  2n ** 64n,
  -1n,
  // objects that are not plain
  new Date(0),
  new Date(Number.NaN),
  new Map<unknown, unknown>([['role', 'admin']]),
  new Set([1, 'admin']),
  new Uint8Array([1, 2, 3]),
  /x/g,
  Object.create(null) as object,
  cyclicObject(),
  cyclicArray(),
  // strings
  TEN_MB,
  'a'.repeat(1025),
  'a'.repeat(255),
  ...SQL_STRINGS,
  '\u0000',
  'ada\u0000',
  '\u202Eevil',
  'a\u202Eb\u2066c',
  '\r\nforged: log line',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '😀'.repeat(40),
  '𝔞𝔡𝔞',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  // prototype keys
  JSON.parse('{"__proto__":{"isAdmin":true}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}') as unknown,
  { prototype: { isAdmin: true } },
  { toString: 'x', valueOf: 1, hasOwnProperty: 'y' },
];

/** Keys that try mass assignment or prototype tricks (A7, F1). */
export const EXTRA_KEYS = [
  'role',
  'status',
  'isAdmin',
  'admin',
  'permissions',
  'passwordHash',
  'password_hash',
  'id',
  'rejected',
  'mustChangePassword',
  'failedLoginCount',
  'lockedUntil',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  "'); DROP TABLE staff;--",
  '\uD800',
  'a\u0000b',
] as const;

export const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...ADVERSARIAL_VALUES), weight: 6 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), weight: 1 },
  { arbitrary: fc.bigInt(), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
);

export const anythingAtAll: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});

/**
 * Payloads that are ALMOST valid: the channel's valid payload with one field replaced by an
 * adversarial value, one field removed, or one extra key (mass assignment, `__proto__`, …).
 */
export function almostValid(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const extraValue = fc.oneof(
    fc.constantFrom<unknown>('admin', 'active', true, 1, { isAdmin: true }),
    adversarialValue,
  );
  const arbs: fc.Arbitrary<unknown>[] = [
    fc.tuple(fc.constantFrom(...EXTRA_KEYS), extraValue).map(([k, v]) => withOwnKey(base, k, v)),
    fc.constant(withOwnKey(withOwnKey(base, 'role', 'admin'), 'status', 'active')),
    fc.constant(withOwnKey(base, '__proto__', { isAdmin: true, role: 'admin' })),
    fc.constant(Object.assign(JSON.parse('{"__proto__":{"isAdmin":true}}') as object, base)),
    fc.constant([base]),
    fc.constant(JSON.stringify(base)),
  ];
  if (keys.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...keys), adversarialValue).map(([k, v]) => withOwnKey(base, k, v)),
    );
    arbs.push(
      fc.tuple(fc.constantFrom(...keys), adversarialValue).map(([k, v]) => withOwnKey(base, k, v)),
    );
    arbs.push(
      fc
        .constantFrom(...keys)
        .map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))),
    );
    arbs.push(fc.constantFrom(...keys).map((k) => withOwnKey(base, k, [base[k]])));
    arbs.push(fc.constantFrom(...keys).map((k) => withOwnKey(base, k, TEN_MB)));
  }
  return fc.oneof(...arbs);
}

/** Everything the fuzz throws at one channel whose valid payload is `base`. */
export function payloadArbitrary(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: anythingAtAll, weight: 3 },
    { arbitrary: adversarialValue, weight: 2 },
    { arbitrary: almostValid(base), weight: 5 },
    {
      arbitrary: fc.dictionary(fc.constantFrom(...EXTRA_KEYS), adversarialValue, { maxKeys: 3 }),
      weight: 1,
    },
  );
}

/** Text that must never cross IPC: stack frames, driver or SQL text, hashes, file paths. */
const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ['driver name', /sqlite|better-sqlite3|typeorm|QueryFailed/i],
  ['error class', /\b(Type|Range|Reference|Syntax|Query|Entity\w*)Error\b|Error:/],
  // `at fn (file:1:2)` or `file.js:1:2`; not prose such as "at most 1 for line 2".
  ['stack frame', /\bat\s+\S+\s+\(|\(?\S+\.(?:[cm]?js|ts):\d+(?::\d+)?\)?/],
  [
    'SQL',
    /\b(SELECT\s[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|DROP\s+TABLE|PRAGMA\s|CREATE\s+TABLE|WHERE\s)/,
  ],
  [
    'SQL error',
    /constraint failed|no such (table|column)|syntax error|database is locked|SQLITE_/i,
  ],
  // A stored hash or its scheme. The bare word password_hash is also the staff import's CSV
  // column (issue 9, section 7), which its header message names; SQL naming it is caught above.
  ['secret', /\bstaff\.password_hash|sha256-bcrypt|bcrypt-legacy:|\$2[aby]\$\d\d\$/i],
  ['file path', /node_modules|\/work\/|\/tmp\/|[A-Z]:\\/],
];

/**
 * Problems with an error text as seen by a renderer, or []. `echoed` are strings the caller sent
 * (object keys) which zod may quote back in "Unrecognized key" messages; they are removed first,
 * since echoing the caller's own key is not a leak.
 */
export function leakProblems(text: string, echoed: readonly string[] = []): string[] {
  let t = text;
  for (const e of [...echoed].filter((s) => s.length > 0).sort((a, b) => b.length - a.length))
    t = t.split(e).join('');
  return LEAKS.filter(([, re]) => re.test(t)).map(
    ([name]) => `${name} in ${JSON.stringify(text.slice(0, 200))}`,
  );
}

/** Own keys of a payload, when it is an object: what zod might echo back. */
export function ownKeys(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  try {
    return Reflect.ownKeys(payload).filter((k): k is string => typeof k === 'string');
  } catch {
    return [];
  }
}

/**
 * Checks that `r` is a Result: `{ ok: true, data }` or `{ ok: false, error: { code, message,
 * issues? } }` with a code from ERROR_CODES, a short one-line generic message, and issues made of
 * short `{ path, message }` strings; that it survives structured cloning (it crosses IPC); and
 * that no text in it leaks internals. Returns the problems found.
 */
export function resultProblems(r: unknown, echoed: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (typeof r !== 'object' || r === null) return [`not an object: ${typeof r}`];
  const res = r as Record<string, unknown>;
  try {
    structuredClone(r);
  } catch {
    problems.push('the answer cannot be structured-cloned across IPC');
  }
  if (res.ok === true) {
    if (Object.keys(res).sort().join() !== 'data,ok')
      problems.push(`ok result keys ${Object.keys(res).join()}`);
    return problems;
  }
  if (res.ok !== false) return [...problems, `ok is ${String(res.ok)}`];
  if (Object.keys(res).sort().join() !== 'error,ok')
    problems.push(`error result keys ${Object.keys(res).join()}`);
  const e = res.error as Record<string, unknown> | undefined;
  if (typeof e !== 'object' || e === null) return [...problems, 'error is not an object'];
  const extra = Object.keys(e).filter((k) => !['code', 'message', 'issues'].includes(k));
  if (extra.length) problems.push(`extra error keys ${extra.join()}`);
  if (!(ERROR_CODES as readonly unknown[]).includes(e.code))
    problems.push(`unknown code ${String(e.code)}`);
  if (typeof e.message !== 'string' || e.message.length === 0)
    problems.push('message is not a non-empty string');
  else {
    if (e.message.length > 300) problems.push(`message is ${e.message.length} characters long`);
    if (/[\r\n]/.test(e.message)) problems.push('message spans several lines');
    problems.push(...leakProblems(e.message));
  }
  if (e.issues !== undefined) {
    if (!Array.isArray(e.issues)) problems.push('issues is not an array');
    else {
      if (e.issues.length > 20) problems.push(`${e.issues.length} issues`);
      for (const i of e.issues as unknown[]) {
        const issue = i as Record<string, unknown>;
        if (
          typeof issue !== 'object' ||
          issue === null ||
          Object.keys(issue).sort().join() !== 'message,path'
        ) {
          problems.push(`bad issue ${JSON.stringify(i)}`);
          continue;
        }
        if (typeof issue.path !== 'string' || typeof issue.message !== 'string') {
          problems.push('issue path/message not strings');
          continue;
        }
        // Like the message: a handler's issue may quote a 200-character product name.
        if (issue.path.length > 100 || issue.message.length > 300)
          problems.push(`issue text too long (${issue.path.length} + ${issue.message.length})`);
        problems.push(...leakProblems(issue.message, echoed), ...leakProblems(issue.path, echoed));
      }
    }
  }
  return problems;
}

/**
 * A fast-check reporter that keeps the failure message short (the default one prints the whole
 * counterexample, which may be a 10 MB string) and ends with `replay`, the command that runs the
 * same cases again (F4).
 */
export function conciseReporter(replay: string): <T>(details: fc.RunDetails<T>) => void {
  return (details) => report(details, replay);
}

function report<T>(details: fc.RunDetails<T>, replay: string): void {
  if (!details.failed) return;
  let example = '';
  try {
    example = fc.stringify(details.counterexample);
  } catch {
    example = '(unprintable)';
  }
  if (example.length > 1500) example = `${example.slice(0, 1500)}… (${example.length} characters)`;
  const cause =
    details.errorInstance instanceof Error
      ? details.errorInstance.message
      : String(details.errorInstance);
  throw new Error(
    `Property failed after ${details.numRuns} runs (seed ${details.seed}, path ${String(details.counterexamplePath)}, ${details.numShrinks} shrinks).\nCounterexample: ${example}\nCause: ${cause.slice(0, 4000)}\nReplay: ${replay}`,
  );
}

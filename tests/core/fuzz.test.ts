/**
 * F1/F2/F4: the fuzz of every channel in the contract.
 *
 * F4, against an independent oracle (tests/helpers/fuzz-oracle.ts, written by hand from the
 * requirements, never from the zod schemas):
 * - every bound of every field, just inside, passes the schema, and just outside is refused by the
 *   router with VALIDATION_FAILED naming the field; so is an extra key on every object;
 * - many random payloads per channel (≥ 1,000 in CI), half valid and half broken, get the same
 *   verdict from the schema as from the oracle;
 * - valid payloads reach every handler in a throwaway core, and each call changes only the rows the
 *   oracle allows (audit actions, row counts per table, which tables may change at all).
 * The seed is random unless FUZZ_SEED is set; it is in every test's name and failure message.
 *
 * F1, adversarial: each channel is called as a signed-in admin (so the session and permission
 * checks pass and the input schema is what gets exercised), and each public channel also without a
 * session, with `fc.anything()` and with a mix of the adversarial values listed in F1 (wrong
 * types, NaN, BigInt, Date, Map, cyclic objects, a 10 MB string, SQL, NUL, U+202E, lone surrogates,
 * `__proto__` keys) and ALMOST valid payloads (a valid one with one field broken or one extra key).
 * For every call: the answer is a typed Result with a generic message (no stack, no SQL); an
 * invalid payload gets VALIDATION_FAILED and exactly one `ipc.validation_failed` audit row; no
 * table other than audit_events changes; nothing is added to Object.prototype. Afterwards the
 * process and the core are alive, integrity_check is ok, and the audit chain still verifies (F2).
 * Payloads that happen to pass the schema are only sent to read-only channels there; the handler
 * stream above is where valid writes go.
 *
 * Sizes: tests/helpers/fuzz-seed.ts (KASSA_FUZZ_RUNS, KASSA_FUZZ_ORACLE_RUNS, …).
 */
import { isDisplayChannel } from '../../shared/contract/display';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_NAMES,
  channels,
  type ChannelDefinition,
  type ChannelName,
} from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { PasswordHasher } from '../../electron/core/auth/password-hasher';
import { createSqliteDataSource } from '../../electron/core/db/data-source';
import { Database as CoreDatabase } from '../../electron/core/db/database';
import { createHandlers } from '../../electron/core/router/handlers';
import { buildServices } from '../../electron/core/services';
import { SettingsService } from '../../electron/core/settings/settings-service';
import {
  ADMIN,
  FakeClock,
  callerFor,
  makeTestCore,
  memorySecrets,
  tempDir,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import {
  auditMaxId,
  auditRowsAfter,
  auditRowVerifies,
  integrityCheck,
  snapshotTables,
  UNENCODED_CONTROL,
  type AuditRow,
} from '../helpers/fuzz-db';
import {
  auditProblems,
  changedTables,
  effectProblems,
  tableStates,
  type TableState,
} from '../helpers/fuzz-effects';
import {
  openStream,
  resolveRefs,
  restoreMember,
  topUp,
  WINDOWS,
  type Stream,
} from '../helpers/fuzz-stream';
import { oracleFor, readOnlyCodes, type ChannelOracle } from '../helpers/fuzz-oracle';
import { boundaryCases } from '../helpers/fuzz-oracle-bounds';
import { fieldDrift } from '../helpers/fuzz-oracle-drift';
import { oracleCase, validPayload } from '../helpers/fuzz-oracle-random';
import { payloadMaker, STRONG_PASSWORD, type PayloadContext } from '../helpers/fuzz-payloads';
import {
  ORACLE_RUNS,
  REPLAY,
  ROUTER_RUNS as RUNS,
  seedFor,
  SLOW_STREAM_RUNS,
  STREAM_RUNS,
} from '../helpers/fuzz-seed';
import { seedRetail } from '../helpers/retail';
import {
  conciseReporter,
  ownKeys,
  payloadArbitrary,
  resultProblems,
  SQL_STRINGS,
  TEN_MB,
} from '../helpers/fuzz-values';

const reporter = conciseReporter(REPLAY);

const ADMIN_WINDOW = 1;
const ANON_WINDOW = 2;

let t: TestCore;
let dir: string;
let db: Database.Database;
let adminId: number;
let ctx: PayloadContext;
let protoKeys: string[];
let invalidCalls = 0;
let auditAtStart = 0;
/** The tables as the last fuzzed call left them; cleared before each test. */
let lastSnapshot: Record<string, TableState> | undefined;

function isValid(def: ChannelDefinition, payload: unknown): boolean {
  return def.input.safeParse(payload === undefined ? {} : payload).success;
}

function baseFor(channel: ChannelName): Record<string, unknown> {
  const make = payloadMaker(channel);
  expect(make, `no payload for ${channel} in tests/helpers/fuzz-payloads.ts`).toBeTypeOf(
    'function',
  );
  return make!(ctx) as Record<string, unknown>;
}

/** The first segment a VALIDATION_FAILED path may have: the schema's own fields, or the whole input. */
function knownPaths(def: ChannelDefinition): string[] {
  const shape = (def.input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return ['(input)', ...Object.keys(shape)];
}

/** Strings of the payload worth looking for in the audit log (never stored, L1). */
function secretsOf(base: Record<string, unknown>): string[] {
  return ['password', 'currentPassword', 'newPassword']
    .map((k) => base[k])
    .filter((v): v is string => typeof v === 'string');
}

function checkAuditRow(
  row: AuditRow,
  channel: ChannelName,
  actorId: number | null,
  secrets: string[],
): void {
  expect(row).toMatchObject({
    action: 'ipc.validation_failed',
    outcome: 'denied',
    target_type: 'channel',
    target_id: channel,
    actor_id: actorId,
    terminal: 'till-1',
  });
  expect(auditRowVerifies(row), 'L2: the audit row no longer hashes to its stored hash').toBe(true);
  for (const v of Object.values(row)) {
    if (typeof v !== 'string') continue;
    expect(v, 'L3: control characters must be encoded in audit values').not.toMatch(
      UNENCODED_CONTROL,
    );
    for (const s of secrets)
      expect(v.includes(s), 'L1: a password reached the audit log').toBe(false);
  }
}

/** One fuzzed call, with every per-call assertion. */
async function fuzzCall(
  channel: ChannelName,
  payload: unknown,
  windowId: number,
  actorId: number | null,
  secrets: string[],
): Promise<void> {
  const def = channels[channel];
  const valid = isValid(def, payload);
  // The previous call of the same property ended by checking the tables equal this snapshot, and
  // nothing runs between two calls, so it is reused instead of being read again.
  const before = lastSnapshot ?? tableStates(db);
  lastSnapshot = undefined;
  const auditBefore = auditMaxId(db);

  const r = (await t.core.invoke(channel, payload, callerFor(windowId))) as Result<unknown>;

  expect(resultProblems(r, ownKeys(payload))).toEqual([]);
  const added = auditRowsAfter(db, auditBefore);
  if (valid) {
    const businessCodes = readOnlyCodes(channel);
    expect(businessCodes, `a valid payload reached ${channel}`).toBeDefined();
    expect(
      r.ok || businessCodes!.includes(r.error.code),
      `valid payload on ${channel}: ${JSON.stringify(r).slice(0, 300)}`,
    ).toBe(true);
    expect(added).toEqual([]);
  } else {
    invalidCalls += 1;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    expect(r.error.message).toBe('Some fields need attention.');
    expect(r.error.issues?.length).toBeGreaterThan(0);
    const paths = knownPaths(def);
    // Nested fields (lines.0.quantity) are named from a top-level field of the schema.
    for (const i of r.error.issues ?? [])
      expect(paths, `issue path ${i.path}`).toContain(i.path.split('.')[0]);
    // F2: the failure is audited, once, without values.
    expect(added).toHaveLength(1);
    checkAuditRow(added[0]!, channel, actorId, secrets);
  }
  expect([...changedTables(before, tableStates(db))], 'tables the call changed').toEqual([]);
  lastSnapshot = before;
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
}

beforeAll(async () => {
  protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  dir = tempDir('kassa-fuzz-');
  t = await makeTestCore({ dir, backupAfterShiftClose: false });
  adminId = (await withAdmin(t)).staff.id;
  const target = await t.must('staff:create', {
    username: 'fuzz.target',
    email: 'fuzz.target@shop.test',
    displayName: 'Fuzz Target',
    role: 'cashier',
    approve: false,
  });
  ctx = {
    identifier: ADMIN.username,
    password: ADMIN.password,
    takenUsername: ADMIN.username,
    takenEmail: ADMIN.email,
    targetId: target.staff.id,
    deletableId: target.staff.id,
    unique: 'fuzz1',
    uuid: randomUUID(),
    retail: await seedRetail(t, ADMIN_WINDOW),
  };
  db = t.raw();
  auditAtStart = auditMaxId(db);
});

afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  lastSnapshot = undefined;
});

/**
 * The customer display's channel answers the display window only (issue 10, section 4): every
 * till window gets FORBIDDEN_SENDER before its payload is looked at, so the payload fuzz leaves it
 * to tests/core/customer-display.test.ts.
 */
const TILL_CHANNELS = CHANNEL_NAMES.filter((c) => !isDisplayChannel(c));

describe(`F1 fuzz, signed in as admin (${REPLAY})`, () => {
  it.each(TILL_CHANNELS)('%s', async (channel) => {
    const def = channels[channel];
    const base = baseFor(channel);
    const secrets = secretsOf(base);
    let arb = payloadArbitrary(base);
    if (!readOnlyCodes(channel)) arb = arb.filter((p) => !isValid(def, p));
    const before = invalidCalls;
    await fc.assert(
      fc.asyncProperty(arb, (payload) =>
        fuzzCall(channel, payload, ADMIN_WINDOW, adminId, secrets),
      ),
      { seed: seedFor(`admin ${channel}`), numRuns: RUNS, reporter },
    );
    // Most payloads are invalid, so the schema really was exercised.
    expect(invalidCalls - before).toBeGreaterThan(RUNS / 2);
    // The admin is still signed in and unlocked: no fuzzed payload logged out, locked or rotated away.
    expect((await t.must('auth:session', {}, ADMIN_WINDOW)).session).toMatchObject({
      locked: false,
      staff: { id: adminId },
    });
  });
});

describe(`F1 fuzz, public channels without a session (${REPLAY})`, () => {
  const publicChannels = TILL_CHANNELS.filter((c) => channels[c].access === 'public');

  it('covers the public channels', () => {
    expect(publicChannels.length).toBeGreaterThanOrEqual(5);
  });

  it.each(publicChannels)('%s', async (channel) => {
    const def = channels[channel];
    const base = baseFor(channel);
    let arb = payloadArbitrary(base);
    if (!readOnlyCodes(channel)) arb = arb.filter((p) => !isValid(def, p));
    await fc.assert(
      fc.asyncProperty(arb, (payload) =>
        fuzzCall(channel, payload, ANON_WINDOW, null, secretsOf(base)),
      ),
      { seed: seedFor(`anonymous ${channel}`), numRuns: RUNS, reporter },
    );
    expect((await t.must('auth:session', {}, ANON_WINDOW)).session).toBeNull();
  });
});

function oracleOf(channel: ChannelName): ChannelOracle {
  const o = oracleFor(channel);
  expect(o, `${channel} has no entry in tests/helpers/fuzz-oracle.ts: add one`).toBeDefined();
  return o!;
}

/** A payload as short text for a failure message. */
function show(v: unknown): string {
  let s: string;
  try {
    s = fc.stringify(v);
  } catch {
    s = '(unprintable)';
  }
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s;
}

/** Does a VALIDATION_FAILED answer name `path` (or a field inside it)? '' is the whole input. */
function namesPath(r: Result<unknown>, path: string): boolean {
  const want = path || '(input)';
  return (
    !r.ok && (r.error.issues ?? []).some((i) => i.path === want || i.path.startsWith(`${want}.`))
  );
}

describe(`F4 the contract agrees with the oracle (${REPLAY})`, () => {
  it('every channel in the contract has an oracle entry naming exactly its fields, at every depth', () => {
    const problems: string[] = [];
    for (const c of CHANNEL_NAMES) {
      const o = oracleFor(c);
      if (!o) {
        problems.push(`${c}: no entry in tests/helpers/fuzz-oracle.ts`);
        continue;
      }
      problems.push(...fieldDrift(channels[c].input, o.input).map((p) => `${c} ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it.each(TILL_CHANNELS)(
    '%s: just inside every bound passes the schema, just outside is VALIDATION_FAILED',
    async (channel) => {
      const def = channels[channel];
      const cases = boundaryCases(oracleOf(channel).input);
      const problems: string[] = [];
      for (const c of cases) {
        const accepted = def.input.safeParse(c.payload).success;
        if (accepted !== c.valid) {
          problems.push(`${accepted ? 'accepted' : 'refused'} ${c.why}: ${show(c.payload)}`);
          continue;
        }
        if (c.valid) continue;
        // Refused by the schema: the router must say so, name the field, and audit it once (F2).
        const auditBefore = auditMaxId(db);
        const r = (await t.core.invoke(
          channel,
          c.payload,
          callerFor(ADMIN_WINDOW),
        )) as Result<unknown>;
        const audited = auditRowsAfter(db, auditBefore).map((a) => a.action);
        if (r.ok || r.error.code !== 'VALIDATION_FAILED')
          problems.push(`${c.why}: answered ${r.ok ? 'ok' : r.error.code}`);
        else if (!namesPath(r, c.path))
          problems.push(`${c.why}: issues ${JSON.stringify(r.error.issues)} do not name it`);
        if (audited.join() !== 'ipc.validation_failed')
          problems.push(`${c.why}: audit rows [${audited}]`);
      }
      expect(problems, `${channel} disagrees with tests/helpers/fuzz-oracle.ts`).toEqual([]);
      expect(cases.some((c) => !c.valid)).toBe(true);
    },
  );

  it.each(CHANNEL_NAMES)(
    `%s: ${ORACLE_RUNS} random payloads get the oracle's verdict`,
    (channel) => {
      const def = channels[channel];
      let valid = 0;
      fc.assert(
        fc.property(oracleCase(oracleOf(channel).input), (v) => {
          const accepted = def.input.safeParse(v.payload).success;
          if (v.valid) valid += 1;
          if (accepted !== v.valid)
            throw new Error(
              `the schema ${accepted ? 'accepted' : 'refused'} a payload the oracle ${v.valid ? 'accepts' : 'refuses'} (${v.why})`,
            );
        }),
        { seed: seedFor(`oracle ${channel}`), numRuns: ORACLE_RUNS, reporter },
      );
      // Both kinds were drawn, so both directions of the contract were checked.
      expect(valid).toBeGreaterThan(ORACLE_RUNS / 5);
      expect(valid).toBeLessThan((ORACLE_RUNS * 4) / 5);
    },
  );
});

describe(`F4 valid payloads reach every handler (${REPLAY})`, () => {
  let s: Stream;

  beforeAll(async () => {
    s = await openStream();
  });

  afterAll(async () => {
    await s?.close();
  });

  it.each(CHANNEL_NAMES)('%s changes only what the oracle allows', async (channel) => {
    const def = channels[channel];
    const o = oracleOf(channel);
    const actor = o.stream?.actor ?? 'admin';
    const runs = o.stream?.slow ? SLOW_STREAM_RUNS : STREAM_RUNS;
    let succeeded = 0;
    const refusals = new Set<string>();
    await fc.assert(
      fc.asyncProperty(validPayload(o.input), async (drawn) => {
        await topUp(s, o.stream?.needs);
        const payload = resolveRefs(s, drawn);
        const parsed = def.input.safeParse(payload);
        if (!parsed.success)
          throw new Error(
            `the schema refused a valid payload ${show(payload)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          );
        const before = tableStates(s.db);
        const auditBefore = auditMaxId(s.db);
        const r = (await s.t.core.invoke(
          channel,
          payload,
          callerFor(WINDOWS[actor]),
        )) as Result<unknown>;
        const answer = r.ok ? 'ok' : r.error.code;
        const shape = resultProblems(r, ownKeys(payload));
        if (shape.length > 0) throw new Error(`${answer}: ${shape.join('; ')}`);
        const outcome = r.ok ? o.ok : o.refusals?.[r.error.code];
        if (!outcome)
          throw new Error(
            `${answer}${r.ok ? '' : ` (${r.error.message})`} is not allowed by the oracle for the valid payload ${show(payload)}`,
          );
        if (r.ok) succeeded += 1;
        else refusals.add(r.error.code);
        const after = tableStates(s.db);
        const effect =
          typeof outcome === 'function'
            ? outcome({
                input: payload,
                output: r.ok ? r.data : undefined,
                changed: changedTables(before, after),
              })
            : outcome;
        const problems = [
          ...effectProblems(before, after, effect),
          ...auditProblems(s.db, auditBefore, effect),
        ];
        if (problems.length > 0)
          throw new Error(`${answer} to ${show(payload)}: ${problems.join('; ')}`);
        if (actor === 'member') await restoreMember(s);
      }),
      {
        seed: seedFor(`stream ${channel}`),
        numRuns: runs,
        reporter,
        // The file changes from call to call, so a shrunk case would not replay the same way.
        endOnFailure: true,
      },
    );
    // The handler itself was reached: a channel that can succeed did, at least once. Only with
    // enough runs (CI) for a miss to be out of the question; a few local runs may all be refused.
    if (o.ok && runs >= 50 && !o.stream?.cannotSucceed)
      expect(
        succeeded,
        `no valid payload succeeded; refusals: ${[...refusals].join(', ')}`,
      ).toBeGreaterThan(0);
  });

  it('afterwards the file is sound and the audit chain verifies when the core starts again', async () => {
    expect(integrityCheck(s.db)).toBe('ok');
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
    await s.reopen();
    const start = s.db
      .prepare(
        "SELECT outcome, detail FROM audit_events WHERE action = 'app.start' ORDER BY id DESC LIMIT 1",
      )
      .get();
    expect(start).toEqual({ outcome: 'success', detail: expect.stringMatching(/^audit chain ok/) });
  });
});

describe('adversarial strings that pass the schema', () => {
  it('staff:list treats SQL and LIKE wildcards in the search as text', async () => {
    const before = snapshotTables(db);
    for (const search of [...SQL_STRINGS, 'x\u202E', '\uD800']) {
      const r = await t.call('staff:list', { search }, ADMIN_WINDOW);
      expect(r, JSON.stringify(search)).toEqual({ ok: true, data: { items: [], total: 0 } });
    }
    // Not vacuous: a real search finds the admin.
    expect((await t.must('staff:list', { search: ADMIN.username })).total).toBe(1);
    expect(snapshotTables(db)).toEqual(before);
  });

  it('staff:list with a NUL in the search matches nothing (or is refused), instead of everything', async () => {
    // SQLite reads a LIKE pattern only up to its first NUL, so '%\u0000%' would act as '%'.
    const outcomes: Record<string, string> = {};
    for (const search of ['\u0000', 'zzz\u0000', '\u0000zzz', 'ada\u0000zzz']) {
      const r = await t.call('staff:list', { search }, ADMIN_WINDOW);
      if (r.ok)
        outcomes[JSON.stringify(search)] =
          r.data.total === 0 ? 'nothing' : `${r.data.total} members`;
      else
        outcomes[JSON.stringify(search)] =
          r.error.code === 'VALIDATION_FAILED' ? 'nothing' : r.error.code;
    }
    expect(outcomes).toEqual({
      '"\\u0000"': 'nothing',
      '"zzz\\u0000"': 'nothing',
      '"\\u0000zzz"': 'nothing',
      '"ada\\u0000zzz"': 'nothing',
    });
  });

  it('auth:login with SQL in the identifier is refused as an unknown user and starts no session', async () => {
    const before = snapshotTables(db);
    for (const identifier of [
      "' OR 1=1--",
      "ada' --",
      "ada'); DROP TABLE staff;--",
      '%',
      'ada\u0000',
    ]) {
      const r = await t.call('auth:login', { identifier, password: ADMIN.password }, ANON_WINDOW);
      expect(r, identifier).toEqual({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', message: expect.any(String) },
      });
      expect(resultProblems(r)).toEqual([]);
    }
    expect((await t.must('auth:session', {}, ANON_WINDOW)).session).toBeNull();
    expect(snapshotTables(db)).toEqual(before);
  });

  it('a 10 MB string is refused quickly on every string field', async () => {
    const started = Date.now();
    for (const [channel, field] of [
      ['auth:login', 'password'],
      ['auth:login', 'identifier'],
      ['auth:requestAccess', 'displayName'],
      ['staff:list', 'search'],
      ['staff:create', 'email'],
    ] as const) {
      const payload = { ...baseFor(channel), [field]: TEN_MB };
      const r = (await t.core.invoke(channel, payload, callerFor(ADMIN_WINDOW))) as Result<unknown>;
      expect(r.ok ? 'ok' : r.error.code, `${channel}.${field}`).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r).length).toBeLessThan(2000);
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('A7 mass assignment', () => {
  const member = {
    username: 'mallory',
    email: 'mallory@shop.test',
    displayName: 'Mallory',
    password: STRONG_PASSWORD,
  };

  it.each([
    ['role and status', { ...member, role: 'admin', status: 'active' }],
    ['role only', { ...member, role: 'admin' }],
    ['status only', { ...member, status: 'active' }],
    ['rejected/mustChangePassword', { ...member, rejected: false, mustChangePassword: false }],
    [
      'an own __proto__ key',
      Object.assign(
        JSON.parse('{"__proto__":{"role":"admin","status":"active"}}') as object,
        member,
      ),
    ],
  ])(
    'auth:requestAccess carrying %s is refused with VALIDATION_FAILED and stores nothing',
    async (_name, payload) => {
      const before = snapshotTables(db);
      const auditBefore = auditMaxId(db);
      const r = await t.core.invoke('auth:requestAccess', payload, callerFor(ANON_WINDOW));
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(snapshotTables(db)).toEqual(before);
      expect(
        db.prepare('SELECT COUNT(*) AS n FROM staff WHERE username = ?').get('mallory'),
      ).toEqual({ n: 0 });
      const added = auditRowsAfter(db, auditBefore);
      expect(added).toHaveLength(1);
      checkAuditRow(added[0]!, 'auth:requestAccess', null, [member.password]);
      expect(({} as Record<string, unknown>).role).toBeUndefined();
    },
  );

  it('behind the schema, the request-access handler stores a pending cashier whatever else it is given', async () => {
    // The services as createCore builds them, on their own file, so the handler can be called
    // directly with the extra fields the router's schema would have refused.
    const own = tempDir('kassa-massassign-');
    const dataSource = createSqliteDataSource({ databasePath: join(own, 'kassa.sqlite') });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const clock = new FakeClock();
    const cdb = new CoreDatabase(dataSource);
    const audit = new AuditLog(clock, 'till-1');
    const settings = new SettingsService(cdb, audit, clock, 'till-1');
    await settings.load();
    const hasher = new PasswordHasher();
    const services = await buildServices({
      db: cdb,
      audit,
      settings,
      hasher,
      clock,
      terminal: 'till-1',
      secretStore: memorySecrets(),
      keyFilePath: join(own, 'kassa.sqlite.key'),
      safeMode: () => false,
    });
    const { auth } = services;
    const handlers = createHandlers(services);
    try {
      const sneaky = {
        ...member,
        role: 'admin',
        roleId: 'admin',
        status: 'active',
        rejected: false,
        mustChangePassword: false,
        failedLoginCount: -5,
        passwordHash: 'sha256-bcrypt:$2b$04$planted',
        id: 1,
      };
      const requestAccess = handlers['auth:requestAccess'] as (
        input: unknown,
        c: unknown,
      ) => Promise<unknown>;
      await expect(
        requestAccess(sneaky, { caller: callerFor(9), session: undefined }),
      ).resolves.toEqual({ status: 'pending' });

      const rows = dataSource.query(
        'SELECT username, status, role_id, rejected, must_change_password, failed_login_count, password_hash FROM staff',
      );
      const [row] = (await rows) as Array<Record<string, unknown>>;
      expect(row).toMatchObject({
        username: 'mallory',
        status: 'pending',
        role_id: 'cashier',
        rejected: 0,
        must_change_password: 0,
        failed_login_count: 0,
      });
      expect(String(row!.password_hash)).toMatch(/^sha256-bcrypt:\$2[aby]\$12\$/);
      expect(
        ((await dataSource.query('SELECT COUNT(*) AS n FROM staff')) as Array<{ n: number }>)[0]!.n,
      ).toBe(1);
      // And a pending member cannot sign in (A6).
      await expect(auth.login('mallory', member.password, 9)).rejects.toMatchObject({
        code: 'ACCOUNT_PENDING',
      });
    } finally {
      await cdb.close();
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('F2 after the fuzz', () => {
  it('the process and the core are alive, validation failures were audited, and the file is sound', async () => {
    expect(process.exitCode ?? 0).toBe(0);
    expect(await t.must('app:status', {})).toMatchObject({
      setupRequired: false,
      terminalName: 'till-1',
      safeMode: false,
      storage: { ok: true },
    });
    expect((await t.must('auth:session', {}, ADMIN_WINDOW)).session).toMatchObject({
      staff: { id: adminId },
      locked: false,
    });
    expect(invalidCalls).toBeGreaterThan(CHANNEL_NAMES.length * (RUNS / 2));
    const failures = db
      .prepare(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'ipc.validation_failed' AND id > ?",
      )
      .get(auditAtStart) as { n: number };
    expect(failures.n).toBeGreaterThanOrEqual(invalidCalls);
    expect(integrityCheck(db)).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('the audit chain still verifies when the core starts again (L2)', async () => {
    await t.close();
    t = await makeTestCore({ dir, backupAfterShiftClose: false });
    db = t.raw();
    const start = db
      .prepare(
        "SELECT outcome, detail FROM audit_events WHERE action = 'app.start' ORDER BY id DESC LIMIT 1",
      )
      .get() as { outcome: string; detail: string };
    expect(start.detail).toMatch(/^audit chain ok/);
    expect(start.outcome).toBe('success');
  });
});

describe('L2 with adversarial text in audited values', () => {
  // Values the caller controls reach the audit log: the identifier of a failed sign-in is stored
  // as actor_name, with no session needed. Whatever they contain, each row must still hash to its
  // stored hash when read back, or the chain check at start-up reports tampering.
  let c: TestCore;
  let own: string;

  beforeAll(async () => {
    own = tempDir('kassa-chain-');
    c = await makeTestCore({ dir: own, backupAfterShiftClose: false });
  });

  afterAll(async () => {
    await c?.close();
    if (own) rmSync(own, { recursive: true, force: true });
  });

  it.each([
    ['NUL, CR/LF and U+202E', 'x\u0000y\r\nz\u202Ew'],
    ['SQL', "' OR 1=1--"],
    ['a lone surrogate', '\uD800evil'],
    ['an emoji cut in half by the 80-character actor_name cap', `${'a'.repeat(78)}😀tail`],
  ])(
    'an unknown-user sign-in with %s is audited in a row that still verifies',
    async (_name, identifier) => {
      const raw = c.raw();
      const before = auditMaxId(raw);
      const r = await c.call(
        'auth:login',
        { identifier, password: 'whatever it is 42' },
        ANON_WINDOW,
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
      const added = auditRowsAfter(raw, before);
      expect(added.map((a) => [a.action, a.outcome])).toEqual([['auth.login', 'failure']]);
      expect(added[0]!.actor_name).not.toMatch(UNENCODED_CONTROL);
      expect(
        auditRowVerifies(added[0]!),
        `stored actor_name ${JSON.stringify(added[0]!.actor_name)}`,
      ).toBe(true);
    },
  );

  it('the chain verifies when the core starts again', async () => {
    await c.close();
    c = await makeTestCore({ dir: own, backupAfterShiftClose: false });
    const start = c
      .raw()
      .prepare(
        "SELECT outcome, detail FROM audit_events WHERE action = 'app.start' ORDER BY id DESC LIMIT 1",
      )
      .get();
    expect(start).toEqual({ outcome: 'success', detail: expect.stringMatching(/^audit chain ok/) });
  });
});

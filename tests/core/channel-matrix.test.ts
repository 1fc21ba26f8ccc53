/**
 * A7 (ASVS 8.2.1, 8.3.1) and E5 (Electron security checklist #17): every channel of the contract ×
 * every role, plus no session, plus foreign senders. The roles are the three seeded ones and two
 * an admin made (issue 9, section 2): a Supervisor with refunds and no staff rights, and a Staff
 * keeper with staff rights and no sales, so access follows permissions, never role names.
 *
 * - A role whose permissions include the channel's `access` (or `authenticated`/`public`) is never
 *   answered FORBIDDEN; any other role gets exactly FORBIDDEN, one `authz.denied` audit row naming
 *   the actor and the channel, and no change to any other table.
 * - Without a session every non-public channel answers UNAUTHENTICATED.
 * - Another origin, or a subframe, gets FORBIDDEN_SENDER on every channel and changes nothing.
 *
 * The channel list is read from the contract, so a new channel is covered automatically; it must
 * also get a payload in tests/helpers/fuzz-payloads.ts, or this suite fails.
 */
import { isDisplayChannel } from '../../shared/contract/display';
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, type Access, type ChannelName } from '../../shared/contract';
import { ALL_PERMISSIONS, permissionsOf, type Permission } from '../../shared/permissions';
import { APP_ORIGIN } from '../../shared/csp';
import type { Caller } from '../../electron/core';
import {
  asSession,
  ADMIN,
  approvedMember,
  callerFor,
  makeTestCore,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { auditMaxId, auditRowsAfter, snapshotTables } from '../helpers/fuzz-db';
import { payloadMaker, VALID_PAYLOADS, type PayloadContext } from '../helpers/fuzz-payloads';
import { seedRetail, type RetailFixture } from '../helpers/retail';

/** Channels callable without a session. Pinned: a new public channel must be a deliberate choice. */
const PUBLIC_CHANNELS = [
  'app:status',
  // Issue 10, section 5 (D5): the restore safe mode offers; refused outside safe mode.
  'backups:safeModeList',
  'backups:safeModeRestore',
  'setup:createAdmin',
  'auth:session',
  'auth:login',
  'auth:requestAccess',
  // The code step of sign-in: it acts only on the member this window's auth:login left waiting.
  'twoFactor:signIn',
  // Issue 9, section 6: "forgot password" is asked for at the sign-in screen (OWASP).
  'reset:available',
  'reset:request',
  'reset:complete',
  // Issue 9, section 4: a request for access verifies its contact before anyone signs in.
  'contacts:verifyRequest',
  'contacts:resendRequestCode',
  // Issue 10, section 4: the customer display window reads its view without a session; the
  // router answers it to that window only (tests/core/customer-display.test.ts).
  'display:cart',
  // Issue 12, section 1: first run joins a store server before any staff exist; refused with
  // SETUP_ALREADY_DONE once any do (tests/core/store-server-join.test.ts).
  'storeServer:test',
  'storeServer:join',
];

const BUILT_IN = ['admin', 'manager', 'cashier'] as const;
/** The roles an admin creates in beforeAll, with what they grant. */
const CUSTOM_ROLES = {
  supervisor: ['sales.create', 'sales.void', 'sales.refund', 'reports.view'],
  keeper: ['staff.view', 'staff.manage', 'staff.approve', 'audit.view'],
} satisfies Record<string, Permission[]>;
const ROLE_IDS = [...BUILT_IN, 'supervisor', 'keeper'] as const;
type RoleId = (typeof ROLE_IDS)[number];
/** Role key → the role's row id (generated for the custom roles). */
const roleRowId = { admin: 'admin', manager: 'manager', cashier: 'cashier' } as Record<
  RoleId,
  string
>;
const grants = (role: RoleId): readonly Permission[] =>
  role in CUSTOM_ROLES ? CUSTOM_ROLES[role as keyof typeof CUSTOM_ROLES] : permissionsOf(role);

/** Each role signs in on its own window; window 1 is the set-up admin's. */
const WINDOW: Record<RoleId, number> = {
  admin: 11,
  manager: 12,
  cashier: 13,
  supervisor: 14,
  keeper: 15,
};
const NO_SESSION_WINDOW = 21;
const EMPTY_WINDOW = 31;

const PASSWORDS: Record<RoleId, string> = {
  admin: 'orange lantern on a quiet hill',
  manager: 'seven paper boats drifting east',
  cashier: 'copper kettle whistles at dawn',
  supervisor: 'nine violet owls count the rain',
  keeper: 'a brass compass points to tea',
};

/** Answers that mean the test itself is broken (the payload or the caller), not an authz result. */
const NEVER_WHEN_ALLOWED = [
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'SESSION_EXPIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  'SAFE_MODE',
];

function allowed(access: Access, role: RoleId): boolean {
  return access === 'public' || access === 'authenticated' || grants(role).includes(access);
}

function codeOf(r: { ok: boolean; error?: { code: string } }): string {
  return r.ok ? 'ok' : r.error!.code;
}

let t: TestCore;
let db: Database.Database;
const ids = {} as Record<RoleId, number>;
const usernames = {} as Record<RoleId, string>;
let targetId = 0;
let deletableId = 0;
let retail: RetailFixture;
let counter = 0;

function ctxFor(role: RoleId | null): PayloadContext {
  counter += 1;
  return {
    identifier: role ? usernames[role] : 'nobody.here',
    password: role ? PASSWORDS[role] : 'not the right one at all',
    takenUsername: ADMIN.username,
    takenEmail: ADMIN.email,
    targetId,
    deletableId,
    unique: `${role ?? 'anon'}${counter}`,
    uuid: randomUUID(),
    retail,
  };
}

function invoke(channel: unknown, payload: unknown, caller: unknown) {
  return t.core.invoke(channel as string, payload, caller as Caller);
}

async function sessionOf(windowId: number) {
  const r = await t.must('auth:session', {}, windowId);
  return r.session;
}

/**
 * Puts the role's caller back in a signed-in, unlocked state after the logout, login and lock
 * channels. A locked session is left locked for a channel that is allowed while locked (unlock).
 */
async function ensureReady(role: RoleId, channel?: ChannelName): Promise<void> {
  const w = WINDOW[role];
  const s = await sessionOf(w);
  if (!s) await t.must('auth:login', { identifier: usernames[role], password: PASSWORDS[role] }, w);
  else if (s.locked && channel && channels[channel].allowWhenLocked) return;
  else if (s.locked) await t.must('auth:unlock', { password: PASSWORDS[role] }, w);
  expect(await sessionOf(w)).toMatchObject({
    locked: false,
    mustChangePassword: false,
    staff: { id: ids[role], role: roleRowId[role] },
  });
}

beforeAll(async () => {
  t = await makeTestCore();
  await withAdmin(t);
  for (const [key, permissions] of Object.entries(CUSTOM_ROLES)) {
    const made = await t.must('roles:create', { name: `Matrix ${key}`, permissions });
    roleRowId[key as RoleId] = made.id;
  }
  // Fresh members, one per role: request access, approved by the set-up admin, role set, signed in.
  for (const role of ROLE_IDS) {
    const username = `${role}.matrix`;
    const id = await approvedMember(t, {
      username,
      email: `${username}@shop.test`,
      displayName: `Matrix ${role}`,
      password: PASSWORDS[role],
    });
    if (role !== 'cashier') await t.must('staff:setRole', { id, role: roleRowId[role] });
    const info = asSession(
      await t.must('auth:login', { identifier: username, password: PASSWORDS[role] }, WINDOW[role]),
    );
    expect(info).toMatchObject({
      mustChangePassword: false,
      locked: false,
      staff: { id, role: roleRowId[role] },
    });
    expect([...info.permissions].sort()).toEqual([...grants(role)].sort());
    ids[role] = id;
    usernames[role] = username;
  }
  targetId = (
    await t.must('staff:create', {
      username: 'matrix.target',
      email: 'matrix.target@shop.test',
      displayName: 'Throwaway Target',
      role: 'cashier',
      approve: false,
    })
  ).staff.id;
  deletableId = (
    await t.must('staff:create', {
      username: 'matrix.deletable',
      email: 'matrix.deletable@shop.test',
      displayName: 'Deletable Target',
      role: 'cashier',
      approve: false,
    })
  ).staff.id;
  retail = await seedRetail(t, 1);
  db = t.raw();
});

afterAll(async () => {
  await t?.close();
});

describe('the contract and the payload table', () => {
  it('has a valid payload for every channel, and none for channels that no longer exist', () => {
    const ctx = ctxFor('admin');
    const missing = CHANNEL_NAMES.filter((c) => payloadMaker(c) === undefined);
    expect(missing, 'channels without an entry in tests/helpers/fuzz-payloads.ts').toEqual([]);
    expect(Object.keys(VALID_PAYLOADS).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const c of CHANNEL_NAMES) {
      const parsed = channels[c].input.safeParse(payloadMaker(c)!(ctx));
      expect(
        parsed.success,
        `${c}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`,
      ).toBe(true);
    }
  });

  it('gives every channel a known access level, and exactly the pinned channels are public', () => {
    for (const c of CHANNEL_NAMES) {
      const access = channels[c].access as string;
      expect(['public', 'authenticated', ...ALL_PERMISSIONS], c).toContain(access);
    }
    expect(CHANNEL_NAMES.filter((c) => channels[c].access === 'public').sort()).toEqual(
      [...PUBLIC_CHANNELS].sort(),
    );
  });

  it('keeps staff, role, audit and settings administration away from cashiers (A7)', () => {
    const adminOnly = CHANNEL_NAMES.filter(
      (c) =>
        /^(staff|roles|audit):/.test(c) ||
        /^backups:(?!safeMode)/.test(c) ||
        /^storeServer:(connection|change|copy)$/.test(c) ||
        c === 'settings:update',
    );
    expect(adminOnly.length).toBeGreaterThanOrEqual(14);
    for (const c of adminOnly) {
      const access = channels[c].access;
      expect(access === 'public' || access === 'authenticated', `${c} must need a permission`).toBe(
        false,
      );
      expect(permissionsOf('cashier'), c).not.toContain(access as Permission);
    }
    // A custom role is judged by its permissions: the Supervisor refunds but reaches no staff,
    // role, audit or settings channel; the Staff keeper administers staff but cannot sell.
    for (const c of adminOnly) expect(allowed(channels[c].access, 'supervisor'), c).toBe(false);
    expect(allowed(channels['sales:refund'].access, 'supervisor')).toBe(true);
    expect(allowed(channels['roles:update'].access, 'keeper')).toBe(true);
    expect(allowed(channels['sales:checkout'].access, 'keeper')).toBe(false);
    // Managers see staff but cannot administer them.
    for (const c of CHANNEL_NAMES.filter((x) => channels[x].access === 'staff.manage'))
      expect(allowed(channels[c].access, 'manager'), c).toBe(false);
  });

  it('lets cashiers sell but not void, refund, edit sales, manage products, see reports or import (retail)', () => {
    const byRole = (c: ChannelName) => BUILT_IN.filter((r) => allowed(channels[c].access, r));
    for (const c of ['sales:checkout', 'sales:quote', 'sales:park', 'sales:list'] as const)
      expect(byRole(c), c).toEqual(['admin', 'manager', 'cashier']);
    for (const c of [
      'sales:void',
      'sales:refund',
      'sales:annotate',
      'products:create',
      'reports:daySummary',
      'reports:tills',
      'exports:run',
      'analytics:export',
      'exports:progress',
      'exports:cancel',
    ] as const)
      expect(byRole(c), c).toEqual(['admin', 'manager']);
    // Bulk imports need data.import (F3): not managers, not cashiers who manage customers.
    for (const c of ['products:import', 'customers:import', 'import:onlineRetail'] as const) {
      expect(channels[c].access, c).toBe('data.import');
      expect(byRole(c), c).toEqual(['admin']);
    }
    // Progress answers only for the caller's own imports, staff imports (staff.manage) included.
    expect(channels['import:progress'].access).toBe('authenticated');
    expect(byRole('customers:create')).toEqual(['admin', 'manager', 'cashier']);
    // Voiding a sale asks for the password again (S3), like other sensitive actions.
    expect(channels['sales:void'].reauth).toBe(true);
  });

  it('keeps the matrix honest: every retail channel is in the contract and in the payload table', () => {
    const retailChannels = CHANNEL_NAMES.filter((c) =>
      /^(products|customers|sales|reports|import|exports):/.test(c),
    );
    expect(retailChannels.length).toBeGreaterThanOrEqual(28);
    for (const c of retailChannels) expect(payloadMaker(c), c).toBeTypeOf('function');
    for (const c of CHANNEL_NAMES.filter((x) => channels[x].access === 'staff.manage'))
      expect(allowed(channels[c].access, 'manager'), c).toBe(false);
  });
});

describe('no session', () => {
  it.each(CHANNEL_NAMES.map((c) => [c]))(
    '%s: UNAUTHENTICATED unless public, and nothing changes',
    async (channel: ChannelName) => {
      const make = payloadMaker(channel);
      expect(make, `no payload for ${channel} in tests/helpers/fuzz-payloads.ts`).toBeTypeOf(
        'function',
      );
      const before = snapshotTables(db);
      const r = await invoke(channel, make!(ctxFor(null)), callerFor(NO_SESSION_WINDOW));
      if (channels[channel].access === 'public') {
        expect(['UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'INTERNAL']).not.toContain(
          codeOf(r),
        );
      } else {
        expect(r).toEqual({
          ok: false,
          error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
        });
        // The session is checked before the schema: a broken payload gets the same answer.
        expect(codeOf(await invoke(channel, { junk: true }, callerFor(NO_SESSION_WINDOW)))).toBe(
          'UNAUTHENTICATED',
        );
        expect(snapshotTables(db)).toEqual(before);
      }
      expect(await sessionOf(NO_SESSION_WINDOW)).toBeNull();
    },
  );
});

for (const role of ROLE_IDS) {
  describe(`signed in as ${role}`, () => {
    // The display's channel answers the display window only (FORBIDDEN_SENDER to any till
    // window, whatever its role): tests/core/customer-display.test.ts.
    it.each(CHANNEL_NAMES.filter((c) => !isDisplayChannel(c)).map((c) => [c]))(
      `%s`,
      async (channel: ChannelName) => {
        const make = payloadMaker(channel);
        expect(make, `no payload for ${channel} in tests/helpers/fuzz-payloads.ts`).toBeTypeOf(
          'function',
        );
        await ensureReady(role, channel);
        const def = channels[channel];
        const before = snapshotTables(db);
        const auditBefore = auditMaxId(db);
        const r = await invoke(channel, make!(ctxFor(role)), callerFor(WINDOW[role]));
        const added = auditRowsAfter(db, auditBefore);

        if (allowed(def.access, role)) {
          expect(NEVER_WHEN_ALLOWED, `${role} on ${channel}: ${JSON.stringify(r)}`).not.toContain(
            codeOf(r),
          );
          expect(added.filter((a) => a.action === 'authz.denied')).toEqual([]);
          return;
        }

        expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
        expect(added).toHaveLength(1);
        expect(added[0]).toMatchObject({
          action: 'authz.denied',
          outcome: 'denied',
          target_type: 'channel',
          target_id: channel,
          actor_id: ids[role],
          actor_name: usernames[role],
          terminal: 'till-1',
          at: t.clock.now().toISOString(),
        });
        expect(snapshotTables(db)).toEqual(before);

        // The permission is checked before the schema: a broken payload is refused the same way.
        const again = await invoke(
          channel,
          { role: 'admin', status: 'active' },
          callerFor(WINDOW[role]),
        );
        expect(codeOf(again)).toBe('FORBIDDEN');
        expect(auditRowsAfter(db, auditBefore).map((a) => a.action)).toEqual([
          'authz.denied',
          'authz.denied',
        ]);
        expect(snapshotTables(db)).toEqual(before);
        // A refusal does not end or lock the caller's session.
        expect(await sessionOf(WINDOW[role])).toMatchObject({
          locked: false,
          staff: { id: ids[role] },
        });
      },
    );
  });
}

describe('E5 sender checks', () => {
  const badCallers: Array<[string, (windowId: number) => unknown]> = [
    ['another origin', (w) => ({ origin: 'https://evil.example', isTopFrame: true, windowId: w })],
    ['a subframe', (w) => ({ origin: APP_ORIGIN, isTopFrame: false, windowId: w })],
  ];

  it.each(CHANNEL_NAMES.map((c) => [c]))(
    '%s: another origin and a subframe get FORBIDDEN_SENDER and change nothing',
    async (channel: ChannelName) => {
      await ensureReady('admin');
      const payload = payloadMaker(channel)!(ctxFor('admin'));
      const before = snapshotTables(db);
      for (const [name, caller] of badCallers) {
        for (const w of [WINDOW.admin, EMPTY_WINDOW]) {
          const r = await invoke(channel, payload, caller(w));
          expect(r, `${name} on window ${w}`).toEqual({
            ok: false,
            error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) },
          });
        }
      }
      expect(snapshotTables(db)).toEqual(before);
      // Nothing happened to the sessions either: no logout, lock or login through a foreign sender.
      expect(await sessionOf(WINDOW.admin)).toMatchObject({
        locked: false,
        staff: { id: ids.admin },
      });
      expect(await sessionOf(EMPTY_WINDOW)).toBeNull();
    },
  );

  it.each([
    ['no caller', null],
    ['an undefined caller', undefined],
    ['an empty caller', {}],
    [
      'a look-alike origin',
      { origin: `${APP_ORIGIN}.evil.example`, isTopFrame: true, windowId: WINDOW.admin },
    ],
    [
      'an upper-case origin',
      { origin: APP_ORIGIN.toUpperCase(), isTopFrame: true, windowId: WINDOW.admin },
    ],
    ['the file: origin', { origin: 'file://', isTopFrame: true, windowId: WINDOW.admin }],
    ['the null origin', { origin: 'null', isTopFrame: true, windowId: WINDOW.admin }],
    ['isTopFrame as a string', { origin: APP_ORIGIN, isTopFrame: 'true', windowId: WINDOW.admin }],
    [
      'a string window id',
      { origin: APP_ORIGIN, isTopFrame: true, windowId: String(WINDOW.admin) },
    ],
    ['a NaN window id', { origin: APP_ORIGIN, isTopFrame: true, windowId: Number.NaN }],
  ])('%s gets FORBIDDEN_SENDER on every channel', async (_name, caller) => {
    await ensureReady('admin');
    const before = snapshotTables(db);
    for (const channel of CHANNEL_NAMES) {
      const r = await invoke(channel, payloadMaker(channel)!(ctxFor('admin')), caller);
      expect(codeOf(r), channel).toBe('FORBIDDEN_SENDER');
    }
    expect(snapshotTables(db)).toEqual(before);
    expect(await sessionOf(WINDOW.admin)).toMatchObject({
      locked: false,
      staff: { id: ids.admin },
    });
  });

  it.each([
    ['staff:nuke'],
    ['STAFF:LIST'],
    ['staff:list '],
    ['audit:delete'],
    [''],
    ['__proto__'],
    ['constructor'],
    ['toString'],
    ['hasOwnProperty'],
    [42],
    [null],
    [undefined],
    [{}],
  ])('an unknown channel %j gets UNKNOWN_CHANNEL and changes nothing', async (channel) => {
    await ensureReady('admin');
    const before = snapshotTables(db);
    const r = await invoke(channel, {}, callerFor(WINDOW.admin));
    expect(r).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) },
    });
    expect(snapshotTables(db)).toEqual(before);
  });
});

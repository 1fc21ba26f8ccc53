/**
 * Issue 9, section 2: roles you can edit, on real SQLite files with the fake clock.
 * - CRUD: create, rename and re-permission, duplicate, delete; every change audited before/after.
 * - The built-in Admin role is locked: never edited or deleted (ROLE_LOCKED).
 * - A role with members is deleted only with "move members to", in the same transaction.
 * - The last-admin rule: an active member always holds staff.manage and staff.approve, also when
 *   two admins on two tills sharing the file edit roles at the same moment.
 * - A permission edit takes effect on a live session of a member at their next call (A8).
 * - Bad input gets a clear error and changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../shared/permissions';
import {
  ADMIN,
  approvedMember,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { snapshotTables } from '../helpers/fuzz-db';
import { ONLINE_RETAIL_CSV } from '../helpers/fuzz-payloads';
import { importFile } from '../helpers/import-file';

const cores: TestCore[] = [];
async function core(opts: Parameters<typeof makeTestCore>[0] = {}): Promise<TestCore> {
  const t = await makeTestCore(opts);
  cores.push(t);
  return t;
}
afterEach(async () => {
  for (const t of cores.splice(0).reverse()) await t.close();
});

/** Active members holding both staff.manage and staff.approve, read from the file. */
function holders(t: TestCore): number {
  const row = t
    .raw()
    .prepare(
      `SELECT COUNT(*) AS n FROM staff s WHERE s.status = 'active' AND 2 = (SELECT COUNT(*)
         FROM role_permissions rp WHERE rp.role_id = s.role_id
          AND rp.permission_id IN ('staff.manage', 'staff.approve'))`,
    )
    .get() as { n: number };
  return row.n;
}

async function adminCore() {
  const t = await core();
  await withAdmin(t);
  return t;
}

function auditRows(t: TestCore, action: string) {
  return t
    .raw()
    .prepare('SELECT actor_name, target_type, target_id, detail FROM audit_events WHERE action = ?')
    .all(action) as Array<{
    actor_name: string;
    target_type: string;
    target_id: string;
    detail: string;
  }>;
}

/** A member with `username`, approved, given role `role`, and signed in on `windowId`. */
async function memberWithRole(
  t: TestCore,
  username: string,
  role: string,
  windowId: number,
  tc: TestCore = t,
): Promise<number> {
  const password = `${username} walks the long quiet pier`;
  const id = await approvedMember(t, {
    username,
    email: `${username}@shop.test`,
    displayName: `Member ${username}`,
    password,
  });
  await t.must('staff:setRole', { id, role });
  await tc.must('auth:login', { identifier: username, password }, windowId);
  return id;
}

describe('roles as data', () => {
  it('lists the seeded roles: Admin locked with every permission, Manager and Cashier editable', async () => {
    const t = await adminCore();
    await approvedMember(t);
    const roles = await t.must('roles:list');
    expect(roles.map((r) => [r.id, r.name, r.locked, r.memberCount])).toEqual([
      ['admin', 'Admin', true, 1],
      ['cashier', 'Cashier', false, 1],
      ['manager', 'Manager', false, 0],
    ]);
    expect(roles[0]!.permissions).toEqual(ALL_PERMISSIONS);
    const raw = t.raw().prepare('SELECT id, locked FROM roles ORDER BY id').all();
    expect(raw).toEqual([
      { id: 'admin', locked: 1 },
      { id: 'cashier', locked: 0 },
      { id: 'manager', locked: 0 },
    ]);
  });

  it('creates, renames, re-permissions and duplicates a role, auditing before and after', async () => {
    const t = await adminCore();
    const made = await t.must('roles:create', {
      name: 'Supervisor',
      permissions: ['sales.refund', 'sales.create', 'sales.refund'],
    });
    expect(made).toMatchObject({ name: 'Supervisor', locked: false, memberCount: 0 });
    expect(made.permissions).toEqual(['sales.create', 'sales.refund']);
    expect(made.id).toMatch(/^r-[0-9a-f]{12}$/);

    t.clock.advanceMinutes(1);
    const renamed = await t.must('roles:update', {
      id: made.id,
      name: 'Shift lead',
      permissions: ['sales.create', 'sales.void'],
    });
    expect(renamed).toMatchObject({
      name: 'Shift lead',
      permissions: ['sales.create', 'sales.void'],
    });
    expect(renamed.updatedAt > made.updatedAt).toBe(true);

    const copy = await t.must('roles:duplicate', { id: made.id, name: 'Shift lead (late)' });
    expect(copy.id).not.toBe(made.id);
    expect(copy.permissions).toEqual(renamed.permissions);
    const adminCopy = await t.must('roles:duplicate', { id: 'admin', name: 'Deputy' });
    expect(adminCopy).toMatchObject({ locked: false, permissions: ALL_PERMISSIONS });

    const creates = auditRows(t, 'role.create');
    expect(creates).toHaveLength(3);
    expect(creates[0]).toMatchObject({ actor_name: ADMIN.username, target_type: 'role' });
    expect(JSON.parse(creates[0]!.detail)).toEqual({
      before: null,
      after: { name: 'Supervisor', permissions: ['sales.create', 'sales.refund'] },
      copiedFrom: null,
    });
    expect(JSON.parse(creates[1]!.detail)).toMatchObject({ copiedFrom: made.id });
    const [update] = auditRows(t, 'role.update');
    expect(update!.target_id).toBe(made.id);
    expect(JSON.parse(update!.detail)).toEqual({
      before: { name: 'Supervisor', permissions: ['sales.create', 'sales.refund'] },
      after: { name: 'Shift lead', permissions: ['sales.create', 'sales.void'] },
    });
  });

  it('never edits or deletes the built-in Admin role, and changes nothing trying', async () => {
    const t = await adminCore();
    const db = t.raw();
    const before = snapshotTables(db);
    for (const r of [
      await t.call('roles:update', { id: 'admin', name: 'Boss' }),
      await t.call('roles:update', { id: 'admin', permissions: ['sales.create'] }),
      await t.call('roles:delete', { id: 'admin', moveMembersTo: 'manager' }),
    ])
      expect(resultCode(r)).toBe('ROLE_LOCKED');
    expect(snapshotTables(db)).toEqual(before);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const t = await adminCore();
    await t.must('roles:create', { name: 'Stock', permissions: ['products.manage'] });
    const db = t.raw();
    const before = snapshotTables(db);
    const cases: Array<[string, () => Promise<{ ok: boolean; error?: { code: string } }>]> = [
      ['VALIDATION_FAILED', () => t.call('roles:create', { name: '  ', permissions: [] })],
      [
        'VALIDATION_FAILED',
        () => t.call('roles:create', { name: 'x'.repeat(41), permissions: [] }),
      ],
      ['VALIDATION_FAILED', () => t.call('roles:create', { name: 'A\u202eB', permissions: [] })],
      [
        'VALIDATION_FAILED',
        () => t.call('roles:create', { name: 'Ok', permissions: ['sales.fly' as 'sales.create'] }),
      ],
      [
        'VALIDATION_FAILED',
        () => t.call('roles:create', { name: 'Ok', permissions: [], locked: true } as never),
      ],
      ['VALIDATION_FAILED', () => t.call('roles:update', { id: 'Manager', name: 'Boss' })],
      ['CONFLICT', () => t.call('roles:create', { name: 'stock', permissions: [] })],
      ['CONFLICT', () => t.call('roles:create', { name: 'ADMIN', permissions: [] })],
      ['CONFLICT', () => t.call('roles:update', { id: 'manager', name: 'cashier' })],
      ['CONFLICT', () => t.call('roles:duplicate', { id: 'manager', name: 'Stock' })],
      ['NOT_FOUND', () => t.call('roles:update', { id: 'r-000000000000', name: 'Boss' })],
      ['NOT_FOUND', () => t.call('roles:duplicate', { id: 'nope', name: 'Boss' })],
      ['NOT_FOUND', () => t.call('roles:delete', { id: 'nope' })],
      ['NOT_FOUND', () => t.call('roles:delete', { id: 'manager', moveMembersTo: 'nope' })],
      ['CONFLICT', () => t.call('roles:delete', { id: 'manager', moveMembersTo: 'manager' })],
      ['NOT_FOUND', () => t.call('staff:setRole', { id: 1, role: 'r-000000000000' })],
      [
        'NOT_FOUND',
        () =>
          t.call('staff:create', {
            username: 'nobody',
            email: 'nobody@shop.test',
            displayName: 'No Body',
            role: 'ghost',
            approve: true,
          }),
      ],
    ];
    for (const [code, call] of cases) expect(resultCode(await call())).toBe(code);
    expect(snapshotTables(db)).toEqual(before);
  });
});

describe('deleting a role', () => {
  it('is refused while the role has members, and moves them when asked, in one transaction', async () => {
    const t = await adminCore();
    const lead = await t.must('roles:create', { name: 'Lead', permissions: ['sales.create'] });
    const carl = await memberWithRole(t, 'carl', lead.id, 2);
    const db = t.raw();
    const before = snapshotTables(db);
    expect(resultCode(await t.call('roles:delete', { id: lead.id }))).toBe('ROLE_IN_USE');
    expect(snapshotTables(db)).toEqual(before);

    expect(await t.must('roles:delete', { id: lead.id, moveMembersTo: 'manager' })).toEqual({
      moved: 1,
    });
    expect((await t.must('roles:list')).map((r) => r.id)).not.toContain(lead.id);
    expect(db.prepare('SELECT role_id FROM staff WHERE id = ?').get(carl)).toEqual({
      role_id: 'manager',
    });
    expect(
      db.prepare('SELECT COUNT(*) AS n FROM role_permissions WHERE role_id = ?').get(lead.id),
    ).toEqual({ n: 0 });
    const [del] = auditRows(t, 'role.delete');
    expect(JSON.parse(del!.detail)).toEqual({
      before: { name: 'Lead', permissions: ['sales.create'] },
      after: null,
      movedTo: 'manager',
      members: 1,
    });
    // The moved member's live session now has the Manager's rights, at its next call.
    const session = (await t.must('auth:session', {}, 2)).session!;
    expect(session.staff).toMatchObject({ role: 'manager', roleName: 'Manager' });
    expect(resultCode(await t.call('audit:list', { limit: 5 }, 2))).toBe('ok');
  });

  it('deletes an empty role, and new requests for access take the humblest role once Cashier is gone', async () => {
    const t = await adminCore();
    await t.must('roles:delete', { id: 'cashier' });
    await t.must('auth:requestAccess', MEMBER, 9);
    const pending = await t.must('staff:list', { status: 'pending' });
    expect(pending.items[0]).toMatchObject({ role: 'manager', roleName: 'Manager' });
    // The imported sales' pseudo-member (created by the first import) needs a role too.
    await t.must('import:onlineRetail', importFile(ONLINE_RETAIL_CSV));
    expect(t.raw().prepare("SELECT role_id FROM staff WHERE username = 'Imported'").get()).toEqual({
      role_id: 'manager',
    });
  });
});

describe('the last-admin rule: an active member always holds staff.manage and staff.approve', () => {
  it('refuses role edits, deletes, role changes, disable and delete that would leave none', async () => {
    const t = await adminCore();
    const owners = await t.must('roles:create', {
      name: 'Owners',
      permissions: ['staff.view', 'staff.manage', 'staff.approve'],
    });
    const olga = await memberWithRole(t, 'olga', owners.id, 2);
    // Olga disables the set-up admin: she is now the only holder, whatever her role is called.
    await t.must('staff:disable', { id: 1 }, 2);
    expect(holders(t)).toBe(1);
    const db = t.raw();
    const before = snapshotTables(db);
    for (const call of [
      () => t.call('roles:update', { id: owners.id, permissions: ['staff.manage'] }, 2),
      () => t.call('roles:update', { id: owners.id, permissions: [] }, 2),
      () => t.call('roles:delete', { id: owners.id, moveMembersTo: 'manager' }, 2),
      () => t.call('staff:setRole', { id: olga, role: 'cashier' }, 2),
    ])
      expect(resultCode(await call())).toBe('LAST_ADMIN');
    expect(snapshotTables(db)).toEqual(before);
    // Renaming the role, or moving her to another role with both rights, is fine.
    await t.must('roles:update', { id: owners.id, name: 'Proprietors' }, 2);
    await t.must('staff:setRole', { id: olga, role: 'admin' }, 2);
    expect(holders(t)).toBe(1);
  });

  it('disable and delete count holders by permission, not by role name', async () => {
    const t = await adminCore();
    const keepers = await t.must('roles:create', {
      name: 'Keepers',
      permissions: ['staff.manage', 'staff.approve'],
    });
    const kim = await memberWithRole(t, 'kim', keepers.id, 2);
    // With Keepers lacking staff.approve the admin is the only holder: no move to Keepers.
    await t.must('roles:update', { id: keepers.id, permissions: ['staff.manage'] });
    expect(resultCode(await t.call('staff:setRole', { id: 1, role: keepers.id }))).toBe(
      'LAST_ADMIN',
    );
    await t.must('roles:update', {
      id: keepers.id,
      permissions: ['staff.manage', 'staff.approve'],
    });
    await t.must('staff:setRole', { id: 1, role: keepers.id });
    expect(resultCode(await t.call('staff:disable', { id: kim }))).toBe('ok');
    expect(resultCode(await t.call('staff:delete', { id: kim }))).toBe('ok');
  });

  it('holds when two admins on two tills sharing the file edit roles at the same moment', async () => {
    for (let round = 0; round < 2; round++) {
      const a = await adminCore();
      const r1 = await a.must('roles:create', {
        name: 'Owners one',
        permissions: ['staff.view', 'staff.manage', 'staff.approve'],
      });
      const r2 = await a.must('roles:duplicate', { id: r1.id, name: 'Owners two' });
      const b = await core({ dir: a.dir, terminalName: 'till-2', clock: a.clock });
      await memberWithRole(a, 'bea', r1.id, 2);
      await memberWithRole(a, 'cem', r2.id, 3, b);
      await a.must('staff:disable', { id: 1 }, 2);
      // Each alone leaves one holder; both together would leave none.
      const bea = () => a.call('roles:update', { id: r2.id, permissions: ['staff.manage'] }, 2);
      const cem = () => b.call('roles:update', { id: r1.id, permissions: ['staff.manage'] }, 3);
      const answers = await Promise.all(round % 2 === 0 ? [bea(), cem()] : [cem(), bea()]);
      expect(answers.map(resultCode).sort()).toEqual(['LAST_ADMIN', 'ok']);
      expect(holders(a)).toBe(1);
      expect(auditRows(a, 'role.update')).toHaveLength(1);
      for (const t of cores.splice(0).reverse()) await t.close();
    }
  }, 180_000);
});

describe("a role's permissions follow its members' sessions", () => {
  it('applies an edit at the next call of a live session, on this till and on another', async () => {
    const t = await adminCore();
    const other = await core({ dir: t.dir, terminalName: 'till-2', clock: t.clock });
    const carl = await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    await other.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 7);
    for (const [till, w] of [
      [t, 2],
      [other, 7],
    ] as const)
      expect(resultCode(await till.call('audit:list', { limit: 5 }, w))).toBe('FORBIDDEN');

    await t.must('roles:update', {
      id: 'cashier',
      name: 'Till staff',
      permissions: ['sales.create', 'customers.manage', 'audit.view'],
    });
    for (const [till, w] of [
      [t, 2],
      [other, 7],
    ] as const) {
      expect(resultCode(await till.call('audit:list', { limit: 5 }, w))).toBe('ok');
      const s = (await till.must('auth:session', {}, w)).session!;
      expect(s.staff).toMatchObject({ id: carl, role: 'cashier', roleName: 'Till staff' });
      expect(s.permissions).toContain('audit.view');
    }

    await t.must('roles:update', { id: 'cashier', permissions: ['customers.manage'] });
    for (const [till, w] of [
      [t, 2],
      [other, 7],
    ] as const) {
      expect(resultCode(await till.call('audit:list', { limit: 5 }, w))).toBe('FORBIDDEN');
      expect(resultCode(await till.call('sales:list', {}, w))).toBe('FORBIDDEN');
      // The session itself goes on: a permission edit is not a sign-out.
      expect((await till.must('auth:session', {}, w)).session?.staff.id).toBe(carl);
    }
  });
});

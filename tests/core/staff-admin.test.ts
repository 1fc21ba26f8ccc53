/** Staff administration: filters, edits, approval, last-admin rule, delete-or-disable, audit (A6, A7, L1). */
import { readFileSync } from 'node:fs';
import {
  asSession,
  ADMIN,
  MEMBER,
  approvedMember,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { ON_POSTGRES } from '../helpers/test-engine';

const code = resultCode;

async function seed(t: TestCore) {
  await withAdmin(t);
  const carl = await approvedMember(t);
  await t.must(
    'auth:requestAccess',
    {
      username: 'pia',
      email: 'pia@shop.test',
      displayName: 'Pia Pending',
      password: 'waiting patiently',
    },
    9,
  );
  const mona = await t.must('staff:create', {
    username: 'mona',
    email: 'mona@shop.test',
    displayName: 'Mona Manager',
    role: 'manager',
    approve: true,
  });
  return { carl, mona: mona.staff.id };
}

describe('staff administration', () => {
  let t: TestCore;
  beforeEach(async () => (t = await makeTestCore()));
  afterEach(() => t.close());

  it('lists with filters by status and role, and searches name, username or email', async () => {
    await seed(t);
    const all = await t.must('staff:list', {});
    expect(all.total).toBe(4);
    expect(all.items.every((s) => !('passwordHash' in s))).toBe(true);
    expect(
      (await t.must('staff:list', { status: 'pending' })).items.map((s) => s.username),
    ).toEqual(['pia']);
    expect((await t.must('staff:list', { role: 'manager' })).items.map((s) => s.username)).toEqual([
      'mona',
    ]);
    expect(
      (await t.must('staff:list', { search: 'MANAGER' })).items.map((s) => s.username),
    ).toEqual(['mona']);
    expect(
      (
        await t.must('staff:list', { search: 'shop.test', status: 'active', role: 'cashier' })
      ).items.map((s) => s.username),
    ).toEqual(['carl']);
    expect((await t.must('staff:list', { search: '%' })).total).toBe(0);
    const page = await t.must('staff:list', { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.items).toHaveLength(2);
  });

  it('edits a member and refuses a taken email; a bad edit changes nothing', async () => {
    const { carl } = await seed(t);
    const edited = await t.must('staff:update', {
      id: carl,
      displayName: 'Carl C.',
      username: 'carl.c',
    });
    expect(edited).toMatchObject({ displayName: 'Carl C.', username: 'carl.c' });
    const before = t.raw().prepare('SELECT * FROM staff WHERE id = ?').get(carl);
    expect(
      await t.call('staff:update', { id: carl, email: 'MONA@shop.test', displayName: 'Changed' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'email' }] } });
    expect(t.raw().prepare('SELECT * FROM staff WHERE id = ?').get(carl)).toEqual(before);
    expect(code(await t.call('staff:update', { id: 999, displayName: 'x' }))).toBe('NOT_FOUND');
  });

  it('approves and rejects only pending members', async () => {
    const { carl } = await seed(t);
    const pia = (await t.must('staff:list', { status: 'pending' })).items[0]!.id;
    expect(code(await t.call('staff:approve', { id: carl }))).toBe('CONFLICT');
    expect(await t.must('staff:reject', { id: pia })).toMatchObject({
      status: 'disabled',
      rejected: true,
    });
    expect(code(await t.call('staff:reject', { id: pia }))).toBe('CONFLICT');
  });

  it('never disables, demotes or deletes the last active admin', async () => {
    const { carl } = await seed(t);
    const adminId = (await t.must('staff:list', { role: 'admin' })).items[0]!.id;
    expect(code(await t.call('staff:setRole', { id: adminId, role: 'cashier' }))).toBe(
      'LAST_ADMIN',
    );
    expect(code(await t.call('staff:disable', { id: adminId }))).toBe('SELF_ACTION');
    expect(code(await t.call('staff:delete', { id: adminId }))).toBe('SELF_ACTION');
    // Promote Carl; now Ada may step down, but Carl (the last admin) cannot be touched by Ada.
    await t.must('staff:setRole', { id: carl, role: 'admin' });
    await t.must('staff:setRole', { id: adminId, role: 'manager' });
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    expect(code(await t.call('staff:list', {}))).toBe('ok');
    expect(code(await t.call('staff:disable', { id: carl }))).toBe('FORBIDDEN');
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 5);
    expect(code(await t.call('staff:setRole', { id: carl, role: 'manager' }, 5))).toBe(
      'LAST_ADMIN',
    );
    expect(await t.must('staff:setRole', { id: adminId, role: 'admin' }, 5)).toMatchObject({
      role: 'admin',
    });
  });

  it('deletes a member without history; one with history is disabled instead, with a message', async () => {
    const { carl } = await seed(t);
    const pia = (await t.must('staff:list', { status: 'pending' })).items[0]!.id;
    expect(await t.must('staff:delete', { id: pia })).toEqual({
      outcome: 'deleted',
      message: 'Pia Pending was deleted.',
      staff: null,
    });
    expect(t.raw().prepare('SELECT COUNT(*) AS n FROM staff WHERE id = ?').get(pia)).toEqual({
      n: 0,
    });

    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 5);
    const r = await t.must('staff:delete', { id: carl });
    expect(r).toMatchObject({ outcome: 'disabled', staff: { status: 'disabled' } });
    expect(r.message).toMatch(/history.*disabled instead/);
    expect(code(await t.call('auth:activity', {}, 5))).toBe('UNAUTHENTICATED');
    expect(t.raw().prepare('SELECT COUNT(*) AS n FROM staff WHERE id = ?').get(carl)).toEqual({
      n: 1,
    });
  });

  it('ends a member’s sessions on request, and when their role changes', async () => {
    const { carl } = await seed(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 5);
    expect(await t.must('staff:endSessions', { id: carl })).toEqual({ ended: 1 });
    expect(code(await t.call('auth:activity', {}, 5))).toBe('UNAUTHENTICATED');
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 5);
    await t.must('staff:setRole', { id: carl, role: 'manager' });
    expect(code(await t.call('auth:activity', {}, 5))).toBe('UNAUTHENTICATED');
    const again = asSession(
      await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 5),
    );
    expect(again.permissions).toContain('sales.refund');
  });

  it('writes an audit row for every admin action: actor, action, target, UTC time, terminal, outcome (L1)', async () => {
    const { carl } = await seed(t);
    await t.must('staff:unlock', { id: carl });
    await t.must('staff:update', { id: carl, displayName: 'Carl' });
    const rows = t
      .raw()
      .prepare(
        "SELECT actor_name, action, target_type, target_id, at, terminal, outcome FROM audit_events WHERE action LIKE 'staff.%' ORDER BY id",
      )
      .all();
    expect(rows).toEqual([
      {
        actor_name: 'carl',
        action: 'staff.request_access',
        target_type: 'staff',
        target_id: String(carl),
        at: '2026-11-23T09:00:00.000Z',
        terminal: 'till-1',
        outcome: 'success',
      },
      {
        actor_name: 'ada',
        action: 'staff.approve',
        target_type: 'staff',
        target_id: String(carl),
        at: '2026-11-23T09:00:00.000Z',
        terminal: 'till-1',
        outcome: 'success',
      },
      expect.objectContaining({ actor_name: 'pia', action: 'staff.request_access' }),
      expect.objectContaining({ actor_name: 'ada', action: 'staff.create', outcome: 'success' }),
      expect.objectContaining({
        actor_name: 'ada',
        action: 'staff.unlock',
        target_id: String(carl),
      }),
      expect.objectContaining({
        actor_name: 'ada',
        action: 'staff.update',
        target_id: String(carl),
      }),
    ]);
    const view = await t.must('audit:list', { limit: 3, staffId: carl });
    expect(view.items.map((e) => e.action)).toEqual([
      'staff.update',
      'staff.unlock',
      'staff.approve',
    ]);
  });
});

describe('what the audit log and the database never hold (L1, L3)', () => {
  // SQLite only: it reads the file's and the WAL's bytes.
  it.skipIf(ON_POSTGRES)(
    'a canary password never appears in the database file, its WAL, or answers',
    async () => {
      const t = await makeTestCore();
      const canary = 'CANARY-pw-7f3a9c-unique';
      await t.must('setup:createAdmin', { ...ADMIN, password: canary });
      await t.call('auth:login', { identifier: 'ada', password: `${canary}-wrong` }, 4);
      await t.call('auth:login', { identifier: 'ghost', password: canary }, 4);
      await t.call('auth:requestAccess', { ...MEMBER, password: canary }, 4);
      const answers = JSON.stringify([
        await t.call('staff:list', {}),
        await t.call('audit:list', { limit: 200 }),
        await t.call('auth:session', {}),
      ]);
      expect(answers).not.toContain(canary);
      expect(answers).not.toMatch(/\$2[aby]\$/);
      for (const f of [t.dbPath, `${t.dbPath}-wal`]) {
        expect(readFileSync(f).includes(Buffer.from(canary))).toBe(false);
      }
      await t.close();
    },
  );

  it('encodes newlines and control characters in logged values (L3)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await t.core.invoke(
      'app:status',
      {},
      { origin: 'https://evil.test\nFAKE LINE\u202e\u0000', isTopFrame: true, windowId: 4 },
    );
    const row = t
      .raw()
      .prepare("SELECT detail FROM audit_events WHERE action = 'ipc.forbidden_sender'")
      .get() as { detail: string };
    expect(row.detail).toBe('origin https://evil.test\\u{a}FAKE LINE\\u{202e}\\u{0}');
    expect(row.detail).not.toMatch(/[\n\r\u0000\u202e]/);
    await t.close();
  });

  // SQLite only: it reads the file's and the WAL's bytes.
  it.skipIf(ON_POSTGRES)(
    'never stores an unknown sign-in identifier verbatim: a keyed digest and its length (L1)',
    async () => {
      const t = await makeTestCore();
      await withAdmin(t);
      const typedPassword = 'My-Secret-Passw0rd!';
      for (const windowId of [4, 5])
        await t.call('auth:login', { identifier: typedPassword, password: 'whatever1' }, windowId);
      const rows = t
        .raw()
        .prepare("SELECT actor_name FROM audit_events WHERE detail = 'unknown user'")
        .all() as Array<{ actor_name: string }>;
      expect(rows).toHaveLength(2);
      expect(rows[0]!.actor_name).toMatch(/^unknown#[0-9a-f]{16} \(19 chars\)$/);
      expect(rows[1]!.actor_name).toBe(rows[0]!.actor_name);
      const file = readFileSync(t.dbPath).toString('latin1');
      expect(file).not.toContain(typedPassword);
      await t.close();
    },
  );
});

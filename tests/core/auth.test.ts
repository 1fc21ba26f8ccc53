/** A4 lockout, A6 set-up and statuses, S1-S3 sessions, R1 temporary passwords, through the real router. */
import { SessionManager } from '../../electron/core/auth/sessions';
import {
  asSession,
  ADMIN,
  FakeClock,
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';

const code = resultCode;
const ADMIN_WIN = 1;
const MEMBER_WIN = 2;
const login = (
  t: TestCore,
  who: { username: string; password: string },
  win: number,
  password = who.password,
) => t.call('auth:login', { identifier: who.username, password }, win);

describe('first run (A6)', () => {
  let t: TestCore;
  beforeEach(async () => (t = await makeTestCore()));
  afterEach(() => t.close());

  it('has no accounts until set-up creates the admin, and set-up closes for good', async () => {
    expect(await t.must('app:status')).toMatchObject({ setupRequired: true });
    expect(code(await login(t, { username: 'admin', password: 'admin' }, 1))).toBe(
      'INVALID_CREDENTIALS',
    );
    const session = await withAdmin(t);
    expect(session).toMatchObject({
      staff: { username: 'ada', role: 'admin', roleName: 'Admin' },
      locked: false,
      mustChangePassword: false,
    });
    expect(session.permissions).toContain('staff.manage');
    expect(await t.must('app:status')).toMatchObject({ setupRequired: false });
    expect((await t.must('staff:list', {})).items[0]).toMatchObject({
      status: 'active',
      lastLoginAt: '2026-11-23T09:00:00.000Z',
    });
    expect(
      code(
        await t.call('setup:createAdmin', { ...ADMIN, username: 'eve', email: 'eve@x.test' }, 3),
      ),
    ).toBe('SETUP_ALREADY_DONE');
    expect((t.raw().prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n).toBe(1);
    expect(auditCount(t, 'setup.create_admin', 'success')).toBe(1);
  });

  it('refuses a weak admin password with a field message and creates nothing', async () => {
    const r = await t.call('setup:createAdmin', { ...ADMIN, password: 'password' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', issues: [{ path: 'password' }] },
    });
    expect(await t.must('app:status')).toMatchObject({ setupRequired: true });
  });

  it('does not allow two set-ups racing to both succeed', async () => {
    const results = await Promise.all([
      t.call('setup:createAdmin', ADMIN, 1),
      t.call('setup:createAdmin', { ...ADMIN, username: 'bob', email: 'bob@x.test' }, 2),
    ]);
    expect(results.map(code).sort()).toEqual(['SETUP_ALREADY_DONE', 'ok']);
    expect((t.raw().prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n).toBe(1);
  });
});

describe('asking for access and signing in', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  it('stores a pending Cashier; pending, rejected and disabled members each get their own message', async () => {
    expect(await t.must('auth:requestAccess', MEMBER, MEMBER_WIN)).toEqual({ status: 'pending' });
    const row = t
      .raw()
      .prepare('SELECT status, role_id, rejected FROM staff WHERE username = ?')
      .get(MEMBER.username);
    expect(row).toEqual({ status: 'pending', role_id: 'cashier', rejected: 0 });
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('ACCOUNT_PENDING');
    // A wrong password never reveals the status.
    expect(code(await login(t, MEMBER, MEMBER_WIN, 'not the password'))).toBe(
      'INVALID_CREDENTIALS',
    );

    const id = (await t.must('staff:list', { status: 'pending' })).items[0]!.id;
    await t.must('staff:reject', { id });
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('ACCOUNT_REJECTED');
    await t.must('staff:enable', { id });
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('ok');
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    await t.must('staff:disable', { id });
    expect(code(await t.call('auth:session', {}, MEMBER_WIN))).toBe('ok');
    expect((await t.must('auth:session', {}, MEMBER_WIN)).session).toBeNull();
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('ACCOUNT_DISABLED');
    expect(auditCount(t, 'auth.login', 'denied')).toBe(3);
  });

  it('signs in by username or email, case-insensitively', async () => {
    await approvedMember(t);
    expect(
      code(
        await t.call('auth:login', { identifier: 'CARL', password: MEMBER.password }, MEMBER_WIN),
      ),
    ).toBe('ok');
    expect(
      code(
        await t.call(
          'auth:login',
          { identifier: 'Carl@Shop.Test', password: MEMBER.password },
          MEMBER_WIN,
        ),
      ),
    ).toBe('ok');
  });

  it('refuses a username or email that is taken, naming the field', async () => {
    const r = await t.call(
      'auth:requestAccess',
      { ...MEMBER, username: 'ADA', email: 'ada@shop.test' },
      MEMBER_WIN,
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: 'username' }, { path: 'email' }] },
    });
  });
});

describe('lockout (A4)', () => {
  it('locks after 10 failures for 30 minutes; the 11th try fails even with the right password; works at 30:01', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await approvedMember(t);
    for (let i = 0; i < 10; i++)
      expect(code(await login(t, MEMBER, MEMBER_WIN, `wrong ${i}`))).toBe('INVALID_CREDENTIALS');
    // A5: a locked account answers exactly as an unknown one; the audit log says why.
    const locked = await login(t, MEMBER, MEMBER_WIN);
    const unknown = await login(t, { ...MEMBER, username: 'nobody-here' }, MEMBER_WIN);
    expect(locked).toEqual(unknown);
    expect(code(locked)).toBe('INVALID_CREDENTIALS');
    expect(auditCount(t, 'auth.lockout')).toBe(1);
    expect(auditCount(t, 'auth.login', 'denied')).toBe(1);
    t.clock.advanceMinutes(29);
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('INVALID_CREDENTIALS');
    expect(auditCount(t, 'auth.login', 'denied')).toBe(2);
    t.clock.advance(60_000 + 1000);
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('ok');
    const row = t
      .raw()
      .prepare('SELECT failed_login_count AS n, locked_until AS u FROM staff WHERE username = ?')
      .get(MEMBER.username);
    expect(row).toEqual({ n: 0, u: null });
    await t.close();
  });

  it('a success resets the counter; an admin can unlock early', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    const id = await approvedMember(t);
    for (let i = 0; i < 9; i++) await login(t, MEMBER, MEMBER_WIN, 'wrong');
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('ok');
    for (let i = 0; i < 9; i++) await login(t, MEMBER, MEMBER_WIN, 'wrong');
    expect(code(await login(t, MEMBER, MEMBER_WIN, 'wrong'))).toBe('INVALID_CREDENTIALS');
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('INVALID_CREDENTIALS');
    expect(auditCount(t, 'auth.login', 'denied')).toBe(1);
    const view = (await t.must('staff:list', { search: 'carl' })).items[0]!;
    expect(view.lockedUntil).toBe('2026-11-23T09:30:00.000Z');
    await t.must('staff:unlock', { id });
    expect(code(await login(t, MEMBER, MEMBER_WIN))).toBe('ok');
    await t.close();
  });
});

describe('sessions (S1-S3)', () => {
  it('ids are 128-bit, unique, and replaced at every login (S1)', () => {
    const m = new SessionManager(new FakeClock(), () => 5);
    const ids = new Set<string>();
    const staff = {
      id: 1,
      username: 'a',
      displayName: 'A',
      role: 'admin' as const,
      roleName: 'Admin',
    };
    for (let i = 0; i < 10_000; i++) {
      const s = m.start(i, staff, [], false, 0);
      expect(s.id).toMatch(/^[0-9a-f]{32}$/);
      ids.add(s.id);
    }
    expect(ids.size).toBe(10_000);
    const first = m.start(1, staff, [], false, 0).id;
    const second = m.start(1, staff, [], false, 0).id;
    expect(m.isLive(first)).toBe(false);
    expect(m.isLive(second)).toBe(true);
    const rotated = m.rotate(m.forWindow(1)!).id;
    expect(rotated).not.toBe(second);
    expect(m.isLive(second)).toBe(false);
  });

  it('idle-locks just after the limit, not just before; unlock needs the password (S2)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    t.clock.advance(5 * 60_000 - 1000);
    expect(code(await t.call('staff:list', {}))).toBe('ok');
    t.clock.advance(5 * 60_000 - 1000);
    expect(code(await t.call('settings:get', {}))).toBe('ok');
    // Polling the session does not count as activity.
    t.clock.advance(4 * 60_000);
    await t.call('auth:session', {});
    t.clock.advance(60_000 + 1000);
    expect(code(await t.call('staff:list', {}))).toBe('SESSION_LOCKED');
    expect((await t.must('auth:session', {})).session).toMatchObject({ locked: true });
    expect(code(await t.call('auth:unlock', { password: 'wrong password' }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(code(await t.call('staff:list', {}))).toBe('SESSION_LOCKED');
    expect(await t.must('auth:unlock', { password: ADMIN.password })).toMatchObject({
      locked: false,
    });
    expect(code(await t.call('staff:list', {}))).toBe('ok');
    // The Lock button locks at once.
    expect(await t.must('auth:lock')).toMatchObject({ locked: true });
    expect(code(await t.call('staff:list', {}))).toBe('SESSION_LOCKED');
    expect(auditCount(t, 'auth.lock', 'success')).toBe(1);
    expect(auditCount(t, 'auth.unlock', 'success')).toBe(1);
    await t.close();
  });

  it('uses the configured idle minutes (1..15) and rejects others', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    expect(code(await t.call('settings:update', { idleLockMinutes: 0 }))).toBe('VALIDATION_FAILED');
    expect(code(await t.call('settings:update', { idleLockMinutes: 16 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await t.must('settings:update', { idleLockMinutes: 2 })).toMatchObject({
      terminalName: 'till-1',
      idleLockMinutes: 2,
    });
    t.clock.advance(2 * 60_000 - 1);
    expect(code(await t.call('staff:list', {}))).toBe('ok');
    t.clock.advance(2 * 60_000);
    expect(code(await t.call('staff:list', {}))).toBe('SESSION_LOCKED');
    expect(auditCount(t, 'settings.update', 'success')).toBe(1);
    await t.close();
  });

  it('ends 12 hours after sign-in, however active (S2)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    for (let i = 0; i < 12 * 15 - 1; i++) {
      t.clock.advanceMinutes(4);
      expect(code(await t.call('auth:activity', {}))).toBe('ok');
    }
    t.clock.advance(4 * 60_000 - 1);
    expect(code(await t.call('auth:activity', {}))).toBe('ok');
    t.clock.advance(1);
    expect(code(await t.call('auth:activity', {}))).toBe('SESSION_EXPIRED');
    expect(code(await t.call('auth:activity', {}))).toBe('UNAUTHENTICATED');
    await t.close();
  });

  it('logout ends the session; a password change ends the other sessions (S3)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    expect(code(await login(t, ADMIN, 7))).toBe('ok');
    await t.must('auth:changePassword', {
      currentPassword: ADMIN.password,
      newPassword: 'a brand new passphrase',
    });
    expect(code(await t.call('staff:list', {}, 7))).toBe('UNAUTHENTICATED');
    expect(code(await t.call('staff:list', {}, ADMIN_WIN))).toBe('ok');
    expect(code(await login(t, ADMIN, 7))).toBe('INVALID_CREDENTIALS');
    expect(code(await login(t, { ...ADMIN, password: 'a brand new passphrase' }, 7))).toBe('ok');
    await t.must('auth:logout', {}, 7);
    expect(code(await t.call('staff:list', {}, 7))).toBe('UNAUTHENTICATED');
    expect(auditCount(t, 'auth.password_change', 'success')).toBe(1);
    expect(auditCount(t, 'auth.logout', 'success')).toBe(1);
    await t.close();
  });

  it('a password change needs the current password and a good new one', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    expect(
      await t.call('auth:changePassword', {
        currentPassword: 'nope nope',
        newPassword: 'a brand new passphrase',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', issues: [{ path: 'currentPassword' }] },
    });
    expect(
      await t.call('auth:changePassword', {
        currentPassword: ADMIN.password,
        newPassword: '12345678',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', issues: [{ path: 'newPassword' }] },
    });
    expect(code(await login(t, ADMIN, 3))).toBe('ok');
    await t.close();
  });

  it('sensitive actions ask for the password again after 5 minutes (S3)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    const id = await approvedMember(t);
    t.clock.advanceMinutes(4);
    await t.must('auth:activity');
    t.clock.advanceMinutes(2);
    expect(code(await t.call('staff:disable', { id }))).toBe('REAUTH_REQUIRED');
    expect(code(await t.call('auth:reauthenticate', { password: 'wrong password' }))).toBe(
      'INVALID_CREDENTIALS',
    );
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    expect(code(await t.call('staff:disable', { id }))).toBe('ok');
    await t.close();
  });
});

describe('temporary passwords (R1)', () => {
  it('admin-created members must change the temporary password, which works once and expires in 10 minutes', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    const created = await t.must('staff:create', {
      username: 'dora',
      email: 'dora@shop.test',
      displayName: 'Dora',
      role: 'manager',
      approve: true,
    });
    expect(created.temporaryPasswordExpiresAt).toBe('2026-11-23T09:10:00.000Z');
    expect(
      t.raw().prepare('SELECT password_hash AS h FROM staff WHERE username = ?').get('dora'),
    ).not.toMatchObject({ h: expect.stringContaining(created.temporaryPassword) });
    const dora = { username: 'dora', password: created.temporaryPassword };

    const s = asSession(
      await t.must('auth:login', { identifier: 'dora', password: dora.password }, MEMBER_WIN),
    );
    expect(s.mustChangePassword).toBe(true);
    expect(code(await t.call('staff:list', {}, MEMBER_WIN))).toBe('PASSWORD_CHANGE_REQUIRED');
    // Single use: a second sign-in with it fails.
    expect(code(await login(t, dora, 8))).toBe('TEMPORARY_PASSWORD_EXPIRED');
    const after = await t.must(
      'auth:changePassword',
      { currentPassword: dora.password, newPassword: 'dora picks her own' },
      MEMBER_WIN,
    );
    expect(after.mustChangePassword).toBe(false);
    expect(code(await t.call('staff:list', {}, MEMBER_WIN))).toBe('ok');

    // A reset: expires after 10 minutes unused, and ends the member's sessions.
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    const reset = await t.must('staff:resetPassword', { id: created.staff.id });
    expect(code(await t.call('staff:list', {}, MEMBER_WIN))).toBe('UNAUTHENTICATED');
    expect(
      code(await login(t, { username: 'dora', password: 'dora picks her own' }, MEMBER_WIN)),
    ).toBe('INVALID_CREDENTIALS');
    t.clock.advanceMinutes(10);
    expect(
      code(await login(t, { username: 'dora', password: reset.temporaryPassword }, MEMBER_WIN)),
    ).toBe('TEMPORARY_PASSWORD_EXPIRED');
    await t.close();
  });
});

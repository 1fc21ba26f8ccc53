/**
 * Issue 9, section 5: till PIN and quick switch, on a real SQLite file with the fake clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
  TEST_PASSWORD_COST,
} from '../helpers/core';

const ADA_PIN = '2580';
const CARL_PIN = '73914';

function pinRow(t: TestCore, staffId: number) {
  return t
    .raw()
    .prepare('SELECT pin_hash, failed_count, disabled_at FROM staff_pins WHERE staff_id = ?')
    .get(staffId) as
    { pin_hash: string; failed_count: number; disabled_at: string | null } | undefined;
}

describe('till PIN', () => {
  let t: TestCore;
  let adaId: number;
  let carlId: number;

  beforeEach(async () => {
    t = await makeTestCore();
    adaId = (await withAdmin(t)).staff.id;
    carlId = await approvedMember(t);
    await t.must('pin:set', { password: ADMIN.password, pin: ADA_PIN });
  });
  afterEach(() => t.close());

  it('is set with the password, stored as a salted bcrypt hash, never in clear', async () => {
    const row = pinRow(t, adaId)!;
    // At the core's cost: test cores hash at TEST_PASSWORD_COST; the app's 12 is passwords.test.ts's.
    expect(row.pin_hash).toMatch(
      new RegExp(`^pin-bcrypt:\\$2b\\$${String(TEST_PASSWORD_COST).padStart(2, '0')}\\$`),
    );
    expect(row.pin_hash).not.toContain(ADA_PIN);
    expect(await t.must('pin:status')).toMatchObject({ set: true, disabledAt: null });
    expect(auditCount(t, 'pin.set', 'success')).toBe(1);
    // The same PIN for another member gets another salt.
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    await t.must('pin:set', { password: MEMBER.password, pin: ADA_PIN }, 2);
    expect(pinRow(t, carlId)!.pin_hash).not.toBe(row.pin_hash);
  });

  it('bad input changes nothing: wrong password, letters, too short or long, too simple', async () => {
    const before = pinRow(t, adaId)!.pin_hash;
    const wrong = await t.call('pin:set', { password: 'not my password', pin: '4826' });
    expect(resultCode(wrong)).toBe('INVALID_CREDENTIALS');
    for (const pin of ['12a4', '123', '123456789', '１２３４', ' 4826'])
      expect(resultCode(await t.call('pin:set', { password: ADMIN.password, pin }))).toBe(
        'VALIDATION_FAILED',
      );
    for (const pin of ['0000', '1234', '98765', '55555555'])
      expect(resultCode(await t.call('pin:set', { password: ADMIN.password, pin }))).toBe(
        'VALIDATION_FAILED',
      );
    expect(pinRow(t, adaId)!.pin_hash).toBe(before);
    expect(auditCount(t, 'pin.set', 'success')).toBe(1);
  });

  it('unlocks the locked till, but never counts as re-authentication', async () => {
    await t.must('auth:lock');
    expect(resultCode(await t.call('staff:list', {}))).toBe('SESSION_LOCKED');
    expect(resultCode(await t.call('pin:unlock', { pin: '9999' }))).toBe('PIN_INVALID');
    const s = await t.must('pin:unlock', { pin: ADA_PIN });
    expect(s.locked).toBe(false);
    expect(resultCode(await t.call('staff:list', {}))).toBe('ok');
    // The password was typed a moment ago, yet after a PIN a sensitive action needs it again.
    const create = await t.call('staff:create', {
      username: 'newbie',
      email: 'newbie@shop.test',
      displayName: 'New Bie',
      role: 'cashier',
      approve: true,
    });
    expect(resultCode(create)).toBe('REAUTH_REQUIRED');
    expect(auditCount(t, 'pin.unlock', 'success')).toBe(1);
    expect(auditCount(t, 'pin.unlock', 'failure')).toBe(1);
  });

  it('switches between members who signed in with the password on this till', async () => {
    // Carl signs in on the same window (the till): Ada's sign-in stays resumable.
    t.clock.advanceMinutes(1);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password });
    await t.must('pin:set', { password: MEMBER.password, pin: CARL_PIN });
    await t.must('auth:lock');
    const members = await t.must('pin:members');
    expect(members.map((m) => [m.username, m.current])).toEqual([
      ['carl', true],
      ['ada', false],
    ]);
    const ada = await t.must('pin:switch', { staffId: adaId, pin: ADA_PIN });
    expect(ada.staff.username).toBe('ada');
    expect(ada.locked).toBe(false);
    expect(ada.permissions).toContain('staff.manage');
    // The session keeps the 12-hour end of Ada's password sign-in.
    expect(ada.expiresAt).toBe('2026-11-23T21:00:00.000Z');
    expect(resultCode(await t.call('staff:list', {}))).toBe('ok');
    const carl = await t.must('pin:switch', { staffId: carlId, pin: CARL_PIN });
    expect(carl.staff.username).toBe('carl');
    expect(resultCode(await t.call('staff:list', {}))).toBe('FORBIDDEN');
    expect(auditCount(t, 'pin.switch', 'success')).toBe(2);
  });

  it('does not resume a sign-in made on another till, older than 12 hours, or since ended', async () => {
    // Carl signs in and sets his PIN on till 2 (another core on the same file).
    const till2 = await makeTestCore({ dir: t.dir, clock: t.clock, terminalName: 'till-2' });
    try {
      await till2.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password });
      await till2.must('pin:set', { password: MEMBER.password, pin: CARL_PIN });
    } finally {
      await till2.core.close();
    }
    expect(resultCode(await t.call('pin:switch', { staffId: carlId, pin: CARL_PIN }))).toBe(
      'PIN_UNAVAILABLE',
    );
    // On this till now; then the admin ends his sessions: the PIN cannot resume that sign-in.
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    expect((await t.must('pin:members')).map((m) => m.username)).toEqual(['ada', 'carl']);
    await t.must('staff:endSessions', { id: carlId });
    expect(resultCode(await t.call('pin:switch', { staffId: carlId, pin: CARL_PIN }))).toBe(
      'PIN_UNAVAILABLE',
    );
    // A new shift: 12 hours after Ada's sign-in nobody can switch in by PIN.
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    t.clock.advanceMinutes(12 * 60);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 3);
    expect(resultCode(await t.call('pin:switch', { staffId: adaId, pin: ADA_PIN }, 3))).toBe(
      'PIN_UNAVAILABLE',
    );
    expect((await t.must('pin:members', {}, 3)).map((m) => m.username)).toEqual(['carl']);
  });

  it('5 wrong PINs disable it until the next password sign-in', async () => {
    await t.must('auth:lock');
    for (let i = 1; i <= 4; i++)
      expect(resultCode(await t.call('pin:unlock', { pin: '9999' }))).toBe('PIN_INVALID');
    expect(resultCode(await t.call('pin:unlock', { pin: '9999' }))).toBe('PIN_DISABLED');
    expect(resultCode(await t.call('pin:unlock', { pin: ADA_PIN }))).toBe('PIN_DISABLED');
    expect(pinRow(t, adaId)).toMatchObject({ failed_count: 5 });
    expect(pinRow(t, adaId)!.disabled_at).not.toBeNull();
    expect(auditCount(t, 'pin.disabled')).toBe(1);
    // Unlocking with the password is not a sign-in: the PIN stays disabled.
    await t.must('auth:unlock', { password: ADMIN.password });
    await t.must('auth:lock');
    expect(resultCode(await t.call('pin:unlock', { pin: ADA_PIN }))).toBe('PIN_DISABLED');
    // A password sign-in gives it back.
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    expect(pinRow(t, adaId)).toMatchObject({ failed_count: 0, disabled_at: null });
    await t.must('auth:lock');
    await t.must('pin:unlock', { pin: ADA_PIN });
  });

  it('concurrent wrong PINs are counted exactly: 10 at once, 5 counted, then disabled', async () => {
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => t.call('pin:switch', { staffId: adaId, pin: '9999' })),
    );
    const codes = answers.map(resultCode);
    expect(codes.filter((c) => c === 'PIN_INVALID')).toHaveLength(4);
    expect(codes.filter((c) => c === 'PIN_DISABLED')).toHaveLength(6);
    expect(pinRow(t, adaId)!.failed_count).toBe(5);
    expect(auditCount(t, 'pin.switch', 'failure')).toBe(5);
    // The right PIN now is refused too.
    expect(resultCode(await t.call('pin:switch', { staffId: adaId, pin: ADA_PIN }))).toBe(
      'PIN_DISABLED',
    );
  });

  it('can be removed; then only the password unlocks', async () => {
    expect(await t.must('pin:clear')).toMatchObject({ set: false });
    expect(auditCount(t, 'pin.clear')).toBe(1);
    await t.must('auth:lock');
    expect(resultCode(await t.call('pin:unlock', { pin: ADA_PIN }))).toBe('PIN_UNAVAILABLE');
    await t.must('auth:unlock', { password: ADMIN.password });
  });
});
